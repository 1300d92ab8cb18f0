package app.casepath.documents;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.multipart.MultipartFile;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import app.casepath.calendar.TimeSource;
import app.casepath.caserecord.CaseNotFoundException;
import app.casepath.security.CaseAccess;
import app.casepath.security.Caller;
import app.casepath.security.Groups;
import app.casepath.security.NotAllowedException;
import app.casepath.tasks.Form;
import app.casepath.tasks.InvalidInputException;
import app.casepath.tasks.TaskConflictException;

/**
 * The documents of a case as people use them (documents.md "Uploads"): uploaded by whoever may
 * work the case (as notes are written: its worker, its open tasks' holders and groups, team
 * managers), read by whoever may read it, a restricted record's by its allowed users only;
 * never deleted, withdrawn with a reason by a service manager. An upload is checked whole
 * (fields, size, type, then the virus scanner) before anything is written.
 */
@Service
public class CaseDocuments {

    static final int MAX_TITLE = 300;
    static final int MAX_REASON = 2000;

    /** The upload is larger than casepath.documents.max-size (413). */
    static class TooLargeException extends RuntimeException {
        TooLargeException(String message) {
            super(message);
        }
    }

    /** No such document, or not one the caller may see: the same answer, so nothing leaks (404). */
    static class DocumentNotFoundException extends RuntimeException {
        DocumentNotFoundException() {
            super("No such document");
        }
    }

    private final Documents documents;
    private final DocumentSettings settings;
    private final CaseAccess access;
    private final JdbcClient db;
    private final TimeSource time;

    CaseDocuments(Documents documents, DocumentSettings settings, CaseAccess access, JdbcClient db, TimeSource time) {
        this.documents = documents;
        this.settings = settings;
        this.access = access;
        this.db = db;
        this.time = time;
    }

