package app.casepath.security;

import java.io.IOException;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.client.oidc.web.logout.OidcClientInitiatedLogoutSuccessHandler;
import org.springframework.security.web.RedirectStrategy;
import org.springframework.security.web.csrf.CsrfLogoutHandler;
import org.springframework.security.web.authentication.logout.SecurityContextLogoutHandler;
import org.springframework.security.web.authentication.logout.SimpleUrlLogoutSuccessHandler;
import org.springframework.security.web.csrf.CsrfTokenRepository;

import com.fasterxml.jackson.databind.ObjectMapper;

import app.casepath.audit.AuditLog;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Signing out: the session ends, its CSRF token with it, and the answer's {@code continueTo} says
 * where the browser goes next: for a council account, the provider's own sign-out (RP-initiated
 * logout, ending the provider's session too, which then sends the browser back to the sign-in page);
 * otherwise the sign-in page. An answer rather than a redirect, because the tasklist signs out by fetch.
 */
public class SignOut {

    static final String SIGN_IN_PAGE = "/sign-in";

    private final SimpleUrlLogoutSuccessHandler continueTo;
    private final CsrfLogoutHandler csrf;
    private final AuditLog audit;

    SignOut(CouncilIdentityProvider council, CsrfTokenRepository csrfTokens, AuditLog audit, ObjectMapper json) {
        if (council != null) {
            OidcClientInitiatedLogoutSuccessHandler provider = new OidcClientInitiatedLogoutSuccessHandler(council.registrations());
            provider.setPostLogoutRedirectUri("{baseUrl}" + SIGN_IN_PAGE);
            continueTo = provider;
        } else {
            continueTo = new SimpleUrlLogoutSuccessHandler();
        }
        continueTo.setDefaultTargetUrl(SIGN_IN_PAGE);
        RedirectStrategy answer = (request, response, url) -> {
            response.setStatus(HttpStatus.OK.value());
            response.setContentType(MediaType.APPLICATION_JSON_VALUE);
            json.writeValue(response.getOutputStream(), Map.of("continueTo", url));
        };
        continueTo.setRedirectStrategy(answer);
        this.csrf = new CsrfLogoutHandler(csrfTokens);
        this.audit = audit;
    }

    void signOut(HttpServletRequest request, HttpServletResponse response) throws IOException, jakarta.servlet.ServletException {
        Authentication signedIn = SecurityContextHolder.getContext().getAuthentication();
        if (signedIn != null) {
            audit.session(signedIn.getName(), "SIGN_OUT", request, HttpStatus.OK.value(), null);
        }
        new SecurityContextLogoutHandler().logout(request, response, signedIn);
        csrf.logout(request, response, signedIn);
        // The provider's address is made from the ID token of the session just ended, kept in signedIn.
        continueTo.onLogoutSuccess(request, response, signedIn);
    }
}
