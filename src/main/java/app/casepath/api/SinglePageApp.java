package app.casepath.api;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The tasklist's own addresses all serve its page; the browser's router takes it from there. */
@Controller
class SinglePageApp {

    @GetMapping({"/", "/sign-in", "/sign-in/refused", "/cases", "/cases/{caseId}", "/cases/{caseId}/child", "/tasks/{taskId}", "/contacts/new",
            "/panel", "/dashboard", "/people", "/people/{personId}", "/people/{personId}/change",
            "/people/{personId}/relationships/new", "/people/{personId}/warnings/new", "/people/{personId}/restriction",
            "/families/{familyId}", "/families/{familyId}/together/{taskKey}",
            "/cases/{caseId}/notes", "/cases/{caseId}/plan", "/cases/{caseId}/family", "/cases/{caseId}/chronology",
            "/cases/{caseId}/process", "/cases/{caseId}/documents", "/cases/{caseId}/documents/upload",
            "/cases/{caseId}/documents/{documentId}/withdraw", "/cases/{caseId}/notes/new", "/notes/{noteId}", "/notes/{noteId}/edit",
            "/teams", "/teams/{teamId}", "/teams/{teamId}/workers/{username}", "/cases/{caseId}/allocation"})
    String page() {
        return "forward:/index.html";
    }
}
