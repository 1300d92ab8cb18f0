package app.casepath.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.Test;
import org.springframework.http.ResponseEntity;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Families over HTTP: one contact about three siblings makes three cases (three people, three
 * journeys) in one family; the family is read by those who may read one of its cases.
 */
class FamiliesTest extends HttpTest {

    private static final String NHS = "4010232102";

    private static Map<String, Object> child(String firstName, String lastName, String dateOfBirth, Map<String, Object> more) {
        Map<String, Object> child = new HashMap<>(Map.of("firstName", firstName, "lastName", lastName, "dateOfBirth", dateOfBirth));
        child.putAll(more);
        return child;
    }

    private static Map<String, Object> contact(Object children, Map<String, Object> more) {
        Map<String, Object> contact = new HashMap<>(Map.of(
                "receivedAt", Instant.ofEpochMilli(ClockUtil.getCurrentTime().getTime()).minus(1, ChronoUnit.HOURS).toString(),
                "source", "2A", "referrer", Map.of("name", "A teacher", "organisation", "Hill School"),
                "concerns", "The three children arrive at school hungry and unwashed.", "children", children));
        contact.putAll(more);
        return contact;
    }

    /** Three siblings on one contact: the answer, 201. */
    JsonNode siblings(String lastName) {
        ResponseEntity<JsonNode> answer = as("fd.practitioner").post("/api/contacts", contact(List.of(
                child("Amara", lastName, "2014-05-01", Map.of("nhsNumber", NHS, "disabilities", List.of("NONE"))),
                child("Bayo", lastName, "2016-07-12", Map.of("upnUnknown", "UN1")),
                child("Chidi", lastName, "2019-02-20", Map.of())), Map.of()));
        assertThat(answer.getStatusCode().value()).as(String.valueOf(answer.getBody())).isEqualTo(201);
        return answer.getBody();
    }

    private long count(String sql, Object... params) {
        return journey.db().sql(sql).params(params).query(Long.class).single();
    }

    @Test
    void aContactAboutThreeSiblingsMakesThreeCasesInOneFamily() {
        long people = count("select count(*) from person");
        JsonNode family = siblings("Okafor");
        String familyId = family.get("familyId").asText();
        assertThat(family.get("cases")).hasSize(3);
        List<String> caseIds = family.get("cases").findValuesAsText("caseId");
        assertThat(family.get("cases").findValuesAsText("reference")).allMatch(r -> r.startsWith("CP-"));
        assertThat(count("select count(*) from person") - people).as("three people").isEqualTo(3);
        for (String caseId : caseIds) {
            JsonNode read = as("fd.practitioner").get("/api/cases/" + caseId).getBody();
            assertThat(read.get("familyId").asText()).isEqualTo(familyId);
            assertThat(read.get("stage").asText()).isEqualTo("FRONT_DOOR");
            assertThat(journey.openTaskKeys(caseId)).containsExactly("screenContact");
            String personId = read.get("child").get("childId").asText();
            assertThat(as("fd.practitioner").get("/api/people/" + personId).getStatusCode().value()).isEqualTo(200);
        }
        JsonNode first = as("fd.practitioner").get("/api/cases/" + caseIds.get(0)).getBody().get("child");
        assertThat(first.get("nhsNumber").asText()).isEqualTo(NHS);
        assertThat(first.get("disabilities")).hasSize(1);
        assertThat(as("fd.practitioner").get("/api/cases/" + caseIds.get(1)).getBody().get("child").get("upnUnknown").asText())
                .isEqualTo("UN1");

        // A single child still has the answer it always had, with their family.
        ResponseEntity<JsonNode> single = as("fd.practitioner").post("/api/contacts", Map.of(
                "receivedAt", Instant.ofEpochMilli(ClockUtil.getCurrentTime().getTime()).minus(1, ChronoUnit.HOURS).toString(),
                "source", "2A", "concerns", "Worries.", "child", child("Dami", "Single", "2015-01-01", Map.of())));
        assertThat(single.getStatusCode().value()).isEqualTo(201);
        assertThat(single.getBody().has("caseId")).isTrue();
        assertThat(single.getBody().get("familyId").asText()).isNotEqualTo(familyId);
    }

    @Test
    void aFamilyGroupNamesTheFamilyAndALaterSiblingJoinsIt() {
        JsonNode first = as("fd.practitioner").post("/api/contacts", contact(List.of(
                child("Efe", "Grouped", "2013-03-03", Map.of())), Map.of("familyGroup", "GROUPED-1"))).getBody();
        JsonNode second = as("fd.practitioner").post("/api/contacts", contact(List.of(
                child("Femi", "Grouped", "2017-03-03", Map.of())), Map.of("familyGroup", "GROUPED-1"))).getBody();
        assertThat(second.get("familyId").asText()).isEqualTo(first.get("familyId").asText());
        // Named with a sibling already known, a new child joins the known child's family.
        JsonNode third = as("fd.practitioner").post("/api/contacts", contact(List.of(
                child("Efe", "Grouped", "2013-03-03", Map.of()), child("Gozie", "Grouped", "2021-03-03", Map.of())), Map.of()))
                .getBody();
        assertThat(third.get("familyId").asText()).isEqualTo(first.get("familyId").asText());
        JsonNode read = as("fd.practitioner").get("/api/families/" + first.get("familyId").asText()).getBody();
        assertThat(read.get("children").findValuesAsText("firstName")).containsExactly("Efe", "Femi", "Gozie");
    }

    @Test
    void anInvalidChildWritesNothingAndIsNamedByItsPlace() {
        long cases = count("select count(*) from child_case");
        long people = count("select count(*) from person");
        ResponseEntity<JsonNode> answer = as("fd.practitioner").post("/api/contacts", contact(List.of(
                child("Ada", "Invalid", "2014-05-01", Map.of()),
                child("Bode", "Invalid", "2016-07-12", Map.of("nhsNumber", "4010232103")),
                child("Ada", "Invalid", "2014-05-01", Map.of("upn", "D304234526001"))), Map.of()));
        assertThat(answer.getStatusCode().value()).as(String.valueOf(answer.getBody())).isEqualTo(400);
        assertThat(answer.getBody().get("errors").findValuesAsText("field"))
                .containsExactlyInAnyOrder("children[1].nhsNumber", "children[2].upn", "children[2]");
        ResponseEntity<JsonNode> unknown = as("fd.practitioner").post("/api/contacts", contact(List.of(
                child("Ada", "Invalid", "2014-05-01", Map.of()),
                Map.of("childId", "00000000-0000-0000-0000-000000000000", "firstName", "No", "lastName", "One",
                        "dateOfBirth", "2015-01-01")), Map.of()));
        assertThat(unknown.getStatusCode().value()).isEqualTo(400);
        assertThat(unknown.getBody().get("errors").findValuesAsText("field")).containsExactly("children[1].childId");
        assertThat(as("fd.practitioner").post("/api/contacts", contact(List.of(), Map.of())).getStatusCode().value()).isEqualTo(400);
        assertThat(as("fd.practitioner").post("/api/contacts", contact("three", Map.of())).getStatusCode().value()).isEqualTo(400);
        assertThat(as("fd.practitioner").post("/api/contacts", contact(List.of("Ada"), Map.of())).getStatusCode().value())
                .isEqualTo(400);
        assertThat(count("select count(*) from child_case")).as("no case").isEqualTo(cases);
        assertThat(count("select count(*) from person")).as("no person").isEqualTo(people);
    }
}
