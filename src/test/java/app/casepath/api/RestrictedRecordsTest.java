package app.casepath.api;

import static app.casepath.Forms.screen;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Restricted records over HTTP: set and lifted by a service manager only, with reasons, kept and
 * audited; while restricted, every demo user but the allowed ones and the setter is answered 404
 * for the child's case, person and task, the task leaves the team's queue, search shows the name
 * alone; lifting restores everything.
 */
class RestrictedRecordsTest extends HttpTest {

    private static final Set<String> SEES_ALLOCATION = Set.of("team.manager", "service.manager");

    private String json(Object body) {
        try {
            return json.writeValueAsString(body);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The children the dashboard names for the day of this test's contact. */
    private List<String> dashboardNames(String user) {
        return as(user).get("/api/dashboard/timeliness?from=2025-11-13&to=2025-11-13").getBody().findValuesAsText("childName");
    }

    private long restrictions() {
        return journey.db().sql("select count(*) from restriction").query(Long.class).single();
    }

    private List<String> queue(String user) {
        return as(user).get("/api/tasks?view=groups&size=100").getBody().get("items").findValuesAsText("taskId");
    }

    /** Every demo user's answer for the case, the person and the task: 200 for those expected to see them, 404 for all others. */
    private List<String> wrongAnswers(String caseId, String childId, String taskId, Set<String> seeing) {
        List<String> wrong = new ArrayList<>();
        for (String user : AuthorizationMatrixTest.USERS) {
            int expected = seeing.contains(user) ? 200 : 404;
            for (String path : List.of("/api/cases/" + caseId, "/api/cases/" + caseId + "/chronology", "/api/people/" + childId,
                    "/api/tasks/" + taskId)) {
                int status = as(user).get(path).getStatusCode().value();
                if (status != expected) {
                    wrong.add(user + " GET " + path + ": " + status + ", expected " + expected);
                }
            }
            boolean listed = as(user).get("/api/cases?size=100&q=Restricted").getBody().get("items").findValuesAsText("caseId")
                    .contains(caseId);
            if (listed != seeing.contains(user)) {
                wrong.add(user + " case list shows it: " + listed);
            }
        }
        return wrong;
    }

    @Test
    void aRestrictedRecordIsClosedToAllButItsAllowedUsersAndLiftingRestoresIt() {
        journey.today(LocalDate.parse("2025-11-13")); // a day of its own: the dashboard's list of that day's contacts is this one
        String caseId = journey.contact("Restricted", "Childrecord", "2015-05-05").caseId();
        journey.complete(caseId, "screenContact", screen("ASSESSMENT"), "fd.practitioner");
        String childId = journey.db().sql("select child_id from child_case where case_id = ?").param(caseId).query(String.class).single();
        String taskId = journey.task(caseId, "allocateCase").getId();
        String path = "/api/people/" + childId + "/restriction";
        assertThat(wrongAnswers(caseId, childId, taskId, SEES_ALLOCATION)).isEmpty();
        assertThat(queue("team.manager")).contains(taskId);
        assertThat(dashboardNames("team.manager")).as("named on the dashboard before").contains("Restricted Childrecord");
        long dashboardBefore = journey.db().sql("select count(*) from child_case").query(Long.class).single();

        // Only a service manager; bad input by field, nothing written.
        Map<String, Object> restrict = Map.of("reason", "The child's mother works in the service.", "allowedUsers", List.of("social.worker"));
        assertThat(as("team.manager").exchange(HttpMethod.PUT, path, json(restrict)).getStatusCode().value()).isEqualTo(403);
        assertThat(as("social.worker").exchange(HttpMethod.PUT, path, json(restrict)).getStatusCode().value()).isEqualTo(403);
        ResponseEntity<JsonNode> bad = as("service.manager").exchange(HttpMethod.PUT, path,
                json(Map.of("allowedUsers", List.of("social.worker", "no.such.user", 7))));
        assertThat(bad.getStatusCode().value()).as(String.valueOf(bad.getBody())).isEqualTo(400);
        assertThat(bad.getBody().get("errors").findValuesAsText("field"))
                .containsExactlyInAnyOrder("reason", "allowedUsers[1]", "allowedUsers[2]");
        assertThat(as("service.manager").exchange(HttpMethod.PUT, path, "{\"reason\": \"x\", \"allowedUsers\": \"social.worker\"}")
                .getBody().get("errors").findValuesAsText("field")).containsExactly("allowedUsers");
        assertThat(as("service.manager").exchange(HttpMethod.PUT, path, "[]").getStatusCode().value()).isEqualTo(400);
        assertThat(as("service.manager").exchange(HttpMethod.PUT, "/api/people/nobody/restriction", json(restrict))
                .getStatusCode().value()).isEqualTo(404);
        assertThat(restrictions()).as("nothing written").isZero();

        ResponseEntity<JsonNode> set = as("service.manager").exchange(HttpMethod.PUT, path, json(restrict));
        assertThat(set.getStatusCode().value()).as(String.valueOf(set.getBody())).isEqualTo(200);
        assertThat(set.getBody().get("allowedUsers")).extracting(JsonNode::asText).containsExactly("social.worker");
        assertThat(set.getBody().get("setBy").asText()).isEqualTo("service.manager");

        // Closed to every demo user but the allowed one and the setter.
        assertThat(wrongAnswers(caseId, childId, taskId, Set.of("social.worker", "service.manager"))).isEmpty();
        assertThat(queue("team.manager")).as("gone from the team's queue").doesNotContain(taskId);
        for (String action : List.of("/claim", "/complete")) {
            assertThat(as("team.manager").post("/api/tasks/" + taskId + action, Map.of()).getStatusCode().value())
                    .as("team.manager " + action).isEqualTo(404);
        }
        assertThat(journey.task(caseId, "allocateCase").getAssignee()).as("nothing changed").isNull();
        assertThat(journey.db().sql("select count(*) from child_case").query(Long.class).single())
                .as("the case still counts").isEqualTo(dashboardBefore);
        assertThat(as("service.manager").get("/api/dashboard/timeliness").getStatusCode().value()).isEqualTo(200);
        assertThat(dashboardNames("team.manager")).as("counted on the dashboard, never named")
                .contains("Restricted record").doesNotContain("Restricted Childrecord");
        assertThat(dashboardNames("service.manager")).as("named to its setter").contains("Restricted Childrecord");

        // Search: the name alone to those who would otherwise find them; in full to the allowed.
        JsonNode hit = as("team.manager").get("/api/people?q=Restricted Childrecord").getBody().get(0);
        assertThat(hit.get("restricted").asBoolean()).isTrue();
        assertThat(hit.at("/person/firstName").asText()).isEqualTo("Restricted");
        assertThat(hit.at("/person/lastName").asText()).isEqualTo("Childrecord");
        assertThat(hit.at("/person/personId").isNull()).isTrue();
        assertThat(hit.at("/person/dateOfBirth").isNull()).isTrue();
        assertThat(hit.at("/person/address").isNull()).isTrue();
        assertThat(hit.get("openCase").isNull()).isTrue();
        JsonNode allowed = as("social.worker").get("/api/people?q=Restricted Childrecord").getBody().get(0);
        assertThat(allowed.get("restricted").asBoolean()).isTrue();
        assertThat(allowed.at("/person/personId").asText()).isEqualTo(childId);
        assertThat(allowed.at("/openCase/caseId").asText()).isEqualTo(caseId);
        assertThat(as("social.worker").get("/api/people/" + childId).getBody().get("restricted").asBoolean())
                .as("the record says it is restricted to those who may read it").isTrue();

        // Recorded and audited.
        assertThat(journey.db().sql("select count(*) from audit_log where path = ? and method = 'PUT' and status = 200 and detail like ?")
                .params(path, "%social.worker%").query(Long.class).single()).isEqualTo(1);

        // Lifting: a service manager, with a reason.
        assertThat(as("team.manager").exchange(HttpMethod.DELETE, path, "{\"reason\": \"no\"}").getStatusCode().value()).isEqualTo(403);
        ResponseEntity<JsonNode> noReason = as("service.manager").exchange(HttpMethod.DELETE, path, "{}");
        assertThat(noReason.getBody().get("errors").findValuesAsText("field")).containsExactly("reason");
        assertThat(as("service.manager").exchange(HttpMethod.DELETE, path, "{\"reason\": \"The mother has left the service.\"}")
                .getStatusCode().value()).isEqualTo(204);
        assertThat(as("service.manager").exchange(HttpMethod.DELETE, path, "{\"reason\": \"again\"}").getStatusCode().value())
                .isEqualTo(409);
        assertThat(wrongAnswers(caseId, childId, taskId, SEES_ALLOCATION)).isEmpty();
        assertThat(queue("team.manager")).contains(taskId);
        assertThat(as("team.manager").get("/api/people?q=Restricted Childrecord").getBody().get(0).get("restricted").asBoolean())
                .isFalse();
        assertThat(journey.db().sql("select set_by || '/' || lifted_by || '/' || lift_reason from restriction where person_id = ?")
                .param(childId).query(String.class).single())
                .isEqualTo("service.manager/service.manager/The mother has left the service.");
    }
}
