package app.casepath.api;

import static app.casepath.Forms.initialConference;
import static app.casepath.Forms.screen;
import static app.casepath.Forms.section47;
import static app.casepath.Forms.strategy;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;

import com.fasterxml.jackson.databind.JsonNode;

import app.casepath.JourneyDriver;

/**
 * Case notes over HTTP (casework.md "Case notes"): drafts that only their author sees and that
 * survive a reload, final notes that are never changed but amended, one note on several
 * siblings' cases, a visit recorded once, and bad input refused by field with nothing written.
 */
class NotesTest extends HttpTest {

    private static String at(ZonedDateTime when) {
        return when.toOffsetDateTime().toString();
    }

    private static ZonedDateTime now() {
        return ZonedDateTime.ofInstant(ClockUtil.getCurrentTime().toInstant(), JourneyDriver.LONDON);
    }

    private static Map<String, Object> note(String kind, String status, Object... more) {
        Map<String, Object> n = new HashMap<>(Map.of("kind", kind, "status", status, "occurredAt", at(now().minusHours(2)),
                "subject", "Call with the school", "text", "The head teacher says attendance has improved."));
        for (int i = 0; i < more.length; i += 2) {
            n.put((String) more[i], more[i + 1]);
        }
        return n;
    }

    private long notes() {
        return journey.db().sql("select count(*) from case_note").query(Long.class).single();
    }

    private void refused(ResponseEntity<JsonNode> answer, String... fields) {
        assertThat(answer.getStatusCode().value()).as(String.valueOf(answer.getBody())).isEqualTo(400);
        assertThat(answer.getBody().get("errors").findValuesAsText("field")).containsExactlyInAnyOrder(fields);
    }

    /** A child on a plan with their statutory visit open, allocated to social.worker. */
    private String planWithVisitDue(String lastName) {
        journey.today(LocalDate.parse("2026-03-02"));
        String caseId = journey.contact("Noted", lastName, "2016-04-01").caseId();
        journey.complete(caseId, "screenContact", screen("STRATEGY_DISCUSSION"), "fd.practitioner");
        journey.complete(caseId, "holdStrategyDiscussion", strategy("S47"), "social.worker");
        journey.complete(caseId, "completeSection47Enquiry", section47("CONVENE_ICPC", null), "social.worker");
        journey.complete(caseId, "holdInitialConference", initialConference("CP_PLAN"), "cp.chair");
        journey.fire(caseId, "visitComesDue");
        assertThat(journey.openTaskKeys(caseId)).contains("recordVisit");
        return caseId;
    }

    private String screenedCase(String lastName) {
        journey.today(LocalDate.parse("2026-03-02"));
        return journey.contact("Noted", lastName, "2016-04-01").caseId();
    }

    @Test
    void aDraftIsItsAuthorsAloneAndSurvivesAReload() {
        String caseId = planWithVisitDue("Drafted");
        ResponseEntity<JsonNode> written = as("social.worker").post("/api/cases/" + caseId + "/notes",
                Map.of("status", "DRAFT", "kind", "HOME_VISIT", "text", "Arrived at 4pm; mum"));
        assertThat(written.getStatusCode().value()).as(String.valueOf(written.getBody())).isEqualTo(201);
        String noteId = written.getBody().get("noteId").asText();
        assertThat(written.getBody().get("status").asText()).isEqualTo("DRAFT");

        // Saved again as it is typed; a reload reads the latest.
        ResponseEntity<JsonNode> saved = as("social.worker").exchange(HttpMethod.PUT, "/api/notes/" + noteId,
                "{\"kind\": \"HOME_VISIT\", \"text\": \"Arrived at 4pm; mum let me in and Noted showed me her room.\"}");
        assertThat(saved.getStatusCode().value()).as(String.valueOf(saved.getBody())).isEqualTo(200);
        assertThat(as("social.worker").get("/api/notes/" + noteId).getBody().get("text").asText())
                .isEqualTo("Arrived at 4pm; mum let me in and Noted showed me her room.");
        JsonNode drafts = as("social.worker").get("/api/notes/drafts").getBody();
        assertThat(drafts.findValuesAsText("noteId")).contains(noteId);
        assertThat(drafts.findValuesAsText("childName")).as("whose draft it is").contains("Noted Drafted");
        assertThat(drafts.findValuesAsText("reference")).contains(journey.record(caseId).reference());
        assertThat(as("social.worker").get("/api/cases/" + caseId + "/notes").getBody().get("items").findValuesAsText("noteId"))
                .containsExactly(noteId);

        // Nobody else sees it, not even a colleague who reads the case, nor a manager.
        for (String other : List.of("social.worker2", "team.manager", "service.manager")) {
            assertThat(as(other).get("/api/notes/" + noteId).getStatusCode().value()).as(other).isEqualTo(404);
            assertThat(as(other).get("/api/cases/" + caseId + "/notes").getBody().get("total").asLong()).as(other).isZero();
            assertThat(as(other).get("/api/notes/drafts").getBody().findValuesAsText("noteId")).as(other).doesNotContain(noteId);
            assertThat(as(other).exchange(HttpMethod.PUT, "/api/notes/" + noteId, "{\"text\": \"mine now\"}")
                    .getStatusCode().value()).as(other).isEqualTo(404);
        }
        assertThat(journey.openTaskKeys(caseId)).as("a draft completes nothing").contains("recordVisit");
        assertThat(journey.db().sql("select count(*) from chronology where note_id = ?").param(noteId).query(Long.class).single())
                .as("a draft is not in the chronology").isZero();

        // Discarded by its author, it is gone.
        assertThat(as("social.worker").exchange(HttpMethod.DELETE, "/api/notes/" + noteId, null).getStatusCode().value())
                .isEqualTo(204);
        assertThat(as("social.worker").get("/api/notes/" + noteId).getStatusCode().value()).isEqualTo(404);
    }

