package app.casepath.documents;

import java.net.URI;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import com.fasterxml.jackson.databind.JsonNode;

import app.casepath.audit.Audited;
import app.casepath.security.Caller;
import app.casepath.tasks.InvalidInputException;
import jakarta.servlet.http.HttpServletRequest;

/** The chronology as a document, on request (documents.md): for whoever may read the case; audited. */
@RestController
class ChronologyDocumentController {

    private final GeneratedDocuments generated;

    ChronologyDocumentController(GeneratedDocuments generated) {
        this.generated = generated;
    }

    @PostMapping("/api/cases/{caseId}/documents/chronology")
    ResponseEntity<Documents.Document> chronology(@PathVariable String caseId, @RequestBody(required = false) JsonNode body,
                                                  HttpServletRequest request) {
        Audited.caseId(request, caseId);
        JsonNode significant = body == null ? null : body.get("significantOnly");
        if (significant != null && !significant.isNull() && !significant.isBoolean()) {
            throw InvalidInputException.of("significantOnly", "must be true or false");
        }
        Documents.Document document = generated.chronology(Caller.current(), caseId,
                significant != null && significant.asBoolean(false));
        Audited.detail(request, "chronology written: " + document.documentId());
        return ResponseEntity.created(URI.create("/api/documents/" + document.documentId() + "/content")).body(document);
    }
}
