package app.casepath.security;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

/** Signing in and out of the browser session, and who you are. */
@RestController
class SessionController {

    record Me(String username, String displayName, List<String> groups) {
    }

    record Credentials(String username, String password) {
    }

    private final AuthenticationManager authentication;
    private final SecurityContextRepository contexts;
    private final IdentityService identity;

    SessionController(AuthenticationManager authentication, SecurityContextRepository contexts, IdentityService identity) {
        this.authentication = authentication;
        this.contexts = contexts;
        this.identity = identity;
    }

    @GetMapping("/api/me")
    Me me() {
        return me(Caller.current());
    }

    /** Sets the XSRF-TOKEN cookie that a browser echoes in X-XSRF-TOKEN. */
    @GetMapping("/api/csrf")
    Map<String, String> csrf(CsrfToken token) {
        return Map.of("headerName", token.getHeaderName(), "token", token.getToken());
    }

    @PostMapping("/api/login")
    ResponseEntity<?> login(@RequestBody Credentials credentials, HttpServletRequest request, HttpServletResponse response) {
        Authentication signedIn;
        try {
            signedIn = authentication.authenticate(UsernamePasswordAuthenticationToken.unauthenticated(
                    credentials.username(), credentials.password()));
        } catch (AuthenticationException e) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNAUTHORIZED, "Unknown user or wrong password.");
            problem.setTitle("Not signed in");
            return ResponseEntity.status(HttpStatus.UNAUTHORIZED).body(problem);
        }
        request.getSession(true);
        request.changeSessionId();
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(signedIn);
        SecurityContextHolder.setContext(context);
        contexts.saveContext(context, request, response);
        return ResponseEntity.ok(me(Caller.current()));
    }

    @PostMapping("/api/logout")
    ResponseEntity<Void> logout(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.invalidate();
        }
        SecurityContextHolder.clearContext();
        return ResponseEntity.noContent().build();
    }

    private Me me(Caller caller) {
        User user = identity.createUserQuery().userId(caller.username()).singleResult();
        String name = user == null ? caller.username()
                : (nullToEmpty(user.getFirstName()) + " " + nullToEmpty(user.getLastName())).strip();
        return new Me(caller.username(), name.isEmpty() ? caller.username() : name, caller.groups().stream().sorted().toList());
    }

    private static String nullToEmpty(String text) {
        return text == null ? "" : text;
    }
}
