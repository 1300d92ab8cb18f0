package app.casepath.api;

import static app.casepath.Forms.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;

import com.fasterxml.jackson.databind.JsonNode;

/** Every read and write of a case leaves a row: who, what, which case, when, from where, and the answer. */
class AuditTrailTest extends HttpTest {

    @Test
    void readsWritesAndRefusalsAreAuditedAndOnlyAdministratorsReadTheLog() {
        journey.today(LocalDate.parse("2026-03-02"));
        String caseId = journey.contact("Audit", "Trail", "2016-01-01").caseId();
        String taskId = journey.task(caseId, "screenContact").getId();

        assertThat(as("fd.practitioner").get("/api/cases/" + caseId).getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(as("fd.practitioner").post("/api/tasks/" + taskId + "/complete", screen("NFA")).getStatusCode())
                .isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(as("cp.chair").get("/api/cases/" + caseId).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        as("team.manager").get("/api/cases?q=Trail");

        JsonNode log = as("admin").get("/api/audit?caseId=" + caseId).getBody();
        List<String> rows = new java.util.ArrayList<>();
        log.forEach(e -> rows.add(e.get("username").asText() + " " + e.get("action").asText() + " " + e.get("method").asText()
                + " " + e.get("status").asInt()));
        assertThat(rows).containsExactly(
                "cp.chair READ GET 404",
                "fd.practitioner WRITE POST 204",
                "fd.practitioner READ GET 200");
        JsonNode write = log.get(1);
        assertThat(write.get("path").asText()).isEqualTo("/api/tasks/" + taskId + "/complete");
        assertThat(write.get("taskId").asText()).isEqualTo(taskId);
        assertThat(write.get("clientAddress").asText()).isEqualTo("127.0.0.1");
        assertThat(write.get("occurredAt").asText()).startsWith("2026-03-02");

        JsonNode listed = as("admin").get("/api/audit?username=team.manager&size=1").getBody().get(0);
        assertThat(listed.get("path").asText()).isEqualTo("/api/cases?q=Trail");
        assertThat(listed.get("detail").asText()).contains(caseId);

        assertThat(as("team.manager").get("/api/audit").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        JsonNode refusal = as("admin").get("/api/audit?username=team.manager&size=1").getBody().get(0);
        assertThat(refusal.get("path").asText()).as("refused before the handler, still audited").isEqualTo("/api/audit");
        assertThat(refusal.get("status").asInt()).isEqualTo(403);
    }

    @Test
    void theDatabaseRefusesToChangeOrRemoveAuditRows() {
        as("social.worker").get("/api/me");
        assertThatThrownBy(() -> journey.db().sql("update audit_log set status = 200").update())
                .hasMessageContaining("append-only");
        assertThatThrownBy(() -> journey.db().sql("delete from audit_log").update())
                .hasMessageContaining("append-only");
    }
}
