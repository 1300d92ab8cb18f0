package app.casepath.api;

import static app.casepath.Forms.initialConference;
import static app.casepath.Forms.screen;
import static app.casepath.Forms.section47;
import static app.casepath.Forms.strategy;
import static app.casepath.Forms.visit;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.ResponseEntity;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Reallocation (teams.md): a case's open tasks, and the work scheduled after, move with it to the
 * new worker; a leaver's caseload moves case by case, reporting what did not.
 */
class ReallocationTest extends HttpTest {

    @Autowired
    TaskService tasks;

    private String teamId(String name) {
        return journey.db().sql("select team_id from team where name = ?").param(name).query(String.class).single();
    }

    private void refused(ResponseEntity<JsonNode> answer, String... fields) {
        assertThat(answer.getStatusCode().value()).as(String.valueOf(answer.getBody())).isEqualTo(400);
        assertThat(answer.getBody().get("errors").findValuesAsText("field")).containsExactlyInAnyOrder(fields);
    }

    private List<String> heldBy(String caseId, String user) {
        return journey.openTasks(caseId).stream().filter(t -> user.equals(t.getAssignee())).map(Task::getTaskDefinitionKey)
                .sorted().toList();
    }

    @Test
    void aCasesOpenTasksAndItsWorkScheduledLaterMoveToTheNewWorker() {
        journey.today(LocalDate.parse("2026-03-02"));
        String caseId = journey.contact("Moved", "Plan", "2016-04-01").caseId();
        journey.complete(caseId, "screenContact", screen("STRATEGY_DISCUSSION"), "fd.practitioner");
        journey.complete(caseId, "holdStrategyDiscussion", strategy("S47"), "social.worker");
        journey.complete(caseId, "completeSection47Enquiry", section47("CONVENE_ICPC", null), "social.worker");
        journey.complete(caseId, "holdInitialConference", initialConference("CP_PLAN"), "cp.chair");
        journey.fire(caseId, "coreGroupComesDue");
        journey.fire(caseId, "visitComesDue");
        assertThat(as("team.manager").post("/api/cases/" + caseId + "/notes", Map.of("kind", "MANAGEMENT_OVERSIGHT",
                "status", "FINAL", "text", "Direction.", "actions", List.of(Map.of("text", "Speak to the GP.",
                        "assignee", "social.worker", "dueOn", journey.today().plusDays(10).toString()))))
                .getStatusCode().value()).isEqualTo(201);
        List<String> before = heldBy(caseId, "social.worker");
        assertThat(before).containsExactly("completeAction", "holdCoreGroup", "recordVisit");
        Map<String, java.util.Date> dueBefore = new java.util.HashMap<>();
        journey.openTasks(caseId).forEach(t -> dueBefore.put(t.getId(), t.getDueDate()));
        assertThat(journey.db().sql("select team_id from child_case where case_id = ?").param(caseId).query(String.class).single())
                .as("the strategy discussion's worker took it in their child protection team").isEqualTo(teamId("Safeguarding Team East"));

        String path = "/api/cases/" + caseId + "/allocation";
        refused(as("team.manager").post(path, Map.of("team", teamId("Safeguarding Team West"), "worker", "social.worker",
                "reason", "x")), "worker");
        refused(as("team.manager").post(path, Map.of("team", teamId("Safeguarding Team West"))), "reason");
        refused(as("team.manager").post(path, Map.of("reason", "x")), "worker");
        assertThat(as("social.worker").post(path, Map.of("team", teamId("Safeguarding Team West"), "worker", "social.worker2",
                "reason", "Leaving.")).getStatusCode().value()).isEqualTo(403);
        assertThat(as("team.manager").post("/api/cases/no-such-case/allocation", Map.of("worker", "social.worker2",
                "reason", "x")).getStatusCode().value()).isEqualTo(404);
        assertThat(heldBy(caseId, "social.worker")).as("nothing moved yet").isEqualTo(before);

        ResponseEntity<JsonNode> moved = as("team.manager").post(path, Map.of("team", teamId("Safeguarding Team West"),
                "worker", "social.worker2", "reason", "Grace is leaving the council."));
        assertThat(moved.getStatusCode().value()).as(String.valueOf(moved.getBody())).isEqualTo(200);
        assertThat(moved.getBody().get("tasksMoved").asInt()).isEqualTo(3);
        assertThat(heldBy(caseId, "social.worker")).isEmpty();
        assertThat(heldBy(caseId, "social.worker2")).isEqualTo(before);
        journey.openTasks(caseId).forEach(t -> assertThat(t.getDueDate()).as("due date of %s unchanged", t.getTaskDefinitionKey())
                .isEqualTo(dueBefore.get(t.getId())));
        List<String> oldInbox = as("social.worker").get("/api/tasks?view=mine&size=100").getBody().get("items").findValuesAsText("caseId");
        assertThat(oldInbox).doesNotContain(caseId);
        assertThat(as("social.worker2").get("/api/tasks?view=mine&size=100").getBody().get("items").findValuesAsText("caseId"))
                .contains(caseId);
        assertThat(journey.record(caseId).allocatedWorker()).isEqualTo("social.worker2");
        assertThat(journey.chronologyKinds(caseId)).contains("REALLOCATED");
        assertThat(journey.db().sql("select count(*) from email_outbox where kind = 'REALLOCATION' and case_id = ?").param(caseId)
                .query(Long.class).single()).isEqualTo(1);

        // The escalation of a moved task names its new holder; the next visit opens for the new worker.
        journey.fire(caseId, "recordVisitEscalation");
        assertThat(journey.db().sql("select body from email_outbox where kind = 'ESCALATION' and case_id = ? order by id desc"
                + " fetch first 1 rows only").param(caseId).query(String.class).single()).contains("It is with social.worker2.");
        journey.complete(caseId, "recordVisit", visit(), "social.worker2");
        journey.fire(caseId, "visitComesDue");
        assertThat(journey.task(caseId, "recordVisit").getAssignee()).isEqualTo("social.worker2");
    }

