package app.casepath.api;

import static app.casepath.Forms.screen;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Teams over HTTP (teams.md): every team for anyone signed in, made and changed by administrators
 * only, bad input refused by field with nothing written; a case allocated to a team and one of its
 * members, or refused; a worker marked newly qualified by their team's manager.
 */
class TeamsTest extends HttpTest {

    private String teamId(String name) {
        for (JsonNode team : as("social.worker").get("/api/teams").getBody()) {
            if (team.get("name").asText().equals(name)) {
                return team.get("teamId").asText();
            }
        }
        throw new AssertionError("no team " + name);
    }

    private long teams() {
        return journey.db().sql("select count(*) from team").query(Long.class).single();
    }

    private void refused(ResponseEntity<JsonNode> answer, String... fields) {
        assertThat(answer.getStatusCode().value()).as(String.valueOf(answer.getBody())).isEqualTo(400);
        assertThat(answer.getBody().get("errors").findValuesAsText("field")).containsExactlyInAnyOrder(fields);
    }

    @Test
    void theDemoCouncilHasItsTeamsAndEveryoneMayListThem() {
        JsonNode all = as("panel.member").get("/api/teams").getBody();
        assertThat(all.findValuesAsText("service")).contains("FRONT_DOOR", "ASSESSMENT", "CHILD_PROTECTION", "CHILDREN_IN_NEED",
                "EARLY_HELP");
        assertThat(all.findValuesAsText("name")).contains("Family Front Door (MASH)", "Assessment Team North",
                "Assessment Team South", "Safeguarding Team East", "Safeguarding Team West", "Children in Need Team",
                "Early Help Team");
        JsonNode north = null;
        for (JsonNode team : all) {
            if (team.get("name").asText().equals("Assessment Team North")) {
                north = team;
            }
        }
        assertThat(north.get("managers").findValuesAsText("")).isEmpty();
        assertThat(north.get("managers").get(0).asText()).isEqualTo("team.manager");
        assertThat(north.get("members").get(0).asText()).isEqualTo("social.worker");
    }

    @Test
    void onlyAdministratorsMakeAndChangeTeamsAndBadInputIsRefusedByField() {
        long before = teams();
        Map<String, Object> team = Map.of("name", "Disabled Children's Team", "service", "DISABILITIES",
                "managers", List.of("team.manager"), "members", List.of("social.worker2"));
        assertThat(as("team.manager").post("/api/teams", team).getStatusCode().value()).isEqualTo(403);
        refused(as("admin").post("/api/teams", Map.of()), "name", "service");
        refused(as("admin").post("/api/teams", Map.of("name", "Assessment Team North", "service", "SPACE",
                "members", List.of("nobody.at.all"))), "name", "service", "members[0]");
        assertThat(teams()).as("nothing written").isEqualTo(before);

        ResponseEntity<JsonNode> made = as("admin").post("/api/teams", team);
        assertThat(made.getStatusCode().value()).as(String.valueOf(made.getBody())).isEqualTo(201);
        String teamId = made.getBody().get("teamId").asText();
        ResponseEntity<JsonNode> changed = as("admin").exchange(HttpMethod.PATCH, "/api/teams/" + teamId,
                "{\"members\": [\"social.worker2\", \"social.worker\"]}");
        assertThat(changed.getStatusCode().value()).as(String.valueOf(changed.getBody())).isEqualTo(200);
        assertThat(changed.getBody().get("members").findValuesAsText("")).isEmpty();
        assertThat(changed.getBody().get("members")).extracting(JsonNode::asText).containsExactly("social.worker", "social.worker2");
        assertThat(changed.getBody().get("name").asText()).as("what is not given stays").isEqualTo("Disabled Children's Team");
        assertThat(as("team.manager").exchange(HttpMethod.PATCH, "/api/teams/" + teamId, "{\"name\": \"Mine\"}")
                .getStatusCode().value()).isEqualTo(403);
        assertThat(as("admin").exchange(HttpMethod.PATCH, "/api/teams/no-such-team", "{\"name\": \"x\"}")
                .getStatusCode().value()).isEqualTo(404);
        refused(as("admin").exchange(HttpMethod.PATCH, "/api/teams/" + teamId, "{}"), "body");
    }

