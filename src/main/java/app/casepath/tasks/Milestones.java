package app.casepath.tasks;

import java.time.LocalDate;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import app.casepath.process.Milestone;

/**
 * Milestones follow their tasks: opened when a task with a timescale appears, done on the date
 * its form says, set aside (not counted) when the stage is interrupted, and picked up again if
 * the stage resumes, so an assessment that pauses for a strategy discussion keeps its due date.
 */
@Repository
public class Milestones {

    private final JdbcClient db;

    public Milestones(JdbcClient db) {
        this.db = db;
    }

    public void taskOpened(String caseId, Milestone milestone, String taskKey, String taskId, LocalDate dueOn) {
        // Most tasks start a new milestone; only a resumed stage finds one still open.
        int started = db.sql("""
                insert into milestone (case_id, milestone_key, task_key, task_id, due_on)
                select ?, ?, ?, ?, ? where not exists (select 1 from milestone
                                                       where case_id = ? and milestone_key = ? and completed_on is null)""")
                .params(caseId, milestone.name(), taskKey, taskId, dueOn, caseId, milestone.name()).update();
        if (started == 0) {
            db.sql("""
                    update milestone set task_id = ?, task_key = ?, due_on = ?, cancelled = false
                    where id = (select max(id) from milestone
                                where case_id = ? and milestone_key = ? and completed_on is null)""")
                    .params(taskId, taskKey, dueOn, caseId, milestone.name()).update();
        }
    }

    public enum Status { DUE, OVERDUE, MET, MISSED }

    public record View(String key, LocalDate dueOn, LocalDate completedOn, Status status) {
    }

    /** Met if done on or before the due date, missed if after; overdue if not done and past it. */
    public static Status status(LocalDate dueOn, LocalDate completedOn, LocalDate today) {
        if (completedOn != null) {
            return completedOn.isAfter(dueOn) ? Status.MISSED : Status.MET;
        }
        return today.isAfter(dueOn) ? Status.OVERDUE : Status.DUE;
    }

    /** The case's milestones, by due date; those set aside by an interrupted stage are not shown. */
    public List<View> forCase(String caseId, LocalDate today) {
        return db.sql("select milestone_key, due_on, completed_on from milestone "
                        + "where case_id = ? and cancelled = false order by due_on, id")
                .param(caseId)
                .query((rs, n) -> {
                    LocalDate due = rs.getObject("due_on", LocalDate.class);
                    LocalDate done = rs.getObject("completed_on", LocalDate.class);
                    return new View(rs.getString("milestone_key"), due, done, status(due, done, today));
                }).list();
    }

    public void taskCancelled(String taskId) {
        db.sql("update milestone set cancelled = true where task_id = ? and completed_on is null").param(taskId).update();
    }

    public void done(String taskId, LocalDate doneOn) {
        db.sql("update milestone set completed_on = ?, cancelled = false where task_id = ? and completed_on is null")
                .params(doneOn, taskId).update();
    }
}
