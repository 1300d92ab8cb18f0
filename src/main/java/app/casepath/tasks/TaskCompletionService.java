package app.casepath.tasks;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import org.camunda.bpm.engine.TaskService;
import org.springframework.stereotype.Service;

import com.fasterxml.jackson.databind.JsonNode;

import app.casepath.calendar.TimeSource;
import app.casepath.caserecord.Chronology;
import app.casepath.process.TaskKey;
import app.casepath.security.Caller;

/**
 * Completes a task with its form: check the caller may work it (locking it against a colleague
 * doing the same at once), validate (nothing written if anything is wrong), write the case
 * record, then move the process, all in one transaction. A value the model could not route is
 * refused here, so it never reaches the engine as an incident. A completion that meets one of the
 * engine's own jobs on the same execution is run again (EngineRaces), not refused.
 */
@Service
public class TaskCompletionService {

    private final TaskService taskService;
    private final Map<TaskKey, TaskFormHandler<?>> handlers = new EnumMap<>(TaskKey.class);
    private final Milestones milestones;
    private final FormSubmissions submissions;
    private final Chronology chronology;
    private final TimeSource time;
    private final TaskWork work;
    private final EngineRaces races;

    public TaskCompletionService(TaskService taskService, List<TaskFormHandler<?>> handlers, Milestones milestones,
                                 FormSubmissions submissions, Chronology chronology, TimeSource time, TaskWork work,
                                 EngineRaces races) {
        this.taskService = taskService;
        this.work = work;
        this.races = races;
        handlers.forEach(h -> {
            if (this.handlers.put(h.task(), h) != null) {
                throw new IllegalStateException("two form handlers for " + h.task().key());
            }
        });
        for (TaskKey key : TaskKey.values()) {
            if (!this.handlers.containsKey(key)) {
                throw new IllegalStateException("no form handler for task " + key.key());
            }
        }
        this.milestones = milestones;
        this.submissions = submissions;
        this.chronology = chronology;
        this.time = time;
    }

    public void complete(Caller caller, String taskId, JsonNode body) {
        races.inFreshTransaction(() -> completeOnce(caller, taskId, body));
    }

    private void completeOnce(Caller caller, String taskId, JsonNode body) {
        TaskInbox.Item item = work.lockForWork(caller, taskId);
        TaskKey key = TaskKey.require(item.taskKey());
        TaskFormHandler.TaskContext context = new TaskFormHandler.TaskContext(item.caseId(), taskId, caller.username(),
                time.today());
        TaskFormHandler.Completion completion = apply(handlers.get(key), Form.of(body, context.today()), context);

        finish(context, key, completion, body);
    }

    private void finish(TaskFormHandler.TaskContext context, TaskKey key, TaskFormHandler.Completion completion,
                        JsonNode body) {
        String taskId = context.taskId();
        if (completion.milestoneOn() != null) {
            milestones.done(taskId, completion.milestoneOn());
        }
        submissions.save(context.caseId(), taskId, key.key(), context.user(), time.now(),
                body == null || body.isNull() ? "{}" : body.toString());
        // Working an unassigned group task is claiming it (roles.md): who completed it is in the form
        // submission and the chronology; claiming first would only add an engine update (and its
        // history) to every completion.
        // A task with no case keeps its history in its own record (a warning's review); one with no
        // summary has its entry written by the record it made (a visit's note is the visit's entry).
        if (context.caseId() != null && completion.summary() != null) {
            chronology.record(context.caseId(), key.key(), completion.summary(), context.user());
        }
        taskService.complete(taskId, completion.variables());
    }

    /** The most tasks worked together: a family's children, not a caseload. */
    public static final int MAX_TOGETHER = 20;

    /** One task of a batch, as the request named it: completions[index]. */
    private record Submitted(int index, String taskId, JsonNode form) {
    }

    /** A task of the batch once locked and its form read, ready to write. */
    private record Prepared<F>(Submitted submitted, TaskInbox.Item item, TaskFormHandler<F> handler, F form,
                               TaskFormHandler.TaskContext context) {
    }

    /**
     * POST /api/tasks/complete-together: tasks of one task key, on cases that belong together, each
     * completed with its own form, all in one transaction: any refusal (a form, a task the caller
     * may not work, a task gone) leaves every one of them open. {@code together} says which cases
     * belong together (a family's, say; the caller decides): each case's group, and all must share one.
     * Retried as a whole (EngineRaces): a race lost on the third task undoes the first two as well.
     *
     * @return the cases whose tasks were completed, in the request's order
     */
    public List<String> completeTogether(Caller caller, JsonNode body, Function<String, Optional<String>> together) {
        List<Submitted> submitted = readBatch(body);
        return races.inFreshTransaction(() -> completeTogetherOnce(caller, submitted, together));
    }

