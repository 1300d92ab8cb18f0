package app.casepath.security;

import org.springframework.security.core.AuthenticationException;

/** A password was offered where only the council's identity provider signs people in. */
class PasswordSignInOffException extends AuthenticationException {

    PasswordSignInOffException() {
        super("Password sign-in is off: sign in with your council account");
    }
}
