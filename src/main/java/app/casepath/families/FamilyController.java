package app.casepath.families;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import app.casepath.audit.Audited;
import app.casepath.security.Caller;
import jakarta.servlet.http.HttpServletRequest;

@RestController
class FamilyController {

    private final Families families;

    FamilyController(Families families) {
        this.families = families;
    }

    /** The family's children and the cases of theirs the caller may read, their open tasks and what is next due. */
    @GetMapping("/api/families/{familyId}")
    Families.Family get(@PathVariable String familyId, HttpServletRequest request) {
        Families.Family family = families.get(Caller.current(), familyId);
        // Like a list of cases, the audit row names every case the answer showed.
        Audited.cases(request, Families.caseIds(family));
        return family;
    }
}
