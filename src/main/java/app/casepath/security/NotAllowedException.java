package app.casepath.security;

/** The caller may see this, but may not do this to it (403; nothing changes). */
public class NotAllowedException extends RuntimeException {
    public NotAllowedException(String message) {
        super(message);
    }
}
