package app.casepath.documents;

import java.util.List;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;

import app.casepath.tasks.FieldError;

/**
 * The answers only uploads give, as problem+json like every other (api/ApiErrors), ahead of its
 * catch-all: too large (413), a multipart body that cannot be read (400 naming {@code file}),
 * no document (404), and a virus scanner that is configured but cannot be used (503: an upload
 * is never kept unscanned where a scanner is expected).
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class DocumentErrors {

    private final DocumentSettings settings;

    DocumentErrors(DocumentSettings settings) {
        this.settings = settings;
    }

    @ExceptionHandler(CaseDocuments.TooLargeException.class)
    ProblemDetail tooLarge(CaseDocuments.TooLargeException e) {
        return titled(HttpStatus.PAYLOAD_TOO_LARGE, "Too large", e.getMessage());
    }

    /** Spring's own limit (spring.servlet.multipart.*), reached by an upload sent without its length. */
    @ExceptionHandler(MaxUploadSizeExceededException.class)
    ProblemDetail tooLargeWhileRead(MaxUploadSizeExceededException e) {
        return titled(HttpStatus.PAYLOAD_TOO_LARGE, "Too large", "The file is too large: a document may be at most "
                + settings.getMaxSize().toMegabytes() + " MB.");
    }

    @ExceptionHandler(MultipartException.class)
    ProblemDetail unreadable(MultipartException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "One field needs attention.");
        problem.setTitle("Invalid input");
        problem.setProperty("errors", List.of(new FieldError("file", "could not be read: send it as multipart/form-data")));
        return problem;
    }

    @ExceptionHandler(CaseDocuments.DocumentNotFoundException.class)
    ProblemDetail notFound(CaseDocuments.DocumentNotFoundException e) {
        return titled(HttpStatus.NOT_FOUND, "Not found", "There is nothing here, or it is not yours to see.");
    }

    @ExceptionHandler(ClamdScanner.ScannerUnavailableException.class)
    ProblemDetail scannerUnavailable(ClamdScanner.ScannerUnavailableException e) {
        return titled(HttpStatus.SERVICE_UNAVAILABLE, "Virus scanner unavailable",
                "The virus scanner cannot be reached, so the file was not kept. Try again later;"
                        + " if it goes on, tell the support team.");
    }

    private static ProblemDetail titled(HttpStatus status, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        return problem;
    }
}
