package app.casepath.api;

import static app.casepath.Forms.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Relationships over HTTP: two-way (each record shows its side), ended but kept, corrections in
 * the history, bad input refused by its field with nothing written, the person's access rules;
 * and the safety network, which the Entry to Care Panel's form opens with and adds to.
 */
class RelationshipsTest extends HttpTest {

    @BeforeEach
    void today() {
        journey.today(LocalDate.parse("2026-03-02"));
    }

    /** A child at assessment, allocated to social.worker; their personId. */
    private String childAtAssessment(String lastName) {
        String caseId = journey.contact("Rel", lastName, "2016-01-01").caseId();
        journey.complete(caseId, "screenContact", screen("ASSESSMENT"), "fd.practitioner");
        journey.complete(caseId, "allocateCase", allocate("social.worker"), "team.manager");
        return childOf(caseId);
    }

    private String childOf(String caseId) {
        return journey.db().sql("select child_id from child_case where case_id = ?").param(caseId).query(String.class).single();
    }

    private long count(String table) {
        return journey.db().sql("select count(*) from " + table).query(Long.class).single();
    }

    private JsonNode related(String user, String personId, Map<String, Object> body) {
        ResponseEntity<JsonNode> answer = as(user).post("/api/people/" + personId + "/relationships", body);
        assertThat(answer.getStatusCode().value()).as(String.valueOf(answer.getBody())).isEqualTo(201);
        return answer.getBody();
    }

    private JsonNode person(String user, String personId) {
        ResponseEntity<JsonNode> answer = as(user).get("/api/people/" + personId);
        assertThat(answer.getStatusCode().value()).as(String.valueOf(answer.getBody())).isEqualTo(200);
        return answer.getBody();
    }

    private static Map<String, Object> newPerson(String kind, String firstName, String lastName) {
        return Map.of("kind", kind, "firstName", firstName, "lastName", lastName);
    }

    private void refused(ResponseEntity<JsonNode> answer, String field) {
        assertThat(answer.getStatusCode().value()).as(String.valueOf(answer.getBody())).isEqualTo(400);
        assertThat(answer.getBody().get("errors").findValuesAsText("field")).as(String.valueOf(answer.getBody())).contains(field);
    }

