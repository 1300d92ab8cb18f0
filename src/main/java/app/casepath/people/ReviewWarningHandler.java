package app.casepath.people;

import static app.casepath.process.Journey.DECISION;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.Map;

import org.camunda.bpm.engine.TaskService;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import app.casepath.calendar.TimeSource;
import app.casepath.process.Journey;
import app.casepath.process.Routing;
import app.casepath.process.TaskKey;
import app.casepath.tasks.Form;
import app.casepath.tasks.TaskFormHandler;

/**
 * reviewWarning {decision: KEEP | END, reason, nextReviewOn}: a kept warning gets its next review
 * date (required, in the future) and the model waits for it; an ended warning is ended, kept in
 * the person's history with who ended it, when and why. Every review is recorded in warning_review.
 */
@Component
class ReviewWarningHandler implements TaskFormHandler<ReviewWarningHandler.Review> {

    record Review(String warningId, String decision, String reason, LocalDate nextReviewOn) {
    }

    private final JdbcClient db;
    private final TaskService tasks;
    private final TimeSource time;

    ReviewWarningHandler(JdbcClient db, TaskService tasks, TimeSource time) {
        this.db = db;
        this.tasks = tasks;
        this.time = time;
    }

    @Override
    public TaskKey task() {
        return TaskKey.REVIEW_WARNING;
    }

    @Override
    public Review read(Form form, TaskContext context) {
        String decision = form.choice(DECISION, Routing.values(task(), DECISION));
        String reason = form.text("reason", true, 4000);
        LocalDate next = null;
        if ("KEEP".equals(decision)) {
            next = form.requiredDate("nextReviewOn");
            if (next != null && !next.isAfter(context.today())) {
                form.error("nextReviewOn", "must be in the future");
            }
        }
        return new Review((String) tasks.getVariable(context.taskId(), Journey.WARNING_ID), decision, reason, next);
    }

    @Override
    public Completion apply(Review r, TaskContext context) {
        Timestamp now = Timestamp.from(time.now());
        db.sql("""
                insert into warning_review (warning_id, reviewed_by, reviewed_at, decision, reason, next_review_on)
                values (?, ?, ?, ?, ?, ?)""")
                .params(r.warningId(), context.user(), now, r.decision(), r.reason(), r.nextReviewOn()).update();
        if ("KEEP".equals(r.decision())) {
            db.sql("update warning set review_on = ? where warning_id = ?").params(r.nextReviewOn(), r.warningId()).update();
            return Completion.of("Warning reviewed and kept; next review on " + r.nextReviewOn() + ".", null,
                    Map.of(DECISION, r.decision()));
        }
        db.sql("update warning set ended_on = ?, ended_by = ?, ended_at = ?, end_reason = ? where warning_id = ?")
                .params(context.today(), context.user(), now, r.reason(), r.warningId()).update();
        return Completion.of("Warning reviewed and ended: " + r.reason(), null, Map.of(DECISION, r.decision()));
    }
}
