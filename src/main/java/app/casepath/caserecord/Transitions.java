package app.casepath.caserecord;

import java.sql.Timestamp;
import java.time.LocalDate;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import app.casepath.calendar.TimeSource;
import app.casepath.process.Stage;

/**
 * What a decision opens next, written in the same transaction as the decision, so that the next
 * stage's due dates count from the decision's own date (not from when someone typed it in).
 */
@Service
public class Transitions {

    /** CIN census closure reasons that the path prefills on authoriseClosure. */
    public static final String SERVICES_CEASED = "RC7";
    public static final String NFA_AFTER_ASSESSMENT = "RC8";
    public static final String REFERRED_TO_EARLY_HELP = "RC9";

    private final JdbcClient db;
    private final Chronology chronology;
    private final TimeSource time;

    public Transitions(JdbcClient db, Chronology chronology, TimeSource time) {
        this.db = db;
        this.chronology = chronology;
        this.time = time;
    }

    public void toStrategyDiscussion(String caseId, LocalDate requestedOn, String concern, String actor) {
        db.sql("insert into strategy_discussion (case_id, requested_on, concern) values (?, ?, ?)")
                .params(caseId, requestedOn, concern).update();
        chronology.record(caseId, "STRATEGY_REQUESTED", "Strategy discussion requested" + (concern == null ? "." : ": " + concern), actor);
    }

    public void toEarlyHelp(String caseId, LocalDate startedOn) {
        // A repeat episode: the child's previous early help ended within the 12 months before (kpis.md).
        db.sql("""
                insert into early_help (case_id, started_on, repeat_episode)
                values (?, ?, exists (select 1 from early_help p join child_case pc on pc.case_id = p.case_id
                                      where pc.child_id = (select child_id from child_case where case_id = ?)
                                        and p.ended_on is not null and p.ended_on < ? and p.ended_on >= ?))""")
                .params(caseId, startedOn, caseId, startedOn, startedOn.minusMonths(12)).update();
    }

    public void toChildInNeedPlan(String caseId, LocalDate startedOn, String actor) {
        db.sql("insert into cin_plan (case_id, started_on) values (?, ?)").params(caseId, startedOn).update();
        chronology.record(caseId, "CIN_PLAN_STARTED", "Child in Need plan started on " + startedOn + ".", actor);
    }

    public void endChildInNeedPlan(String caseId, LocalDate endedOn) {
        db.sql("update cin_plan set ended_on = ? where case_id = ? and ended_on is null").params(endedOn, caseId).update();
    }

    public void toClosure(String caseId, LocalDate requestedOn, String suggestedReason, boolean thenEarlyHelp) {
        db.sql("insert into closure (case_id, requested_on, suggested_reason, then_early_help) values (?, ?, ?, ?)")
                .params(caseId, requestedOn, suggestedReason, thenEarlyHelp).update();
    }

    public void toPanel(String caseId, LocalDate requestedOn, String route, String reason, Stage returnStage) {
        db.sql("""
                insert into panel_request (case_id, route, reason, requested_on, return_stage)
                values (?, ?, ?, ?, ?)""").params(caseId, route, reason, requestedOn, returnStage.name()).update();
    }

    /** Early Help steps a case up: a new contact (CIN census source 5D) for the Front Door to screen. */
    public void stepUpToFrontDoor(String caseId, LocalDate decidedOn, String reason, String actor) {
        db.sql("update early_help set ended_on = ? where case_id = ? and ended_on is null").params(decidedOn, caseId).update();
        db.sql("""
                insert into contact (case_id, received_at, source, referrer_name, referrer_organisation, concerns)
                values (?, ?, '5D', ?, 'Early Help', ?)""")
                .params(caseId, Timestamp.from(time.now()), actor, reason).update();
        chronology.record(caseId, "STEP_UP", "Stepped up from Early Help to the Front Door.", actor);
    }

}
