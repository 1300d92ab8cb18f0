package app.casepath.caserecord;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Facts of the record that the models route on when a stage is re-entered (after a strategy
 * discussion with no s47, or a declined panel request), so that work already done is not redone.
 */
@Component("caseFacts")
public class CaseFacts {

    private final JdbcClient db;
    private final CaseRecord cases;

    public CaseFacts(JdbcClient db, CaseRecord cases) {
        this.db = db;
        this.cases = cases;
    }

    public boolean allocated(String caseId) {
        return allocatedWorker(caseId) != null;
    }

    public String allocatedWorker(String caseId) {
        return cases.get(caseId).allocatedWorker();
    }

    public String earlyHelpWorker(String caseId) {
        return cases.get(caseId).earlyHelpWorker();
    }

    public boolean earlyHelpAssessed(String caseId) {
        return db.sql("select assessed_on from early_help where case_id = ? order by id desc limit 1")
                .param(caseId).query(java.time.LocalDate.class).optional().isPresent();
    }

    /** Long-plan reviews fall at 12 and 24 months of a plan: two in all. */
    public boolean longPlanReviewAhead(String caseId) {
        return db.sql("select count(*) from long_plan_review r where r.cp_plan_id = "
                + "(select max(id) from cp_plan where case_id = ?)").param(caseId).query(Integer.class).single() < 2;
    }
}
