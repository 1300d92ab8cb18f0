package app.casepath.api;

import static app.casepath.Forms.screen;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Unallocated cases (teams.md): open cases past the Front Door that no worker holds, a list of
 * their own for managers, oldest first, with how long each has waited in working days; the
 * dashboard counts them.
 */
class UnallocatedCasesTest extends HttpTest {

    private List<String> listed(String user) {
        List<String> ids = new ArrayList<>();
        as(user).get("/api/unallocated-cases?size=100").getBody().get("items").forEach(i -> ids.add(i.get("caseId").asText()));
        return ids;
    }

    private JsonNode entry(String user, String caseId) {
        for (JsonNode item : as(user).get("/api/unallocated-cases?size=100").getBody().get("items")) {
            if (item.get("caseId").asText().equals(caseId)) {
                return item;
            }
        }
        throw new AssertionError(caseId + " is not listed");
    }

    private long counted() {
        return as("service.manager").get("/api/dashboard/timeliness").getBody().get("unallocatedCases").asLong();
    }

    @Test
    void screenedInCasesWaitOldestFirstUntilAllocatedAndTheDashboardCountsThem() {
        long before = counted();
        journey.today(LocalDate.parse("2026-03-02"));
        String older = journey.contact("Waiting", "Longest", "2015-01-01").caseId();
        journey.complete(older, "screenContact", screen("ASSESSMENT"), "fd.practitioner");
        journey.today(LocalDate.parse("2026-03-04"));
        String newer = journey.contact("Waiting", "Shorter", "2015-01-01").caseId();
        assertThat(listed("team.manager")).as("at the Front Door a case is not yet waiting for a worker").doesNotContain(newer);
        journey.complete(newer, "screenContact", screen("ASSESSMENT"), "fd.practitioner");
        journey.today(LocalDate.parse("2026-03-09"));

        List<String> listed = listed("team.manager");
        assertThat(listed).contains(older, newer);
        assertThat(listed.indexOf(older)).as("oldest first").isLessThan(listed.indexOf(newer));
        JsonNode waiting = entry("service.manager", older);
        assertThat(waiting.get("reference").asText()).startsWith("CP-");
        assertThat(waiting.get("childName").asText()).isEqualTo("Waiting Longest");
        assertThat(waiting.get("stage").asText()).isEqualTo("ASSESSMENT");
        assertThat(waiting.get("waitingSince").asText()).isEqualTo("2026-03-02");
        assertThat(waiting.get("workingDaysWaiting").asInt()).as("Monday 2 to Monday 9 March").isEqualTo(5);
        assertThat(counted()).isEqualTo(before + 2);

        journey.complete(older, "allocateCase", Map.of("socialWorker", "social.worker"), "team.manager");
        assertThat(listed("team.manager")).doesNotContain(older).contains(newer);
        assertThat(counted()).isEqualTo(before + 1);

        assertThat(as("social.worker").get("/api/unallocated-cases").getStatusCode().value()).isEqualTo(403);
        assertThat(as("team.manager").get("/api/unallocated-cases?size=0").getStatusCode().value()).isEqualTo(400);
    }
}