    private static List<Submitted> readBatch(JsonNode body) {
        Form form = Form.of(body, null);
        if (!form.has("completions")) {
            form.error("completions", "is required");
        }
        List<Form> items = form.objects("completions");
        if (form.valid() && items.isEmpty()) {
            form.error("completions", "must name at least one task");
        } else if (items.size() > MAX_TOGETHER) {
            form.error("completions", "must have at most " + MAX_TOGETHER + " tasks");
        }
        form.check();
        List<Submitted> submitted = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < items.size(); i++) {
            Form item = items.get(i);
            String taskId = item.text("taskId", true, 64);
            if (taskId != null && !seen.add(taskId)) {
                item.error("taskId", "names a task already in this list");
            }
            JsonNode taskForm = body.get("completions").get(i).get("form");
            if (taskForm != null && !taskForm.isNull() && !taskForm.isObject()) {
                item.error("form", "must be an object");
            }
            submitted.add(new Submitted(i, taskId, taskForm));
        }
        form.check();
        return submitted;
    }

    private List<String> completeTogetherOnce(Caller caller, List<Submitted> submitted,
                                              Function<String, Optional<String>> together) {
        // Locked in one order, so two batches over the same tasks wait for each other, never deadlock.
        Map<String, TaskInbox.Item> locked = new java.util.HashMap<>();
        submitted.stream().map(Submitted::taskId).sorted()
                .forEach(taskId -> locked.put(taskId, work.lockForWork(caller, taskId)));

        List<FieldError> errors = new ArrayList<>();
        TaskInbox.Item first = locked.get(submitted.get(0).taskId());
        Optional<String> group = together.apply(first.caseId());
        for (Submitted each : submitted.subList(1, submitted.size())) {
            TaskInbox.Item item = locked.get(each.taskId());
            String field = "completions[" + each.index() + "].taskId";
            if (!Objects.equals(item.taskKey(), first.taskKey())) {
                errors.add(new FieldError(field, "is a " + item.taskKey() + " task; completions[0] is " + first.taskKey()
                        + ", and only tasks of one kind are completed together"));
            } else if (group.isEmpty() || !group.equals(together.apply(item.caseId()))) {
                errors.add(new FieldError(field, "is on a case that does not belong with completions[0]'s"));
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }

        // Every form is read before anything is written, so one answer names all that is wrong.
        List<Prepared<?>> prepared = new ArrayList<>();
        for (Submitted each : submitted) {
            try {
                prepared.add(prepare(each, locked.get(each.taskId()), caller));
            } catch (InvalidInputException refused) {
                errors.addAll(refused.errors());
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        for (Prepared<?> each : prepared) {
            write(each);
        }
        return prepared.stream().map(p -> p.item().caseId()).toList();
    }

    private <F> Prepared<F> prepare(Submitted submitted, TaskInbox.Item item, Caller caller) {
        @SuppressWarnings("unchecked")
        TaskFormHandler<F> handler = (TaskFormHandler<F>) handlers.get(TaskKey.require(item.taskKey()));
        TaskFormHandler.TaskContext context = new TaskFormHandler.TaskContext(item.caseId(), item.taskId(),
                caller.username(), time.today());
        Form form = Form.of(submitted.form(), context.today(), "completions[" + submitted.index() + "].");
        F read = handler.read(form, context);
        form.check();
        return new Prepared<>(submitted, item, handler, read, context);
    }

    private <F> void write(Prepared<F> prepared) {
        TaskFormHandler.TaskContext context = prepared.context();
        TaskFormHandler.Completion completion;
        try {
            completion = prepared.handler().apply(prepared.form(), context);
        } catch (InvalidInputException refused) {
            // A handler's own late check names its form's field; in a batch, the field is the task's in the list.
            String prefix = "completions[" + prepared.submitted().index() + "].";
            throw new InvalidInputException(refused.errors().stream()
                    .map(e -> new FieldError(prefix + e.field(), e.message())).toList());
        }
        JsonNode body = prepared.submitted().form();
        finish(context, TaskKey.require(prepared.item().taskKey()), completion, body);
    }

    private static <F> TaskFormHandler.Completion apply(TaskFormHandler<F> handler, Form form,
                                                       TaskFormHandler.TaskContext context) {
        F read = handler.read(form, context);
        form.check();
        return handler.apply(read, context);
    }
}
