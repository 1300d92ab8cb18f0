package app.casepath.security;

import java.io.IOException;
import java.util.regex.Pattern;

import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The Camunda webapps' own password sign-in (Cockpit, Admin, Tasklist) follows {@link PasswordSignIn}
 * like the rest: where the council's identity provider signs people in, in production, only the
 * break-glass administrator may sign in there with a password.
 */
class CockpitPasswordSignIn extends OncePerRequestFilter {

    private static final Pattern LOGIN = Pattern.compile("/camunda/api/admin/auth/user/[^/]+/login/[^/]+");

    private final PasswordSignIn passwords;

    CockpitPasswordSignIn(PasswordSignIn passwords) {
        this.passwords = passwords;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !passwords.breakGlassOnly() || !"POST".equals(request.getMethod())
                || !LOGIN.matcher(request.getRequestURI()).matches();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (passwords.allows(request.getParameter("username"))) {
            chain.doFilter(request, response);
        } else {
            response.sendError(HttpStatus.UNAUTHORIZED.value(), PasswordSignInOffException.MESSAGE);
        }
    }
}
