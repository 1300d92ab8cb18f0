package app.casepath.protection;

import static app.casepath.process.Journey.DECISION;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

import app.casepath.caserecord.CaseDates;
import app.casepath.caserecord.SignsOfSafety;
import app.casepath.caserecord.Transitions;
import app.casepath.documents.GeneratedDocuments;
import app.casepath.process.Routing;
import app.casepath.process.TaskKey;
import app.casepath.process.Words;
import app.casepath.tasks.Form;
import app.casepath.tasks.TaskFormHandler;

@Component
class HoldInitialConferenceHandler implements TaskFormHandler<HoldInitialConferenceHandler.Initial> {

    /** The conference's map: the parts left out of the form are not recorded (null), so the current map keeps them. */
    record Initial(CpPlans.Conference conference, SignsOfSafety.Columns columns,
                   List<SignsOfSafety.DangerStatement> dangerStatements) {
    }

    private final CpPlans plans;
    private final CaseDates dates;
    private final SignsOfSafety signsOfSafety;
    private final Transitions transitions;
    private final GeneratedDocuments documents;

    HoldInitialConferenceHandler(CpPlans plans, CaseDates dates, SignsOfSafety signsOfSafety, Transitions transitions,
                                 GeneratedDocuments documents) {
        this.documents = documents;
        this.plans = plans;
        this.dates = dates;
        this.signsOfSafety = signsOfSafety;
        this.transitions = transitions;
    }

    @Override
    public TaskKey task() {
        return TaskKey.HOLD_INITIAL_CONFERENCE;
    }

    @Override
    public Initial read(Form form, TaskContext context) {
        CpPlans.Conference conference = CpPlans.Conference.read(form, Routing.values(task(), DECISION), "CP_PLAN");
        form.notBefore("heldOn", conference.heldOn(), dates.strategyRequestedOn(context.caseId()),
                "the strategy discussion");
        return new Initial(conference, SignsOfSafety.Columns.readGiven(form),
                SignsOfSafety.DangerStatement.readGiven(form, "dangerStatements"));
    }

    @Override
    public Completion apply(Initial i, TaskContext context) {
        String caseId = context.caseId();
        CpPlans.Conference c = i.conference();
        LocalDate target = dates.initialConferenceTarget(caseId);
        Long planId = null;
        switch (c.decision()) {
            case "CP_PLAN" -> {
                transitions.endChildInNeedPlan(caseId, c.heldOn());
                planId = plans.start(caseId, c.heldOn(), c.category());
            }
            case "CIN_PLAN" -> transitions.toChildInNeedPlan(caseId, c.heldOn(), context.user());
            case "NFA" -> transitions.toClosure(caseId, c.heldOn(), Transitions.NFA_AFTER_ASSESSMENT, false);
            default -> throw new IllegalStateException(c.decision());
        }
        plans.recordConference(caseId, planId, "ICPC", target, c);
        signsOfSafety.record(caseId, c.heldOn(), task().key(), i.columns(), i.dangerStatements(), c.safetyScale(),
                context.user());
        // The outcome letter, and the plan when one starts or continues: read from what was just recorded.
        documents.conferenceHeld(caseId, context.user());
        return Completion.of("Initial child protection conference held. Decision: "
                + Words.choice(task(), DECISION, c.decision())
                + (c.category() == null ? "." : " (" + Words.category(c.category()) + ")."), c.heldOn(), Map.of(DECISION, c.decision()));
    }
}
