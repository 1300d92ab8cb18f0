package app.casepath.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.ResponseEntity;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Warnings over HTTP: raised on a person by one who may work their case, agreed by a team
 * manager; shown on the case and beside its tasks in the inbox; bad input refused by field with
 * nothing written.
 */
class WarningsTest extends HttpTest {

    @Autowired
    RuntimeService runtime;

    @Autowired
    ManagementService management;

    @Autowired
    TaskService tasks;

    /** The warning's review timer (the morning of its review date): its date, then fired, the clock moved to it. */
    private LocalDate fireReview(String warningId) {
        String process = runtime.createProcessInstanceQuery().processInstanceBusinessKey(warningId).singleResult().getId();
        Job job = management.createJobQuery().processInstanceId(process).timers().activityId("warningReviewComesDue")
                .singleResult();
        assertThat(job).as("the review timer of " + warningId).isNotNull();
        LocalDate on = LocalDate.ofInstant(job.getDuedate().toInstant(), java.time.ZoneId.of("Europe/London"));
        ClockUtil.setCurrentTime(new java.util.Date(job.getDuedate().getTime() + 60_000));
        management.executeJob(job.getId());
        return on;
    }

    private Task review(String warningId) {
        return tasks.createTaskQuery().processInstanceBusinessKey(warningId).taskDefinitionKey("reviewWarning").singleResult();
    }

    private String caseOf(String lastName) {
        journey.today(LocalDate.parse("2026-03-02"));
        return journey.contact("Warned", lastName, "2016-01-01").caseId();
    }

    private String childOf(String caseId) {
        return journey.db().sql("select child_id from child_case where case_id = ?").param(caseId).query(String.class).single();
    }

    private long warnings() {
        return journey.db().sql("select count(*) from warning").query(Long.class).single();
    }

    static Map<String, Object> warning(String type, Map<String, Object> more) {
        Map<String, Object> w = new HashMap<>(Map.of("type", type, "details", "Father has threatened staff.",
                "startsOn", "2026-03-02", "reviewOn", "2026-06-01", "agreedBy", "team.manager"));
        w.putAll(more);
        return w;
    }

    private void refused(ResponseEntity<JsonNode> answer, String... fields) {
        assertThat(answer.getStatusCode().value()).as(String.valueOf(answer.getBody())).isEqualTo(400);
        assertThat(answer.getBody().get("errors").findValuesAsText("field")).containsExactlyInAnyOrder(fields);
    }

    @Test
    void aWarningOnAChildShowsOnTheCaseAndBesideItsTasks() {
        String caseId = caseOf("Onthecase");
        String childId = childOf(caseId);
        ResponseEntity<JsonNode> raised = as("fd.practitioner").post("/api/people/" + childId + "/warnings",
                warning("RISK_TO_WORKER", Map.of()));
        assertThat(raised.getStatusCode().value()).as(String.valueOf(raised.getBody())).isEqualTo(201);
        assertThat(raised.getBody().get("current").asBoolean()).isTrue();
        assertThat(raised.getBody().get("raisedBy").asText()).isEqualTo("fd.practitioner");

        JsonNode onCase = as("fd.practitioner").get("/api/cases/" + caseId).getBody().get("warnings");
        assertThat(onCase.findValuesAsText("type")).containsExactly("RISK_TO_WORKER");
        assertThat(onCase.get(0).get("personId").asText()).isEqualTo(childId);

        JsonNode items = as("fd.practitioner").get("/api/tasks?view=groups&size=100").getBody().get("items");
        boolean seen = false;
        for (JsonNode item : items) {
            if (item.get("caseId").asText().equals(caseId)) {
                assertThat(item.get("warnings")).extracting(JsonNode::asText).containsExactly("RISK_TO_WORKER");
                seen = true;
            } else {
                assertThat(item.get("warnings").isArray()).isTrue();
            }
        }
        assertThat(seen).as("the case's task in the Front Door queue").isTrue();

        JsonNode person = as("fd.practitioner").get("/api/people/" + childId).getBody();
        assertThat(person.get("warnings").findValuesAsText("type")).containsExactly("RISK_TO_WORKER");
        assertThat(person.get("firstName").asText()).as("the person's own fields, beside the warnings").isEqualTo("Warned");
    }

