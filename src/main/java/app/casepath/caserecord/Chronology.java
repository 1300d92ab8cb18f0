package app.casepath.caserecord;

import java.sql.Timestamp;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import app.casepath.calendar.TimeSource;

/** Everything that happened to a case, in order, in words a family court could read. */
@Repository
public class Chronology {

    private final JdbcClient db;
    private final TimeSource time;

    public Chronology(JdbcClient db, TimeSource time) {
        this.db = db;
        this.time = time;
    }

    public void record(String caseId, String kind, String summary, String actor) {
        db.sql("insert into chronology (case_id, occurred_at, kind, summary, actor) values (?, ?, ?, ?, ?)")
                .params(caseId, Timestamp.from(time.now()), kind, summary, actor).update();
    }

    /**
     * A note's entry: dated when what it records happened (a visit written up the next morning is
     * Tuesday's visit), linked to the note, and one of the case's significant events if marked so.
     */
    public void recordNote(String caseId, java.time.Instant occurredAt, String kind, String summary, String actor,
                           boolean significant, String noteId) {
        db.sql("""
                insert into chronology (case_id, occurred_at, kind, summary, actor, significant, note_id)
                values (?, ?, ?, ?, ?, ?, ?)""")
                .params(caseId, Timestamp.from(occurredAt), kind, summary, actor, significant, noteId).update();
    }
}