    @Test
    void aLeaversCaseloadMovesCaseByCaseAndSaysWhichDidNot() {
        journey.today(LocalDate.parse("2026-03-02"));
        List<String> caseIds = new ArrayList<>();
        for (int i = 0; i < 11; i++) {
            String caseId = journey.contact("Leaver", "Case" + (char) ('A' + i), "2016-04-01").caseId();
            journey.complete(caseId, "screenContact", screen("ASSESSMENT"), "fd.practitioner");
            journey.complete(caseId, "allocateCase", Map.of("socialWorker", "social.worker"), "team.manager");
            caseIds.add(caseId);
        }
        String notTheirs = journey.contact("Leaver", "Notheirs", "2016-04-01").caseId();
        journey.complete(notTheirs, "screenContact", screen("ASSESSMENT"), "fd.practitioner");
        journey.complete(notTheirs, "allocateCase", Map.of("socialWorker", "social.worker2"), "team.manager");
        List<String> named = new ArrayList<>(caseIds);
        named.add(5, notTheirs);

        String path = "/api/workers/social.worker/reallocation";
        refused(as("team.manager").post(path, Map.of("toWorker", "social.worker", "reason", "x")), "toWorker");
        refused(as("team.manager").post(path, Map.of()), "toWorker", "reason");
        assertThat(as("social.worker2").post(path, Map.of("toWorker", "social.worker2", "reason", "x")).getStatusCode().value())
                .isEqualTo(403);

        ResponseEntity<JsonNode> answer = as("team.manager").post(path, Map.of("toWorker", "social.worker2",
                "toTeam", teamId("Assessment Team South"), "reason", "Grace has left.", "caseIds", named));
        assertThat(answer.getStatusCode().value()).as(String.valueOf(answer.getBody())).isEqualTo(200);
        assertThat(answer.getBody().get("moved").findValuesAsText("")).isEmpty();
        List<String> moved = new ArrayList<>();
        answer.getBody().get("moved").forEach(m -> moved.add(m.asText()));
        assertThat(moved).containsExactlyElementsOf(caseIds);
        assertThat(answer.getBody().get("notMoved")).singleElement().satisfies(n -> {
            assertThat(n.get("caseId").asText()).isEqualTo(notTheirs);
            assertThat(n.get("reason").asText()).contains("not allocated to social.worker");
        });
        for (String caseId : caseIds) {
            assertThat(journey.record(caseId).allocatedWorker()).isEqualTo("social.worker2");
            assertThat(journey.task(caseId, "completeAssessment").getAssignee()).isEqualTo("social.worker2");
        }
        assertThat(journey.record(notTheirs).allocatedWorker()).isEqualTo("social.worker2");
    }

