package app.casepath.api;

import static app.casepath.Forms.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import com.fasterxml.jackson.databind.JsonNode;

/** Bad input is answered 4xx naming the field, writes nothing, and never produces a 500. */
class BadInputTest extends HttpTest {

    @BeforeEach
    void today() {
        journey.today(LocalDate.parse("2026-03-02"), LocalTime.of(11, 0));
    }

    private static Map<String, Object> contact(Map<String, Object> child, Object... overrides) {
        Map<String, Object> body = new HashMap<>(Map.of("receivedAt", "2026-03-02T09:30:00Z", "source", "2A",
                "child", child, "concerns", "Worried about neglect."));
        for (int i = 0; i < overrides.length; i += 2) {
            body.put((String) overrides[i], overrides[i + 1]);
        }
        return body;
    }

    private static Map<String, Object> child(Object... fields) {
        Map<String, Object> child = new HashMap<>(Map.of("firstName", "Ada", "lastName", "Input", "dateOfBirth", "2015-01-01"));
        for (int i = 0; i < fields.length; i += 2) {
            if (fields[i + 1] == null) {
                child.remove((String) fields[i]);
            } else {
                child.put((String) fields[i], fields[i + 1]);
            }
        }
        return child;
    }

    private long rows(String table) {
        return journey.db().sql("select count(*) from " + table).query(Long.class).single();
    }