    @Test
    void aMotherAddedAsANewPersonHasTheChildOnHerRecordAndAnEndedRelationshipIsKept() {
        String child = childAtAssessment("Twoway");
        JsonNode mother = related("social.worker", child, Map.of("otherPerson", newPerson("ADULT", "Amara", "Twoway"),
                "type", "MOTHER", "parentalResponsibility", true, "livesWithChild", true, "from", "2016-01-01"));
        String motherId = mother.at("/otherPerson/personId").asText();
        assertThat(mother.get("type").asText()).isEqualTo("MOTHER");
        assertThat(mother.at("/otherPerson/kind").asText()).isEqualTo("ADULT");
        assertThat(mother.get("current").asBoolean()).isTrue();

        JsonNode onTheChild = person("social.worker", child).get("relationships");
        assertThat(onTheChild).hasSize(1);
        assertThat(onTheChild.get(0).get("type").asText()).isEqualTo("MOTHER");
        assertThat(onTheChild.get(0).at("/otherPerson/firstName").asText()).isEqualTo("Amara");

        JsonNode herRecord = person("social.worker", motherId);
        assertThat(herRecord.get("kind").asText()).isEqualTo("ADULT");
        JsonNode hers = herRecord.get("relationships");
        assertThat(hers).hasSize(1);
        assertThat(hers.get(0).get("type").asText()).as("the child is her child").isEqualTo("CHILD");
        assertThat(hers.get(0).at("/otherPerson/personId").asText()).isEqualTo(child);
        assertThat(hers.get(0).get("parentalResponsibility").asBoolean()).isTrue();
        assertThat(hers.get(0).get("livesWithChild").asBoolean()).isTrue();
        assertThat(person("team.manager", motherId).get("relationships")).hasSize(1);

        // A person already on the record, related by id: the sibling's record shows the child as a half-sibling too.
        String sibling = as("social.worker").post("/api/people", newPerson("CHILD", "Nia", "Twoway")).getBody()
                .get("personId").asText();
        related("social.worker", child, Map.of("otherPersonId", sibling, "type", "HALF_SIBLING"));
        assertThat(person("social.worker", sibling).get("relationships").findValuesAsText("type")).containsExactly("HALF_SIBLING");
        // A grandparent, an aunt and a professional, seen from their side.
        String nan = related("social.worker", child, Map.of("otherPerson", newPerson("ADULT", "Ruth", "Twoway"),
                "type", "GRANDPARENT")).at("/otherPerson/personId").asText();
        assertThat(person("social.worker", nan).get("relationships").findValuesAsText("type")).containsExactly("GRANDCHILD");
        String gp = related("social.worker", child, Map.of("otherPerson", newPerson("ADULT", "Dr", "Practice"),
                "type", "GP", "organisation", "Harlesden Medical Centre")).at("/otherPerson/personId").asText();
        JsonNode gpSide = person("social.worker", gp).get("relationships").get(0);
        assertThat(gpSide.get("type").asText()).isEqualTo("KNOWN_CHILD");
        assertThat(gpSide.get("organisation").asText()).isEqualTo("Harlesden Medical Centre");

        // Ended: kept, no longer current, the change in the history.
        String relationshipId = mother.get("relationshipId").asText();
        ResponseEntity<JsonNode> ended = as("social.worker").exchange(HttpMethod.PATCH, "/api/relationships/" + relationshipId,
                "{\"to\": \"2026-03-02\", \"livesWithChild\": false}");
        assertThat(ended.getStatusCode().value()).as(String.valueOf(ended.getBody())).isEqualTo(200);
        assertThat(ended.getBody().get("current").asBoolean()).isFalse();
        assertThat(ended.getBody().get("to").asText()).isEqualTo("2026-03-02");
        JsonNode afterwards = StreamSupport.stream(person("social.worker", child).get("relationships").spliterator(), false)
                .filter(r -> r.get("relationshipId").asText().equals(relationshipId)).findFirst().orElseThrow();
        assertThat(afterwards.get("current").asBoolean()).isFalse();
        assertThat(afterwards.get("type").asText()).isEqualTo("MOTHER");
        assertThat(afterwards.get("parentalResponsibility").asBoolean()).as("untouched").isTrue();
        assertThat(person("social.worker", motherId).get("relationships").get(0).get("current").asBoolean()).isFalse();
        List<Map<String, Object>> history = journey.db().sql("""
                select field, changed_by, old_value, new_value from relationship_history where relationship_id = ? order by id""")
                .param(relationshipId).query().listOfRows();
        assertThat(history).extracting(h -> h.get("field")).containsExactly("livesWithChild", "to");
        assertThat(history.get(1).get("changed_by")).isEqualTo("social.worker");
        assertThat(history.get(1).get("old_value")).isNull();
        assertThat(history.get(1).get("new_value")).isEqualTo("\"2026-03-02\"");
    }

