package app.casepath.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

/** An unexpected failure never puts its message (which may carry a child's details) in the log. */
@ExtendWith(OutputCaptureExtension.class)
class ApiErrorsTest {

    @Test
    void theLogGetsAnIdAndWhereButNotTheMessage(CapturedOutput output) {
        ProblemDetail problem = new ApiErrors().unexpected(new IllegalStateException(
                "duplicate key value violates unique constraint: (first_name)=(Amani Okafor)",
                new RuntimeException("DOB 2016-04-01"))).getBody();

        assertThat(problem.getStatus()).isEqualTo(HttpStatus.INTERNAL_SERVER_ERROR.value());
        String id = (String) problem.getProperties().get("errorId");
        assertThat(problem.getDetail()).contains(id);
        assertThat(output.getAll()).contains(id, "java.lang.IllegalStateException", "java.lang.RuntimeException",
                "ApiErrorsTest").doesNotContain("Amani", "Okafor", "2016-04-01");
    }

    @Test
    void anUnreachableDatabaseIsServiceUnavailableNotAFault() {
        ResponseEntity<ProblemDetail> answer = new ApiErrors().unexpected(new IllegalStateException("query failed",
                new SQLException("Connection to localhost:5432 refused", "08001")));

        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
        assertThat(answer.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("10");
        assertThat(new ApiErrors().unexpected(new SQLException("syntax error", "42601")).getStatusCode())
                .isEqualTo(HttpStatus.INTERNAL_SERVER_ERROR);
    }
}