    private void assertRefused(ResponseEntity<JsonNode> answer, String... fields) {
        assertThat(answer.getStatusCode()).as("%s", answer.getBody()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(answer.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(answer.getBody().get("errors")).extracting(e -> e.get("field").asText()).containsExactlyInAnyOrder(fields);
        assertThat(answer.getBody().get("errors")).allSatisfy(e -> assertThat(e.get("message").asText()).isNotBlank());
    }

    @Test
    void aContactWithBadFieldsIsRefusedFieldByFieldAndNothingIsWritten() {
        long cases = rows("child_case");
        long children = rows("child");
        Api fd = as("fd.practitioner");
        assertRefused(fd.post("/api/contacts", contact(child(), "receivedAt", "2026-03-03T09:00:00Z")), "receivedAt");
        assertRefused(fd.post("/api/contacts", contact(child(), "receivedAt", "yesterday")), "receivedAt");
        assertRefused(fd.post("/api/contacts", contact(child(), "source", "ZZ")), "source");
        assertRefused(fd.post("/api/contacts", contact(child("dateOfBirth", "2026-04-01"))), "child.dateOfBirth");
        assertRefused(fd.post("/api/contacts", contact(child("dateOfBirth", "2007-01-01"))), "child.dateOfBirth");
        assertRefused(fd.post("/api/contacts", contact(child("expectedDateOfBirth", "2026-06-01"))), "child.dateOfBirth");
        assertRefused(fd.post("/api/contacts", contact(child("dateOfBirth", null))), "child.dateOfBirth");
        assertRefused(fd.post("/api/contacts", contact(child("firstName", "", "lastName", null))),
                "child.firstName", "child.lastName");
        assertRefused(fd.post("/api/contacts", contact(child("gender", "X", "ethnicity", "ZZZZ"))),
                "child.gender", "child.ethnicity");
        assertRefused(fd.post("/api/contacts", contact(child(), "concerns", "x".repeat(20_001))), "concerns");
        assertRefused(fd.post("/api/contacts", contact(child(), "concerns", 42)), "concerns");
        assertRefused(fd.post("/api/contacts", contact(child(), "referrer", Map.of("email", "not-an-address"))), "referrer.email");
        assertRefused(fd.post("/api/contacts", Map.of()), "receivedAt", "source", "child.firstName", "child.lastName",
                "concerns");
        assertRefused(fd.post("/api/contacts", "{\"receivedAt\": "), "body");
        assertRefused(fd.post("/api/contacts", "[1, 2]"), "body");
        assertRefused(fd.post("/api/contacts", contact(child("childId", "00000000-0000-0000-0000-000000000000"))),
                "child.childId");
        ResponseEntity<JsonNode> huge = fd.post("/api/contacts", contact(child(), "concerns", "y".repeat(2_000_000)));
        assertThat(huge.getStatusCode()).isEqualTo(HttpStatus.PAYLOAD_TOO_LARGE);
        assertThat(rows("child_case")).isEqualTo(cases);
        assertThat(rows("child")).isEqualTo(children);
    }

    @Test
    void anUnbornChildIsRecordedByExpectedDateOfBirth() {
        ResponseEntity<JsonNode> answer = as("fd.practitioner").post("/api/contacts",
                contact(child("dateOfBirth", null, "expectedDateOfBirth", "2026-06-01")));
        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    }

    @Test
    void aTaskFormWithBadFieldsIsRefusedAndTheTaskStaysOpen() {
        String caseId = journey.contact("Ada", "Forms", "2015-01-01").caseId();
        journey.complete(caseId, "screenContact", screen("ASSESSMENT"), "fd.practitioner");
        journey.complete(caseId, "allocateCase", allocate("social.worker"), "team.manager");
        String taskId = journey.task(caseId, "completeAssessment").getId();
        long submissions = rows("form_submission");
        long chronology = rows("chronology");
        Api worker = as("social.worker");
        String path = "/api/tasks/" + taskId + "/complete";

        assertRefused(worker.post(path, with(assessment("CIN_PLAN"), "safetyScale", 11)), "safetyScale");
        assertRefused(worker.post(path, with(assessment("CIN_PLAN"), "safetyScale", -1)), "safetyScale");
        assertRefused(worker.post(path, with(assessment("CIN_PLAN"), "safetyScale", 4.5)), "safetyScale");
        assertRefused(worker.post(path, with(assessment("MAYBE"))), "recommendation");
        assertRefused(worker.post(path, with(assessment("CIN_PLAN"), "childSeenOn", "2026-03-03")), "childSeenOn");
        assertRefused(worker.post(path, with(assessment("CIN_PLAN"), "childSeenOn", "2026-02-27")), "childSeenOn");
        assertRefused(worker.post(path, with(assessment("CIN_PLAN"), "childSeenOn", "2026-02-30")), "childSeenOn");
        assertRefused(worker.post(path, with(assessment("CIN_PLAN"), "dangerStatements",
                List.of(Map.of("statement", "Worried Ada is hurt.")))), "dangerStatements[0].safetyGoal");
        assertRefused(worker.post(path, with(assessment("CIN_PLAN"), "worries", List.of("ok", 7))), "worries[1]");
        assertRefused(worker.post(path, with(assessment("CIN_PLAN"), "assessmentFactors", List.of("bogus"))),
                "assessmentFactors[0]");
        assertRefused(worker.post(path, with(assessment("CIN_PLAN"), "sharedWithFamily", Map.of("method", "EMAIL"))),
                "sharedWithFamily.email");
        assertRefused(worker.post(path, with(assessment("CIN_PLAN"), "sharedWithFamily", Map.of("method", "NOT_SHARED"))),
                "sharedWithFamily.reasonNotShared");
        assertRefused(worker.post(path, with(assessment("CIN_PLAN"), "worries", List.of("z".repeat(20_001)))), "worries[0]");
        assertRefused(worker.post(path, "not json"), "body");

        assertThat(journey.openTaskKeys(caseId)).containsExactly("completeAssessment");
        assertThat(rows("form_submission")).isEqualTo(submissions);
        assertThat(rows("chronology")).isEqualTo(chronology);
    }

    @Test
    void badQueryParametersAreNamed() {
        Api worker = as("social.worker");
        assertRefused(worker.get("/api/tasks?view=everyone"), "view");
        assertRefused(worker.get("/api/tasks?sort=name"), "sort");
        assertRefused(worker.get("/api/tasks?taskKey=makeTea"), "taskKey");
        assertRefused(worker.get("/api/tasks?stage=HOLIDAY"), "stage");
        assertRefused(worker.get("/api/tasks?page=-1&size=1000"), "page", "size");
        assertRefused(worker.get("/api/cases?size=0"), "size");
        assertRefused(worker.get("/api/cases?page=abc"), "page");
        assertThat(worker.get("/api/cases/no-such-case").getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(worker.post("/api/tasks/no-such-task/complete", Map.of()).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(worker.exchange(HttpMethod.DELETE, "/api/cases", null).getStatusCode())
                .isEqualTo(HttpStatus.METHOD_NOT_ALLOWED);
    }

    @Test
    void markupIsStoredAsTextAndReturnedInert() {
        String script = "<script>alert('x')</script><img src=x onerror=alert(1)>";
        ResponseEntity<JsonNode> created = as("fd.practitioner").post("/api/contacts",
                contact(child("firstName", "<b>Ada</b>", "lastName", script), "concerns", script));
        assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        String caseId = created.getBody().get("caseId").asText();
        ResponseEntity<JsonNode> read = as("team.manager").get("/api/cases/" + caseId);
        assertThat(read.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_JSON);
        assertThat(read.getHeaders().getFirst("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(read.getBody().at("/child/lastName").asText()).isEqualTo(script);
        assertThat(read.getBody().at("/child/firstName").asText()).isEqualTo("<b>Ada</b>");
    }
}