    @Test
    void badInputIsRefusedByItsFieldAndNothingIsWritten() {
        String child = childAtAssessment("Refused");
        String path = "/api/people/" + child + "/relationships";
        String someone = as("social.worker").post("/api/people", newPerson("ADULT", "Someone", "Refused")).getBody()
                .get("personId").asText();
        long people = count("person");
        long relationships = count("relationship");

        refused(as("social.worker").post(path, Map.of("otherPersonId", someone, "type", "UNCLE")), "type");
        refused(as("social.worker").post(path, Map.of("otherPersonId", someone)), "type");
        refused(as("social.worker").post(path, Map.of("otherPersonId", someone, "type", "AUNT_UNCLE",
                "from", "2020-01-01", "to", "2019-12-31")), "to");
        refused(as("social.worker").post(path, Map.of("otherPersonId", someone, "type", "AUNT_UNCLE", "from", "last year")), "from");
        refused(as("social.worker").post(path, Map.of("otherPersonId", someone, "type", "AUNT_UNCLE", "safetyNetwork", "yes")),
                "safetyNetwork");
        refused(as("social.worker").post(path, Map.of("type", "AUNT_UNCLE")), "otherPersonId");
        refused(as("social.worker").post(path, Map.of("otherPersonId", someone, "otherPerson", newPerson("ADULT", "Both", "Given"),
                "type", "AUNT_UNCLE")), "otherPerson");
        refused(as("social.worker").post(path, Map.of("otherPersonId", "no-such-person", "type", "AUNT_UNCLE")), "otherPersonId");
        refused(as("social.worker").post(path, Map.of("otherPersonId", child, "type", "SIBLING")), "otherPersonId");
        refused(as("social.worker").post(path, Map.of("otherPersonId", 42, "type", "SIBLING")), "otherPersonId");
        // A new person is checked exactly as POST /api/people checks one, and is not written when the relationship is refused.
        Map<String, Object> badNhs = new HashMap<>(newPerson("ADULT", "Wrong", "Number"));
        badNhs.put("nhsNumber", "4010232103");
        refused(as("social.worker").post(path, Map.of("otherPerson", badNhs, "type", "AUNT_UNCLE")), "otherPerson.nhsNumber");
        refused(as("social.worker").post(path, Map.of("otherPerson", Map.of("kind", "ADULT"), "type", "AUNT_UNCLE")),
                "otherPerson.firstName");
        refused(as("social.worker").post(path, Map.of("otherPerson", newPerson("ADULT", "Valid", "Person"), "type", "AUNTIE")), "type");
        refused(as("social.worker").post(path, Map.of("otherPerson", "Valid Person", "type", "AUNT_UNCLE")), "otherPerson");
        refused(as("social.worker").exchange(HttpMethod.POST, path, "[1, 2]"), "body");
        assertThat(as("social.worker").exchange(HttpMethod.POST, path, "{not json").getStatusCode().value()).isEqualTo(400);
        assertThat(count("person")).as("no person written").isEqualTo(people);
        assertThat(count("relationship")).as("no relationship written").isEqualTo(relationships);

        String relationshipId = related("social.worker", child, Map.of("otherPersonId", someone, "type", "AUNT_UNCLE",
                "from", "2020-01-01")).get("relationshipId").asText();
        refused(as("social.worker").post(path, Map.of("otherPersonId", someone, "type", "AUNT_UNCLE")), "type");
        String patch = "/api/relationships/" + relationshipId;
        refused(as("social.worker").exchange(HttpMethod.PATCH, patch, "{\"to\": \"2019-01-01\"}"), "to");
        refused(as("social.worker").exchange(HttpMethod.PATCH, patch, "{\"type\": \"CHILD\"}"), "type");
        refused(as("social.worker").exchange(HttpMethod.PATCH, patch, "{\"otherPersonId\": \"" + child + "\"}"), "otherPersonId");
        refused(as("social.worker").exchange(HttpMethod.PATCH, patch, "{}"), "relationship");
        assertThat(as("social.worker").exchange(HttpMethod.PATCH, "/api/relationships/no-such", "{\"to\": \"2026-03-02\"}")
                .getStatusCode().value()).isEqualTo(404);
        assertThat(journey.db().sql("select count(*) from relationship_history where relationship_id = ?").param(relationshipId)
                .query(Long.class).single()).as("nothing changed").isZero();
        JsonNode unchanged = person("social.worker", child).get("relationships").get(0);
        assertThat(unchanged.get("to").isNull()).isTrue();
        assertThat(unchanged.get("type").asText()).isEqualTo("AUNT_UNCLE");
    }

