package app.casepath.protection;

import static app.casepath.process.Journey.DECISION;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

import app.casepath.caserecord.SignsOfSafety;
import app.casepath.caserecord.Transitions;
import app.casepath.documents.GeneratedDocuments;
import app.casepath.process.Routing;
import app.casepath.process.TaskKey;
import app.casepath.process.Words;
import app.casepath.tasks.Deadlines;
import app.casepath.tasks.Form;
import app.casepath.tasks.TaskFormHandler;

@Component
class HoldReviewConferenceHandler implements TaskFormHandler<HoldReviewConferenceHandler.Review> {

    /** The conference's map: the parts left out of the form are not recorded (null), so the current map keeps them. */
    record Review(CpPlans.Conference conference, SignsOfSafety.Columns columns,
                  List<SignsOfSafety.DangerStatement> dangerStatements) {
    }

    private final CpPlans plans;
    private final Deadlines deadlines;
    private final SignsOfSafety signsOfSafety;
    private final Transitions transitions;
    private final GeneratedDocuments documents;

    HoldReviewConferenceHandler(CpPlans plans, Deadlines deadlines, SignsOfSafety signsOfSafety, Transitions transitions,
                                 GeneratedDocuments documents) {
        this.documents = documents;
        this.plans = plans;
        this.deadlines = deadlines;
        this.signsOfSafety = signsOfSafety;
        this.transitions = transitions;
    }

    @Override
    public TaskKey task() {
        return TaskKey.HOLD_REVIEW_CONFERENCE;
    }

    @Override
    public Review read(Form form, TaskContext context) {
        CpPlans.Conference conference = CpPlans.Conference.read(form, Routing.values(task(), DECISION), null);
        form.notBefore("heldOn", conference.heldOn(), plans.currentPlanStartedOn(context.caseId()), "the start of the plan");
        return new Review(conference, SignsOfSafety.Columns.readGiven(form),
                SignsOfSafety.DangerStatement.readGiven(form, "dangerStatements"));
    }

    @Override
    public Completion apply(Review r, TaskContext context) {
        CpPlans.Conference c = r.conference();
        String caseId = context.caseId();
        long planId = plans.currentPlanId(caseId);
        LocalDate dueOn = deadlines.dueDate(caseId, task());
        plans.recordConference(caseId, planId, "RCPC", dueOn, c);
        if (c.category() != null) {
            plans.recategorise(planId, c.category());
        }
        signsOfSafety.record(caseId, c.heldOn(), task().key(), r.columns(), r.dangerStatements(), c.safetyScale(),
                context.user());
        LocalDate on = c.heldOn();
        switch (c.decision()) {
            case "END_CIN_PLAN" -> {
                plans.end(caseId, on, c.decision());
                transitions.toChildInNeedPlan(caseId, on, context.user());
            }
            case "END_EARLY_HELP" -> {
                plans.end(caseId, on, c.decision());
                transitions.toClosure(caseId, on, Transitions.REFERRED_TO_EARLY_HELP, true);
            }
            case "END_CLOSE" -> {
                plans.end(caseId, on, c.decision());
                transitions.toClosure(caseId, on, Transitions.SERVICES_CEASED, false);
            }
            default -> { }
        }
        // The outcome letter, and the plan when one starts or continues: read from what was just recorded.
        documents.conferenceHeld(caseId, context.user());
        return Completion.of("Review conference held. Decision: " + Words.choice(task(), DECISION, c.decision()) + "."
                + (c.category() == null ? "" : " Category of plan: " + Words.category(c.category()) + "."), on, Map.of(DECISION, c.decision()));
    }
}
