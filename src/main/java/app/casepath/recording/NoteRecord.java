package app.casepath.recording;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import app.casepath.caserecord.Chronology;
import app.casepath.caserecord.JsonText;
import app.casepath.process.Words;

/**
 * The case_note rows: a note written, saved again, made final and entered in each of its cases'
 * chronologies. The service (CaseNotes) decides who may; the visit task (RecordVisitHandler)
 * writes its note here too, so a visit is one record whichever way it was recorded.
 */
@Repository
class NoteRecord {

    static final String DRAFT = "DRAFT";
    static final String FINAL = "FINAL";
    /** How much of a note's text its chronology entry quotes: the note itself has the rest. */
    private static final int QUOTED = 600;

    record Row(String noteId, String kind, String status, OffsetDateTime occurredAt, String subject, String text,
               String people, Boolean childSeen, Boolean childSeenAlone, boolean significant, String threeHouses,
               String wishesAndFeelings, String body, String author, OffsetDateTime savedAt, OffsetDateTime finalisedAt,
               boolean visitTaskCompleted) {
        boolean isFinal() {
            return FINAL.equals(status);
        }
    }

    static final String COLUMNS = """
            n.note_id, n.kind, n.status, n.occurred_at, n.subject, n.text, n.people, n.child_seen, n.child_seen_alone,
            n.significant, n.three_houses, n.wishes_and_feelings, n.body, n.author, n.saved_at, n.finalised_at,
            n.visit_task_completed""";

    private final JdbcClient db;
    private final JsonText json;
    private final Chronology chronology;

    NoteRecord(JdbcClient db, JsonText json, Chronology chronology) {
        this.db = db;
        this.json = json;
        this.chronology = chronology;
    }

    void insert(String noteId, List<String> caseIds, NoteForm note, String status, String body, String author, Instant now) {
        db.sql("""
                insert into case_note (note_id, kind, status, occurred_at, subject, text, people, child_seen, child_seen_alone,
                                       significant, three_houses, wishes_and_feelings, body, author, created_at, saved_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(noteId, note.kind(), status, timestamp(note.occurredAt()), note.subject(), note.text(),
                        json.of(note.people()), note.childSeen(), note.childSeenAlone(), note.significant(),
                        note.threeHouses() == null ? null : json.of(note.threeHouses()), note.wishesAndFeelings(), body,
                        author, Timestamp.from(now), Timestamp.from(now))
                .update();
        for (String caseId : caseIds) {
            db.sql("insert into case_note_case (note_id, case_id) values (?, ?)").params(noteId, caseId).update();
        }
    }

    /** A draft saved again: its whole body, as the author's screen now holds it. */
    void update(String noteId, NoteForm note, String body, Instant now) {
        db.sql("""
                update case_note set kind = ?, occurred_at = ?, subject = ?, text = ?, people = ?, child_seen = ?,
                       child_seen_alone = ?, significant = ?, three_houses = ?, wishes_and_feelings = ?, body = ?, saved_at = ?
                where note_id = ?""")
                .params(note.kind(), timestamp(note.occurredAt()), note.subject(), note.text(), json.of(note.people()),
                        note.childSeen(), note.childSeenAlone(), note.significant(),
                        note.threeHouses() == null ? null : json.of(note.threeHouses()), note.wishesAndFeelings(), body,
                        Timestamp.from(now), noteId)
                .update();
    }

    /** Part of the record from now on: never changed again, only amended. */
    void makeFinal(String noteId, Instant occurredAt, Instant now) {
        db.sql("update case_note set status = ?, occurred_at = ?, finalised_at = ?, saved_at = ? where note_id = ?")
                .params(FINAL, Timestamp.from(occurredAt), Timestamp.from(now), Timestamp.from(now), noteId).update();
    }

    void visitTaskCompleted(String noteId) {
        db.sql("update case_note set visit_task_completed = true where note_id = ?").param(noteId).update();
    }

    void delete(String noteId) {
        db.sql("delete from case_note where note_id = ?").param(noteId).update();
    }

    /** The note's row, locked against a save and a finalise of the same draft crossing. */
    Optional<Row> lock(String noteId) {
        return db.sql("select " + COLUMNS + " from case_note n where n.note_id = ? for update").param(noteId)
                .query((rs, n) -> row(rs)).optional();
    }

    Optional<Row> find(String noteId) {
        return db.sql("select " + COLUMNS + " from case_note n where n.note_id = ?").param(noteId)
                .query((rs, n) -> row(rs)).optional();
    }

    List<String> caseIds(String noteId) {
        return db.sql("select case_id from case_note_case where note_id = ? order by case_id").param(noteId)
                .query(String.class).list();
    }

    /** One entry in each of the note's cases' chronologies, dated when it happened. */
    void enterChronology(String noteId) {
        Row note = find(noteId).orElseThrow();
        String summary = summary(note);
        for (String caseId : caseIds(noteId)) {
            chronology.recordNote(caseId, note.occurredAt().toInstant(), note.kind(), summary, note.author(),
                    note.significant(), noteId);
        }
    }

    static String summary(Row note) {
        StringBuilder s = new StringBuilder(Words.list("noteKinds").getOrDefault(note.kind(), "Note"));
        if (note.subject() != null) {
            s.append(": ").append(note.subject());
        }
        s.append('.');
        if (Boolean.TRUE.equals(note.childSeen())) {
            s.append(Boolean.TRUE.equals(note.childSeenAlone()) ? " The child was seen alone." : " The child was seen.");
        } else if (Boolean.FALSE.equals(note.childSeen())) {
            s.append(" The child was not seen.");
        }
        if (note.text() != null) {
            String text = note.text().length() > QUOTED ? note.text().substring(0, QUOTED) + "…" : note.text();
            s.append(' ').append(text);
        }
        return s.length() > 2000 ? s.substring(0, 1999) + "…" : s.toString();
    }

    static Row row(ResultSet rs) throws SQLException {
        return new Row(rs.getString("note_id"), rs.getString("kind"), rs.getString("status"),
                rs.getObject("occurred_at", OffsetDateTime.class), rs.getString("subject"), rs.getString("text"),
                rs.getString("people"), (Boolean) rs.getObject("child_seen"), (Boolean) rs.getObject("child_seen_alone"),
                rs.getBoolean("significant"), rs.getString("three_houses"), rs.getString("wishes_and_feelings"),
                rs.getString("body"), rs.getString("author"), rs.getObject("saved_at", OffsetDateTime.class),
                rs.getObject("finalised_at", OffsetDateTime.class), rs.getBoolean("visit_task_completed"));
    }

    private static Timestamp timestamp(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }
}