    @Test
    void aFinalNoteRefusesEditsAndAcceptsAmendments() {
        String caseId = screenedCase("Amended");
        ResponseEntity<JsonNode> written = as("fd.practitioner").post("/api/cases/" + caseId + "/notes",
                note("PHONE_CALL", "FINAL", "significant", true));
        assertThat(written.getStatusCode().value()).as(String.valueOf(written.getBody())).isEqualTo(201);
        String noteId = written.getBody().get("noteId").asText();
        assertThat(written.getBody().get("finalisedAt").isNull()).isFalse();

        assertThat(as("fd.practitioner").exchange(HttpMethod.PUT, "/api/notes/" + noteId, "{\"text\": \"changed\"}")
                .getStatusCode().value()).isEqualTo(409);
        assertThat(as("fd.practitioner").post("/api/notes/" + noteId + "/finalise", Map.of()).getStatusCode().value()).isEqualTo(409);
        assertThat(as("fd.practitioner").exchange(HttpMethod.DELETE, "/api/notes/" + noteId, null).getStatusCode().value())
                .isEqualTo(409);
        refused(as("fd.practitioner").post("/api/notes/" + noteId + "/amendments", Map.of("text", "")), "text", "reason");

        ResponseEntity<JsonNode> amended = as("fd.practitioner").post("/api/notes/" + noteId + "/amendments",
                Map.of("text", "It was the deputy head, not the head teacher.", "reason", "Wrong person named."));
        assertThat(amended.getStatusCode().value()).as(String.valueOf(amended.getBody())).isEqualTo(201);
        JsonNode read = as("fd.practitioner").get("/api/notes/" + noteId).getBody();
        assertThat(read.get("text").asText()).as("the note as it was").isEqualTo("The head teacher says attendance has improved.");
        assertThat(read.get("amendments").findValuesAsText("reason")).containsExactly("Wrong person named.");

        JsonNode significant = as("fd.practitioner").get("/api/cases/" + caseId + "/chronology?significant=true").getBody();
        assertThat(significant).singleElement().satisfies(e -> {
            assertThat(e.get("noteId").asText()).isEqualTo(noteId);
            assertThat(e.get("kind").asText()).isEqualTo("PHONE_CALL");
            assertThat(e.get("summary").asText()).startsWith("Phone call: Call with the school.");
        });
        assertThat(as("fd.practitioner").get("/api/cases/" + caseId + "/chronology?kind=NOTE_AMENDED").getBody()).hasSize(1);
        assertThat(as("fd.practitioner").get("/api/cases/" + caseId + "/chronology").getBody().findValuesAsText("kind"))
                .contains("CONTACT", "PHONE_CALL", "NOTE_AMENDED");
    }

