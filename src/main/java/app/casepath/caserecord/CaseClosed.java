package app.casepath.caserecord;

/** Published (in the closing transaction) when a case closes, whatever closed it. */
public record CaseClosed(String caseId) {
}
