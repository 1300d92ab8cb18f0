package app.casepath.api;

import static app.casepath.Forms.allocate;
import static app.casepath.Forms.screen;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.ResponseEntity;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A case's supervision over HTTP (teams.md "Supervision"): the team managers' recordSupervision
 * task, its context, bad input refused by field with nothing written, and a supervision with an
 * action that becomes the assignee's completeAction task.
 */
class SupervisionTest extends HttpTest {

    @Autowired
    RuntimeService runtime;

    @Autowired
    ManagementService management;

    private String supervisionDue(String lastName) {
        journey.today(LocalDate.parse("2026-03-02"));
        String caseId = journey.contact("Supervised", lastName, "2016-04-01").caseId();
        journey.complete(caseId, "screenContact", screen("ASSESSMENT"), "fd.practitioner");
        journey.complete(caseId, "allocateCase", allocate("social.worker"), "team.manager");
        String cycle = runtime.createProcessInstanceQuery().processDefinitionKey("supervision")
                .processInstanceBusinessKey(caseId).singleResult().getId();
        var timer = management.createJobQuery().processInstanceId(cycle).timers().singleResult();
        org.camunda.bpm.engine.impl.util.ClockUtil.setCurrentTime(new java.util.Date(timer.getDuedate().getTime() + 60_000));
        management.executeJob(timer.getId());
        return caseId;
    }

    private long supervisions(String caseId) {
        return journey.db().sql("select count(*) from supervision where case_id = ?").param(caseId).query(Long.class).single();
    }

    @Test
    void aTeamManagerRecordsTheSupervisionAndItsActionsBecomeTasks() {
        String caseId = supervisionDue("Recorded");
        String taskId = journey.task(caseId, "recordSupervision").getId();

        ResponseEntity<JsonNode> task = as("team.manager").get("/api/tasks/" + taskId);
        assertThat(task.getStatusCode().value()).as(String.valueOf(task.getBody())).isEqualTo(200);
        assertThat(task.getBody().findValue("supervision").get("allocatedOn").asText()).isEqualTo("2026-03-02");
        assertThat(as("social.worker").post("/api/tasks/" + taskId + "/complete", Map.of("decisions", "Carry on."))
                .getStatusCode().value()).as("a worker does not record their own supervision").isEqualTo(403);

        ResponseEntity<JsonNode> refused = as("team.manager").post("/api/tasks/" + taskId + "/complete", Map.of(
                "heldOn", journey.today().plusDays(1).toString(), "attendees", List.of(""),
                "actions", List.of(Map.of("text", "Call the school.", "dueOn", "2026-01-01"))));
        assertThat(refused.getStatusCode().value()).as(String.valueOf(refused.getBody())).isEqualTo(400);
        assertThat(refused.getBody().get("errors").findValuesAsText("field")).containsExactlyInAnyOrder(
                "heldOn", "attendees[0]", "decisions", "actions[0].assignee", "actions[0].dueOn");
        assertThat(supervisions(caseId)).isZero();

        ResponseEntity<JsonNode> done = as("team.manager").post("/api/tasks/" + taskId + "/complete", Map.of(
                "attendees", List.of("Grace Mensah"), "worries", List.of("Missed health appointments."),
                "workingWell", List.of("Mum engages with the family support worker."),
                "needsToHappen", List.of("A health appointment is booked."),
                "decisions", "Book the appointment with mum.",
                "actions", List.of(Map.of("text", "Book the health appointment with mum.", "assignee", "social.worker",
                        "dueOn", journey.today().plusDays(7).toString()))));
        assertThat(done.getStatusCode().value()).as(String.valueOf(done.getBody())).isEqualTo(204);
        assertThat(supervisions(caseId)).isEqualTo(1);
        assertThat(journey.openTaskKeys(caseId)).contains("completeAction").doesNotContain("recordSupervision");
        assertThat(journey.task(caseId, "completeAction").getAssignee()).isEqualTo("social.worker");
        assertThat(journey.db().sql("select summary from chronology where case_id = ? and kind = 'recordSupervision'")
                .param(caseId).query(String.class).single()).startsWith("Supervision held on " + journey.today() + ".");
    }
}
