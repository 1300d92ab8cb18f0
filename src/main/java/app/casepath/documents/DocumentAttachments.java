package app.casepath.documents;

import org.springframework.stereotype.Component;

import app.casepath.notify.Attachments;

/** The documents an email carries, read when it is sent (notify knows documents only through {@link Attachments}). */
@Component
class DocumentAttachments implements Attachments {

    private final Documents documents;

    DocumentAttachments(Documents documents) {
        this.documents = documents;
    }

    @Override
    public Attachment read(String documentId) {
        Documents.Document d = documents.find(documentId);
        return new Attachment(d.fileName(), d.mediaType(), documents.content(documentId));
    }
}