    @Test
    void badInputIsRefusedByFieldAndNothingIsWritten() {
        String caseId = screenedCase("Refusednote");
        String path = "/api/cases/" + caseId + "/notes";
        long before = notes();
        refused(as("fd.practitioner").post(path, Map.of("status", "FINAL")), "kind", "text");
        refused(as("fd.practitioner").post(path, note("PHONE_CALL", "SENT")), "status");
        refused(as("fd.practitioner").post(path, note("GOSSIP", "FINAL")), "kind");
        refused(as("fd.practitioner").post(path, note("PHONE_CALL", "FINAL", "occurredAt", at(now().plusDays(1)))), "occurredAt");
        refused(as("fd.practitioner").post(path, note("PHONE_CALL", "FINAL", "occurredAt", "yesterday")), "occurredAt");
        refused(as("fd.practitioner").post(path, note("HOME_VISIT", "FINAL")), "childSeen");
        refused(as("fd.practitioner").post(path, note("HOME_VISIT", "FINAL", "childSeen", false, "childSeenAlone", true)),
                "childSeenAlone");
        refused(as("fd.practitioner").post(path, note("PHONE_CALL", "FINAL", "text", "x".repeat(50_001))), "text");
        refused(as("fd.practitioner").post(path, note("PHONE_CALL", "FINAL", "threeHouses", Map.of("worries", List.of("x")))),
                "threeHouses");
        refused(as("fd.practitioner").post(path, note("PHONE_CALL", "FINAL", "people", List.of("no-such-person"))), "people[0]");
        refused(as("fd.practitioner").post(path, note("PHONE_CALL", "FINAL", "actions",
                List.of(Map.of("text", "Do it", "assignee", "social.worker", "dueOn", "2026-03-09")))), "actions");
        refused(as("team.manager").post(path, note("MANAGEMENT_OVERSIGHT", "FINAL", "actions",
                List.of(Map.of("text", "", "assignee", "nobody.at.all", "dueOn", "2026-01-01")))),
                "actions[0].text", "actions[0].assignee", "actions[0].dueOn");
        assertThat(as("fd.practitioner").exchange(HttpMethod.POST, path, "[1]").getStatusCode().value()).isEqualTo(400);
        assertThat(as("fd.practitioner").exchange(HttpMethod.POST, path, "{not json").getStatusCode().value()).isEqualTo(400);
        // Who may: oversight is the managers'; a worker not on the case is not told it exists; the service manager reads only.
        assertThat(as("fd.practitioner").post(path, note("MANAGEMENT_OVERSIGHT", "FINAL")).getStatusCode().value()).isEqualTo(403);
        assertThat(as("social.worker").post(path, note("PHONE_CALL", "FINAL")).getStatusCode().value()).isEqualTo(404);
        assertThat(as("service.manager").post(path, note("PHONE_CALL", "FINAL")).getStatusCode().value()).isEqualTo(403);
        assertThat(as("fd.practitioner").get(path + "?kind=GOSSIP").getStatusCode().value()).isEqualTo(400);
        assertThat(notes()).as("nothing written").isEqualTo(before);
        assertThat(as("service.manager").post(path, note("MANAGEMENT_OVERSIGHT", "FINAL")).getStatusCode().value())
                .as("a service manager's oversight").isEqualTo(201);
    }

    @Test
    void oneNoteOnSeveralSiblingsCasesAppearsOnceOnEach() {
        journey.today(LocalDate.parse("2026-03-02"));
        ResponseEntity<JsonNode> contact = as("fd.practitioner").post("/api/contacts", Map.of("receivedAt", at(now()),
                "source", "2A", "referrer", Map.of("name", "PC Ali Khan"), "concerns", "Both children were left alone overnight.",
                "children", List.of(
                        Map.of("firstName", "Ama", "lastName", "Groupnote", "dateOfBirth", "2015-01-01", "gender", "F"),
                        Map.of("firstName", "Kojo", "lastName", "Groupnote", "dateOfBirth", "2018-01-01", "gender", "M"))));
        assertThat(contact.getStatusCode().value()).as(String.valueOf(contact.getBody())).isEqualTo(201);
        List<String> caseIds = contact.getBody().get("cases").findValuesAsText("caseId");
        String stranger = screenedCase("Notafamily");

        long before = notes();
        refused(as("fd.practitioner").post("/api/notes", note("MEETING", "FINAL", "caseIds", List.of(caseIds.get(0), stranger))),
                "caseIds[1]");
        refused(as("fd.practitioner").post("/api/notes", note("MEETING", "FINAL")), "caseIds");
        assertThat(notes()).isEqualTo(before);

        ResponseEntity<JsonNode> written = as("fd.practitioner").post("/api/notes", note("MEETING", "FINAL", "caseIds", caseIds));
        assertThat(written.getStatusCode().value()).as(String.valueOf(written.getBody())).isEqualTo(201);
        String noteId = written.getBody().get("noteId").asText();
        assertThat(written.getBody().get("caseIds").findValuesAsText("")).isEmpty();
        for (String caseId : caseIds) {
            assertThat(as("fd.practitioner").get("/api/cases/" + caseId + "/notes").getBody().get("items")
                    .findValuesAsText("noteId")).as("on case %s, once", caseId).containsExactly(noteId);
            assertThat(journey.db().sql("select count(*) from chronology where case_id = ? and note_id = ?")
                    .params(caseId, noteId).query(Long.class).single()).isEqualTo(1);
        }
    }

