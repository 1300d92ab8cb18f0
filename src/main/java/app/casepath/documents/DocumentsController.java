package app.casepath.documents;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import com.fasterxml.jackson.databind.JsonNode;

import app.casepath.audit.Audited;
import app.casepath.security.Caller;
import jakarta.servlet.http.HttpServletRequest;

/** A case's documents over HTTP (documents.md "Uploads"); every request's audit row names the case it touched. */
@RestController
class DocumentsController {

    private final CaseDocuments documents;

    DocumentsController(CaseDocuments documents) {
        this.documents = documents;
    }

    /**
     * multipart/form-data: {@code file}, {@code title}, {@code category}, {@code documentDate}
     * (the date the document bears; today if left out). The parts are all optional here so that
     * a missing one is answered 400 naming it, like any form, after the caller's access is checked.
     */
    @PostMapping("/api/cases/{caseId}/documents")
    ResponseEntity<Documents.Document> upload(@PathVariable String caseId,
                                              @RequestPart(name = "file", required = false) MultipartFile file,
                                              @RequestParam(required = false) String title,
                                              @RequestParam(required = false) String category,
                                              @RequestParam(required = false) String documentDate) {
        Documents.Document document = documents.upload(Caller.current(), caseId, file, title, category, documentDate);
        return ResponseEntity.created(URI.create("/api/documents/" + document.documentId() + "/content")).body(document);
    }

    /** Withdrawn ones instead ({@code withdrawn=true}) for service managers. */
    @GetMapping("/api/cases/{caseId}/documents")
    List<Documents.Document> forCase(@PathVariable String caseId, @RequestParam(required = false) Boolean withdrawn) {
        return documents.forCase(Caller.current(), caseId, Boolean.TRUE.equals(withdrawn));
    }

    /**
     * The bytes as kept, never shown inline: a download with its own name and type, which the
     * browser must not second-guess (nosniff), so a text file cannot run as a page.
     */
    @GetMapping("/api/documents/{documentId}/content")
    ResponseEntity<byte[]> content(@PathVariable String documentId, HttpServletRequest request) {
        Documents.Document document = documents.readable(Caller.current(), documentId);
        Audited.caseId(request, document.caseId());
        byte[] content = documents.content(document);
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(document.mediaType()))
                .contentLength(content.length)
                .header(HttpHeaders.CONTENT_DISPOSITION, attachment(document.fileName()))
                .header("X-Content-Type-Options", "nosniff")
                .body(content);
    }

    @PostMapping("/api/documents/{documentId}/withdrawal")
    Documents.Document withdraw(@PathVariable String documentId, @RequestBody(required = false) JsonNode body,
                                HttpServletRequest request) {
        Documents.Document document = documents.withdraw(Caller.current(), documentId, body);
        Audited.caseId(request, document.caseId());
        Audited.detail(request, "withdrew document " + documentId);
        return document;
    }

    /** RFC 6266: an ASCII name for old clients, and the real one (UTF-8, percent-encoded) in filename*. */
    static String attachment(String fileName) {
        String ascii = fileName.replaceAll("[^\\x20-\\x7e]", "_").replace("\\", "_").replace("\"", "_");
        String encoded = URLEncoder.encode(fileName, StandardCharsets.UTF_8).replace("+", "%20");
        return "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''" + encoded;
    }
}
