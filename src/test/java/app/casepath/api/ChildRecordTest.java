package app.casepath.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The child's number and census items over HTTP: recorded at the contact, corrected afterwards,
 * each identifier checked (a wrong one is 400 naming its field and writes nothing), and the
 * child found by number or NHS number.
 */
class ChildRecordTest extends HttpTest {

    private static final String NHS = "9434765919";
    private static final String UPN = "C304234526001";

    private Map<String, Object> contact(String lastName, Map<String, Object> census) {
        Map<String, Object> child = new HashMap<>(Map.of("firstName", "Nia", "lastName", lastName,
                "dateOfBirth", "2016-03-01", "gender", "F", "ethnicity", "BCRB"));
        child.putAll(census);
        return Map.of("receivedAt", "2026-11-20T10:00:00Z", "source", "2A",
                "referrer", Map.of("name", "Ms Okoye", "organisation", "St Mary's Primary"),
                "child", child, "concerns", "Arrives hungry most days.");
    }

    private long children() {
        return journey.db().sql("select count(*) from child").query(Long.class).single();
    }

    private void refused(Map<String, Object> census, String field, String message) {
        long before = children();
        ResponseEntity<JsonNode> response = as("fd.practitioner").post("/api/contacts", contact("Refused", census));
        assertThat(response.getStatusCode().value()).as(census.toString()).isEqualTo(400);
        assertThat(response.getBody().get("errors").findValuesAsText("field")).containsExactly(field);
        assertThat(response.getBody().get("errors").findValuesAsText("message").get(0)).contains(message);
        assertThat(children()).as("nothing written").isEqualTo(before);
    }

    @Test
    void aWrongIdentifierIsRefusedByItsField() {
        refused(Map.of("nhsNumber", "9434765918"), "child.nhsNumber", "check digit");
        refused(Map.of("nhsNumber", "94347659"), "child.nhsNumber", "10 digits");
        refused(Map.of("upn", "D304234526001"), "child.upn", "check letter");
        refused(Map.of("upn", "C30423452600"), "child.upn", "13 characters");
        refused(Map.of("formerUpn", "D304234526001"), "child.formerUpn", "check letter");
        refused(Map.of("upnUnknown", "UN11"), "child.upnUnknown", "must be one of");
        refused(Map.of("upn", UPN, "upnUnknown", "UN1"), "child.upnUnknown", "not both");
        refused(Map.of("disabilities", List.of("MOB", "WALK")), "child.disabilities", "census disability codes");
        refused(Map.of("disabilities", List.of("NONE", "MOB")), "child.disabilities", "stands alone");
    }

    @Test
    void theChildHasANumberAndTheCensusItemsAndIsFoundByThem() {
        JsonNode first = as("fd.practitioner").post("/api/contacts", contact("Numbered",
                Map.of("nhsNumber", "943 476 5919", "upn", UPN, "disabilities", List.of("HEAR", "VIS")))).getBody();
        JsonNode second = as("fd.practitioner").post("/api/contacts", contact("Secondchild", Map.of())).getBody();
        JsonNode child = as("fd.practitioner").get("/api/cases/" + first.get("caseId").asText()).getBody().get("child");
        String number = child.get("childNumber").asText();
        assertThat(number).matches("C[0-9]{7,19}");
        assertThat(child.get("nhsNumber").asText()).isEqualTo(NHS);
        assertThat(child.get("upn").asText()).isEqualTo(UPN);
        assertThat(child.get("disabilities").toString()).isEqualTo("[\"HEAR\",\"VIS\"]");
        String other = as("fd.practitioner").get("/api/cases/" + second.get("caseId").asText()).getBody()
                .get("child").get("childNumber").asText();
        assertThat(other).isNotEqualTo(number);

        for (String q : List.of(number, number.toLowerCase(), NHS)) {
            JsonNode found = as("fd.practitioner").get("/api/cases?q=" + q).getBody();
            assertThat(found.get("items").findValuesAsText("caseId")).as(q).containsExactly(first.get("caseId").asText());
        }
    }

    @Test
    void theCensusItemsAreCorrectedAfterTheContact() {
        String caseId = as("fd.practitioner").post("/api/contacts", contact("Corrected", Map.of("upnUnknown", "UN3")))
                .getBody().get("caseId").asText();
        String path = "/api/cases/" + caseId + "/child";

        ResponseEntity<JsonNode> wrong = as("fd.practitioner").exchange(HttpMethod.PATCH, path,
                "{\"upn\": \"D304234526001\", \"disabilities\": [\"NONE\"]}");
        assertThat(wrong.getStatusCode().value()).isEqualTo(400);
        assertThat(wrong.getBody().get("errors").findValuesAsText("field")).containsExactly("upn");
        assertThat(journey.db().sql("select disabilities from child c join child_case k on k.child_id = c.child_id"
                + " where k.case_id = ?").param(caseId).query(String.class).optional()).as("nothing written").isEmpty();

        ResponseEntity<JsonNode> corrected = as("fd.practitioner").exchange(HttpMethod.PATCH, path,
                "{\"upn\": \"" + UPN + "\", \"disabilities\": [\"NONE\"]}");
        assertThat(corrected.getStatusCode().value()).as(String.valueOf(corrected.getBody())).isEqualTo(200);
        assertThat(corrected.getBody().get("upn").asText()).isEqualTo(UPN);
        assertThat(corrected.getBody().get("upnUnknown").isNull()).as("a UPN replaces the reason it was unknown").isTrue();
        assertThat(corrected.getBody().get("disabilities").toString()).isEqualTo("[\"NONE\"]");
        assertThat(journey.chronologyKinds(caseId)).contains("CHILD_DETAILS");
        String personId = corrected.getBody().get("childId").asText();
        JsonNode history = as("fd.practitioner").get("/api/people/" + personId + "/history").getBody();
        assertThat(history.findValuesAsText("field")).as("the person's history, as through PATCH /api/people")
                .containsExactlyInAnyOrder("upn", "upnUnknown", "disabilities");
        for (JsonNode change : history) {
            assertThat(change.get("changedBy").asText()).isEqualTo("fd.practitioner");
        }
        JsonNode unknown = history.get(history.findValuesAsText("field").indexOf("upnUnknown"));
        assertThat(unknown.get("oldValue").asText()).isEqualTo("UN3");
        assertThat(unknown.get("newValue").isNull()).isTrue();

        assertThat(as("fd.practitioner").exchange(HttpMethod.PATCH, path, "{}").getStatusCode().value()).isEqualTo(400);
        assertThat(as("panel.member").exchange(HttpMethod.PATCH, path, "{\"nhsNumber\": \"" + NHS + "\"}")
                .getStatusCode().value()).as("a case the caller may not see").isEqualTo(404);
    }
}
