package app.casepath.assessment;

import static app.casepath.process.Journey.DECISION;

import java.time.LocalDate;
import java.util.Map;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import app.casepath.caserecord.Transitions;
import app.casepath.documents.GeneratedDocuments;
import app.casepath.process.Stage;
import app.casepath.process.Routing;
import app.casepath.process.TaskKey;
import app.casepath.process.Words;
import app.casepath.tasks.Form;
import app.casepath.tasks.TaskFormHandler;

@Component
class AuthoriseAssessmentHandler implements TaskFormHandler<AuthoriseAssessmentHandler.Authorisation> {

    /** CIN census primary need: N1 abuse or neglect … N9 cases other than children in need; N0 not stated. */
    static final Set<String> PRIMARY_NEEDS = Set.of("N0", "N1", "N2", "N3", "N4", "N5", "N6", "N7", "N8", "N9");

    record Authorisation(String decision, LocalDate authorisedOn, String comments, String primaryNeed) {
    }

    private final JdbcClient db;
    private final Transitions transitions;
    private final GeneratedDocuments documents;

    AuthoriseAssessmentHandler(JdbcClient db, Transitions transitions, GeneratedDocuments documents) {
        this.documents = documents;
        this.db = db;
        this.transitions = transitions;
    }

    @Override
    public TaskKey task() {
        return TaskKey.AUTHORISE_ASSESSMENT;
    }

    @Override
    public Authorisation read(Form form, TaskContext context) {
        String decision = form.choice(DECISION, Routing.values(task(), DECISION));
        LocalDate authorisedOn = form.happenedOn("authorisedOn");
        LocalDate completedOn = db.sql("select max(completed_on) from assessment where case_id = ? and authorised_on is null")
                .param(context.caseId()).query(LocalDate.class).optional().orElse(null);
        form.notBefore("authorisedOn", authorisedOn, completedOn, "the date the assessment was completed");
        String comments = form.text("comments", "RETURN".equals(decision), Form.MAX_TEXT);
        return new Authorisation(decision, authorisedOn, comments, form.optionalChoice("primaryNeed", PRIMARY_NEEDS));
    }

    @Override
    public Completion apply(Authorisation a, TaskContext context) {
        String caseId = context.caseId();
        if (a.decision().equals("RETURN")) {
            return Completion.of("Assessment returned to the worker: " + a.comments(), null, Map.of(DECISION, a.decision()));
        }
        db.sql("""
                update assessment set authorised_on = ?, decision = ?, comments = ?, primary_need = ?
                where id = (select max(id) from assessment where case_id = ? and authorised_on is null)""")
                .params(a.authorisedOn(), a.decision(), a.comments(), a.primaryNeed(), caseId).update();
        LocalDate on = a.authorisedOn();
        // The family's copy, from what was just authorised (emailed to them when they asked for it so).
        documents.assessmentAuthorised(caseId, context.taskId(), context.user());
        switch (a.decision()) {
            case "NFA" -> transitions.toClosure(caseId, on, Transitions.NFA_AFTER_ASSESSMENT, false);
            case "EARLY_HELP" -> transitions.toClosure(caseId, on, Transitions.REFERRED_TO_EARLY_HELP, true);
            case "CIN_PLAN" -> transitions.toChildInNeedPlan(caseId, on, context.user());
            case "STRATEGY_DISCUSSION" -> transitions.toStrategyDiscussion(caseId, on, a.comments(), context.user());
            case "ENTRY_TO_CARE" -> transitions.toPanel(caseId, on, null, a.comments(), Stage.ASSESSMENT);
            default -> throw new IllegalStateException(a.decision());
        }
        return Completion.of("Assessment authorised. Decision: " + Words.choice(task(), DECISION, a.decision()) + ".", on, Map.of(DECISION, a.decision()));
    }
}
