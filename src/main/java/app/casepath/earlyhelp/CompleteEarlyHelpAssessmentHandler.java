package app.casepath.earlyhelp;

import static app.casepath.process.Journey.OUTCOME;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import app.casepath.caserecord.CaseDates;
import app.casepath.caserecord.CaseRecord;
import app.casepath.caserecord.JsonText;
import app.casepath.caserecord.SignsOfSafety;
import app.casepath.caserecord.Transitions;
import app.casepath.process.Routing;
import app.casepath.process.TaskKey;
import app.casepath.process.Words;
import app.casepath.tasks.Form;
import app.casepath.tasks.TaskFormHandler;

@Component
class CompleteEarlyHelpAssessmentHandler implements TaskFormHandler<CompleteEarlyHelpAssessmentHandler.Assessment> {

    record Assessment(LocalDate completedOn, SignsOfSafety.Columns columns, List<String> familyGoals, String outcome,
                      String rationale) {
    }

    private final JdbcClient db;
    private final CaseDates dates;
    private final CaseRecord cases;
    private final SignsOfSafety signsOfSafety;
    private final Transitions transitions;
    private final JsonText json;

    CompleteEarlyHelpAssessmentHandler(JdbcClient db, CaseDates dates, CaseRecord cases, SignsOfSafety signsOfSafety,
                                       Transitions transitions, JsonText json) {
        this.db = db;
        this.dates = dates;
        this.cases = cases;
        this.signsOfSafety = signsOfSafety;
        this.transitions = transitions;
        this.json = json;
    }

    @Override
    public TaskKey task() {
        return TaskKey.COMPLETE_EARLY_HELP_ASSESSMENT;
    }

    @Override
    public Assessment read(Form form, TaskContext context) {
        LocalDate completedOn = form.happenedOn("completedOn");
        form.notBefore("completedOn", completedOn, dates.earlyHelpStartedOn(context.caseId()), "the start of early help");
        SignsOfSafety.Columns columns = SignsOfSafety.Columns.read(form);
        List<String> goals = form.texts("familyGoals");
        String outcome = form.choice(OUTCOME, Routing.values(task(), OUTCOME));
        if ("FAMILY_PLAN".equals(outcome) && goals.isEmpty() && form.valid()) {
            form.error("familyGoals", "a family plan needs at least one goal");
        }
        return new Assessment(completedOn, columns, goals, outcome, form.requiredText("rationale"));
    }

    @Override
    public Completion apply(Assessment a, TaskContext context) {
        String caseId = context.caseId();
        db.sql("""
                update early_help set assessed_on = ?, outcome = ?, family_goals = ?, worker = ?
                where id = (select max(id) from early_help where case_id = ?)""")
                .params(a.completedOn(), a.outcome(), json.of(a.familyGoals()), context.user(), caseId).update();
        cases.earlyHelpWorker(caseId, context.user());
        // Early help maps the three columns only (its family goals are its plan).
        signsOfSafety.record(caseId, a.completedOn(), task().key(), a.columns(), null, null, null);
        switch (a.outcome()) {
            case "CLOSE" -> transitions.toClosure(caseId, a.completedOn(), Transitions.SERVICES_CEASED, false);
            case "STEP_UP" -> transitions.stepUpToFrontDoor(caseId, a.completedOn(), a.rationale(), context.user());
            default -> { }
        }
        return Completion.of("Early help assessment completed. Outcome: " + Words.choice(task(), OUTCOME, a.outcome()) + ". "
                + a.rationale(),
                a.completedOn(), Map.of(OUTCOME, a.outcome()));
    }

}
