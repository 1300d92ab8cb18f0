package app.casepath.audit;

import java.sql.Timestamp;
import java.time.OffsetDateTime;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import app.casepath.calendar.TimeSource;

/** The append-only audit log. The application only ever inserts and reads. */
@Repository
public class AuditLog {

    public record Entry(long id, OffsetDateTime occurredAt, String username, String action, String method, String path,
                        String caseId, String taskId, int status, String clientAddress, String detail) {
    }

    private final JdbcClient db;
    private final TimeSource time;

    public AuditLog(JdbcClient db, TimeSource time) {
        this.db = db;
        this.time = time;
    }

    void append(String username, String action, String method, String path, String caseId, String taskId, int status,
                String clientAddress, String detail) {
        db.sql("""
                insert into audit_log (occurred_at, username, action, method, path, case_id, task_id, status,
                                       client_address, detail)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(Timestamp.from(time.now()), username, action, method, truncate(path, 500), caseId, taskId,
                        status, clientAddress, truncate(detail, 4000))
                .update();
    }

    /**
     * A sign-in or sign-out that no controller answers (the provider's redirect back, the sign-out
     * filter): who, whether it was let in (the status), and why not in words.
     */
    public void session(String username, String action, HttpServletRequest request, int status, String detail) {
        append(username, action, request.getMethod(), request.getRequestURI(), null, null, status, request.getRemoteAddr(), detail);
    }

    public List<Entry> find(String caseId, String username, int page, int size) {
        return db.sql("""
                select id, occurred_at, username, action, method, path, case_id, task_id, status, client_address, detail
                from audit_log
                where (cast(:caseId as varchar(36)) is null or case_id = :caseId)
                  and (cast(:username as varchar(100)) is null or username = :username)
                order by id desc limit :size offset :offset""")
                .param("caseId", caseId).param("username", username).param("size", size).param("offset", page * size)
                .query(Entry.class).list();
    }

    private static String truncate(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max);
    }
}
