package app.casepath.recording;

import java.time.LocalDate;
import java.util.Map;

import org.camunda.bpm.engine.TaskService;
import org.springframework.stereotype.Component;

import app.casepath.calendar.TimeSource;
import app.casepath.process.Journey;
import app.casepath.process.TaskKey;
import app.casepath.tasks.Form;
import app.casepath.tasks.TaskFormHandler;

/** completeAction {completedOn, outcome}: the action's completion, recorded against the note that set it. */
@Component
class CompleteActionHandler implements TaskFormHandler<CompleteActionHandler.Done> {

    record Done(String actionId, LocalDate completedOn, String outcome) {
    }

    private final CaseActions actions;
    private final TaskService tasks;
    private final TimeSource time;

    CompleteActionHandler(CaseActions actions, TaskService tasks, TimeSource time) {
        this.actions = actions;
        this.tasks = tasks;
        this.time = time;
    }

    @Override
    public TaskKey task() {
        return TaskKey.COMPLETE_ACTION;
    }

    @Override
    public Done read(Form form, TaskContext context) {
        String actionId = (String) tasks.getVariable(context.taskId(), Journey.ACTION_ID);
        LocalDate completedOn = form.happenedOn("completedOn");
        form.notBefore("completedOn", completedOn, actions.setOn(actionId), "the day the action was set");
        return new Done(actionId, completedOn, form.requiredText("outcome"));
    }

    @Override
    public Completion apply(Done done, TaskContext context) {
        actions.completed(done.actionId(), done.completedOn(), done.outcome(), context.user(), time.now());
        String from = actions.fromSupervision(done.actionId()) ? "supervision" : "management oversight";
        return Completion.of("Action from " + from + " done on " + done.completedOn() + " ("
                + actions.text(done.actionId()) + "): " + done.outcome(), null, Map.of());
    }
}
