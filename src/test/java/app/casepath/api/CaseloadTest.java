package app.casepath.api;

import static app.casepath.Forms.screen;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/** A team's caseload (teams.md) against a hand-counted team: its workers' cases by kind, tasks, and who may see it. */
class CaseloadTest extends HttpTest {

    @Test
    void aTeamsCaseloadCountsEachWorkersCasesAndLateWork() {
        String teamId = as("admin").post("/api/teams", Map.of("name", "Caseload Fixture Team", "service", "ASSESSMENT",
                "managers", List.of("team.manager"), "members", List.of("social.worker", "social.worker2")))
                .getBody().get("teamId").asText();
        journey.today(LocalDate.parse("2026-01-05"));
        for (String worker : List.of("social.worker", "social.worker", "social.worker2")) {
            String caseId = journey.contact("Counted", "Case", "2016-04-01").caseId();
            journey.complete(caseId, "screenContact", screen("ASSESSMENT"), "fd.practitioner");
            journey.complete(caseId, "allocateCase", Map.of("team", teamId, "socialWorker", worker), "team.manager");
        }
        journey.today(LocalDate.parse("2026-06-01")); // every assessment now past its 45 working days

        assertThat(as("social.worker").get("/api/teams/" + teamId + "/caseload").getStatusCode().value()).isEqualTo(403);
        assertThat(as("team.manager").get("/api/teams/no-such-team/caseload").getStatusCode().value()).isEqualTo(404);
        JsonNode caseload = as("team.manager").get("/api/teams/" + teamId + "/caseload").getBody();
        assertThat(caseload.get("name").asText()).isEqualTo("Caseload Fixture Team");
        assertThat(caseload.get("workers").findValuesAsText("username")).containsExactly("social.worker", "social.worker2");
        JsonNode grace = caseload.get("workers").get(0);
        assertThat(grace.at("/cases/assessment").asLong()).isEqualTo(2);
        assertThat(grace.at("/cases/total").asLong()).isEqualTo(2);
        assertThat(grace.at("/cases/cpPlan").asLong()).isZero();
        assertThat(grace.get("openTasks").asLong()).as("two assessments to complete").isEqualTo(2);
        assertThat(grace.get("overdueTasks").asLong()).isEqualTo(2);
        assertThat(grace.get("name").asText()).isEqualTo("Grace Mensah");
        JsonNode daniel = caseload.get("workers").get(1);
        assertThat(daniel.at("/cases/total").asLong()).isEqualTo(1);
        assertThat(caseload.at("/totals/cases/assessment").asLong()).isEqualTo(3);
        assertThat(caseload.at("/totals/cases/total").asLong()).isEqualTo(3);
        assertThat(caseload.at("/totals/openTasks").asLong()).isEqualTo(3);
        assertThat(caseload.at("/totals/overdueTasks").asLong()).isEqualTo(3);
        assertThat(caseload.at("/totals/notSeenInTime").asLong()).isZero();
        assertThat(as("service.manager").get("/api/teams/" + teamId + "/caseload").getStatusCode().value()).isEqualTo(200);

        // The cases behind Grace's figures.
        JsonNode behind = as("team.manager").get("/api/teams/" + teamId + "/caseload/social.worker").getBody();
        assertThat(behind.get("name").asText()).isEqualTo("Grace Mensah");
        assertThat(behind.get("cases")).hasSize(2).allSatisfy(c -> {
            assertThat(c.get("kind").asText()).isEqualTo("ASSESSMENT");
            assertThat(c.get("childName").asText()).isEqualTo("Counted Case");
            assertThat(c.get("openTasks").asLong()).isEqualTo(1);
            assertThat(c.get("overdueTasks").asLong()).isEqualTo(1);
            assertThat(c.get("lastVisitOn").isNull()).isTrue();
            assertThat(c.get("notSeenInTime").asBoolean()).isFalse();
        });
        assertThat(as("social.worker").get("/api/teams/" + teamId + "/caseload/social.worker").getStatusCode().value())
                .isEqualTo(403);
        assertThat(as("team.manager").get("/api/teams/" + teamId + "/caseload/cp.chair").getStatusCode().value())
                .as("not one of the team's workers").isEqualTo(404);
    }
}
