package app.casepath.people;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;

import org.camunda.bpm.engine.RuntimeService;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import app.casepath.calendar.TimeSource;
import app.casepath.calendar.WorkingDayCalendar;
import app.casepath.process.Journey;

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
    private static final LocalTime OPENS_AT = LocalTime.of(6, 0);
    private static final LocalTime REMINDS_AT = LocalTime.of(7, 0);

    private final JdbcClient db;
    private final RuntimeService runtime;
    private final WorkingDayCalendar calendar;
    private final TimeSource time;

    WarningReviews(JdbcClient db, RuntimeService runtime, WorkingDayCalendar calendar, TimeSource time) {
        this.db = db;
        this.runtime = runtime;
        this.calendar = calendar;
        this.time = time;
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
        return time.at(reviewOn(warningId), OPENS_AT);
    }

    public Date dueOn(String warningId) {
        return time.endOf(dueDate(warningId));
    }

    public Date remindAt(String warningId) {
        return time.at(calendar.subtractWorkingDays(dueDate(warningId), 1), REMINDS_AT);
    }

    public Date escalateAt(String warningId) {
        return time.at(dueDate(warningId).plusDays(1), LocalTime.MIDNIGHT);
    }

    private LocalDate dueDate(String warningId) {
        return calendar.addWorkingDays(reviewOn(warningId), REVIEW_WD);
    }

    private LocalDate reviewOn(String warningId) {
        return db.sql("select review_on from warning where warning_id = ?").param(warningId).query(LocalDate.class).single();
    }
}
