package app.casepath.tasks;

import java.util.ArrayList;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.springframework.stereotype.Component;

import app.casepath.calendar.TimeSource;
import app.casepath.process.Journey;
import app.casepath.process.TaskKey;

/**
 * Hooks every user task of every model into the case record, so that no model has to remember
 * to: a task with a timescale opens its milestone when it appears and sets it aside if it is
 * cancelled (its stage was interrupted).
 */
@Component
class TaskLifecyclePlugin extends AbstractProcessEnginePlugin {

    private final Milestones milestones;
    private final TimeSource time;

    TaskLifecyclePlugin(Milestones milestones, TimeSource time) {
        this.milestones = milestones;
        this.time = time;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        if (configuration.getCustomPostBPMNParseListeners() == null) {
            configuration.setCustomPostBPMNParseListeners(new ArrayList<>());
        }
        TaskListener opened = this::opened;
        TaskListener cancelled = task -> milestones.taskCancelled(task.getId());
        configuration.getCustomPostBPMNParseListeners().add(new AbstractBpmnParseListener() {
            @Override
            public void parseUserTask(Element element, ScopeImpl scope, ActivityImpl activity) {
                var definition = ((UserTaskActivityBehavior) activity.getActivityBehavior()).getTaskDefinition();
                definition.addTaskListener(TaskListener.EVENTNAME_CREATE, opened);
                definition.addTaskListener(TaskListener.EVENTNAME_DELETE, cancelled);
            }
        });
    }

    private void opened(DelegateTask task) {
        TaskKey key = TaskKey.require(task.getTaskDefinitionKey());
        key.milestone().ifPresent(milestone -> milestones.taskOpened(
                (String) task.getVariable(Journey.CASE_ID), milestone, key.key(), task.getId(),
                time.dateOf(task.getDueDate().toInstant())));
    }
}
