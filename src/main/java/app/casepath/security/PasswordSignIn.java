package app.casepath.security;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.stereotype.Component;

/**
 * Who may sign in with a password (the sign-in page, HTTP Basic on /api and /engine-rest, Cockpit).
 * Everyone, unless this is production with the council's identity provider configured: then the
 * provider signs staff in (with its multi-factor authentication and its leavers switched off), and a
 * password is only for the break-glass administrator, for when the provider itself is down.
 */
@Component
public class PasswordSignIn {

    private static final Logger log = LoggerFactory.getLogger(PasswordSignIn.class);

    private final boolean breakGlassOnly;
    private final String breakGlassUser;

    PasswordSignIn(SecuritySettings settings, Environment environment) {
        this.breakGlassOnly = settings.oidc().configured() && environment.acceptsProfiles(Profiles.of("prod"));
        this.breakGlassUser = settings.breakGlassUser() == null || settings.breakGlassUser().isBlank()
                ? null : settings.breakGlassUser();
        if (breakGlassOnly && breakGlassUser == null) {
            log.warn("Password sign-in is off and casepath.security.break-glass-user is not set:"
                    + " no one can sign in while the identity provider is down");
        }
    }

    public boolean allows(String username) {
        return !breakGlassOnly || (breakGlassUser != null && breakGlassUser.equals(username));
    }

    /** Whether only the break-glass administrator may use a password here. */
    public boolean breakGlassOnly() {
        return breakGlassOnly;
    }
}
