package app.casepath.tasks;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.instance.BoundaryEvent;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import app.casepath.process.Journey;

/**
 * The models' reminder and escalation end events ("taskReminder", "taskEscalation"). Each sits
 * behind a timer attached to a user task; the task is found from the model, so the models name
 * no task twice.
 */
@Configuration
class TaskAlertDelegates {

    @Bean("taskReminder")
    JavaDelegate taskReminder(TaskService tasks, TaskAlerts alerts) {
        return execution -> openTask(tasks, execution).ifPresent(task -> alerts.remind(caseId(execution), task));
    }

    @Bean("taskEscalation")
    JavaDelegate taskEscalation(TaskService tasks, TaskAlerts alerts) {
        return execution -> openTask(tasks, execution).ifPresent(task -> alerts.escalate(caseId(execution), task));
    }

    private static String caseId(DelegateExecution execution) {
        return (String) execution.getVariable(Journey.CASE_ID);
    }

    private static java.util.Optional<Task> openTask(TaskService tasks, DelegateExecution execution) {
        FlowNode end = (FlowNode) execution.getBpmnModelElementInstance();
        BoundaryEvent timer = (BoundaryEvent) end.getIncoming().iterator().next().getSource();
        return java.util.Optional.ofNullable(tasks.createTaskQuery()
                .processInstanceId(execution.getProcessInstanceId())
                .taskDefinitionKey(timer.getAttachedTo().getId())
                .singleResult());
    }
}
