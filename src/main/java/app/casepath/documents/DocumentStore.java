package app.casepath.documents;

/**
 * Where a document's bytes are kept. PostgreSQL by default (one thing to back up); an object
 * store can take its place without anything else changing, since the description of each
 * document (case_document) stays in the database either way.
 */
public interface DocumentStore {

    /** Keeps the bytes of {@code documentId}, in the caller's transaction where the store has one. */
    void put(String documentId, byte[] content);

    /** The bytes kept for {@code documentId}. */
    byte[] get(String documentId);
}
