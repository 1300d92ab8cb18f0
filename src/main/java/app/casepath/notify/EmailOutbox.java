package app.casepath.notify;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import app.casepath.calendar.TimeSource;

/** Emails waiting to be sent, written in the transaction of what caused them. */
@Repository
public class EmailOutbox {

    /** {@code attachmentDocumentId}: the document sent with it (the family's assessment), or null. */
    public record Email(long id, String recipient, String subject, String body, int attempts, String attachmentDocumentId) {
    }

    private final JdbcClient db;
    private final TimeSource time;

    public EmailOutbox(JdbcClient db, TimeSource time) {
        this.db = db;
        this.time = time;
    }

    /** Queues an email once: a second call with the same key (a replayed event) adds nothing. */
    public void enqueue(String dedupeKey, String kind, String caseId, String recipient, String subject, String body) {
        enqueue(dedupeKey, kind, caseId, recipient, subject, body, null);
    }

    /**
     * Queues an email once, with a document from the case attached: only the document's id is
     * kept here, and its bytes are read when the email is sent (an outage keeps the email, not a
     * copy of the PDF).
     */
    public void enqueue(String dedupeKey, String kind, String caseId, String recipient, String subject, String body,
                        String attachmentDocumentId) {
        Timestamp now = Timestamp.from(time.now());
        db.sql("""
                insert into email_outbox (dedupe_key, kind, case_id, recipient, subject, body, created_at, next_attempt_at,
                                          attachment_document_id)
                select ?, ?, ?, ?, ?, ?, ?, ?, ? where not exists (select 1 from email_outbox where dedupe_key = ?)""")
                .params(dedupeKey, kind, caseId, recipient, subject, body, now, now, attachmentDocumentId, dedupeKey)
                .update();
    }

    /** The next email due, locked for this sender (another node skips it). */
    Optional<Email> lockNextDue() {
        return db.sql("""
                select id, recipient, subject, body, attempts, attachment_document_id from email_outbox
                where sent_at is null and next_attempt_at <= ? order by next_attempt_at, id limit 1
                for update skip locked""")
                .param(Timestamp.from(time.now())).query(Email.class).optional();
    }

    void sent(long id) {
        db.sql("update email_outbox set sent_at = ?, attempts = attempts + 1, last_error = null where id = ?")
                .params(Timestamp.from(time.now()), id).update();
    }

    void failed(long id, Instant nextAttempt, String error) {
        db.sql("update email_outbox set attempts = attempts + 1, next_attempt_at = ?, last_error = ? where id = ?")
                .params(Timestamp.from(nextAttempt), error.length() > 1000 ? error.substring(0, 1000) : error, id).update();
    }
}