    @Test
    void aCaseIsAllocatedToATeamAndOneOfItsMembersOrRefused() {
        journey.today(LocalDate.parse("2026-03-02"));
        String caseId = journey.contact("Teamed", "Allocation", "2016-01-01").caseId();
        journey.complete(caseId, "screenContact", screen("ASSESSMENT"), "fd.practitioner");
        String task = "/api/tasks/" + journey.task(caseId, "allocateCase").getId() + "/complete";
        refused(as("team.manager").post(task, Map.of("team", teamId("Assessment Team South"), "socialWorker", "social.worker")),
                "socialWorker");
        refused(as("team.manager").post(task, Map.of("team", "no-such-team", "socialWorker", "social.worker")), "team");
        assertThat(journey.openTaskKeys(caseId)).as("still to allocate").containsExactly("allocateCase");

        assertThat(as("team.manager").post(task, Map.of("team", teamId("Assessment Team South"), "socialWorker", "social.worker2",
                "allocatedOn", "2026-03-02")).getStatusCode().value()).isEqualTo(204);
        Map<String, Object> row = journey.db().sql("select team_id, allocated_worker, allocated_on from child_case where case_id = ?")
                .param(caseId).query().singleRow();
        assertThat(row.get("team_id")).isEqualTo(teamId("Assessment Team South"));
        assertThat(row.get("allocated_worker")).isEqualTo("social.worker2");
        assertThat(row.get("allocated_on").toString()).isEqualTo("2026-03-02");

        // No team named: the worker's team for the stage.
        String other = journey.contact("Teamed", "Derived", "2016-01-01").caseId();
        journey.complete(other, "screenContact", screen("ASSESSMENT"), "fd.practitioner");
        journey.complete(other, "allocateCase", Map.of("socialWorker", "social.worker"), "team.manager");
        assertThat(journey.db().sql("select team_id from child_case where case_id = ?").param(other).query(String.class).single())
                .isEqualTo(teamId("Assessment Team North"));
    }

    @Test
    void aWorkerIsMarkedNewlyQualifiedByTheirTeamsManagerOrAnAdministrator() {
        assertThat(as("social.worker2").exchange(HttpMethod.PATCH, "/api/users/social.worker", "{\"newlyQualified\": true}")
                .getStatusCode().value()).isEqualTo(403);
        refused(as("team.manager").exchange(HttpMethod.PATCH, "/api/users/social.worker", "{\"newlyQualified\": \"yes\"}"),
                "newlyQualified");
        assertThat(as("team.manager").exchange(HttpMethod.PATCH, "/api/users/nobody.at.all", "{\"newlyQualified\": true}")
                .getStatusCode().value()).isEqualTo(404);
        ResponseEntity<JsonNode> marked = as("team.manager").exchange(HttpMethod.PATCH, "/api/users/social.worker",
                "{\"newlyQualified\": true}");
        assertThat(marked.getStatusCode().value()).as(String.valueOf(marked.getBody())).isEqualTo(200);
        assertThat(journey.db().sql("select newly_qualified from staff where username = 'social.worker'").query(Boolean.class)
                .single()).isTrue();
        assertThat(as("admin").exchange(HttpMethod.PATCH, "/api/users/social.worker", "{\"newlyQualified\": false}")
                .getStatusCode().value()).isEqualTo(200);
        assertThat(journey.db().sql("select newly_qualified from staff where username = 'social.worker'").query(Boolean.class)
                .single()).isFalse();
    }

    /** Every task of the caller's team view, page by page, checked against the total the first page gave. */
    private java.util.Set<String> teamView(String user) {
        java.util.Set<String> ids = new java.util.LinkedHashSet<>();
        long total = -1;
        for (int page = 0; ; page++) {
            JsonNode answer = as(user).get("/api/tasks?view=groups&size=100&page=" + page).getBody();
            total = total < 0 ? answer.get("total").asLong() : total;
            if (answer.get("items").isEmpty()) {
                break;
            }
            answer.get("items").forEach(item -> assertThat(ids.add(item.get("taskId").asText())).as("once each").isTrue());
        }
        assertThat(ids).as("the total counts what the pages hold").hasSize((int) total);
        return ids;
    }

    @Test
    void myTeamsTasksAreTheWorkOfMyTeamsCasesAndTheWorkOfMyGroupsThatNoOneHolds() {
        journey.today(LocalDate.parse("2026-03-02"));
        String caseId = journey.contact("Teamview", "South", "2016-01-01").caseId();
        journey.complete(caseId, "screenContact", screen("ASSESSMENT"), "fd.practitioner");
        String allocate = journey.task(caseId, "allocateCase").getId();
        assertThat(teamView("team.manager")).as("no one holds it: the team managers' pool").contains(allocate);
        assertThat(teamView("social.worker")).doesNotContain(allocate);

        journey.complete(caseId, "allocateCase", Map.of("team", teamId("Assessment Team South"), "socialWorker", "social.worker2"),
                "team.manager");
        String assessment = journey.task(caseId, "completeAssessment").getId();
        assertThat(teamView("social.worker2")).contains(assessment);
        assertThat(teamView("team.manager")).as("a manager of the case's team").contains(assessment);
        assertThat(teamView("social.worker")).as("a social worker of other teams").doesNotContain(assessment);

        ResponseEntity<JsonNode> moved = as("team.manager").post("/api/cases/" + caseId + "/allocation",
                Map.of("team", teamId("Assessment Team North"), "worker", "social.worker", "reason", "Closer to the family"));
        assertThat(moved.getStatusCode().value()).as(String.valueOf(moved.getBody())).isEqualTo(200);
        assertThat(teamView("social.worker")).as("the case's work moves with it to its new team").contains(assessment);
        assertThat(teamView("social.worker2")).doesNotContain(assessment);
    }
}
