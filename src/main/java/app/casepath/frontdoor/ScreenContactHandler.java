package app.casepath.frontdoor;

import static app.casepath.process.Journey.DECISION;

import java.time.LocalDate;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import app.casepath.calendar.TimeSource;
import app.casepath.caserecord.CaseDates;
import app.casepath.caserecord.CaseRecord;
import app.casepath.caserecord.SignsOfSafety;
import app.casepath.caserecord.Transitions;
import app.casepath.process.Routing;
import app.casepath.process.TaskKey;
import app.casepath.process.Words;
import app.casepath.tasks.Form;
import app.casepath.tasks.TaskFormHandler;

@Component
class ScreenContactHandler implements TaskFormHandler<ScreenContactHandler.Screening> {

    record Screening(String decision, LocalDate decidedOn, SignsOfSafety.Columns columns, String rationale) {
    }

    private final JdbcClient db;
    private final CaseRecord cases;
    private final SignsOfSafety signsOfSafety;
    private final Transitions transitions;
    private final TimeSource time;
    private final CaseDates dates;

    ScreenContactHandler(JdbcClient db, CaseRecord cases, SignsOfSafety signsOfSafety, Transitions transitions,
                         TimeSource time, CaseDates dates) {
        this.db = db;
        this.cases = cases;
        this.signsOfSafety = signsOfSafety;
        this.transitions = transitions;
        this.time = time;
        this.dates = dates;
    }

    @Override
    public TaskKey task() {
        return TaskKey.SCREEN_CONTACT;
    }

    @Override
    public Screening read(Form form, TaskContext context) {
        String decision = form.choice(DECISION, Routing.values(task(), DECISION));
        LocalDate decidedOn = form.happenedOn("decidedOn");
        form.notBefore("decidedOn", decidedOn, time.dateOf(dates.latestContactReceivedAt(context.caseId())), "the date the contact was received");
        return new Screening(decision, decidedOn, SignsOfSafety.Columns.read(form), form.requiredText("rationale"));
    }

    @Override
    public Completion apply(Screening s, TaskContext context) {
        String caseId = context.caseId();
        boolean referral = s.decision().equals("ASSESSMENT") || s.decision().equals("STRATEGY_DISCUSSION");
        db.sql("""
                update contact set decision = ?, decided_on = ?, rationale = ?, became_referral = ?
                where id = (select max(id) from contact where case_id = ?)""")
                .params(s.decision(), s.decidedOn(), s.rationale(), referral, caseId).update();
        if (referral) {
            // A re-referral: the same child referred within the 12 months before (kpis.md).
            db.sql("""
                    update contact set repeat_referral = exists (
                        select 1 from contact p join child_case pc on pc.case_id = p.case_id
                        where pc.child_id = (select child_id from child_case where case_id = ?)
                          and p.became_referral = true and p.id <> (select max(id) from contact where case_id = ?)
                          and p.decided_on < ? and p.decided_on >= ?)
                    where id = (select max(id) from contact where case_id = ?)""")
                    .params(caseId, caseId, s.decidedOn(), s.decidedOn().minusMonths(12), caseId).update();
        }
        // Screening maps the three columns only: no danger statements or scale yet.
        signsOfSafety.record(caseId, s.decidedOn(), task().key(), s.columns(), null, null, null);
        switch (s.decision()) {
            case "ASSESSMENT" -> cases.referralAccepted(caseId, s.decidedOn());
            case "STRATEGY_DISCUSSION" -> {
                cases.referralAccepted(caseId, s.decidedOn());
                transitions.toStrategyDiscussion(caseId, s.decidedOn(), s.rationale(), context.user());
            }
            case "EARLY_HELP" -> transitions.toEarlyHelp(caseId, s.decidedOn());
            default -> cases.close(caseId, CaseRecord.Status.CLOSED, s.decidedOn(), null);
        }
        return Completion.of("Contact screened. Decision: " + Words.choice(task(), DECISION, s.decision()) + ". " + s.rationale(), s.decidedOn(),
                Map.of(DECISION, s.decision()));
    }
}
