package app.casepath.documents;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

import org.apache.commons.codec.digest.DigestUtils;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import app.casepath.calendar.TimeSource;

/**
 * The documents on a case (documents.md): each kept once with its SHA-256, size, type, who and
 * when, its bytes in the {@link DocumentStore}. Uploads and the documents Casepath writes are kept
 * the same way and listed together.
 */
@Service
public class Documents {

    /** What an upload is (documents.md). */
    public enum Category { POLICE, HEALTH, SCHOOL, COURT, CORRESPONDENCE, PHOTO, OTHER }

    /** What Casepath wrote (documents.md). */
    public enum Kind { FAMILY_ASSESSMENT, CONFERENCE_OUTCOME, CP_PLAN, CHRONOLOGY }

    public static final String PDF = "application/pdf";

    /** How a kept document was checked for malware. */
    public enum ScanStatus { CLEAN, NOT_SCANNED }

    /** A document's description; its bytes are read separately. */
    public record Document(String documentId, String caseId, String title, Category category, boolean generated,
                           Kind kind, String fileName, String mediaType, long size, String sha256,
                           LocalDate documentDate, ScanStatus scanStatus, String addedBy, OffsetDateTime addedAt,
                           OffsetDateTime withdrawnAt, String withdrawnBy, String withdrawalReason) {
    }

    /** What is to be kept: an upload has a category, a generated document a kind. */
    record NewDocument(String caseId, String title, Category category, Kind kind, String fileName, String mediaType,
                       LocalDate documentDate, ScanStatus scanStatus, byte[] content) {
    }

    static final String COLUMNS = "d.document_id, d.case_id, d.title, d.category, d.generated, d.kind, d.file_name,"
            + " d.media_type, d.size_bytes as size, d.sha256, d.document_date, d.scan_status, d.added_by, d.added_at,"
            + " d.withdrawn_at, d.withdrawn_by, d.withdrawal_reason";

    private final JdbcClient db;
    private final DocumentStore store;
    private final TimeSource time;

    Documents(JdbcClient db, DocumentStore store, TimeSource time) {
        this.db = db;
        this.store = store;
        this.time = time;
    }

    /**
     * Keeps a PDF Casepath wrote from the record, in the caller's transaction, so the document
     * exists exactly when what caused it (an authorisation, a conference) does.
     */
    @Transactional
    public Document saveGenerated(String caseId, Kind kind, String title, String fileName, byte[] pdf, String addedBy) {
        return keep(new NewDocument(caseId, title, null, kind, fileName, PDF, time.today(), ScanStatus.NOT_SCANNED, pdf),
                addedBy);
    }

    /** Keeps a document: its description, its digest and its bytes, together or not at all. */
    @Transactional
    Document keep(NewDocument d, String addedBy) {
        String documentId = UUID.randomUUID().toString();
        db.sql("""
                insert into case_document (document_id, case_id, title, category, generated, kind, file_name, media_type,
                                           size_bytes, sha256, document_date, scan_status, added_by, added_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(documentId, d.caseId(), d.title(), d.category() == null ? null : d.category().name(),
                        d.kind() != null, d.kind() == null ? null : d.kind().name(), d.fileName(), d.mediaType(),
                        (long) d.content().length, DigestUtils.sha256Hex(d.content()), d.documentDate(),
                        d.scanStatus().name(), addedBy, Timestamp.from(time.now()))
                .update();
        store.put(documentId, d.content());
        return find(documentId);
    }

    /** A document's description, withdrawn or not; access is the caller's to check. */
    Document find(String documentId) {
        return db.sql("select " + COLUMNS + " from case_document d where d.document_id = ?").param(documentId)
                .query(Document.class).single();
    }

    /** The bytes kept for a document whose description the caller has already been allowed to read. */
    byte[] content(String documentId) {
        return store.get(documentId);
    }
}
