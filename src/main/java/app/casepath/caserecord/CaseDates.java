package app.casepath.caserecord;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The dates of the record that timescales count from. "Current" means the case's latest row. */
@Repository
public class CaseDates {

    private final JdbcClient db;

    public CaseDates(JdbcClient db) {
        this.db = db;
    }

    public Instant latestContactReceivedAt(String caseId) {
        return db.sql("select received_at from contact where case_id = ? order by id desc limit 1")
                .param(caseId).query(OffsetDateTime.class).single().toInstant();
    }

    public LocalDate referralDate(String caseId) {
        return required(db.sql("select referral_date from child_case where case_id = ?").param(caseId)
                .query(LocalDate.class).optional(), "referral date", caseId);
    }

    /** Since when the case has waited for a worker: its move to a team without one, else its referral. */
    public LocalDate waitingForAllocationSince(String caseId) {
        return required(db.sql("select coalesce(unallocated_since, referral_date) from child_case where case_id = ?").param(caseId)
                .query(LocalDate.class).optional(), "referral date", caseId);
    }

    public LocalDate strategyRequestedOn(String caseId) {
        return latest("select requested_on from strategy_discussion where case_id = ? order by id desc limit 1", caseId);
    }

    public LocalDate initialConferenceTarget(String caseId) {
        return latest("select icpc_target from s47_enquiry where case_id = ? order by id desc limit 1", caseId);
    }

    public LocalDate cpPlanStartedOn(String caseId) {
        return latest("select started_on from cp_plan where case_id = ? order by id desc limit 1", caseId);
    }

    public Optional<LocalDate> lastCoreGroupHeldOn(String caseId) {
        return optional("select max(g.held_on) from core_group g where g.cp_plan_id = "
                + "(select max(id) from cp_plan where case_id = ?)", caseId);
    }

    public Optional<LocalDate> lastVisitOn(String caseId) {
        return optional("select max(v.seen_on) from visit v where v.cp_plan_id = "
                + "(select max(id) from cp_plan where case_id = ?)", caseId);
    }

    public Optional<LocalDate> lastReviewConferenceHeldOn(String caseId) {
        return optional("select max(c.held_on) from conference c where c.kind = 'RCPC' and c.cp_plan_id = "
                + "(select max(id) from cp_plan where case_id = ?)", caseId);
    }

    public int longPlanReviewsHeld(String caseId) {
        return db.sql("select count(*) from long_plan_review r where r.cp_plan_id = "
                + "(select max(id) from cp_plan where case_id = ?)").param(caseId).query(Integer.class).single();
    }

    public LocalDate cinPlanStartedOn(String caseId) {
        return latest("select started_on from cin_plan where case_id = ? order by id desc limit 1", caseId);
    }

    public Optional<LocalDate> lastChildInNeedReviewOn(String caseId) {
        return optional("select max(r.held_on) from cin_review r where r.cin_plan_id = "
                + "(select max(id) from cin_plan where case_id = ?)", caseId);
    }

    public LocalDate earlyHelpStartedOn(String caseId) {
        return latest("select started_on from early_help where case_id = ? order by id desc limit 1", caseId);
    }

    public LocalDate earlyHelpAssessedOn(String caseId) {
        return latest("select assessed_on from early_help where case_id = ? order by id desc limit 1", caseId);
    }

    public Optional<LocalDate> lastFamilyPlanReviewOn(String caseId) {
        return optional("select max(r.held_on) from family_plan_review r where r.early_help_id = "
                + "(select max(id) from early_help where case_id = ?)", caseId);
    }

    public LocalDate closureRequestedOn(String caseId) {
        return latest("select requested_on from closure where case_id = ? order by id desc limit 1", caseId);
    }

    public record PanelDates(LocalDate requestedOn, LocalDate checkedOn, LocalDate passedOn, LocalDate reviewOn,
                             LocalDate emergencyEnteredOn, LocalDate decidedOn) {
    }

    public PanelDates panelRequest(String caseId) {
        return db.sql("""
                select requested_on, checked_on, passed_on, review_on, emergency_entered_on,
                       coalesce(decided_on, reviewed_on) as decided_on
                from panel_request where case_id = ? order by id desc limit 1""")
                .param(caseId).query(PanelDates.class).optional()
                .orElseThrow(() -> new IllegalStateException("case " + caseId + " has no panel request"));
    }

    private LocalDate latest(String sql, String caseId) {
        return required(db.sql(sql).param(caseId).query(LocalDate.class).optional(), sql, caseId);
    }

    private Optional<LocalDate> optional(String sql, String caseId) {
        return db.sql(sql).param(caseId).query(LocalDate.class).optional();
    }

    private static LocalDate required(Optional<LocalDate> value, String what, String caseId) {
        // A model asked for a date the record does not hold: a programming error, never user input.
        return value.orElseThrow(() -> new IllegalStateException("case " + caseId + " has no date for: " + what));
    }
}
