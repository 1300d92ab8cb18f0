package app.casepath.tasks;

import java.time.LocalDate;

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
        int resumed = db.sql("""
                update milestone set task_id = ?, task_key = ?, due_on = ?, cancelled = false
                where id = (select max(id) from milestone
                            where case_id = ? and milestone_key = ? and completed_on is null)""")
                .params(taskId, taskKey, dueOn, caseId, milestone.name()).update();
        if (resumed == 0) {
            db.sql("insert into milestone (case_id, milestone_key, task_key, task_id, due_on) values (?, ?, ?, ?, ?)")
                    .params(caseId, milestone.name(), taskKey, taskId, dueOn).update();
        }
    }

    public void taskCancelled(String taskId) {
        db.sql("update milestone set cancelled = true where task_id = ? and completed_on is null").param(taskId).update();
    }

    public void done(String taskId, LocalDate doneOn) {
        db.sql("update milestone set completed_on = ?, cancelled = false where task_id = ? and completed_on is null")
                .params(doneOn, taskId).update();
    }
}
