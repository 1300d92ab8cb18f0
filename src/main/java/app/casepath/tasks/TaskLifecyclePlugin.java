package app.casepath.tasks;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.springframework.stereotype.Component;

import org.springframework.beans.factory.ObjectProvider;

import app.casepath.calendar.TimeSource;
import app.casepath.notify.Notifications;
import app.casepath.process.Journey;
import app.casepath.process.TaskKey;

/**
 * Hooks every user task of every model into the case record, so that no model has to remember
 * to: the task enters the inbox projection; a task with a timescale opens its milestone when it
 * appears and sets it aside if it is cancelled (its stage was interrupted).
 */
@Component
class TaskLifecyclePlugin extends AbstractProcessEnginePlugin {

    /** The engine's task state while a task's creation listeners run (TaskEntity.TaskState.STATE_CREATED). */
    private static final String CREATED = "Created";

    private final Milestones milestones;
    private final TaskInbox inbox;
    private final TimeSource time;
    /** Looked up when a task opens: notifications need the engine, which needs this plugin first. */
    private final ObjectProvider<Notifications> notifications;

    TaskLifecyclePlugin(Milestones milestones, TaskInbox inbox, TimeSource time, ObjectProvider<Notifications> notifications) {
        this.milestones = milestones;
        this.inbox = inbox;
        this.time = time;
        this.notifications = notifications;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        if (configuration.getCustomPostBPMNParseListeners() == null) {
            configuration.setCustomPostBPMNParseListeners(new ArrayList<>());
        }
        TaskListener opened = this::opened;
        TaskListener assigned = task -> {
            // The assignee a task is created with is already in its inbox row (opened).
            if (!(task instanceof Task entity && CREATED.equals(entity.getTaskState()))) {
                inbox.assigned(task.getId(), task.getAssignee());
            }
        };
        TaskListener completed = task -> inbox.closed(task.getId());
        TaskListener cancelled = task -> {
            inbox.closed(task.getId());
            milestones.taskCancelled(task.getId());
        };
        configuration.getCustomPostBPMNParseListeners().add(new AbstractBpmnParseListener() {
            @Override
            public void parseUserTask(Element element, ScopeImpl scope, ActivityImpl activity) {
                var definition = ((UserTaskActivityBehavior) activity.getActivityBehavior()).getTaskDefinition();
                definition.addTaskListener(TaskListener.EVENTNAME_CREATE, opened);
                definition.addTaskListener(TaskListener.EVENTNAME_ASSIGNMENT, assigned);
                definition.addTaskListener(TaskListener.EVENTNAME_COMPLETE, completed);
                definition.addTaskListener(TaskListener.EVENTNAME_DELETE, cancelled);
            }
        });
    }

    private void opened(DelegateTask task) {
        TaskKey key = TaskKey.require(task.getTaskDefinitionKey());
        // From the execution, whose variables are already loaded; the task's own would be a query.
        String caseId = (String) task.getExecution().getVariable(Journey.CASE_ID);
        LocalDate dueOn = time.dateOf(task.getDueDate().toInstant());
        Set<String> groups = task.getCandidates().stream().map(IdentityLink::getGroupId).filter(Objects::nonNull)
                .collect(Collectors.toCollection(TreeSet::new));
        String personId = caseId == null ? (String) task.getExecution().getVariable(Journey.PERSON_ID) : null;
        inbox.opened(task.getId(), key.key(), task.getName(), caseId, personId, key.inJourney() ? key.stage().name() : null,
                task.getAssignee(), groups,
                dueOn, task.getCreateTime().toInstant());
        key.milestone().ifPresent(milestone -> milestones.taskOpened(caseId, milestone, key.key(), task.getId(), dueOn));
        Notifications notify = notifications.getObject();
        notify.taskOpened(caseId, task.getId(), task.getName(), task.getAssignee(), groups, dueOn);
        if (key == TaskKey.HOLD_INITIAL_CONFERENCE || key == TaskKey.HOLD_REVIEW_CONFERENCE) {
            notify.conferenceInvitation(caseId, task.getId(), key == TaskKey.HOLD_INITIAL_CONFERENCE
                    ? "initial child protection conference" : "review child protection conference", dueOn);
        }
    }
}
