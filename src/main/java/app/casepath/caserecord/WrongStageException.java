package app.casepath.caserecord;

/** The request does not fit the case where it now is (e.g. a concern on a closed case). */
public class WrongStageException extends RuntimeException {
    public WrongStageException(String message) {
        super(message);
    }
}
