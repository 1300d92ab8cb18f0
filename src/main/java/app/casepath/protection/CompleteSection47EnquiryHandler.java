package app.casepath.protection;

import static app.casepath.process.Journey.NEXT_STEP;
import static app.casepath.process.Journey.OUTCOME;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import app.casepath.caserecord.SignsOfSafety;
import app.casepath.caserecord.Transitions;
import app.casepath.process.Routing;
import app.casepath.process.TaskKey;
import app.casepath.process.Words;
import app.casepath.tasks.Form;
import app.casepath.tasks.TaskFormHandler;

@Component
class CompleteSection47EnquiryHandler implements TaskFormHandler<CompleteSection47EnquiryHandler.Enquiry> {

    record Enquiry(LocalDate completedOn, LocalDate childSeenOn, String outcome, String nextStep,
                   SignsOfSafety.Columns columns, List<SignsOfSafety.DangerStatement> dangerStatements, String rationale) {
    }

    private final JdbcClient db;
    private final SignsOfSafety signsOfSafety;
    private final Transitions transitions;

    CompleteSection47EnquiryHandler(JdbcClient db, SignsOfSafety signsOfSafety, Transitions transitions) {
        this.db = db;
        this.signsOfSafety = signsOfSafety;
        this.transitions = transitions;
    }

    @Override
    public TaskKey task() {
        return TaskKey.COMPLETE_SECTION_47_ENQUIRY;
    }

    @Override
    public Enquiry read(Form form, TaskContext context) {
        LocalDate startedOn = db.sql("select started_on from s47_enquiry where case_id = ? order by id desc limit 1")
                .param(context.caseId()).query(LocalDate.class).single();
        LocalDate completedOn = form.happenedOn("completedOn");
        form.notBefore("completedOn", completedOn, startedOn, "the strategy discussion that started the enquiry");
        LocalDate seenOn = form.optionalPastDate("childSeenOn");
        form.notBefore("childSeenOn", seenOn, startedOn, "the strategy discussion that started the enquiry");
        String outcome = form.choice(OUTCOME, Routing.values(task(), OUTCOME));
        String nextStep = "NOT_SUBSTANTIATED".equals(outcome) ? form.choice(NEXT_STEP, Routing.values(task(), NEXT_STEP)) : null;
        if (!"NOT_SUBSTANTIATED".equals(outcome) && form.has("nextStep")) {
            form.error("nextStep", "is only for an enquiry that was NOT_SUBSTANTIATED");
        }
        return new Enquiry(completedOn, seenOn, outcome, nextStep, SignsOfSafety.Columns.read(form),
                SignsOfSafety.DangerStatement.read(form, "dangerStatements"), form.requiredText("rationale"));
    }

    @Override
    public Completion apply(Enquiry e, TaskContext context) {
        String caseId = context.caseId();
        db.sql("""
                update s47_enquiry set completed_on = ?, child_seen_on = ?, outcome = ?, next_step = ?, rationale = ?
                where id = (select max(id) from s47_enquiry where case_id = ?)""")
                .params(e.completedOn(), e.childSeenOn(), e.outcome(), e.nextStep(), e.rationale(), caseId).update();
        signsOfSafety.record(caseId, e.completedOn(), task().key(), e.columns(), e.dangerStatements(), null, null);
        LocalDate on = e.completedOn();
        if (e.outcome().equals("SUBSTANTIATED_NO_CONTINUING_RISK") || "CIN_PLAN".equals(e.nextStep())) {
            transitions.toChildInNeedPlan(caseId, on, context.user());
        } else if ("NFA".equals(e.nextStep())) {
            transitions.toClosure(caseId, on, Transitions.NFA_AFTER_ASSESSMENT, false);
        } else if ("EARLY_HELP".equals(e.nextStep())) {
            transitions.toClosure(caseId, on, Transitions.REFERRED_TO_EARLY_HELP, true);
        }
        Map<String, Object> variables = new HashMap<>();
        variables.put(OUTCOME, e.outcome());
        variables.put(NEXT_STEP, e.nextStep());
        return Completion.of("Section 47 enquiry completed. Outcome: " + Words.choice(task(), OUTCOME, e.outcome()) + "."
                + (e.nextStep() == null ? "" : " Next step: " + Words.choice(task(), NEXT_STEP, e.nextStep()) + ".")
                + " " + e.rationale(), null, variables);
    }
}
