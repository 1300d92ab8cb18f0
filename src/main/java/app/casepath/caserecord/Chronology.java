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
}
