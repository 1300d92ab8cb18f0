package app.casepath.caserecord;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import app.casepath.api.Paging;
import app.casepath.audit.Audited;
import app.casepath.process.Stage;
import app.casepath.security.Caller;
import jakarta.servlet.http.HttpServletRequest;

@RestController
class CaseController {

    private final CaseQueries cases;
    private final ChildRecord children;

    CaseController(CaseQueries cases, ChildRecord children) {
        this.cases = cases;
        this.children = children;
    }

    /** The cases visible to the caller, newest first; q matches a child's name, child number, NHS number or a case reference. */
    @GetMapping("/api/cases")
    CaseQueries.CasePage list(@RequestParam(required = false) String q, @RequestParam(required = false) Stage stage,
                              @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size,
                              HttpServletRequest request) {
        Paging paging = Paging.of(page, size, 25);
        CaseQueries.CasePage result = cases.list(Caller.current(), q, stage == null ? null : stage.name(),
                paging.page(), paging.size());
        Audited.cases(request, result.items().stream().map(CaseQueries.CaseSummary::caseId).toList());
        return result;
    }

    @GetMapping("/api/cases/{caseId}")
    CaseQueries.CaseView get(@PathVariable String caseId) {
        return cases.get(Caller.current(), caseId);
    }

    /** Corrects the child's census items (UPN or why unknown, former UPN, NHS number, disabilities). */
    @PatchMapping("/api/cases/{caseId}/child")
    CaseQueries.Child correctChild(@PathVariable String caseId, @RequestBody JsonNode child) {
        return children.correct(Caller.current(), caseId, child);
    }

    /**
     * The current Signs of Safety map (the latest of each part) and its history, oldest first; a
     * part a form did not record is null in the history.
     */
    @GetMapping("/api/cases/{caseId}/map")
    SignsOfSafety.CaseMap map(@PathVariable String caseId) {
        return cases.map(Caller.current(), caseId);
    }

    /** The model the case is in now, with its current position, for the case view's diagram. */
    @GetMapping("/api/cases/{caseId}/diagram")
    app.casepath.process.CaseDiagrams.Diagram diagram(@PathVariable String caseId) {
        return cases.diagram(Caller.current(), caseId);
    }

    /** Oldest first; {@code kind} one kind of entry (a task key, a note's kind, CONTACT…), {@code significant} the significant events alone. */
    @GetMapping("/api/cases/{caseId}/chronology")
    List<CaseQueries.ChronologyEntry> chronology(@PathVariable String caseId, @RequestParam(required = false) String kind,
                                                 @RequestParam(required = false) Boolean significant) {
        if (kind != null && (kind.isBlank() || kind.length() > 40)) {
            throw app.casepath.tasks.InvalidInputException.of("kind", "must be a kind of chronology entry");
        }
        return cases.chronology(Caller.current(), caseId, kind, Boolean.TRUE.equals(significant));
    }
}
