package app.casepath.supervision;

import java.time.LocalDate;
import java.util.Date;
import java.util.Map;

import org.camunda.bpm.engine.RuntimeService;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import app.casepath.calendar.TimeSource;
import app.casepath.calendar.WorkingDayCalendar;
import app.casepath.caserecord.CaseAllocated;
import app.casepath.caserecord.CaseClosed;
import app.casepath.process.Journey;
import app.casepath.tasks.RecordDates;
import app.casepath.tasks.Timescales;

/**
 * A case's supervision cycle (teams.md, bpmn/supervision.bpmn), started when the case is first
 * allocated and ended when it closes; the model calls this bean by name ("supervisions") for its
 * dates, read from the record, so the next supervision counts from the day the last was held.
 * <p>
 * A supervision is due {@code supervision-wd} working days (or {@code supervision-asye-wd} while
 * the case's allocated worker is newly qualified) after the last one held, the first after the
 * allocation. It opens for the team managers on the morning {@code reminder-wd} working days
 * before it is due (as scheduled journey work appears a week ahead), is reminded on the working
 * day before, and escalates once its due day has ended, as every task dated by its own record
 * (RecordDates).
 * <p>
 * The record does not know this package: it publishes CaseAllocated and CaseClosed, and these
 * listeners run in the publishing transaction, so a failed allocation starts no cycle.
 */
@Component("supervisions")
public class Supervisions {

    private final JdbcClient db;
    private final RuntimeService runtime;
    private final RecordDates dates;
    private final WorkingDayCalendar calendar;
    private final Timescales timescales;
    private final TimeSource time;

    Supervisions(JdbcClient db, RuntimeService runtime, RecordDates dates, WorkingDayCalendar calendar,
                 Timescales timescales, TimeSource time) {
        this.db = db;
        this.runtime = runtime;
        this.dates = dates;
        this.calendar = calendar;
        this.timescales = timescales;
        this.time = time;
    }

    /** Starts the case's cycle at its first allocation; a reallocation keeps the cycle running. */
    @EventListener
    void allocated(CaseAllocated allocated) {
        String caseId = allocated.caseId();
        if (allocated.worker() == null || running(caseId)) {
            return;
        }
        LocalDate today = time.today();
        int updated = db.sql("update supervision_cycle set started_on = ?, ended_on = null where case_id = ?")
                .params(today, caseId).update();
        if (updated == 0) {
            db.sql("insert into supervision_cycle (case_id, started_on) values (?, ?)").params(caseId, today).update();
        }
        runtime.startProcessInstanceByKey(Journey.SUPERVISION_PROCESS, caseId, Map.of(Journey.CASE_ID, caseId));
    }

    /** Ends the case's cycle (an open supervision task with it) when the case closes. */
    @EventListener
    void closed(CaseClosed closed) {
        String caseId = closed.caseId();
        if (!running(caseId)) {
            return;
        }
        db.sql("update supervision_cycle set ended_on = ? where case_id = ?").params(time.today(), caseId).update();
        runtime.createMessageCorrelation(Journey.SUPERVISION_ENDS).processInstanceBusinessKey(caseId).correlateAll();
    }

    boolean running(String caseId) {
        return runtime.createProcessInstanceQuery().processDefinitionKey(Journey.SUPERVISION_PROCESS)
                .processInstanceBusinessKey(caseId).count() > 0;
    }

    // ---- the record's dates

    /** The day supervision starts counting from: the allocation (else the referral, else the cycle's start). */
    LocalDate allocatedOn(String caseId) {
        return db.sql("""
                select coalesce(c.allocated_on, c.referral_date, s.started_on)
                from child_case c left join supervision_cycle s on s.case_id = c.case_id where c.case_id = ?""")
                .param(caseId).query(LocalDate.class).list().stream().filter(java.util.Objects::nonNull).findFirst()
                .orElseGet(time::today);
    }

    /** The day the case's last supervision was held, if any. */
    public java.util.Optional<LocalDate> lastHeldOn(String caseId) {
        return db.sql("select held_on from supervision where case_id = ? order by held_on desc fetch first 1 rows only")
                .param(caseId).query(LocalDate.class).optional();
    }

    boolean newlyQualifiedWorker(String caseId) {
        return db.sql("""
                select s.newly_qualified from child_case c join staff s on s.username = c.allocated_worker
                where c.case_id = ?""").param(caseId).query(Boolean.class).optional().orElse(false);
    }

    /** The next supervision's due day: a cycle after the last held, or after the allocation. */
    public LocalDate dueDate(String caseId) {
        LocalDate from = lastHeldOn(caseId).orElseGet(() -> allocatedOn(caseId));
        int cycle = newlyQualifiedWorker(caseId) ? timescales.supervisionAsyeWd() : timescales.supervisionWd();
        return calendar.addWorkingDays(from, cycle);
    }

    // ---- the model's expressions

    public Date opensAt(String caseId) {
        return dates.opensAt(calendar.subtractWorkingDays(dueDate(caseId), timescales.reminderWd()));
    }

    public Date dueOn(String caseId) {
        return dates.dueOn(dueDate(caseId));
    }

    public Date remindAt(String caseId) {
        return dates.remindAt(dueDate(caseId));
    }

    public Date escalateAt(String caseId) {
        return dates.escalateAt(dueDate(caseId));
    }
}
