package app.casepath.api;

import java.io.IOException;

import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.servlet.http.HttpServletResponse;

/** Writes a problem answer from a servlet filter, where no controller advice reaches. */
final class ProblemResponse {

    private ProblemResponse() {
    }

    static void write(HttpServletResponse response, ObjectMapper json, ResponseEntity<ProblemDetail> answer)
            throws IOException {
        response.resetBuffer();
        response.setStatus(answer.getStatusCode().value());
        answer.getHeaders().forEach((name, values) -> values.forEach(value -> response.addHeader(name, value)));
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(response.getOutputStream(), answer.getBody());
    }
}
