package app.casepath.families;

import java.util.ArrayList;
import java.util.List;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import com.fasterxml.jackson.databind.JsonNode;

import app.casepath.audit.Audited;
import app.casepath.calendar.TimeSource;
import app.casepath.security.Caller;
import app.casepath.tasks.TaskCompletionService;
import app.casepath.tasks.TaskInbox;
import jakarta.servlet.http.HttpServletRequest;

@RestController
class FamilyController {

    private final Families families;
    private final TaskCompletionService completion;
    private final TaskInbox inbox;
    private final TimeSource time;

    FamilyController(Families families, TaskCompletionService completion, TaskInbox inbox, TimeSource time) {
        this.families = families;
        this.completion = completion;
        this.inbox = inbox;
        this.time = time;
    }

    /** The family's children and the cases of theirs the caller may read, their open tasks and what is next due. */
    @GetMapping("/api/families/{familyId}")
    Families.Family get(@PathVariable String familyId, HttpServletRequest request) {
        Families.Family family = families.get(Caller.current(), familyId);
        // Like a list of cases, the audit row names every case the answer showed.
        Audited.cases(request, Families.caseIds(family));
        return family;
    }

    /**
     * Siblings' tasks of one kind (screening the contact that named them all, say), each with its
     * own form, completed together or not at all; 204 when every one is done.
     */
    @PostMapping("/api/tasks/complete-together")
    ResponseEntity<Void> completeTogether(@RequestBody JsonNode body, HttpServletRequest request) {
        // The audit row names the cases the request touched, even when it is refused.
        Audited.cases(request, casesNamed(body));
        completion.completeTogether(Caller.current(), body, families::ofCase);
        return ResponseEntity.noContent().build();
    }

    private List<String> casesNamed(JsonNode body) {
        List<String> caseIds = new ArrayList<>();
        JsonNode list = body == null ? null : body.get("completions");
        if (list != null && list.isArray() && list.size() <= TaskCompletionService.MAX_TOGETHER) {
            for (JsonNode each : list) {
                JsonNode taskId = each.get("taskId");
                if (taskId != null && taskId.isTextual() && taskId.asText().length() <= 64) {
                    inbox.find(taskId.asText(), time.today()).ifPresent(task -> caseIds.add(task.caseId()));
                }
            }
        }
        return caseIds;
    }
}
