package app.casepath.caserecord;

import java.sql.Timestamp;
import java.util.Map;
import java.util.Objects;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import app.casepath.calendar.TimeSource;

/**
 * A person's corrections kept as history (casework.md, People): each field whose value changes
 * is a person_history row (who, when, the field, the old and the new value as JSON text). Here,
 * in the shared kernel, because a person is corrected both as a person (PATCH /api/people/{id})
 * and as a case's child (PATCH /api/cases/{id}/child), and the history must not depend on which.
 */
@Service
public class PersonHistory {

    private final JdbcClient db;
    private final TimeSource time;
    private final ObjectMapper json;

    PersonHistory(JdbcClient db, TimeSource time, ObjectMapper json) {
        this.db = db;
        this.time = time;
        this.json = json;
    }

    /** A row for each field of {@code given} whose value differs from {@code current}'s (fields as the person's API names them). */
    public void record(String personId, String changedBy, Map<String, ?> current, Map<String, ?> given) {
        Timestamp now = Timestamp.from(time.now());
        for (Map.Entry<String, ?> change : given.entrySet()) {
            Object old = current.get(change.getKey());
            if (!Objects.equals(old, change.getValue())) {
                db.sql("""
                        insert into person_history (person_id, changed_at, changed_by, field, old_value, new_value)
                        values (?, ?, ?, ?, ?, ?)""")
                        .params(personId, now, changedBy, change.getKey(), text(old), text(change.getValue()))
                        .update();
            }
        }
    }

    private String text(Object value) {
        if (value == null) {
            return null;
        }
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