    @Test
    void whoeverMayCorrectThePersonChangesTheirRelationshipsAndTheirReadersReadThem() {
        String child = childAtAssessment("Access");
        String path = "/api/people/" + child + "/relationships";
        Map<String, Object> father = Map.of("otherPerson", newPerson("ADULT", "Kofi", "Access"), "type", "FATHER");
        assertThat(as("panel.member").post(path, father).getStatusCode().value()).as("may not read the child").isEqualTo(404);
        assertThat(as("social.worker2").post(path, father).getStatusCode().value()).isEqualTo(404);
        assertThat(as("service.manager").post(path, father).getStatusCode().value()).as("reads, changes nothing").isEqualTo(403);
        assertThat(as("fd.practitioner").post(path, father).getStatusCode().value()).as("screened and gone").isEqualTo(404);
        JsonNode added = related("team.manager", child, father);
        String fatherId = added.at("/otherPerson/personId").asText();
        String patch = "/api/relationships/" + added.get("relationshipId").asText();

        assertThat(person("service.manager", child).get("relationships")).hasSize(1);
        assertThat(as("panel.member").get("/api/people/" + child).getStatusCode().value()).isEqualTo(404);
        assertThat(as("panel.member").get("/api/people/" + fatherId).getStatusCode().value()).isEqualTo(404);
        // The child's worker reads and corrects the father a manager recorded: he is on the child's case.
        assertThat(person("social.worker", fatherId).get("relationships").get(0).get("type").asText()).isEqualTo("CHILD");
        assertThat(as("social.worker").exchange(HttpMethod.PATCH, "/api/people/" + fatherId, "{\"phone\": \"07700 900456\"}")
                .getStatusCode().value()).isEqualTo(200);

        assertThat(as("panel.member").exchange(HttpMethod.PATCH, patch, "{\"to\": \"2026-03-02\"}").getStatusCode().value())
                .isEqualTo(404);
        assertThat(as("social.worker2").exchange(HttpMethod.PATCH, patch, "{\"to\": \"2026-03-02\"}").getStatusCode().value())
                .isEqualTo(404);
        assertThat(as("service.manager").exchange(HttpMethod.PATCH, patch, "{\"to\": \"2026-03-02\"}").getStatusCode().value())
                .isEqualTo(403);
        ResponseEntity<JsonNode> corrected = as("social.worker").exchange(HttpMethod.PATCH, patch,
                "{\"parentalResponsibility\": true, \"roleInPlan\": \"Takes him to football\"}");
        assertThat(corrected.getStatusCode().value()).as(String.valueOf(corrected.getBody())).isEqualTo(200);
        assertThat(corrected.getBody().get("parentalResponsibility").asBoolean()).isTrue();
        assertThat(corrected.getBody().get("roleInPlan").asText()).isEqualTo("Takes him to football");
        assertThat(corrected.getBody().get("current").asBoolean()).isTrue();

        List<Integer> audited = journey.db().sql("select status from audit_log where path = ? order by id")
                .param(patch).query(Integer.class).list();
        assertThat(audited).as("every access audited, refusals too").containsExactly(404, 404, 403, 200);
    }

    @Test
    void aParentsRecordNamesOnlyTheChildrenTheCallerMayRead() {
        String allocated = childAtAssessment("Halves");
        String atTheFrontDoor = childOf(journey.contact("Rel", "Halves", "2018-01-01").caseId());
        String mother = related("team.manager", allocated, Map.of("otherPerson", newPerson("ADULT", "Efua", "Halves"),
                "type", "MOTHER")).at("/otherPerson/personId").asText();
        related("team.manager", atTheFrontDoor, Map.of("otherPersonId", mother, "type", "MOTHER"));

        assertThat(person("team.manager", mother).get("relationships").findValuesAsText("personId"))
                .containsExactlyInAnyOrder(allocated, atTheFrontDoor);
        assertThat(person("social.worker", mother).get("relationships").findValuesAsText("personId")).containsExactly(allocated);
        assertThat(person("fd.practitioner", mother).get("relationships").findValuesAsText("personId"))
                .containsExactly(atTheFrontDoor);
        assertThat(as("panel.member").get("/api/people/" + mother).getStatusCode().value()).isEqualTo(404);
    }

