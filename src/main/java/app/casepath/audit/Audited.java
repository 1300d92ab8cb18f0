package app.casepath.audit;

import java.util.Collection;

import jakarta.servlet.http.HttpServletRequest;

/**
 * What a request touched, for its audit row: the services that resolve a case or a task (from a
 * task id, or a new contact) say so here, so the row names the case whatever the URL was.
 */
public final class Audited {

    static final String CASE = Audited.class.getName() + ".case";
    static final String DETAIL = Audited.class.getName() + ".detail";

    private Audited() {
    }

    public static void caseId(HttpServletRequest request, String caseId) {
        request.setAttribute(CASE, caseId);
    }

    /** For a list: the cases it showed. */
    public static void cases(HttpServletRequest request, Collection<String> caseIds) {
        request.setAttribute(DETAIL, "cases: " + String.join(",", caseIds));
    }

    /** What the request did, in words, when its path and answer do not say enough (who was allowed to see a record). */
    public static void detail(HttpServletRequest request, String detail) {
        request.setAttribute(DETAIL, detail);
    }
}