    /** POST /api/cases/{caseId}/documents. */
    public Documents.Document upload(Caller caller, String caseId, MultipartFile file, String title, String category,
                                     String documentDate) {
        if (!access.canRead(caller, caseId)) {
            throw new CaseNotFoundException(caseId);
        }
        if (!access.mayWorkOn(caller, caseId)) {
            throw new NotAllowedException("Only those who work with the child (or their team managers) add documents to the case.");
        }
        ObjectNode fields = JsonNodeFactory.instance.objectNode();
        fields.put("title", title);
        fields.put("category", category);
        if (documentDate != null && !documentDate.isBlank()) {
            // A form's empty date field is a date left out: the document is dated today.
            fields.put("documentDate", documentDate);
        }
        Form form = Form.of(fields, time.today());
        String checkedTitle = form.text("title", true, MAX_TITLE);
        String checkedCategory = form.choice("category", Arrays.stream(Documents.Category.values()).map(Enum::name)
                .collect(Collectors.toSet()));
        LocalDate date = form.happenedOn("documentDate");
        String fileName = file == null ? null : DocumentTypes.cleanName(file.getOriginalFilename());
        String mediaType = null;
        if (file == null || file.isEmpty()) {
            form.error("file", file == null ? "is required" : "must not be empty");
        } else if (file.getSize() > settings.getMaxSize().toBytes()) {
            throw tooLarge();
        } else if (fileName == null) {
            form.error("file", "must have a name");
        } else {
            mediaType = judge(file, fileName).orElse(null);
            if (mediaType == null) {
                form.error("file", "must be " + DocumentTypes.ACCEPTED + ", and what its name says it is");
            }
        }
        form.check();
        Documents.ScanStatus scanned = scan(file);
        byte[] content;
        try {
            content = file.getBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return documents.keep(new Documents.NewDocument(caseId, checkedTitle, Documents.Category.valueOf(checkedCategory),
                null, fileName, mediaType, date, scanned, content), caller.username());
    }

    TooLargeException tooLarge() {
        return new TooLargeException("The file is too large: a document may be at most "
                + settings.getMaxSize().toMegabytes() + " MB.");
    }

    /** The type, judged from the content where the upload already is on disk (the container formats need a file). */
    private static Optional<String> judge(MultipartFile file, String fileName) {
        Path copy = null;
        try {
            copy = Files.createTempFile("casepath-upload", ".bin");
            file.transferTo(copy);
            return DocumentTypes.judge(copy, fileName);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            if (copy != null) {
                try {
                    Files.deleteIfExists(copy);
                } catch (IOException ignored) {
                    // The temp folder is cleaned by the system; nothing of the upload is kept by Casepath.
                }
            }
        }
    }

    /** Scanned where a scanner is configured; an infected file is refused, naming the field. */
    private Documents.ScanStatus scan(MultipartFile file) {
        DocumentSettings.Clamav clamav = settings.getClamav();
        if (!clamav.configured()) {
            return Documents.ScanStatus.NOT_SCANNED;
        }
        ClamdScanner.Verdict verdict;
        try (InputStream in = file.getInputStream()) {
            verdict = ClamdScanner.scan(clamav, in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (verdict == ClamdScanner.Verdict.INFECTED) {
            throw InvalidInputException.of("file", "The file contains a virus, so it was not kept. Tell the sender.");
        }
        return Documents.ScanStatus.CLEAN;
    }

    /**
     * GET /api/cases/{caseId}/documents: uploads and generated documents together, newest document
     * date first (then the latest added), as a practitioner looks for the latest report; withdrawn
     * ones only when a service manager asks for them.
     */
    public List<Documents.Document> forCase(Caller caller, String caseId, boolean withdrawn) {
        if (!access.canRead(caller, caseId)) {
            throw new CaseNotFoundException(caseId);
        }
        if (withdrawn && !caller.in(Groups.SERVICE_MANAGERS)) {
            throw new NotAllowedException("Only service managers see withdrawn documents.");
        }
        return db.sql("select " + Documents.COLUMNS + " from case_document d where d.case_id = ? and d.withdrawn_at is "
                        + (withdrawn ? "not null" : "null") + " order by d.document_date desc, d.added_at desc, d.document_id")
                .param(caseId).query(Documents.Document.class).list();
    }

    /**
     * A document the caller may read: its case readable by them, and not withdrawn (a withdrawn one
     * is hidden from all but service managers, who withdraw them).
     */
    public Documents.Document readable(Caller caller, String documentId) {
        Documents.Document document = find(documentId).orElseThrow(DocumentNotFoundException::new);
        if (!access.canRead(caller, document.caseId())
                || document.withdrawnAt() != null && !caller.in(Groups.SERVICE_MANAGERS)) {
            throw new DocumentNotFoundException();
        }
        return document;
    }

    /** GET /api/documents/{documentId}/content: the bytes kept, for a document {@link #readable} by the caller. */
    public byte[] content(Documents.Document readable) {
        return documents.content(readable.documentId());
    }

    /** POST /api/documents/{documentId}/withdrawal {reason}: kept, hidden from the case, audited. */
    @Transactional
    public Documents.Document withdraw(Caller caller, String documentId, JsonNode body) {
        Documents.Document document = find(documentId).orElseThrow(DocumentNotFoundException::new);
        if (!access.canRead(caller, document.caseId())) {
            throw new DocumentNotFoundException();
        }
        if (!caller.in(Groups.SERVICE_MANAGERS)) {
            throw new NotAllowedException("Only a service manager may withdraw a document.");
        }
        Form form = Form.of(body, time.today());
        String reason = form.text("reason", true, MAX_REASON);
        form.check();
        int changed = db.sql("""
                update case_document set withdrawn_at = ?, withdrawn_by = ?, withdrawal_reason = ?
                where document_id = ? and withdrawn_at is null""")
                .params(Timestamp.from(time.now()), caller.username(), reason, documentId).update();
        if (changed == 0) {
            throw new TaskConflictException("This document has already been withdrawn.");
        }
        return documents.find(documentId);
    }

    private Optional<Documents.Document> find(String documentId) {
        return db.sql("select " + Documents.COLUMNS + " from case_document d where d.document_id = ?").param(documentId)
                .query(Documents.Document.class).optional();
    }
}