    @Test
    void badInputIsRefusedByFieldAndNothingIsWritten() {
        String childId = childOf(caseOf("Refused"));
        String path = "/api/people/" + childId + "/warnings";
        long before = warnings();
        refused(as("fd.practitioner").post(path, warning("SCARY_DOG", Map.of())), "type");
        refused(as("fd.practitioner").post(path, warning("OTHER", Map.of("agreedBy", "social.worker"))), "agreedBy");
        refused(as("fd.practitioner").post(path, warning("OTHER", Map.of("agreedBy", "nobody.at.all"))), "agreedBy");
        refused(as("fd.practitioner").post(path, warning("OTHER", Map.of("reviewOn", "2026-03-01", "startsOn", "2026-02-01"))),
                "reviewOn");
        refused(as("fd.practitioner").post(path, warning("OTHER", Map.of("reviewOn", "2026-03-02"))), "reviewOn");
        refused(as("fd.practitioner").post(path, warning("OTHER", Map.of("startsOn", "soon", "details", ""))),
                "startsOn", "details");
        refused(as("fd.practitioner").post(path, Map.of()), "type", "details", "startsOn", "reviewOn", "agreedBy");
        assertThat(as("fd.practitioner").exchange(org.springframework.http.HttpMethod.POST, path, "[1]").getStatusCode().value())
                .isEqualTo(400);
        assertThat(as("fd.practitioner").exchange(org.springframework.http.HttpMethod.POST, path, "{not json").getStatusCode().value())
                .isEqualTo(400);
        // Who may: the service manager reads but changes nothing; a social worker not on the case is not told it exists.
        assertThat(as("service.manager").post(path, warning("OTHER", Map.of())).getStatusCode().value()).isEqualTo(403);
        assertThat(as("social.worker").post(path, warning("OTHER", Map.of())).getStatusCode().value()).isEqualTo(404);
        assertThat(as("fd.practitioner").post("/api/people/no-such-person/warnings", warning("OTHER", Map.of()))
                .getStatusCode().value()).isEqualTo(404);
        assertThat(warnings()).as("nothing written").isEqualTo(before);
        assertThat(as("fd.practitioner").get("/api/people/" + childId).getBody().get("warnings")).isEmpty();
        assertThat(as("fd.practitioner").post(path, warning("OTHER", Map.of())).getStatusCode().value()).isEqualTo(201);
    }

