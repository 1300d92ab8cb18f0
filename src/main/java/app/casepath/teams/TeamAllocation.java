package app.casepath.teams;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.stereotype.Component;

import app.casepath.calendar.TimeSource;
import app.casepath.caserecord.CaseRecord;
import app.casepath.process.Journey;
import app.casepath.tasks.TaskInbox;

/**
 * A case moved to a team without a worker (bpmn/allocation-in-team.bpmn): its team's managers get
 * an allocateCase task, due the allocation timescale after the move; once they allocate, the work
 * that waited for a worker (the previous worker's tasks, still held by no one, and those the case's
 * models made for its worker while it had none: held by no one and offered to no group) goes to the
 * new worker, due dates and timers unchanged.
 */
@Component("handOverWaitingWork")
class TeamAllocation implements JavaDelegate {

    private final RuntimeService runtime;
    private final TaskService tasks;
    private final TaskInbox inbox;
    private final CaseRecord cases;
    private final TimeSource time;

    TeamAllocation(RuntimeService runtime, TaskService tasks, TaskInbox inbox, CaseRecord cases, TimeSource time) {
        this.runtime = runtime;
        this.tasks = tasks;
        this.inbox = inbox;
        this.cases = cases;
        this.time = time;
    }

    /**
     * Starts the team's allocation with the tasks that wait for its worker; a case moved on again
     * before it was allocated keeps the allocation already waiting, and its waiting tasks.
     */
    void awaitWorker(String caseId, List<String> waitingTasks) {
        ProcessInstance waiting = runtime.createProcessInstanceQuery().processDefinitionKey(Journey.ALLOCATION_PROCESS)
                .processInstanceBusinessKey(caseId).singleResult();
        if (waiting == null) {
            runtime.startProcessInstanceByKey(Journey.ALLOCATION_PROCESS, caseId,
                    Map.of(Journey.CASE_ID, caseId, Journey.WAITING_TASKS, String.join(",", waitingTasks)));
            return;
        }
        Set<String> all = new LinkedHashSet<>(ids(runtime.getVariable(waiting.getId(), Journey.WAITING_TASKS)));
        all.addAll(waitingTasks);
        runtime.setVariable(waiting.getId(), Journey.WAITING_TASKS, String.join(",", all));
    }

    @Override
    public void execute(DelegateExecution execution) {
        String caseId = (String) execution.getVariable(Journey.CASE_ID);
        String worker = cases.get(caseId).allocatedWorker();
        Set<String> waited = new LinkedHashSet<>(ids(execution.getVariable(Journey.WAITING_TASKS)));
        for (TaskInbox.Item task : inbox.forCase(caseId, time.today())) {
            boolean madeWhileWaiting = task.candidateGroups().isEmpty();
            if (task.assignee() == null && (waited.contains(task.taskId()) || madeWhileWaiting)) {
                tasks.setAssignee(task.taskId(), worker);
            }
        }
    }

    private static List<String> ids(Object joined) {
        return joined == null || joined.toString().isEmpty() ? List.of() : List.of(joined.toString().split(","));
    }
}
