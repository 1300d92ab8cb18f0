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
 * People over HTTP: added, read, corrected with history, found by name (sounds-alike, other
 * names, case and accents ignored), date of birth and NHS number, only by those who may see
 * them; every child of a contact is a person with the same id; the contact form's matches.
 */
class PeopleTest extends HttpTest {

    private static final String NHS = "4010232102";
    private static final String OTHER_NHS = "4010232110";

    private long people() {
        return journey.db().sql("select count(*) from person").query(Long.class).single();
    }

    private Map<String, Object> person(String kind, String firstName, String lastName, Map<String, Object> more) {
        Map<String, Object> person = new HashMap<>(Map.of("kind", kind, "firstName", firstName, "lastName", lastName));
        person.putAll(more);
        return person;
    }

    private JsonNode created(String user, Map<String, Object> person) {
        ResponseEntity<JsonNode> answer = as(user).post("/api/people", person);
        assertThat(answer.getStatusCode().value()).as(String.valueOf(answer.getBody())).isEqualTo(201);
        assertThat(answer.getHeaders().getLocation()).hasToString("/api/people/" + answer.getBody().get("personId").asText());
        return answer.getBody();
    }

    private List<String> found(String user, String query) {
        ResponseEntity<JsonNode> answer = as(user).get("/api/people?" + query);
        assertThat(answer.getStatusCode().value()).as(query + ": " + answer.getBody()).isEqualTo(200);
        return answer.getBody().findValues("person").stream().map(p -> p.get("personId").asText()).toList();
    }

    private void refused(ResponseEntity<JsonNode> answer, String field, String message) {
        assertThat(answer.getStatusCode().value()).as(String.valueOf(answer.getBody())).isEqualTo(400);
        assertThat(answer.getBody().get("errors").findValuesAsText("field")).containsExactly(field);
        assertThat(answer.getBody().get("errors").findValuesAsText("message").get(0)).contains(message);
    }

    @Test
    void aWrongIdentifierIsRefusedByItsFieldAndNothingIsWritten() {
        long before = people();
        refused(as("fd.practitioner").post("/api/people", person("CHILD", "Wrong", "Numbers", Map.of("nhsNumber", "4010232103"))),
                "nhsNumber", "check digit");
        refused(as("fd.practitioner").post("/api/people", person("CHILD", "Wrong", "Numbers", Map.of("upn", "D304234526001"))),
                "upn", "check letter");
        refused(as("fd.practitioner").post("/api/people", person("CHILD", "Wrong", "Numbers", Map.of("disabilities", List.of("WALK")))),
                "disabilities", "census disability codes");
        refused(as("fd.practitioner").post("/api/people", person("PARENT", "Wrong", "Kind", Map.of())), "kind", "must be one of");
        refused(as("fd.practitioner").post("/api/people", Map.of("kind", "ADULT", "lastName", "Nameless")), "firstName", "required");
        assertThat(people()).as("nothing written").isEqualTo(before);

        String personId = created("fd.practitioner", person("CHILD", "Right", "Numbers", Map.of("nhsNumber", NHS)))
                .get("personId").asText();
        String path = "/api/people/" + personId;
        refused(as("fd.practitioner").exchange(HttpMethod.PATCH, path, "{\"firstName\": \"Changed\", \"nhsNumber\": \"4010232111\"}"),
                "nhsNumber", "check digit");
        refused(as("fd.practitioner").exchange(HttpMethod.PATCH, path, "{\"upn\": \"C30423452600\"}"), "upn", "13 characters");
        JsonNode unchanged = as("fd.practitioner").get(path).getBody();
        assertThat(unchanged.get("firstName").asText()).as("nothing written").isEqualTo("Right");
        assertThat(unchanged.get("nhsNumber").asText()).isEqualTo(NHS);
        assertThat(as("fd.practitioner").get(path + "/history").getBody()).isEmpty();
    }