    @Test
    void aVisitNoteCompletesTheOpenVisitAndTheMilestoneIsMetOnTheNotesDate() {
        String caseId = planWithVisitDue("Visited");
        LocalDate seenOn = now().minusHours(2).toLocalDate();
        ResponseEntity<JsonNode> written = as("social.worker").post("/api/cases/" + caseId + "/notes",
                note("HOME_VISIT", "FINAL", "subject", "Home visit", "text", "Noted showed me her room and said she feels safe.",
                        "childSeen", true, "childSeenAlone", true));
        assertThat(written.getStatusCode().value()).as(String.valueOf(written.getBody())).isEqualTo(201);
        assertThat(written.getBody().get("visitTaskCompleted").asBoolean()).isTrue();
        String noteId = written.getBody().get("noteId").asText();

        assertThat(journey.openTaskKeys(caseId)).doesNotContain("recordVisit");
        assertThat(journey.hasTimer(caseId, "visitComesDue")).as("the next visit is scheduled").isTrue();
        assertThat(journey.db().sql("select seen_on, seen_alone, note_id from visit v join cp_plan p on p.id = v.cp_plan_id"
                + " where p.case_id = ?").param(caseId).query().listOfRows()).singleElement().satisfies(v -> {
                    assertThat(v.get("note_id")).isEqualTo(noteId);
                    assertThat(v.get("seen_alone")).isEqualTo(true);
                });
        JsonNode visit = null;
        for (JsonNode m : as("social.worker").get("/api/cases/" + caseId).getBody().get("milestones")) {
            if (m.get("key").asText().equals("VISIT") && !m.get("completedOn").isNull()) {
                visit = m;
            }
        }
        assertThat(visit).as("the visit milestone, done").isNotNull();
        assertThat(visit.get("completedOn").asText()).isEqualTo(seenOn.toString());
        assertThat(visit.get("status").asText()).isEqualTo("MET");
        assertThat(journey.chronologyKinds(caseId)).as("one entry for the visit: its note's")
                .contains("HOME_VISIT").doesNotContain("recordVisit");
    }

