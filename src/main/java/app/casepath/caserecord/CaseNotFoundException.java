package app.casepath.caserecord;

/** No such case, or not one the caller may see: the answer is the same, so nothing leaks. */
public class CaseNotFoundException extends RuntimeException {
    public CaseNotFoundException(String caseId) {
        super("No case " + caseId);
    }
}