    @Test
    void peopleAreFoundBySoundsAlikeNamesOtherNamesDateOfBirthAndNhsNumber() {
        String mohammed = created("fd.practitioner", person("CHILD", "Mohammed", "Rahman",
                Map.of("dateOfBirth", "2015-04-02", "otherNames", List.of("Mo Kazemi"), "nhsNumber", OTHER_NHS))).get("personId").asText();
        String zoe = created("fd.practitioner", person("ADULT", "Zoë", "Ellisonne", Map.of())).get("personId").asText();
        String katherine = created("fd.practitioner", person("ADULT", "Katherine", "Doylington", Map.of())).get("personId").asText();

        assertThat(found("fd.practitioner", "q=Mohamed Rahmen")).contains(mohammed);
        assertThat(found("fd.practitioner", "q=muhammad rahman")).contains(mohammed);
        assertThat(found("fd.practitioner", "q=Kazemi")).as("by another name").contains(mohammed);
        assertThat(found("fd.practitioner", "q=Mohammed Kazemi")).as("first and other name").contains(mohammed);
        assertThat(found("fd.practitioner", "q=Catherine Doylington")).contains(katherine).doesNotContain(mohammed);
        assertThat(found("fd.practitioner", "q=zoe")).contains(zoe);
        assertThat(found("fd.practitioner", "q=ZOE ellisonne")).contains(zoe);
        assertThat(found("fd.practitioner", "q=Zoë")).contains(zoe);
        assertThat(found("fd.practitioner", "nhsNumber=" + OTHER_NHS)).containsExactly(mohammed);
        assertThat(found("fd.practitioner", "dateOfBirth=2015-04-02")).contains(mohammed).doesNotContain(zoe, katherine);
        assertThat(found("fd.practitioner", "q=Rahman&dateOfBirth=2015-04-03")).doesNotContain(mohammed);

        // Added by the Front Door and on no case: not the social worker's to see; the managers see everyone.
        assertThat(found("social.worker", "q=Mohammed Rahman")).doesNotContain(mohammed);
        assertThat(found("social.worker", "nhsNumber=" + OTHER_NHS)).isEmpty();
        assertThat(as("social.worker").get("/api/people/" + mohammed).getStatusCode().value()).isEqualTo(404);
        assertThat(found("team.manager", "q=Mohammed Rahman")).contains(mohammed);
        // The manager's search reads the names' index page by page: exact spellings still come first.
        String catherine = created("fd.practitioner", person("ADULT", "Catherine", "Doylington", Map.of())).get("personId").asText();
        assertThat(found("team.manager", "q=Catherine Doylington")).containsSubsequence(catherine, katherine);
        assertThat(found("team.manager", "q=Katherine doylington")).containsSubsequence(katherine, catherine);
        assertThat(found("team.manager", "q=katherine")).containsSubsequence(katherine, catherine);
        assertThat(found("team.manager", "q=CATHERINE")).containsSubsequence(catherine, katherine);

        JsonNode hit = as("fd.practitioner").get("/api/people?nhsNumber=" + OTHER_NHS).getBody().get(0);
        assertThat(hit.get("restricted").asBoolean()).isFalse();
        assertThat(hit.get("openCase").isNull()).isTrue();
        assertThat(hit.get("person").get("kind").asText()).isEqualTo("CHILD");

        assertThat(as("fd.practitioner").get("/api/people").getStatusCode().value()).as("nothing to find by").isEqualTo(400);
        assertThat(as("fd.practitioner").get("/api/people?nhsNumber=123").getStatusCode().value()).isEqualTo(400);
    }

    @Test
    void aCorrectionIsKeptInTheHistoryAndOnlyThoseWhoMayWorkThePersonCorrect() {
        String personId = created("fd.practitioner", person("ADULT", "Grace", "Historie",
                Map.of("phone", "07700 900123", "address", Map.of("lines", List.of("1 High Street", "Brent"), "postcode", "nw10 1aa"))))
                .get("personId").asText();
        String path = "/api/people/" + personId;
        assertThat(as("fd.practitioner").get(path).getBody().at("/address/postcode").asText()).isEqualTo("NW10 1AA");

        ResponseEntity<JsonNode> corrected = as("fd.practitioner").exchange(HttpMethod.PATCH, path,
                "{\"firstName\": \"Gracie\", \"otherNames\": [\"Grace Storey\"], \"phone\": \"07700 900123\", \"interpreterNeeded\": true}");
        assertThat(corrected.getStatusCode().value()).as(String.valueOf(corrected.getBody())).isEqualTo(200);
        assertThat(corrected.getBody().get("firstName").asText()).isEqualTo("Gracie");
        assertThat(found("fd.practitioner", "q=grace storey")).as("the new other name is found").contains(personId);

        JsonNode history = as("fd.practitioner").get(path + "/history").getBody();
        assertThat(history.findValuesAsText("field")).as("the phone did not change").containsExactly("firstName", "otherNames",
                "interpreterNeeded");
        assertThat(history.get(0).get("oldValue").asText()).isEqualTo("Grace");
        assertThat(history.get(0).get("newValue").asText()).isEqualTo("Gracie");
        assertThat(history.get(0).get("changedBy").asText()).isEqualTo("fd.practitioner");
        assertThat(history.get(0).get("changedAt").isNull()).isFalse();
        assertThat(history.get(1).get("oldValue").isNull()).isTrue();
        assertThat(history.get(1).get("newValue").toString()).isEqualTo("[\"Grace Storey\"]");

        assertThat(as("team.manager").exchange(HttpMethod.PATCH, path, "{\"lastName\": \"Historic\"}").getStatusCode().value())
                .isEqualTo(200);
        assertThat(as("service.manager").exchange(HttpMethod.PATCH, path, "{\"lastName\": \"X\"}").getStatusCode().value())
                .as("reads everything, changes nothing").isEqualTo(403);
        assertThat(as("social.worker").exchange(HttpMethod.PATCH, path, "{\"lastName\": \"X\"}").getStatusCode().value())
                .isEqualTo(404);
        assertThat(as("fd.practitioner").exchange(HttpMethod.PATCH, path, "{\"kind\": \"CHILD\"}").getStatusCode().value())
                .isEqualTo(400);
        assertThat(as("fd.practitioner").get(path + "/history").getBody()).hasSize(4);
    }