    @Test
    void theReviewOpensOnTheReviewMorningAndKeepsOrEndsTheWarning() {
        String caseId = caseOf("Reviewed");
        String childId = childOf(caseId);
        String warningId = as("fd.practitioner").post("/api/people/" + childId + "/warnings",
                warning("DOMESTIC_ABUSE_MARAC", Map.of("reviewOn", "2026-06-01"))).getBody().get("warningId").asText();
        assertThat(review(warningId)).as("no review before its date").isNull();

        assertThat(fireReview(warningId)).isEqualTo(LocalDate.parse("2026-06-01"));
        Task task = review(warningId);
        assertThat(task).isNotNull();
        JsonNode row = as("team.manager").get("/api/tasks?view=groups&taskKey=reviewWarning&size=100").getBody().get("items");
        assertThat(row.findValuesAsText("taskId")).contains(task.getId());
        assertThat(as("fd.practitioner").post("/api/tasks/" + task.getId() + "/complete",
                Map.of("decision", "END", "reason", "x")).getStatusCode().value()).as("team managers review").isIn(403, 404);

        String complete = "/api/tasks/" + task.getId() + "/complete";
        refused(as("team.manager").post(complete, Map.of("decision", "KEEP", "reason", "Still a risk.")), "nextReviewOn");
        refused(as("team.manager").post(complete, Map.of("decision", "KEEP", "reason", "Still a risk.", "nextReviewOn", "2026-05-01")),
                "nextReviewOn");
        refused(as("team.manager").post(complete, Map.of("decision", "MAYBE")), "decision", "reason");
        assertThat(as("team.manager").post(complete, Map.of("decision", "KEEP", "reason", "Still a risk.",
                "nextReviewOn", "2026-09-01")).getStatusCode().value()).isEqualTo(204);
        assertThat(as("fd.practitioner").get("/api/people/" + childId).getBody().at("/warnings/0/reviewOn").asText())
                .isEqualTo("2026-09-01");

        assertThat(fireReview(warningId)).as("kept: the next review on its new date").isEqualTo(LocalDate.parse("2026-09-01"));
        assertThat(as("team.manager").post("/api/tasks/" + review(warningId).getId() + "/complete",
                Map.of("decision", "END", "reason", "The father has moved away.")).getStatusCode().value()).isEqualTo(204);
        JsonNode ended = as("fd.practitioner").get("/api/people/" + childId).getBody().get("warnings").get(0);
        assertThat(ended.get("current").asBoolean()).isFalse();
        assertThat(ended.get("endedBy").asText()).isEqualTo("team.manager");
        assertThat(ended.get("endReason").asText()).isEqualTo("The father has moved away.");
        assertThat(ended.get("endedOn").asText()).isEqualTo("2026-09-01");
        assertThat(as("fd.practitioner").get("/api/cases/" + caseId).getBody().get("warnings")).as("no longer current").isEmpty();
        assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(warningId).count()).isZero();
        assertThat(journey.db().sql("select count(*) from warning_review where warning_id = ?").param(warningId)
                .query(Long.class).single()).isEqualTo(2);
    }

    @Test
    void aReviewOfAWarningOnAPersonWithNoCaseIsATaskWithoutACase() {
        journey.today(LocalDate.parse("2026-03-02"));
        String adult = as("fd.practitioner").post("/api/people", Map.of("kind", "ADULT", "firstName", "Caseless",
                "lastName", "Adultperson")).getBody().get("personId").asText();
        String warningId = as("fd.practitioner").post("/api/people/" + adult + "/warnings", warning("RISK_TO_WORKER", Map.of()))
                .getBody().get("warningId").asText();
        fireReview(warningId);
        Task task = review(warningId);
        JsonNode item = null;
        for (JsonNode i : as("team.manager").get("/api/tasks?view=groups&taskKey=reviewWarning&size=100").getBody().get("items")) {
            if (i.get("taskId").asText().equals(task.getId())) {
                item = i;
            }
        }
        assertThat(item).as("in the team managers' queue").isNotNull();
        assertThat(item.get("caseId").isNull()).isTrue();
        assertThat(item.get("personId").asText()).isEqualTo(adult);
        assertThat(item.get("childName").asText()).isEqualTo("Caseless Adultperson");
        assertThat(as("team.manager").post("/api/tasks/" + task.getId() + "/complete",
                Map.of("decision", "END", "reason", "No longer working with the family.")).getStatusCode().value()).isEqualTo(204);
        assertThat(as("fd.practitioner").get("/api/people/" + adult).getBody().at("/warnings/0/current").asBoolean()).isFalse();
    }

    /** DO_NOT_DISCLOSE_ADDRESS: the address is in no email and no export (today none carries a person's address; this keeps it so). */
    @Test
    void aConfidentialAddressLeavesTheBuildingInNoEmailAndNoExport() {
        journey.today(LocalDate.parse("2026-03-02"));
        String caseId = journey.contact("2A", Map.of("firstName", "Hidden", "lastName", "Addressee", "dateOfBirth", "2016-02-02",
                "gender", "F", "address", "17 Secret Gardens, Brent NW2 9ZZ")).caseId();
        String childId = childOf(caseId);
        assertThat(as("fd.practitioner").post("/api/people/" + childId + "/warnings",
                warning("DO_NOT_DISCLOSE_ADDRESS", Map.of("details", "Fled domestic abuse; the father must not find them.")))
                .getStatusCode().value()).isEqualTo(201);
        journey.complete(caseId, "screenContact", app.casepath.Forms.screen("ASSESSMENT"), "fd.practitioner");
        List<String> sent = journey.db().sql("select subject || ' ' || body from email_outbox").query(String.class).list();
        assertThat(sent).as("emails were sent").isNotEmpty();
        assertThat(sent).noneMatch(m -> m.contains("Secret Gardens") || m.contains("NW2 9ZZ"));
        int exported = 0;
        for (String export : List.of("/api/exports/annex-a/1.csv", "/api/exports/annex-a/2.csv", "/api/exports/annex-a/3.csv",
                "/api/exports/cin-census/2026.xml")) {
            ResponseEntity<JsonNode> answer = as("service.manager").get(export);
            if (answer.getStatusCode().value() == 200) {
                exported++;
                assertThat(answer.getBody().toString()).as(export).doesNotContain("Secret Gardens").doesNotContain("NW2 9ZZ");
            }
        }
        assertThat(exported).isGreaterThanOrEqualTo(3);
    }
}
