package app.casepath.tasks;

import java.sql.Timestamp;
import java.time.Instant;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Every submitted form, whole, as the worker wrote it. */
@Repository
public class FormSubmissions {

    private final JdbcClient db;

    public FormSubmissions(JdbcClient db) {
        this.db = db;
    }

    public void save(String caseId, String taskId, String taskKey, String user, Instant at, String json) {
        db.sql("""
                insert into form_submission (case_id, task_id, task_key, submitted_by, submitted_at, form)
                values (?, ?, ?, ?, ?, ?)""").params(caseId, taskId, taskKey, user, Timestamp.from(at), json).update();
    }
}
