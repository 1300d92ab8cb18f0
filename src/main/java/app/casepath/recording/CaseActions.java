package app.casepath.recording;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import app.casepath.calendar.TimeSource;
import app.casepath.process.Journey;
import app.casepath.tasks.RecordDates;

/**
 * A manager's actions (an oversight note's or a supervision's): each is a completeAction task
 * in its assignee's inbox (bpmn/complete-action.bpmn), which calls this bean by name
 * ("caseActions") for its assignee and dates, read from the action, so a council changes the
 * reminder and escalation in Camunda Modeler without code.
 */
@Component("caseActions")
public class CaseActions {

    public record ActionView(String actionId, String text, String assignee, LocalDate dueOn, String setBy,
                             LocalDate completedOn, String outcome, String completedBy, String taskId) {
    }

    private final JdbcClient db;
    private final RuntimeService runtime;
    private final RecordDates dates;
    private final TaskService tasks;
    private final TimeSource time;

    CaseActions(JdbcClient db, RuntimeService runtime, RecordDates dates, TaskService tasks, TimeSource time) {
        this.tasks = tasks;
        this.time = time;
        this.db = db;
        this.runtime = runtime;
        this.dates = dates;
    }

    /** An action as a supervision sets it (recording.NoteForm.Action for a note's). */
    public record NewAction(String text, String assignee, LocalDate dueOn) {
    }

    /** Sets the note's actions on the case, each a task of its own from now on. */
    void set(String noteId, String caseId, List<NoteForm.Action> actions, String setBy, Instant now) {
        for (NoteForm.Action action : actions) {
            setOne(noteId, null, caseId, action.text(), action.assignee(), action.dueOn(), setBy, now);
        }
    }

    /** Sets a supervision's actions on the case, each a completeAction task as an oversight note's. */
    public void setFromSupervision(String supervisionId, String caseId, List<NewAction> actions, String setBy, Instant now) {
        for (NewAction action : actions) {
            setOne(null, supervisionId, caseId, action.text(), action.assignee(), action.dueOn(), setBy, now);
        }
    }

    private void setOne(String noteId, String supervisionId, String caseId, String text, String assignee, LocalDate dueOn,
                        String setBy, Instant now) {
        String actionId = UUID.randomUUID().toString();
        db.sql("""
                insert into case_action (action_id, note_id, supervision_id, case_id, text, assignee, due_on, set_by, set_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(actionId, noteId, supervisionId, caseId, text, assignee, dueOn, setBy, Timestamp.from(now))
                .update();
        Map<String, Object> variables = new LinkedHashMap<>();
        variables.put(Journey.ACTION_ID, actionId);
        variables.put(Journey.CASE_ID, caseId);
        runtime.startProcessInstanceByKey(Journey.COMPLETE_ACTION_PROCESS, actionId, variables);
    }

    /** A supervision's actions, as ofNote a note's. */
    public List<ActionView> ofSupervision(String supervisionId) {
        return of("supervision_id", supervisionId);
    }

    List<ActionView> ofNote(String noteId) {
        return of("note_id", noteId);
    }

    private List<ActionView> of(String column, String id) {
        return db.sql("""
                select action_id, text, assignee, due_on, set_by, completed_on, outcome, completed_by
                from case_action where %s = ? order by set_at, action_id""".formatted(column))
                .param(id)
                .query((rs, n) -> {
                    String actionId = rs.getString("action_id");
                    LocalDate completedOn = rs.getObject("completed_on", LocalDate.class);
                    return new ActionView(actionId, rs.getString("text"), rs.getString("assignee"),
                            rs.getObject("due_on", LocalDate.class), rs.getString("set_by"), completedOn,
                            rs.getString("outcome"), rs.getString("completed_by"), completedOn == null ? openTask(actionId) : null);
                }).list();
    }

    private String openTask(String actionId) {
        Task task = tasks.createTaskQuery().processInstanceBusinessKey(actionId).singleResult();
        return task == null ? null : task.getId();
    }

    /** The action a completeAction task is for, as its form shows it. */
    Map<String, Object> context(String actionId) {
        return db.sql("""
                select a.text, a.due_on as "dueOn", a.set_by as "setBy", a.note_id as "noteId", n.subject as "noteSubject"
                from case_action a left join case_note n on n.note_id = a.note_id where a.action_id = ?""")
                .param(actionId).query().singleRow();
    }

    void completed(String actionId, LocalDate completedOn, String outcome, String by, Instant at) {
        db.sql("update case_action set completed_on = ?, outcome = ?, completed_by = ?, completed_at = ? where action_id = ?")
                .params(completedOn, outcome, by, Timestamp.from(at), actionId).update();
    }

    /** Whether a supervision (rather than an oversight note) set the action. */
    boolean fromSupervision(String actionId) {
        return db.sql("select supervision_id from case_action where action_id = ?").param(actionId).query(String.class)
                .list().stream().anyMatch(java.util.Objects::nonNull);
    }

    String text(String actionId) {
        return db.sql("select text from case_action where action_id = ?").param(actionId).query(String.class).single();
    }

    LocalDate setOn(String actionId) {
        return time.dateOf(db.sql("select set_at from case_action where action_id = ?").param(actionId)
                .query(Timestamp.class).single().toInstant());
    }

    // ---- the model's expressions

    public String assignee(String actionId) {
        return db.sql("select assignee from case_action where action_id = ?").param(actionId).query(String.class).single();
    }

    public Date dueOn(String actionId) {
        return dates.dueOn(dueDate(actionId));
    }

    public Date remindAt(String actionId) {
        return dates.remindAt(dueDate(actionId));
    }

    public Date escalateAt(String actionId) {
        return dates.escalateAt(dueDate(actionId));
    }

    private LocalDate dueDate(String actionId) {
        return db.sql("select due_on from case_action where action_id = ?").param(actionId).query(LocalDate.class).single();
    }
}
