package app.casepath.tasks;

import java.util.Arrays;
import java.util.List;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.fasterxml.jackson.databind.JsonNode;

import app.casepath.api.Paging;
import app.casepath.audit.Audited;
import app.casepath.calendar.TimeSource;
import app.casepath.process.Stage;
import app.casepath.process.TaskKey;
import app.casepath.security.Caller;
import jakarta.servlet.http.HttpServletRequest;

@RestController
class TaskController {

    private final TaskInbox inbox;
    private final TaskWork work;
    private final TaskCompletionService completion;
    private final TaskDetails details;
    private final TimeSource time;

    TaskController(TaskInbox inbox, TaskWork work, TaskCompletionService completion, TaskDetails details, TimeSource time) {
        this.inbox = inbox;
        this.work = work;
        this.completion = completion;
        this.details = details;
        this.time = time;
    }

    /** view=mine: assigned to me; view=groups: my teams' cases' work and my groups' work that no one holds. Soonest due first. */
    @GetMapping("/api/tasks")
    TaskInbox.Page list(@RequestParam(defaultValue = "mine") String view, @RequestParam(defaultValue = "dueOn") String sort,
                        @RequestParam(required = false) Stage stage, @RequestParam(required = false) String taskKey,
                        @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size,
                        HttpServletRequest request) {
        List<FieldError> errors = new java.util.ArrayList<>();
        if (!view.equals("mine") && !view.equals("groups")) {
            errors.add(new FieldError("view", "must be mine or groups"));
        }
        if (!sort.equals("dueOn")) {
            errors.add(new FieldError("sort", "must be dueOn"));
        }
        if (taskKey != null && TaskKey.of(taskKey).isEmpty()) {
            errors.add(new FieldError("taskKey", "must be one of " + String.join(", ",
                    Arrays.stream(TaskKey.values()).map(TaskKey::key).toList())));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        Paging paging = Paging.of(page, size, 50);
        Caller caller = Caller.current();
        TaskInbox.Page result = inbox.page(view.equals("mine") ? TaskInbox.View.MINE : TaskInbox.View.GROUPS,
                caller.username(), caller.groups(), stage == null ? null : stage.name(), taskKey, paging.page(),
                paging.size(), time.today());
        Audited.cases(request, result.items().stream().map(TaskInbox.Item::caseId).distinct().toList());
        return result;
    }

    @GetMapping("/api/tasks/{taskId}")
    TaskDetails.Detail get(@PathVariable String taskId, HttpServletRequest request) {
        TaskInbox.Item task = work.visible(Caller.current(), taskId);
        Audited.caseId(request, task.caseId());
        return details.of(task);
    }

    @PostMapping("/api/tasks/{taskId}/claim")
    ResponseEntity<Void> claim(@PathVariable String taskId, HttpServletRequest request) {
        auditCase(taskId, request);
        work.claim(Caller.current(), taskId);
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/api/tasks/{taskId}/unclaim")
    ResponseEntity<Void> unclaim(@PathVariable String taskId, HttpServletRequest request) {
        auditCase(taskId, request);
        work.unclaim(Caller.current(), taskId);
        return ResponseEntity.noContent().build();
    }

    /** The task's form (api.md); 204 when the record is written and the process has moved on. */
    @PostMapping("/api/tasks/{taskId}/complete")
    ResponseEntity<Void> complete(@PathVariable String taskId, @RequestBody JsonNode form, HttpServletRequest request) {
        auditCase(taskId, request);
        completion.complete(Caller.current(), taskId, form);
        return ResponseEntity.noContent().build();
    }

    /** The audit row names the case a task belongs to, even when the attempt is refused. */
    private void auditCase(String taskId, HttpServletRequest request) {
        inbox.find(taskId, time.today()).ifPresent(task -> Audited.caseId(request, task.caseId()));
    }
}
