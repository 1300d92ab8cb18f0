package app.casepath.notify;

/**
 * The bytes of a document an email carries, read when the email is sent (not when it is queued),
 * so the outbox row stays small. Implemented where the documents are kept; defined here so that
 * mail depends on no feature that writes documents.
 */
public interface Attachments {

    /** A document's file name, media type and bytes. */
    record Attachment(String fileName, String mediaType, byte[] content) {
    }

    Attachment read(String documentId);
}