    @Test
    void theVisitCompletedFromTheInboxWritesTheVisitsNote() {
        String caseId = planWithVisitDue("Inboxvisit");
        String taskId = journey.task(caseId, "recordVisit").getId();
        refused(as("social.worker").post("/api/tasks/" + taskId + "/complete", Map.of("seenAlone", true,
                "noteId", "no-such-note")), "noteId");
        assertThat(as("social.worker").post("/api/tasks/" + taskId + "/complete", Map.of("seenAlone", false,
                "notes", "Seen with mum in the kitchen.")).getStatusCode().value()).isEqualTo(204);
        JsonNode items = as("social.worker").get("/api/cases/" + caseId + "/notes?kind=HOME_VISIT").getBody().get("items");
        assertThat(items).singleElement().satisfies(n -> {
            assertThat(n.get("status").asText()).isEqualTo("FINAL");
            assertThat(n.get("text").asText()).isEqualTo("Seen with mum in the kitchen.");
            assertThat(n.get("childSeen").asBoolean()).isTrue();
            assertThat(n.get("childSeenAlone").asBoolean()).isFalse();
            assertThat(n.get("visitTaskCompleted").asBoolean()).isTrue();
            assertThat(n.get("author").asText()).isEqualTo("social.worker");
        });
        assertThat(journey.db().sql("select count(*) from visit where note_id = ?").param(items.get(0).get("noteId").asText())
                .query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void directWorkIsWhatTheChildSays() {
        String caseId = screenedCase("Threehouses");
        assertThat(as("fd.practitioner").get("/api/cases/" + caseId + "/child-says").getBody().get("threeHouses").isNull()).isTrue();
        ResponseEntity<JsonNode> written = as("fd.practitioner").post("/api/cases/" + caseId + "/notes",
                note("DIRECT_WORK", "FINAL", "childSeen", true, "threeHouses", Map.of("worries", List.of("When dad shouts"),
                        "goodThings", List.of("My cat", "Nan's house"), "dreams", List.of("Everyone is calm")),
                        "wishesAndFeelings", "I want to stay with mum."));
        assertThat(written.getStatusCode().value()).as(String.valueOf(written.getBody())).isEqualTo(201);
        JsonNode says = as("fd.practitioner").get("/api/cases/" + caseId + "/child-says").getBody();
        assertThat(says.at("/threeHouses/goodThings").findValuesAsText("")).isEmpty();
        assertThat(says.at("/threeHouses/goodThings/1").asText()).isEqualTo("Nan's house");
        assertThat(says.at("/wishesAndFeelings/text").asText()).isEqualTo("I want to stay with mum.");
        assertThat(says.at("/wishesAndFeelings/noteId").asText()).isEqualTo(written.getBody().get("noteId").asText());
        assertThat(as("social.worker").get("/api/cases/" + caseId + "/child-says").getStatusCode().value()).isEqualTo(404);
        // Beside the map the worker records next: the child's words.
        JsonNode screening = as("fd.practitioner").get("/api/tasks/" + journey.task(caseId, "screenContact").getId()).getBody();
        assertThat(screening.at("/context/childSays/wishesAndFeelings/text").asText()).isEqualTo("I want to stay with mum.");
    }

    @Test
    void anOversightActionIsATaskInTheAssigneesInboxAndItsCompletionIsRecordedAgainstTheNote() {
        String caseId = planWithVisitDue("Oversight");
        ResponseEntity<JsonNode> written = as("team.manager").post("/api/cases/" + caseId + "/notes",
                note("MANAGEMENT_OVERSIGHT", "FINAL", "subject", "Monthly oversight", "actions", List.of(Map.of(
                        "text", "Arrange a core group with the school nurse.", "assignee", "social.worker2",
                        "dueOn", now().toLocalDate().plusDays(7).toString()))));
        assertThat(written.getStatusCode().value()).as(String.valueOf(written.getBody())).isEqualTo(201);
        String taskId = written.getBody().at("/actions/0/taskId").asText();
        JsonNode item = null;
        for (JsonNode i : as("social.worker2").get("/api/tasks?view=mine&size=100").getBody().get("items")) {
            if (i.get("taskId").asText().equals(taskId)) {
                item = i;
            }
        }
        assertThat(item).as("in the assignee's own inbox").isNotNull();
        assertThat(item.get("taskKey").asText()).isEqualTo("completeAction");
        assertThat(item.get("caseId").asText()).isEqualTo(caseId);
        assertThat(item.get("dueOn").asText()).isEqualTo(now().toLocalDate().plusDays(7).toString());
        JsonNode task = as("social.worker2").get("/api/tasks/" + taskId).getBody();
        assertThat(task.at("/context/action/text").asText()).isEqualTo("Arrange a core group with the school nurse.");
        assertThat(task.at("/context/action/setBy").asText()).isEqualTo("team.manager");

        refused(as("social.worker2").post("/api/tasks/" + taskId + "/complete", Map.of()), "outcome");
        assertThat(as("social.worker2").post("/api/tasks/" + taskId + "/complete", Map.of("outcome", "Booked for Tuesday."))
                .getStatusCode().value()).isEqualTo(204);
        JsonNode action = as("team.manager").get("/api/notes/" + written.getBody().get("noteId").asText()).getBody().at("/actions/0");
        assertThat(action.get("outcome").asText()).isEqualTo("Booked for Tuesday.");
        assertThat(action.get("completedBy").asText()).isEqualTo("social.worker2");
        assertThat(action.get("completedOn").asText()).isEqualTo(now().toLocalDate().toString());
    }
}
