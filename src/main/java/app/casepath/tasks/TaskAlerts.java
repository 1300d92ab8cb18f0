package app.casepath.tasks;

import java.sql.Timestamp;
import java.time.LocalDate;

import org.camunda.bpm.engine.task.Task;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import app.casepath.calendar.TimeSource;
import app.casepath.caserecord.Chronology;
import app.casepath.notify.Notifications;
import app.casepath.process.TaskKey;

/**
 * Reminders before a due date and escalations when it passes, each at most once per task.
 * A reminder is left out when the task appeared after its reminder point: the new task itself
 * told its worker.
 */
@Service
public class TaskAlerts {

    public enum Kind { REMINDER, ESCALATION }

    private final JdbcClient db;
    private final Deadlines deadlines;
    private final Chronology chronology;
    private final TimeSource time;
    private final TaskInbox inbox;
    private final Notifications notifications;
    private final RecordDates recordDates;

    public TaskAlerts(JdbcClient db, Deadlines deadlines, Chronology chronology, TimeSource time, TaskInbox inbox,
                      Notifications notifications, RecordDates recordDates) {
        this.recordDates = recordDates;
        this.inbox = inbox;
        this.notifications = notifications;
        this.db = db;
        this.deadlines = deadlines;
        this.chronology = chronology;
        this.time = time;
    }

    public void remind(String caseId, Task task) {
        TaskKey key = TaskKey.require(task.getTaskDefinitionKey());
        LocalDate dueOn = time.dateOf(task.getDueDate().toInstant());
        // A task that appears at or after its reminder point (a scheduled task of the journey, an
        // action due tomorrow) was just announced to its worker: that announcement is its reminder.
        java.util.Date reminderPoint = key.inJourney() ? deadlines.remindAt(caseId, key.key()) : recordDates.remindAt(dueOn);
        if (!task.getCreateTime().before(reminderPoint)) {
            return;
        }
        if (record(caseId, task, key, Kind.REMINDER, dueOn)) {
            chronicle(caseId, "REMINDER", "Reminder: \"" + task.getName() + "\" is due on " + dueOn + ".");
            notifications.reminder(caseId, task.getId(), task.getName(), task.getAssignee(), groups(task), dueOn);
        }
    }

    public void escalate(String caseId, Task task) {
        TaskKey key = TaskKey.require(task.getTaskDefinitionKey());
        LocalDate dueOn = time.dateOf(task.getDueDate().toInstant());
        if (record(caseId, task, key, Kind.ESCALATION, dueOn)) {
            chronicle(caseId, "ESCALATION", "Overdue: \"" + task.getName() + "\" was due on " + dueOn
                    + "; escalated to the managers.");
            notifications.escalation(caseId, task.getId(), task.getName(), task.getAssignee(), groups(task), dueOn);
        }
    }

    /** A task with no case has no chronology: its own record (the warning's reviews) keeps its history. */
    private void chronicle(String caseId, String kind, String summary) {
        if (caseId != null) {
            chronology.record(caseId, kind, summary, null);
        }
    }

    private java.util.Set<String> groups(Task task) {
        return inbox.find(task.getId(), time.today()).map(item -> java.util.Set.copyOf(item.candidateGroups()))
                .orElse(java.util.Set.of());
    }

    private boolean record(String caseId, Task task, TaskKey key, Kind kind, LocalDate dueOn) {
        boolean already = db.sql("select count(*) from task_alert where task_id = ? and kind = ?")
                .params(task.getId(), kind.name()).query(Integer.class).single() > 0;
        if (already) {
            return false;
        }
        db.sql("""
                insert into task_alert (case_id, task_id, task_key, kind, due_on, alerted_at)
                values (?, ?, ?, ?, ?, ?)""")
                .params(caseId, task.getId(), key.key(), kind.name(), dueOn, Timestamp.from(time.now())).update();
        return true;
    }
}
