package app.casepath.supervision;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import app.casepath.calendar.TimeSource;
import app.casepath.caserecord.JsonText;
import app.casepath.process.TaskKey;
import app.casepath.recording.CaseActions;
import app.casepath.tasks.Form;
import app.casepath.tasks.TaskFormHandler;

/**
 * recordSupervision {heldOn, attendees[], worries[], workingWell[], needsToHappen[], decisions,
 * actions[] {text, assignee, dueOn}}: the supervision held (not in the future, not before the
 * allocation; left out, today), kept in the supervision table; each action becomes a
 * completeAction task for its assignee, as a management oversight note's. The milestone is met or
 * missed on the day it was held, and the next supervision counts from that day.
 */
@Component
class RecordSupervisionHandler implements TaskFormHandler<RecordSupervisionHandler.Held> {

    static final int MAX_ACTIONS = 20;

    record Held(LocalDate heldOn, List<String> attendees, List<String> worries, List<String> workingWell,
                List<String> needsToHappen, String decisions, List<CaseActions.NewAction> actions) {
    }

    private final JdbcClient db;
    private final Supervisions supervisions;
    private final CaseActions caseActions;
    private final JsonText json;
    private final TimeSource time;

    RecordSupervisionHandler(JdbcClient db, Supervisions supervisions, CaseActions caseActions, JsonText json,
                             TimeSource time) {
        this.db = db;
        this.supervisions = supervisions;
        this.caseActions = caseActions;
        this.json = json;
        this.time = time;
    }

    @Override
    public TaskKey task() {
        return TaskKey.RECORD_SUPERVISION;
    }

    @Override
    public Held read(Form form, TaskContext context) {
        LocalDate heldOn = form.happenedOn("heldOn");
        form.notBefore("heldOn", heldOn, supervisions.allocatedOn(context.caseId()), "the case's allocation");
        List<String> attendees = form.texts("attendees");
        List<String> worries = form.texts("worries");
        List<String> workingWell = form.texts("workingWell");
        List<String> needsToHappen = form.texts("needsToHappen");
        String decisions = form.requiredText("decisions");
        List<Form> items = form.objects("actions");
        if (items.size() > MAX_ACTIONS) {
            form.error("actions", "must have at most " + MAX_ACTIONS + " actions");
        }
        List<CaseActions.NewAction> actions = new ArrayList<>();
        for (Form item : items) {
            String text = item.text("text", true, 2000);
            String assignee = item.text("assignee", true, 100);
            LocalDate dueOn = item.requiredDate("dueOn");
            if (dueOn != null && dueOn.isBefore(form.today())) {
                item.error("dueOn", "must not be in the past");
            }
            actions.add(new CaseActions.NewAction(text, assignee, dueOn));
        }
        return new Held(heldOn, attendees, worries, workingWell, needsToHappen, decisions, actions);
    }

    @Override
    public Completion apply(Held held, TaskContext context) {
        String supervisionId = UUID.randomUUID().toString();
        db.sql("""
                insert into supervision (supervision_id, case_id, held_on, attendees, worries, working_well,
                                         needs_to_happen, decisions, recorded_by, recorded_at, task_id)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(supervisionId, context.caseId(), held.heldOn(), json.of(held.attendees()), json.of(held.worries()),
                        json.of(held.workingWell()), json.of(held.needsToHappen()), held.decisions(), context.user(),
                        Timestamp.from(time.now()), context.taskId())
                .update();
        caseActions.setFromSupervision(supervisionId, context.caseId(), held.actions(), context.user(), time.now());
        return Completion.of(summary(held), held.heldOn(), Map.of());
    }

    /** The chronology's line, in words: "Supervision held on 2026-03-09. Decisions: …". */
    static String summary(Held held) {
        StringBuilder s = new StringBuilder("Supervision held on " + held.heldOn() + ".");
        if (!held.attendees().isEmpty()) {
            s.append(" Attended by ").append(String.join(", ", held.attendees())).append('.');
        }
        s.append(" Decisions: ").append(held.decisions());
        if (!held.actions().isEmpty()) {
            s.append(held.actions().size() == 1 ? " One action set." : " " + held.actions().size() + " actions set.");
        }
        return s.toString();
    }
}
