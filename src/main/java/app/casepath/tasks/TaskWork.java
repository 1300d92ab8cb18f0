package app.casepath.tasks;

import java.util.List;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.TaskService;
import org.springframework.stereotype.Service;

import app.casepath.calendar.TimeSource;
import app.casepath.security.CaseAccess;
import app.casepath.security.Caller;
import app.casepath.security.NotAllowedException;

/**
 * Who may work a task (roles.md): its assignee, or a member of one of its candidate groups.
 * Claiming takes an unassigned task; the inbox row is locked first, so of two people claiming
 * or completing the same task at once, one succeeds and the other is told it was taken (409);
 * a race with one of the engine's own jobs is run again instead (EngineRaces).
 */
@Service
public class TaskWork {

    private final TaskInbox inbox;
    private final TaskService tasks;
    private final HistoryService history;
    private final CaseAccess access;
    private final TimeSource time;
    private final EngineRaces races;

    public TaskWork(TaskInbox inbox, TaskService tasks, HistoryService history, CaseAccess access, TimeSource time,
                    EngineRaces races) {
        this.races = races;
        this.inbox = inbox;
        this.tasks = tasks;
        this.history = history;
        this.access = access;
        this.time = time;
    }

    public static boolean mayWork(Caller caller, TaskInbox.Item task) {
        return caller.username().equals(task.assignee()) || task.candidateGroups().stream().anyMatch(caller::in);
    }

    /** The task, if the caller may see it: they may work it, or read its case. */
    public TaskInbox.Item visible(Caller caller, String taskId) {
        TaskInbox.Item task = inbox.find(taskId, time.today()).orElseThrow(() -> new TaskNotFoundException(taskId));
        if (access.restrictedFrom(caller, task.personId()) || !mayWork(caller, task) && !access.canRead(caller, task.caseId())) {
            throw new TaskNotFoundException(taskId);
        }
        return task;
    }

    /** Locks the task for working it, or says why not: gone (409 or 404), or not the caller's (403). */
    TaskInbox.Item lockForWork(Caller caller, String taskId) {
        TaskInbox.Item task = inbox.lock(taskId, time.today()).orElseThrow(() -> gone(taskId));
        if (access.restrictedFrom(caller, task.personId())) {
            throw new TaskNotFoundException(taskId); // a restricted record's tasks exist only for its allowed users
        }
        if (!mayWork(caller, task)) {
            if (!access.canRead(caller, task.caseId())) {
                throw new TaskNotFoundException(taskId);
            }
            throw new NotAllowedException("Only the task's assignee or a member of "
                    + String.join(", ", task.candidateGroups()) + " may work this task.");
        }
        return task;
    }

    private RuntimeException gone(String taskId) {
        boolean existed = history.createHistoricTaskInstanceQuery().taskId(taskId).count() > 0;
        return existed ? new TaskConflictException("This task has already been completed or closed.")
                : new TaskNotFoundException(taskId);
    }

    /**
     * Every open task of the case held by {@code from} now held by {@code to} (a reallocation):
     * the engine's assignee, and through its assignment listener the inbox, so reminders and
     * escalations, which read the assignee when they fire, follow it. Runs in the caller's transaction.
     *
     * @return how many tasks moved
     */
    public List<String> moveTasks(String caseId, String from, String to) {
        List<String> moved = new java.util.ArrayList<>();
        for (TaskInbox.Item task : inbox.forCase(caseId, time.today())) {
            if (from != null && from.equals(task.assignee())) {
                tasks.setAssignee(task.taskId(), to);
                moved.add(task.taskId());
            }
        }
        return moved;
    }

    public void claim(Caller caller, String taskId) {
        races.inFreshTransaction(() -> claimOnce(caller, taskId));
    }

    private void claimOnce(Caller caller, String taskId) {
        TaskInbox.Item task = lockForWork(caller, taskId);
        if (caller.username().equals(task.assignee())) {
            return;
        }
        if (task.assignee() != null) {
            throw new TaskConflictException("This task has already been claimed by " + task.assignee() + ".");
        }
        tasks.claim(taskId, caller.username());
    }

    public void unclaim(Caller caller, String taskId) {
        races.inFreshTransaction(() -> unclaimOnce(caller, taskId));
    }

    private void unclaimOnce(Caller caller, String taskId) {
        TaskInbox.Item task = lockForWork(caller, taskId);
        if (task.assignee() == null) {
            return;
        }
        if (!caller.username().equals(task.assignee())) {
            throw new NotAllowedException("Only " + task.assignee() + " may give this task back.");
        }
        tasks.setAssignee(taskId, null);
    }
}
