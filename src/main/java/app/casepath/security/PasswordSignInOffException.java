package app.casepath.security;

import org.springframework.security.core.AuthenticationException;

/** A password was offered where only the council's identity provider signs people in. */
class PasswordSignInOffException extends AuthenticationException {

    /** In words for the person refused; the sign-in page shows it as it is. */
    static final String MESSAGE = "Sign in with your council account: passwords are only for the break-glass administrator.";

    PasswordSignInOffException() {
        super(MESSAGE);
    }
}