    @Test
    void thePanelFormOpensWithTheSafetyNetworkAndAddsToIt() {
        String caseId = journey.contact("Rel", "Network", "2016-01-01").caseId();
        journey.complete(caseId, "screenContact", screen("ASSESSMENT"), "fd.practitioner");
        journey.complete(caseId, "allocateCase", allocate("social.worker"), "team.manager");
        journey.complete(caseId, "completeAssessment", assessment("ENTRY_TO_CARE"), "social.worker");
        journey.complete(caseId, "authoriseAssessment", authorise("ENTRY_TO_CARE"), "team.manager");
        String child = childOf(caseId);
        related("social.worker", child, Map.of("otherPerson", newPerson("ADULT", "Joy", "Network"), "type", "GRANDPARENT",
                "safetyNetwork", true, "roleInPlan", "Stays over on Fridays; checks in daily"));
        related("social.worker", child, Map.of("otherPerson", newPerson("ADULT", "Ended", "Network"), "type", "NEIGHBOUR",
                "safetyNetwork", true, "roleInPlan", "Moved away", "to", "2026-03-01"));
        related("social.worker", child, Map.of("otherPerson", newPerson("ADULT", "Not", "Network"), "type", "FATHER"));

        String taskId = journey.task(caseId, "requestEntryToCare").getId();
        JsonNode values = as("social.worker").get("/api/tasks/" + taskId).getBody().get("values");
        assertThat(values.get("safetyNetwork")).as("current members only").hasSize(1);
        assertThat(values.at("/safetyNetwork/0/name").asText()).isEqualTo("Joy Network");
        assertThat(values.at("/safetyNetwork/0/relationship").asText()).isEqualTo("Grandparent");
        assertThat(values.at("/safetyNetwork/0/role").asText()).isEqualTo("Stays over on Fridays; checks in daily");

        // The worker keeps Joy (no second Joy), adds an uncle who is not yet a person, and names the father, who joins the network.
        Map<String, Object> form = passingRequest("S20");
        form.put("safetyNetwork", List.of(
                Map.of("name", "joy  network", "relationship", "Grandparent", "role", "Stays over on Fridays; checks in daily"),
                Map.of("name", "Kwame Osei", "relationship", "maternal uncle", "role", "Collects her from school"),
                Map.of("name", "Not Network", "relationship", "Father", "role", "Sundays, supervised")));
        ResponseEntity<JsonNode> completed = as("social.worker").post("/api/tasks/" + taskId + "/complete", form);
        assertThat(completed.getStatusCode().value()).as(String.valueOf(completed.getBody())).isEqualTo(204);

        JsonNode relationships = person("social.worker", child).get("relationships");
        assertThat(relationships).hasSize(4);
        JsonNode uncle = StreamSupport.stream(relationships.spliterator(), false)
                .filter(r -> r.at("/otherPerson/firstName").asText().equals("Kwame")).findFirst().orElseThrow();
        assertThat(uncle.at("/otherPerson/lastName").asText()).isEqualTo("Osei");
        assertThat(uncle.at("/otherPerson/kind").asText()).isEqualTo("ADULT");
        assertThat(uncle.get("type").asText()).isEqualTo("AUNT_UNCLE");
        assertThat(uncle.get("describedAs").asText()).isEqualTo("maternal uncle");
        assertThat(uncle.get("safetyNetwork").asBoolean()).isTrue();
        assertThat(uncle.get("roleInPlan").asText()).isEqualTo("Collects her from school");
        JsonNode father = StreamSupport.stream(relationships.spliterator(), false)
                .filter(r -> r.get("type").asText().equals("FATHER")).findFirst().orElseThrow();
        assertThat(father.get("safetyNetwork").asBoolean()).isTrue();
        assertThat(father.get("roleInPlan").asText()).isEqualTo("Sundays, supervised");
        assertThat(person("social.worker", uncle.at("/otherPerson/personId").asText()).get("relationships")
                .findValuesAsText("type")).containsExactly("NIECE_NEPHEW");
        assertThat(journey.db().sql("select count(*) from person where first_name = 'Joy' and last_name = 'Network'")
                .query(Long.class).single()).as("no duplicate").isEqualTo(1);
    }
}
