package app.casepath.protection;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import app.casepath.caserecord.JsonText;
import app.casepath.tasks.Form;

/** Child protection plans and their conferences. */
@Repository
class CpPlans {

    static final Set<String> CATEGORIES = Set.of("NEG", "PHY", "EMO", "SAB", "MUL");

    /** The fields an initial and a review conference share. */
    record Conference(LocalDate heldOn, String decision, String category, Integer safetyScale,
                      Integer parentFeedbackScore, List<Integer> professionalFeedbackScores,
                      Boolean parentsReceivedReport) {

        /** @param planDecision the decision that starts a plan and so needs a category, or null */
        static Conference read(Form form, Set<String> decisions, String planDecision) {
            LocalDate heldOn = form.happenedOn("heldOn");
            String decision = form.choice("decision", decisions);
            String category = form.optionalChoice("category", CATEGORIES);
            if (decision != null && decision.equals(planDecision) && category == null && !form.has("category")) {
                form.error("category", "is required for a child protection plan");
            }
            return new Conference(heldOn, decision, category, form.score("safetyScale", false),
                    form.score("parentFeedbackScore", false), form.scores("professionalFeedbackScores"),
                    form.bool("parentsReceivedReport", false));
        }
    }

    private final JdbcClient db;
    private final JsonText json;

    CpPlans(JdbcClient db, JsonText json) {
        this.db = db;
        this.json = json;
    }

    Long currentPlanId(String caseId) {
        return db.sql("select max(id) from cp_plan where case_id = ? and ended_on is null").param(caseId)
                .query(Long.class).optional().orElse(null);
    }

    LocalDate currentPlanStartedOn(String caseId) {
        return db.sql("select started_on from cp_plan where id = ?").param(currentPlanId(caseId))
                .query(LocalDate.class).single();
    }

    /** Starts a plan; a child's earlier plans (on any case) make this one second or subsequent. */
    long start(String caseId, LocalDate startedOn, String category) {
        String childId = db.sql("select child_id from child_case where case_id = ?").param(caseId).query(String.class).single();
        int previous = db.sql("select count(*) from cp_plan where child_id = ?").param(childId).query(Integer.class).single();
        db.sql("""
                insert into cp_plan (case_id, child_id, started_on, initial_category, latest_category, previous_plans)
                values (?, ?, ?, ?, ?, ?)""").params(caseId, childId, startedOn, category, category, previous).update();
        return currentPlanId(caseId);
    }

    void end(String caseId, LocalDate endedOn, String reason) {
        db.sql("update cp_plan set ended_on = ?, end_reason = ? where case_id = ? and ended_on is null")
                .params(endedOn, reason, caseId).update();
    }

    void recategorise(long planId, String category) {
        db.sql("update cp_plan set latest_category = ? where id = ?").params(category, planId).update();
    }

    void recordConference(String caseId, Long planId, String kind, LocalDate dueOn, Conference c) {
        db.sql("""
                insert into conference (case_id, cp_plan_id, kind, due_on, held_on, decision, category, safety_scale,
                                        parent_feedback_score, professional_feedback_scores, parents_received_report)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(caseId, planId, kind, dueOn, c.heldOn(), c.decision(), c.category(), c.safetyScale(),
                        c.parentFeedbackScore(), json.of(c.professionalFeedbackScores()), c.parentsReceivedReport())
                .update();
    }
}
