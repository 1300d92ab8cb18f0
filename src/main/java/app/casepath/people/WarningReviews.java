package app.casepath.people;

import java.time.LocalDate;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;

import org.camunda.bpm.engine.RuntimeService;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import app.casepath.process.Journey;
import app.casepath.tasks.RecordDates;

/**
 * A warning's review (bpmn/review-warning.bpmn): the model is started when the warning is raised,
 * and calls this bean by name ("warningReviews") for its dates, all read from the warning, so a
 * kept warning's new review date moves its next review. The review opens on the morning of
 * reviewOn for the team managers, is due five working days later, with a reminder the working day
 * before and the escalation once the due day has passed, as the journey's tasks.
 */
@Component("warningReviews")
public class WarningReviews {

    /** Working days the team managers have to review a warning once its review opens. */
    static final int REVIEW_WD = 5;

    private final JdbcClient db;
    private final RuntimeService runtime;
    private final RecordDates dates;

    WarningReviews(JdbcClient db, RuntimeService runtime, RecordDates dates) {
        this.db = db;
        this.runtime = runtime;
        this.dates = dates;
    }

    /** Starts the warning's review cycle: on a child's open case if they have one, else on the person alone. */
    void start(String warningId, String personId) {
        Map<String, Object> variables = new HashMap<>();
        variables.put(Journey.WARNING_ID, warningId);
        variables.put(Journey.PERSON_ID, personId);
        db.sql("select case_id from child_case where child_id = ? and closed_on is null order by opened_at desc fetch first 1 rows only")
                .param(personId).query(String.class).optional()
                .ifPresent(caseId -> variables.put(Journey.CASE_ID, caseId));
        runtime.startProcessInstanceByKey(Journey.REVIEW_WARNING_PROCESS, warningId, variables);
    }

    public Date opensAt(String warningId) {
        return dates.opensAt(reviewOn(warningId));
    }

    public Date dueOn(String warningId) {
        return dates.dueOn(dueDate(warningId));
    }

    public Date remindAt(String warningId) {
        return dates.remindAt(dueDate(warningId));
    }

    public Date escalateAt(String warningId) {
        return dates.escalateAt(dueDate(warningId));
    }

    private LocalDate dueDate(String warningId) {
        return dates.workingDaysAfter(reviewOn(warningId), REVIEW_WD);
    }

    private LocalDate reviewOn(String warningId) {
        return db.sql("select review_on from warning where warning_id = ?").param(warningId).query(LocalDate.class).single();
    }
}
