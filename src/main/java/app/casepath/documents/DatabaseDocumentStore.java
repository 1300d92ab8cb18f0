package app.casepath.documents;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The bytes in document_content, written in the same transaction as the document's description. */
@Repository
class DatabaseDocumentStore implements DocumentStore {

    private final JdbcClient db;

    DatabaseDocumentStore(JdbcClient db) {
        this.db = db;
    }

    @Override
    public void put(String documentId, byte[] content) {
        db.sql("insert into document_content (document_id, content) values (?, ?)").params(documentId, content).update();
    }

    @Override
    public byte[] get(String documentId) {
        return db.sql("select content from document_content where document_id = ?").param(documentId)
                .query((rs, row) -> rs.getBytes(1)).single();
    }
}
