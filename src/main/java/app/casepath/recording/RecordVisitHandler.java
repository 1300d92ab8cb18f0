package app.casepath.recording;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import app.casepath.calendar.TimeSource;
import app.casepath.process.TaskKey;
import app.casepath.tasks.Form;
import app.casepath.tasks.TaskFormHandler;

/**
 * recordVisit {seenOn, seenAlone, notes}: the statutory visit to a child on a plan. A visit is
 * recorded once (casework.md): completed from the inbox, it writes the visit's note; completed by
 * a visit note being finalised (CaseNotes), it names that note ({@code noteId}) and writes none.
 * Either way the visit row, the VISIT milestone, Annex A and the dashboard read the same record,
 * and the note is the visit's one chronology entry.
 */
@Component
class RecordVisitHandler implements TaskFormHandler<RecordVisitHandler.Visit> {

    record Visit(LocalDate seenOn, boolean seenAlone, String notes, String noteId) {
    }

    private final JdbcClient db;
    private final NoteRecord notes;
    private final TimeSource time;

    RecordVisitHandler(JdbcClient db, NoteRecord notes, TimeSource time) {
        this.db = db;
        this.notes = notes;
        this.time = time;
    }

    @Override
    public TaskKey task() {
        return TaskKey.RECORD_VISIT;
    }

    /** The plan now running on the case: its visits are its statutory visits. */
    static Map<String, Object> currentPlan(JdbcClient db, String caseId) {
        return db.sql("""
                select id, started_on from cp_plan where id = (select max(id) from cp_plan where case_id = ? and ended_on is null)""")
                .param(caseId).query().singleRow();
    }

    @Override
    public Visit read(Form form, TaskContext context) {
        LocalDate seenOn = form.happenedOn("seenOn");
        LocalDate planStarted = ((java.sql.Date) currentPlan(db, context.caseId()).get("started_on")).toLocalDate();
        form.notBefore("seenOn", seenOn, planStarted, "the start of the plan");
        Boolean alone = form.bool("seenAlone", true);
        String noteId = form.text("noteId", false, 36);
        if (noteId != null && db.sql("""
                select count(*) from case_note n join case_note_case c on c.note_id = n.note_id
                where n.note_id = ? and c.case_id = ? and n.status = 'FINAL' and n.child_seen = true
                  and n.kind in ('HOME_VISIT', 'OFFICE_VISIT', 'SCHOOL_VISIT')
                  and not exists (select 1 from visit v where v.note_id = n.note_id)""")
                .params(noteId, context.caseId()).query(Long.class).single() == 0) {
            form.error("noteId", "must be a finished visit note on this case where the child was seen, not yet counted as a visit");
        }
        return new Visit(seenOn, Boolean.TRUE.equals(alone), form.optionalText("notes"), noteId);
    }

    @Override
    public Completion apply(Visit v, TaskContext context) {
        String noteId = v.noteId() == null ? writeNote(v, context) : v.noteId();
        db.sql("insert into visit (cp_plan_id, seen_on, seen_alone, notes, note_id) values (?, ?, ?, ?, ?)")
                .params(currentPlan(db, context.caseId()).get("id"), v.seenOn(), v.seenAlone(), v.notes(), noteId).update();
        notes.visitTaskCompleted(noteId);
        return Completion.of(null, v.seenOn(), Map.of());
    }

    /** The visit as a home visit note, as though it had been written up as one. */
    private String writeNote(Visit v, TaskContext context) {
        String noteId = UUID.randomUUID().toString();
        String childId = db.sql("select child_id from child_case where case_id = ?").param(context.caseId())
                .query(String.class).single();
        Instant now = time.now();
        Instant occurredAt = v.seenOn().equals(time.today()) ? now : time.startOf(v.seenOn());
        String text = v.notes() != null ? v.notes()
                : "The child was seen" + (v.seenAlone() ? " alone" : "") + " on the statutory visit.";
        NoteForm note = new NoteForm("HOME_VISIT", occurredAt, "Statutory visit", text, List.of(childId), true,
                v.seenAlone(), false, null, null, List.of());
        notes.insert(noteId, List.of(context.caseId()), note, NoteRecord.FINAL, "{}", context.user(), now);
        notes.makeFinal(noteId, occurredAt, now);
        notes.enterChronology(noteId);
        return noteId;
    }
}
