package app.casepath.earlyhelp;

import static app.casepath.process.Journey.OUTCOME;

import java.time.LocalDate;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import app.casepath.caserecord.CaseDates;
import app.casepath.caserecord.Transitions;
import app.casepath.process.Routing;
import app.casepath.process.TaskKey;
import app.casepath.process.Words;
import app.casepath.tasks.Form;
import app.casepath.tasks.TaskFormHandler;

@Component
class ReviewFamilyPlanHandler implements TaskFormHandler<ReviewFamilyPlanHandler.Review> {

    record Review(LocalDate heldOn, String outcome, String notes) {
    }

    private final JdbcClient db;
    private final CaseDates dates;
    private final Transitions transitions;

    ReviewFamilyPlanHandler(JdbcClient db, CaseDates dates, Transitions transitions) {
        this.db = db;
        this.dates = dates;
        this.transitions = transitions;
    }

    @Override
    public TaskKey task() {
        return TaskKey.REVIEW_FAMILY_PLAN;
    }

    @Override
    public Review read(Form form, TaskContext context) {
        LocalDate heldOn = form.happenedOn("heldOn");
        LocalDate previous = dates.lastFamilyPlanReviewOn(context.caseId())
                .orElseGet(() -> dates.earlyHelpAssessedOn(context.caseId()));
        form.notBefore("heldOn", heldOn, previous, "the last assessment or review");
        String outcome = form.choice(OUTCOME, Routing.values(task(), OUTCOME));
        String notes = form.text("notes", "STEP_UP".equals(outcome), Form.MAX_TEXT);
        return new Review(heldOn, outcome, notes);
    }

    @Override
    public Completion apply(Review r, TaskContext context) {
        String caseId = context.caseId();
        db.sql("""
                insert into family_plan_review (early_help_id, held_on, outcome, notes)
                values ((select max(id) from early_help where case_id = ?), ?, ?, ?)""")
                .params(caseId, r.heldOn(), r.outcome(), r.notes()).update();
        switch (r.outcome()) {
            case "GOALS_ACHIEVED" -> transitions.toClosure(caseId, r.heldOn(), Transitions.SERVICES_CEASED, false);
            case "STEP_UP" -> transitions.stepUpToFrontDoor(caseId, r.heldOn(), r.notes(), context.user());
            default -> { }
        }
        return Completion.of("Family plan reviewed. Outcome: " + Words.choice(task(), OUTCOME, r.outcome()) + ".", r.heldOn(), Map.of(OUTCOME, r.outcome()));
    }
}
