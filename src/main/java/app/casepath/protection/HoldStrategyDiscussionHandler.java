package app.casepath.protection;

import static app.casepath.process.Journey.DECISION;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import app.casepath.caserecord.CaseDates;
import app.casepath.caserecord.CaseRecord;
import app.casepath.caserecord.JsonText;
import app.casepath.process.Routing;
import app.casepath.process.Stage;
import app.casepath.process.TaskKey;
import app.casepath.process.Words;
import app.casepath.tasks.Deadlines;
import app.casepath.tasks.Form;
import app.casepath.tasks.TaskFormHandler;
import app.casepath.teams.Teams;

@Component
class HoldStrategyDiscussionHandler implements TaskFormHandler<HoldStrategyDiscussionHandler.Discussion> {

    static final Set<String> AGENCIES = Set.of("CSC", "POLICE", "HEALTH", "EDUCATION", "OTHER");
    /** Working Together: children's social care, police and health take part in every strategy discussion. */
    static final Set<String> REQUIRED_AGENCIES = Set.of("CSC", "POLICE", "HEALTH");

    record Attendee(String name, String agency) {
    }

    record Discussion(LocalDate heldOn, List<Attendee> attendees, String missingAgencyReason, String decision,
                      String rationale) {
    }

    private final JdbcClient db;
    private final CaseDates dates;
    private final CaseRecord cases;
    private final Deadlines deadlines;
    private final JsonText json;
    private final Teams teams;

    HoldStrategyDiscussionHandler(JdbcClient db, CaseDates dates, CaseRecord cases, Deadlines deadlines, JsonText json,
                                  Teams teams) {
        this.teams = teams;
        this.db = db;
        this.dates = dates;
        this.cases = cases;
        this.deadlines = deadlines;
        this.json = json;
    }

    @Override
    public TaskKey task() {
        return TaskKey.HOLD_STRATEGY_DISCUSSION;
    }

    @Override
    public Discussion read(Form form, TaskContext context) {
        LocalDate heldOn = form.happenedOn("heldOn");
        form.notBefore("heldOn", heldOn, dates.strategyRequestedOn(context.caseId()), "the date the concern was raised");
        List<Attendee> attendees = form.objects("attendees").stream()
                .map(a -> new Attendee(a.text("name", true, 200), a.choice("agency", AGENCIES))).toList();
        boolean allPresent = attendees.stream().map(Attendee::agency).toList().containsAll(REQUIRED_AGENCIES);
        String missingReason = form.text("missingAgencyReason", false, 2000);
        if (!allPresent && missingReason == null) {
            form.error("missingAgencyReason", "is required unless CSC, POLICE and HEALTH all attended");
        }
        return new Discussion(heldOn, attendees, missingReason, form.choice(DECISION, Routing.values(task(), DECISION)),
                form.requiredText("rationale"));
    }

    @Override
    public Completion apply(Discussion d, TaskContext context) {
        String caseId = context.caseId();
        Long discussionId = db.sql("select max(id) from strategy_discussion where case_id = ?")
                .param(caseId).query(Long.class).single();
        db.sql("""
                update strategy_discussion set held_on = ?, decision = ?, attendees = ?, missing_agency_reason = ?,
                       rationale = ? where id = ?""")
                .params(d.heldOn(), d.decision(), json.of(d.attendees()), d.missingAgencyReason(), d.rationale(),
                        discussionId).update();
        if (cases.get(caseId).allocatedWorker() == null) {
            // The worker who takes it on, in their team whose service is child protection.
            cases.allocate(caseId, teams.teamOf(context.user(), Stage.STRATEGY).orElse(null), context.user(), d.heldOn());
        }
        if (d.decision().equals("S47")) {
            db.sql("""
                    insert into s47_enquiry (case_id, strategy_discussion_id, started_on, icpc_target)
                    values (?, ?, ?, ?)""")
                    .params(caseId, discussionId, d.heldOn(), deadlines.initialConferenceTarget(d.heldOn())).update();
        }
        return Completion.of("Strategy discussion held. Decision: " + Words.choice(task(), DECISION, d.decision()) + ". "
                + d.rationale(),
                d.heldOn(), Map.of(DECISION, d.decision()));
    }
}
