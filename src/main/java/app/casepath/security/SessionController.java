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

/** Signing in to the browser session with a password, what the sign-in page offers, signing out, and who you are. */
@RestController
class SessionController {

    record Me(String username, String displayName, List<String> groups) {
    }

    record Credentials(String username, String password) {
    }

    /** What the sign-in page offers: the council's account where a provider is configured, and whose passwords count. */
    record SignInOptions(boolean councilAccount, boolean passwordsForBreakGlassOnly) {
    }

    private final AuthenticationManager authentication;
    private final SecurityContextRepository contexts;
    private final IdentityService identity;
    private final SignInOptions options;
    private final SignOut signOut;

    SessionController(AuthenticationManager authentication, SecurityContextRepository contexts, IdentityService identity,
                      SecuritySettings settings, PasswordSignIn passwords, SignOut signOut) {
        this.signOut = signOut;
        this.authentication = authentication;
        this.contexts = contexts;
        this.identity = identity;
        this.options = new SignInOptions(settings.oidc().configured(), passwords.breakGlassOnly());
    }

    @GetMapping("/api/sign-in-options")
    SignInOptions signInOptions() {
        return options;
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
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNAUTHORIZED,
                    e instanceof PasswordSignInOffException ? e.getMessage() : "Unknown user or wrong password.");
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

    /** Answers {@code {"continueTo": address}}: where the browser goes next (SignOut). */
    @PostMapping("/api/logout")
    void logout(HttpServletRequest request, HttpServletResponse response) throws Exception {
        signOut.signOut(request, response);
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
