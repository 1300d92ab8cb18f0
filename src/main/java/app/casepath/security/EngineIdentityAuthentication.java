package app.casepath.security;

import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.stereotype.Component;

/**
 * Users, passwords and groups live in the engine's identity service, so the product and Cockpit
 * share them. The engine hashes passwords and slows down repeated failures. Where the council's
 * identity provider signs people in, {@link PasswordSignIn} says whose passwords still count.
 */
@Component
class EngineIdentityAuthentication implements AuthenticationProvider {

    private final IdentityService identity;
    private final PasswordSignIn passwords;

    EngineIdentityAuthentication(IdentityService identity, PasswordSignIn passwords) {
        this.identity = identity;
        this.passwords = passwords;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String username = authentication.getName();
        Object credentials = authentication.getCredentials();
        if (!passwords.allows(username)) {
            throw new PasswordSignInOffException();
        }
        if (username == null || credentials == null || !identity.checkPassword(username, credentials.toString())) {
            throw new BadCredentialsException("Unknown user or wrong password");
        }
        List<SimpleGrantedAuthority> groups = identity.createGroupQuery().groupMember(username).list().stream()
                .map(g -> new SimpleGrantedAuthority(Caller.authority(g.getId()))).toList();
        return UsernamePasswordAuthenticationToken.authenticated(username, null, groups);
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