    @Test
    void everyChildOfAContactIsAPersonWithTheSameId() {
        String caseId = as("fd.practitioner").post("/api/contacts", Map.of("receivedAt", "2026-11-20T10:00:00Z", "source", "2A",
                "referrer", Map.of("name", "Ms Okoye"), "concerns", "Arrives hungry most days.",
                "child", Map.of("firstName", "Ottilie", "lastName", "Contactperson", "dateOfBirth", "2016-03-01",
                        "gender", "F", "address", "2 Low Road, Brent"))).getBody().get("caseId").asText();
        JsonNode child = as("fd.practitioner").get("/api/cases/" + caseId).getBody().get("child");
        String childId = child.get("childId").asText();

        JsonNode hits = as("fd.practitioner").get("/api/people?q=ottilie contactperson").getBody();
        assertThat(hits).hasSize(1);
        assertThat(hits.get(0).at("/person/personId").asText()).isEqualTo(childId);
        assertThat(hits.get(0).at("/person/kind").asText()).isEqualTo("CHILD");
        assertThat(hits.get(0).at("/person/childNumber").asText()).isEqualTo(child.get("childNumber").asText());
        assertThat(hits.get(0).at("/person/address/lines/0").asText()).isEqualTo("2 Low Road, Brent");
        assertThat(hits.get(0).at("/openCase/caseId").asText()).isEqualTo(caseId);
        assertThat(hits.get(0).at("/openCase/stage").asText()).isEqualTo("FRONT_DOOR");

        JsonNode person = as("fd.practitioner").get("/api/people/" + childId).getBody();
        assertThat(person.get("cases").findValuesAsText("caseId")).containsExactly(caseId);
        assertThat(as("panel.member").get("/api/people/" + childId).getStatusCode().value()).isEqualTo(404);

        // The Front Door works the case (its screening task): a correction reaches the case and its returns.
        ResponseEntity<JsonNode> corrected = as("fd.practitioner").exchange(HttpMethod.PATCH, "/api/people/" + childId,
                "{\"firstName\": \"Ottoline\", \"nhsNumber\": \"" + NHS + "\"}");
        assertThat(corrected.getStatusCode().value()).as(String.valueOf(corrected.getBody())).isEqualTo(200);
        JsonNode onTheCase = as("fd.practitioner").get("/api/cases/" + caseId).getBody().get("child");
        assertThat(onTheCase.get("firstName").asText()).isEqualTo("Ottoline");
        assertThat(onTheCase.get("nhsNumber").asText()).isEqualTo(NHS);

        // And a census item corrected on the case reaches the person.
        assertThat(as("fd.practitioner").exchange(HttpMethod.PATCH, "/api/cases/" + caseId + "/child",
                "{\"upnUnknown\": \"UN1\"}").getStatusCode().value()).isEqualTo(200);
        assertThat(as("fd.practitioner").get("/api/people/" + childId).getBody().get("upnUnknown").asText()).isEqualTo("UN1");
    }

    @Test
    void aPersonAddedAsAChildIsLinkedByTheContactAndMatchesAreSuggested() {
        String personId = created("fd.practitioner", person("CHILD", "Katherine", "Matcherley",
                Map.of("dateOfBirth", "2019-06-07"))).get("personId").asText();
        created("fd.practitioner", person("ADULT", "Catherine", "Matcherley", Map.of("dateOfBirth", "1990-01-01")));

        ResponseEntity<JsonNode> matches = as("fd.practitioner").get(
                "/api/people/matches?firstName=Catherine&lastName=Matcherly&dateOfBirth=2019-06-07");
        assertThat(matches.getStatusCode().value()).as(String.valueOf(matches.getBody())).isEqualTo(200);
        assertThat(matches.getBody().findValuesAsText("personId")).as("children only").containsExactly(personId);
        assertThat(matches.getBody().get(0).get("sameDateOfBirth").asBoolean()).isTrue();
        assertThat(as("fd.practitioner").get("/api/people/matches?firstName=Catherine").getStatusCode().value()).isEqualTo(400);
        assertThat(as("panel.member").get("/api/people/matches?firstName=Catherine&lastName=Matcherley").getStatusCode().value())
                .isEqualTo(403);

        ResponseEntity<JsonNode> linked = as("fd.practitioner").post("/api/contacts", Map.of("receivedAt", "2026-11-20T10:00:00Z",
                "source", "2A", "referrer", Map.of("name", "Ms Okoye"), "concerns", "Not collected from nursery.",
                "child", Map.of("childId", personId, "firstName", "Katherine", "lastName", "Matcherley", "dateOfBirth", "2019-06-07")));
        assertThat(linked.getStatusCode().value()).as(String.valueOf(linked.getBody())).isEqualTo(201);
        JsonNode child = as("fd.practitioner").get("/api/cases/" + linked.getBody().get("caseId").asText()).getBody().get("child");
        assertThat(child.get("childId").asText()).isEqualTo(personId);
        assertThat(child.get("childNumber").asText()).matches("C[0-9]{7,19}");
        assertThat(as("fd.practitioner").get("/api/people/" + personId).getBody().get("childNumber").asText())
                .isEqualTo(child.get("childNumber").asText());
    }
}
