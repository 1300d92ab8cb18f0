package app.casepath.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.http.ResponseEntity;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Warnings over HTTP: raised on a person by one who may work their case, agreed by a team
 * manager; shown on the case and beside its tasks in the inbox; bad input refused by field with
 * nothing written.
 */
class WarningsTest extends HttpTest {

    private String caseOf(String lastName) {
        journey.today(LocalDate.parse("2026-03-02"));
        return journey.contact("Warned", lastName, "2016-01-01").caseId();
    }

    private String childOf(String caseId) {
        return journey.db().sql("select child_id from child_case where case_id = ?").param(caseId).query(String.class).single();
    }

    private long warnings() {
        return journey.db().sql("select count(*) from warning").query(Long.class).single();
    }

    static Map<String, Object> warning(String type, Map<String, Object> more) {
        Map<String, Object> w = new HashMap<>(Map.of("type", type, "details", "Father has threatened staff.",
                "startsOn", "2026-03-02", "reviewOn", "2026-06-01", "agreedBy", "team.manager"));
        w.putAll(more);
        return w;
    }

    private void refused(ResponseEntity<JsonNode> answer, String... fields) {
        assertThat(answer.getStatusCode().value()).as(String.valueOf(answer.getBody())).isEqualTo(400);
        assertThat(answer.getBody().get("errors").findValuesAsText("field")).containsExactlyInAnyOrder(fields);
    }

    @Test
    void aWarningOnAChildShowsOnTheCaseAndBesideItsTasks() {
        String caseId = caseOf("Onthecase");
        String childId = childOf(caseId);
        ResponseEntity<JsonNode> raised = as("fd.practitioner").post("/api/people/" + childId + "/warnings",
                warning("RISK_TO_WORKER", Map.of()));
        assertThat(raised.getStatusCode().value()).as(String.valueOf(raised.getBody())).isEqualTo(201);
        assertThat(raised.getBody().get("current").asBoolean()).isTrue();
        assertThat(raised.getBody().get("raisedBy").asText()).isEqualTo("fd.practitioner");

        JsonNode onCase = as("fd.practitioner").get("/api/cases/" + caseId).getBody().get("warnings");
        assertThat(onCase.findValuesAsText("type")).containsExactly("RISK_TO_WORKER");
        assertThat(onCase.get(0).get("personId").asText()).isEqualTo(childId);

        JsonNode items = as("fd.practitioner").get("/api/tasks?view=groups&size=100").getBody().get("items");
        boolean seen = false;
        for (JsonNode item : items) {
            if (item.get("caseId").asText().equals(caseId)) {
                assertThat(item.get("warnings")).extracting(JsonNode::asText).containsExactly("RISK_TO_WORKER");
                seen = true;
            } else {
                assertThat(item.get("warnings").isArray()).isTrue();
            }
        }
        assertThat(seen).as("the case's task in the Front Door queue").isTrue();

        JsonNode person = as("fd.practitioner").get("/api/people/" + childId).getBody();
        assertThat(person.get("warnings").findValuesAsText("type")).containsExactly("RISK_TO_WORKER");
        assertThat(person.get("firstName").asText()).as("the person's own fields, beside the warnings").isEqualTo("Warned");
    }

    @Test
    void badInputIsRefusedByFieldAndNothingIsWritten() {
        String childId = childOf(caseOf("Refused"));
        String path = "/api/people/" + childId + "/warnings";
        long before = warnings();
        refused(as("fd.practitioner").post(path, warning("SCARY_DOG", Map.of())), "type");
        refused(as("fd.practitioner").post(path, warning("OTHER", Map.of("agreedBy", "social.worker"))), "agreedBy");
        refused(as("fd.practitioner").post(path, warning("OTHER", Map.of("agreedBy", "nobody.at.all"))), "agreedBy");
        refused(as("fd.practitioner").post(path, warning("OTHER", Map.of("reviewOn", "2026-03-01", "startsOn", "2026-02-01"))),
                "reviewOn");
        refused(as("fd.practitioner").post(path, warning("OTHER", Map.of("reviewOn", "2026-03-02"))), "reviewOn");
        refused(as("fd.practitioner").post(path, warning("OTHER", Map.of("startsOn", "soon", "details", ""))),
                "startsOn", "details");
        refused(as("fd.practitioner").post(path, Map.of()), "type", "details", "startsOn", "reviewOn", "agreedBy");
        assertThat(as("fd.practitioner").exchange(org.springframework.http.HttpMethod.POST, path, "[1]").getStatusCode().value())
                .isEqualTo(400);
        assertThat(as("fd.practitioner").exchange(org.springframework.http.HttpMethod.POST, path, "{not json").getStatusCode().value())
                .isEqualTo(400);
        // Who may: the service manager reads but changes nothing; a social worker not on the case is not told it exists.
        assertThat(as("service.manager").post(path, warning("OTHER", Map.of())).getStatusCode().value()).isEqualTo(403);
        assertThat(as("social.worker").post(path, warning("OTHER", Map.of())).getStatusCode().value()).isEqualTo(404);
        assertThat(as("fd.practitioner").post("/api/people/no-such-person/warnings", warning("OTHER", Map.of()))
                .getStatusCode().value()).isEqualTo(404);
        assertThat(warnings()).as("nothing written").isEqualTo(before);
        assertThat(as("fd.practitioner").get("/api/people/" + childId).getBody().get("warnings")).isEmpty();
        assertThat(as("fd.practitioner").post(path, warning("OTHER", Map.of())).getStatusCode().value()).isEqualTo(201);
    }
}
