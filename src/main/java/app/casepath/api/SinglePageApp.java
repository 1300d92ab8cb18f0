package app.casepath.api;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The tasklist's own addresses all serve its page; the browser's router takes it from there. */
@Controller
class SinglePageApp {

    @GetMapping({"/", "/sign-in", "/cases", "/cases/{caseId}", "/tasks/{taskId}", "/contacts/new", "/panel", "/dashboard"})
    String page() {
        return "forward:/index.html";
    }
}
