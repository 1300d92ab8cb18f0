package app.casepath.childinneed;

import static app.casepath.process.Journey.DECISION;

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
class ReviewChildInNeedPlanHandler implements TaskFormHandler<ReviewChildInNeedPlanHandler.Review> {

    record Review(LocalDate heldOn, String decision, String notes) {
    }

    private final JdbcClient db;
    private final CaseDates dates;
    private final Transitions transitions;

    ReviewChildInNeedPlanHandler(JdbcClient db, CaseDates dates, Transitions transitions) {
        this.db = db;
        this.dates = dates;
        this.transitions = transitions;
    }

    @Override
    public TaskKey task() {
        return TaskKey.REVIEW_CHILD_IN_NEED_PLAN;
    }

    @Override
    public Review read(Form form, TaskContext context) {
        LocalDate heldOn = form.happenedOn("heldOn");
        LocalDate previous = dates.lastChildInNeedReviewOn(context.caseId())
                .orElseGet(() -> dates.cinPlanStartedOn(context.caseId()));
        form.notBefore("heldOn", heldOn, previous, "the start of the plan or its last review");
        String decision = form.choice(DECISION, Routing.values(task(), DECISION));
        String notes = form.text("notes", "ESCALATE".equals(decision), Form.MAX_TEXT);
        return new Review(heldOn, decision, notes);
    }

    @Override
    public Completion apply(Review r, TaskContext context) {
        String caseId = context.caseId();
        db.sql("""
                insert into cin_review (cin_plan_id, held_on, decision, notes)
                values ((select max(id) from cin_plan where case_id = ?), ?, ?, ?)""")
                .params(caseId, r.heldOn(), r.decision(), r.notes()).update();
        switch (r.decision()) {
            case "STEP_DOWN_EARLY_HELP" -> {
                transitions.endChildInNeedPlan(caseId, r.heldOn());
                transitions.toClosure(caseId, r.heldOn(), Transitions.REFERRED_TO_EARLY_HELP, true);
            }
            case "CLOSE" -> {
                transitions.endChildInNeedPlan(caseId, r.heldOn());
                transitions.toClosure(caseId, r.heldOn(), Transitions.SERVICES_CEASED, false);
            }
            case "ESCALATE" -> transitions.toStrategyDiscussion(caseId, r.heldOn(), r.notes(), context.user());
            default -> { }
        }
        return Completion.of("Child in Need plan reviewed. Decision: " + Words.choice(task(), DECISION, r.decision()) + ".",
                r.heldOn(), Map.of(DECISION, r.decision()));
    }
}