    @Test
    void aCaseMovedToATeamWithoutAWorkerWaitsThereUnallocatedUntilItsManagersAllocateOne() {
        journey.today(LocalDate.parse("2026-03-02"));
        String caseId = journey.contact("Waits", "InTeam", "2016-04-01").caseId();
        journey.complete(caseId, "screenContact", screen("STRATEGY_DISCUSSION"), "fd.practitioner");
        journey.complete(caseId, "holdStrategyDiscussion", strategy("S47"), "social.worker");
        journey.complete(caseId, "completeSection47Enquiry", section47("CONVENE_ICPC", null), "social.worker");
        journey.complete(caseId, "holdInitialConference", initialConference("CP_PLAN"), "cp.chair");
        journey.fire(caseId, "visitComesDue");
        Task visitTask = journey.task(caseId, "recordVisit");
        assertThat(visitTask.getAssignee()).isEqualTo("social.worker");
        java.util.Date visitDue = visitTask.getDueDate();

        journey.today(LocalDate.parse("2026-03-16"));
        ResponseEntity<JsonNode> moved = as("team.manager").post("/api/cases/" + caseId + "/allocation",
                Map.of("team", teamId("Safeguarding Team West"), "reason", "The family moved west."));
        assertThat(moved.getStatusCode().value()).as(String.valueOf(moved.getBody())).isEqualTo(200);
        assertThat(moved.getBody().get("worker").isNull()).isTrue();
        assertThat(moved.getBody().get("team").asText()).isEqualTo("Safeguarding Team West");
        assertThat(journey.record(caseId).allocatedWorker()).as("unallocated").isNull();
        assertThat(journey.db().sql("select team_id from child_case where case_id = ?").param(caseId).query(String.class).single())
                .isEqualTo(teamId("Safeguarding Team West"));
        assertThat(journey.task(caseId, "recordVisit").getAssignee()).as("the visit waits for the new worker").isNull();
        assertThat(heldBy(caseId, "social.worker")).isEmpty();
        Task allocate = journey.task(caseId, "allocateCase");
        assertThat(allocate.getAssignee()).isNull();
        assertThat(journey.dueOn(caseId, "allocateCase")).as("the allocation timescale from the move, not the referral")
                .isAfter(LocalDate.parse("2026-03-16"));
        assertThat(as("team.manager").get("/api/unallocated-cases?size=100").getBody().get("items").findValuesAsText("caseId"))
                .contains(caseId);
        assertThat(journey.db().sql("select count(*) from chronology where case_id = ? and summary like ?")
                .params(caseId, "Moved from Grace Mensah to Safeguarding Team West, to be allocated a worker by its managers%")
                .query(Long.class).single()).isEqualTo(1);
        assertThat(as("social.worker").get("/api/cases/" + caseId).getStatusCode().value())
                .as("the allocation gave the previous worker access; it went with it").isIn(200, 404);

        refused(as("team.manager").post("/api/tasks/" + allocate.getId() + "/complete", Map.of("team",
                teamId("Safeguarding Team West"), "socialWorker", "social.worker")), "socialWorker");
        assertThat(as("team.manager").post("/api/tasks/" + allocate.getId() + "/complete", Map.of("socialWorker", "social.worker2"))
                .getStatusCode().value()).isEqualTo(204);
        assertThat(journey.record(caseId).allocatedWorker()).isEqualTo("social.worker2");
        assertThat(journey.db().sql("select team_id from child_case where case_id = ?").param(caseId).query(String.class).single())
                .as("allocated in the team it waited in").isEqualTo(teamId("Safeguarding Team West"));
        Task handedOver = journey.task(caseId, "recordVisit");
        assertThat(handedOver.getAssignee()).as("the waiting work goes to the new worker").isEqualTo("social.worker2");
        assertThat(handedOver.getDueDate()).as("due as before").isEqualTo(visitDue);
        assertThat(as("team.manager").get("/api/unallocated-cases?size=100").getBody().get("items").findValuesAsText("caseId"))
                .doesNotContain(caseId);
    }
}
