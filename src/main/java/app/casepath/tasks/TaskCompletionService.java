package app.casepath.tasks;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

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
        String caseId = item.caseId();
        String user = caller.username();
        TaskFormHandler.TaskContext context = new TaskFormHandler.TaskContext(caseId, taskId, user, time.today());
        TaskFormHandler.Completion completion = apply(handlers.get(key), Form.of(body, context.today()), context);

        if (completion.milestoneOn() != null) {
            milestones.done(taskId, completion.milestoneOn());
        }
        submissions.save(caseId, taskId, key.key(), user, time.now(), body == null ? "{}" : body.toString());
        // Who completed it is in the form submission and the chronology; claiming first would only
        // add an engine update (and its history) to every completion.
        if (caseId != null) { // a task with no case keeps its history in its own record (a warning's review)
            chronology.record(caseId, key.key(), completion.summary(), user);
        }
        taskService.complete(taskId, completion.variables());
    }

    private static <F> TaskFormHandler.Completion apply(TaskFormHandler<F> handler, Form form,
                                                       TaskFormHandler.TaskContext context) {
        F read = handler.read(form, context);
        form.check();
        return handler.apply(read, context);
    }
}
