package app.casepath.closure;

import static app.casepath.process.Journey.THEN_EARLY_HELP;

import java.time.LocalDate;
import java.util.Map;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import app.casepath.caserecord.CaseDates;
import app.casepath.caserecord.CaseRecord;
import app.casepath.caserecord.Transitions;
import app.casepath.process.TaskKey;
import app.casepath.process.Words;
import app.casepath.tasks.Form;
import app.casepath.tasks.TaskFormHandler;

@Component
class AuthoriseClosureHandler implements TaskFormHandler<AuthoriseClosureHandler.Closure> {

    /** CIN census reasons for closing a case. */
    static final Set<String> REASONS = Set.of("RC1", "RC2", "RC3", "RC4", "RC5", "RC6", "RC7", "RC8", "RC9");

    record Closure(String reason, LocalDate closedOn, String summary) {
    }

    private final JdbcClient db;
    private final CaseDates dates;
    private final CaseRecord cases;
    private final Transitions transitions;

    AuthoriseClosureHandler(JdbcClient db, CaseDates dates, CaseRecord cases, Transitions transitions) {
        this.db = db;
        this.dates = dates;
        this.cases = cases;
        this.transitions = transitions;
    }

    @Override
    public TaskKey task() {
        return TaskKey.AUTHORISE_CLOSURE;
    }

    @Override
    public Closure read(Form form, TaskContext context) {
        String reason = form.choice("reason", REASONS);
        LocalDate closedOn = form.happenedOn("closedOn");
        form.notBefore("closedOn", closedOn, dates.closureRequestedOn(context.caseId()), "the decision to close");
        return new Closure(reason, closedOn, form.requiredText("summary"));
    }

    @Override
    public Completion apply(Closure c, TaskContext context) {
        String caseId = context.caseId();
        boolean thenEarlyHelp = db.sql("select then_early_help from closure where case_id = ? order by id desc limit 1")
                .param(caseId).query(Boolean.class).single();
        db.sql("""
                update closure set reason = ?, closed_on = ?, summary = ?, authorised_by = ?
                where id = (select max(id) from closure where case_id = ?)""")
                .params(c.reason(), c.closedOn(), c.summary(), context.user(), caseId).update();
        db.sql("update early_help set ended_on = ? where case_id = ? and ended_on is null").params(c.closedOn(), caseId).update();
        if (thenEarlyHelp) {
            transitions.toEarlyHelp(caseId, c.closedOn());
        } else {
            cases.close(caseId, CaseRecord.Status.CLOSED, c.closedOn(), c.reason());
        }
        return Completion.of("Closure authorised. Reason for closure: " + Words.closureReason(c.reason()) + (thenEarlyHelp
                ? "; the family continues with Early Help. " : ". ") + c.summary(), c.closedOn(),
                Map.of(THEN_EARLY_HELP, thenEarlyHelp));
    }
}
