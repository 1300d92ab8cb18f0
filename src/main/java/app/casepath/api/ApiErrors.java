package app.casepath.api;

import java.util.List;

import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.TaskAlreadyClaimedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import app.casepath.caserecord.CaseNotFoundException;
import app.casepath.caserecord.WrongStageException;
import app.casepath.security.NotAllowedException;
import app.casepath.tasks.FieldError;
import app.casepath.tasks.InvalidInputException;
import app.casepath.tasks.TaskConflictException;
import app.casepath.tasks.TaskNotFoundException;

/**
 * Every failure as application/problem+json (RFC 9457). Bad input names its fields; nothing a
 * client sends is answered with a 500. Logs never carry a request's content: it is a child's record.
 */
@RestControllerAdvice
class ApiErrors extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiErrors.class);

    @ExceptionHandler(InvalidInputException.class)
    ProblemDetail invalid(InvalidInputException e) {
        return invalid(e.errors());
    }

    static ProblemDetail invalid(List<FieldError> errors) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                errors.size() == 1 ? "One field needs attention." : errors.size() + " fields need attention.");
        problem.setTitle("Invalid input");
        problem.setProperty("errors", errors);
        return problem;
    }

    @ExceptionHandler({CaseNotFoundException.class, TaskNotFoundException.class})
    ProblemDetail notFound(RuntimeException e) {
        return titled(HttpStatus.NOT_FOUND, "Not found", "There is nothing here, or it is not yours to see.");
    }

    @ExceptionHandler(NotAllowedException.class)
    ProblemDetail notAllowed(NotAllowedException e) {
        return titled(HttpStatus.FORBIDDEN, "Not allowed", e.getMessage());
    }

    @ExceptionHandler({TaskConflictException.class, WrongStageException.class})
    ProblemDetail conflict(RuntimeException e) {
        return titled(HttpStatus.CONFLICT, "Conflict", e.getMessage());
    }

    @ExceptionHandler({OptimisticLockingException.class, TaskAlreadyClaimedException.class, ConcurrencyFailureException.class})
    ProblemDetail concurrentChange(RuntimeException e) {
        return titled(HttpStatus.CONFLICT, "Conflict", "Someone else changed this at the same time. Reload and try again.");
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ProblemDetail badParameter(MethodArgumentTypeMismatchException e) {
        return invalid(List.of(new FieldError(e.getName(), "is not a valid value")));
    }

    /**
     * A failure of ours, not the client's. The log gets an id, the exception's class and where it
     * happened, but not its message: database messages can echo a child's details.
     */
    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e) {
        if (DatabaseOutage.causedBy(e)) {
            return DatabaseOutage.answer(e);
        }
        String id = java.util.UUID.randomUUID().toString();
        StringBuilder where = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            where.append("\n  ").append(t.getClass().getName());
            java.util.Arrays.stream(t.getStackTrace()).limit(6).forEach(f -> where.append("\n    at ").append(f));
        }
        log.error("Unexpected failure {}:{}", id, where);
        ProblemDetail problem = titled(HttpStatus.INTERNAL_SERVER_ERROR, "Something went wrong",
                "Nothing was saved. The support team can find what happened with error " + id + ".");
        problem.setProperty("errorId", id);
        return ResponseEntity.internalServerError().body(problem);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e, HttpHeaders headers,
                                                                  HttpStatusCode status, WebRequest request) {
        return ResponseEntity.badRequest().body(invalid(List.of(new FieldError("body", "must be valid JSON"))));
    }

    @Override
    protected ResponseEntity<Object> handleMissingServletRequestParameter(MissingServletRequestParameterException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return ResponseEntity.badRequest().body(invalid(List.of(new FieldError(e.getParameterName(), "is required"))));
    }

    private static ProblemDetail titled(HttpStatus status, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        return problem;
    }

}
