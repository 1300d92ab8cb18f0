package app.casepath.api;

import static app.casepath.Forms.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import com.fasterxml.jackson.databind.JsonNode;

/** A person driving cases with curl and HTTP Basic, as the demo users; only timers are stepped by the test. */
class HttpJourneyTest extends HttpTest {

    private static Map<String, Object> contact(String firstName, String lastName) {
        return Map.of("receivedAt", "2026-03-02T09:30:00Z", "source", "1B",
                "referrer", Map.of("name", "Ms Okoye", "organisation", "St Mary's Primary School", "email", "dsl@stmarys.sch.uk"),
                "child", Map.of("firstName", firstName, "lastName", lastName, "dateOfBirth", "2017-05-14", "gender", "M",
                        "ethnicity", "APKN"),
                "concerns", "Bruising to the upper arm; the child said his step-father grabbed him.");
    }

    private JsonNode task(String user, String view, String caseId, String taskKey) {
        JsonNode page = as(user).get("/api/tasks?view=" + view + "&taskKey=" + taskKey + "&size=100").getBody();
        return StreamSupport.stream(page.get("items").spliterator(), false)
                .filter(t -> t.get("caseId").asText().equals(caseId)).findFirst()
                .orElseThrow(() -> new AssertionError(taskKey + " not in " + user + "'s " + view + " view"));
    }

    private void complete(String user, String taskId, Map<String, Object> form) {
        ResponseEntity<JsonNode> answer = as(user).post("/api/tasks/" + taskId + "/complete", form);
        assertThat(answer.getStatusCode()).as("%s completing: %s", user, answer.getBody()).isEqualTo(HttpStatus.NO_CONTENT);
    }

    private void completeOwn(String user, String view, String caseId, String taskKey, Map<String, Object> form) {
        complete(user, task(user, view, caseId, taskKey).get("taskId").asText(), form);
    }

    @Test
    void aChildIsCarriedFromContactToAChildProtectionPlanAndOnToClosureOverHttp() {
        journey.today(LocalDate.parse("2026-03-02"), LocalTime.of(9, 45));
        ResponseEntity<JsonNode> created = as("fd.practitioner").post("/api/contacts", contact("Bilal", "Rahman"));
        assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        String caseId = created.getBody().get("caseId").asText();
        assertThat(created.getHeaders().getLocation()).hasToString("/api/cases/" + caseId);
        assertThat(created.getBody().get("reference").asText()).matches("CP-\\d{7}");
        assertThat(created.getBody().get("reReferral").asBoolean()).isFalse();

        JsonNode screening = task("fd.practitioner", "groups", caseId, "screenContact");
        assertThat(screening.get("dueOn").asText()).isEqualTo("2026-03-03");
        assertThat(screening.get("overdue").asBoolean()).isFalse();
        assertThat(screening.get("childName").asText()).isEqualTo("Bilal Rahman");
        assertThat(screening.get("candidateGroups")).extracting(JsonNode::asText).containsExactly("front-door");
        String screeningId = screening.get("taskId").asText();
        assertThat(as("fd.practitioner").post("/api/tasks/" + screeningId + "/claim", null).getStatusCode())
                .isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(task("fd.practitioner", "mine", caseId, "screenContact").get("assignee").asText()).isEqualTo("fd.practitioner");
        complete("fd.practitioner", screeningId, screen("STRATEGY_DISCUSSION"));

        assertThat(task("social.worker", "groups", caseId, "holdStrategyDiscussion").get("dueOn").asText()).isEqualTo("2026-03-03");
        completeOwn("social.worker", "groups", caseId, "holdStrategyDiscussion", strategy("S47"));
        assertThat(task("social.worker", "mine", caseId, "completeSection47Enquiry").get("dueOn").asText())
                .as("ICPC target 2026-03-23 less 2 WD").isEqualTo("2026-03-19");
        completeOwn("social.worker", "mine", caseId, "completeSection47Enquiry", section47("CONVENE_ICPC", null));
        assertThat(task("cp.chair", "groups", caseId, "holdInitialConference").get("dueOn").asText()).isEqualTo("2026-03-23");
        completeOwn("cp.chair", "groups", caseId, "holdInitialConference", initialConference("CP_PLAN"));

        JsonNode onPlan = as("social.worker").get("/api/cases/" + caseId).getBody();
        assertThat(onPlan.get("stage").asText()).isEqualTo("CP_PLAN");
        assertThat(onPlan.get("allocatedWorker").asText()).isEqualTo("social.worker");
        assertThat(onPlan.at("/cpPlan/startedOn").asText()).isEqualTo("2026-03-02");
        assertThat(onPlan.at("/cpPlan/category").asText()).isEqualTo("NEG");
        assertThat(onPlan.at("/cpPlan/previousPlans").asInt()).isZero();
        assertThat(onPlan.at("/cpPlan/secondOrSubsequent").asBoolean()).isFalse();

        journey.fire(caseId, "coreGroupComesDue");
        journey.fire(caseId, "visitComesDue");
        assertThat(task("social.worker", "mine", caseId, "holdCoreGroup").get("dueOn").asText()).isEqualTo("2026-03-16");
        completeOwn("social.worker", "mine", caseId, "holdCoreGroup", coreGroup());
        completeOwn("social.worker", "mine", caseId, "recordVisit", visit());
        journey.fire(caseId, "reviewComesDue");
        assertThat(task("cp.chair", "groups", caseId, "holdReviewConference").get("dueOn").asText()).isEqualTo("2026-06-02");
        completeOwn("cp.chair", "groups", caseId, "holdReviewConference", reviewConference("END_CIN_PLAN"));
        journey.fire(caseId, "cinReviewComesDue");
        completeOwn("social.worker", "mine", caseId, "reviewChildInNeedPlan", childInNeedReview("CLOSE"));

        JsonNode closure = task("team.manager", "groups", caseId, "authoriseClosure");
        JsonNode detail = as("team.manager").get("/api/tasks/" + closure.get("taskId").asText()).getBody();
        assertThat(detail.at("/values/reason").asText()).as("prefilled by the path").isEqualTo("RC7");
        complete("team.manager", closure.get("taskId").asText(), closure("RC7"));

        JsonNode closed = as("social.worker").get("/api/cases/" + caseId).getBody();
        assertThat(closed.get("status").asText()).isEqualTo("CLOSED");
        assertThat(closed.get("openTasks")).isEmpty();
        assertThat(closed.get("milestones")).extracting(m -> m.get("key").asText() + ":" + m.get("status").asText())
                .contains("CONTACT_DECISION:MET", "STRATEGY_DISCUSSION:MET", "ICPC:MET", "CORE_GROUP:MET", "VISIT:MET",
                        "RCPC:MET", "CIN_REVIEW:MET", "CLOSURE:MET");
        JsonNode chronology = as("social.worker").get("/api/cases/" + caseId + "/chronology").getBody();
        assertThat(chronology).extracting(e -> e.get("kind").asText())
                .startsWith("CONTACT").contains("screenContact", "holdInitialConference", "authoriseClosure");
    }

    @Test
    void aPanelRequestThatFailsTheNetworkCheckIsCompletedPassesAndIsDecided() {
        journey.today(LocalDate.parse("2026-03-02"), LocalTime.of(10, 0));
        String caseId = as("fd.practitioner").post("/api/contacts", contact("Yusuf", "Panel")).getBody().get("caseId").asText();
        completeOwn("fd.practitioner", "groups", caseId, "screenContact", screen("ASSESSMENT"));
        completeOwn("team.manager", "groups", caseId, "allocateCase", allocate("social.worker"));
        assertThat(task("social.worker", "mine", caseId, "completeAssessment").get("dueOn").asText()).isEqualTo("2026-05-07");
        completeOwn("social.worker", "mine", caseId, "completeAssessment", assessment("ENTRY_TO_CARE"));
        JsonNode authorise = task("team.manager", "groups", caseId, "authoriseAssessment");
        assertThat(as("team.manager").get("/api/tasks/" + authorise.get("taskId").asText()).getBody()
                .at("/values/decision").asText()).as("the worker's recommendation").isEqualTo("ENTRY_TO_CARE");
        complete("team.manager", authorise.get("taskId").asText(), authorise("ENTRY_TO_CARE"));
        assertThat(as("panel.member").get("/api/cases/" + caseId).getStatusCode()).isEqualTo(HttpStatus.OK);

        completeOwn("social.worker", "mine", caseId, "requestEntryToCare", failingRequest("PRE_PROCEEDINGS"));
        JsonNode networkWork = task("social.worker", "mine", caseId, "completeNetworkWork");
        JsonNode gaps = as("social.worker").get("/api/tasks/" + networkWork.get("taskId").asText()).getBody();
        assertThat(gaps.at("/context/networkCheck/passed").asBoolean()).isFalse();
        assertThat(gaps.at("/context/networkCheck/gaps")).extracting(JsonNode::asText)
                .anySatisfy(g -> assertThat(g).contains("section 31ZA"));
        assertThat(gaps.at("/values/route").asText()).as("what was submitted, to correct").isEqualTo("PRE_PROCEEDINGS");
        complete("social.worker", networkWork.get("taskId").asText(), passingRequest("PRE_PROCEEDINGS"));

        JsonNode decision = task("panel.member", "groups", caseId, "decideEntryToCare");
        assertThat(decision.get("dueOn").asText()).isEqualTo("2026-03-09");
        JsonNode panelView = as("panel.member").get("/api/tasks/" + decision.get("taskId").asText()).getBody();
        assertThat(panelView.at("/context/networkCheck/passed").asBoolean()).isTrue();
        assertThat(panelView.at("/context/request/evidence/safetyNetwork/0/name").asText()).isEqualTo("Joy Asante");
        complete("panel.member", decision.get("taskId").asText(), panelDecision("APPROVE"));
        completeOwn("social.worker", "mine", caseId, "confirmCareEntry", careEntry());

        assertThat(as("social.worker").get("/api/cases/" + caseId).getBody().get("status").asText()).isEqualTo("LOOKED_AFTER");
    }

    @Test
    void concernsAndEntryToCareRequestsMoveTheCase() {
        journey.today(LocalDate.parse("2026-03-02"), LocalTime.of(10, 0));
        String caseId = as("fd.practitioner").post("/api/contacts", contact("Omar", "Concern")).getBody().get("caseId").asText();
        completeOwn("fd.practitioner", "groups", caseId, "screenContact", screen("ASSESSMENT"));
        completeOwn("team.manager", "groups", caseId, "allocateCase", allocate("social.worker"));

        assertThat(as("social.worker").post("/api/cases/" + caseId + "/entry-to-care",
                Map.of("route", "S20", "reason", "x")).getStatusCode()).as("not from assessment").isEqualTo(HttpStatus.CONFLICT);
        assertThat(as("social.worker").post("/api/cases/" + caseId + "/concerns",
                Map.of("raisedOn", "2026-03-02", "description", "Disclosure at school.")).getStatusCode())
                .isEqualTo(HttpStatus.NO_CONTENT);
        JsonNode concerned = as("social.worker").get("/api/cases/" + caseId).getBody();
        assertThat(concerned.get("stage").asText()).isEqualTo("STRATEGY");
        assertThat(concerned.get("openTasks")).extracting(t -> t.get("taskKey").asText()).containsExactly("holdStrategyDiscussion");
    }

    @Test
    void aManagerPicksASocialWorkerByName() {
        JsonNode workers = as("team.manager").get("/api/users?group=social-workers").getBody();
        // By surname; people who signed in through the provider in other tests (BrowserJourneyTest) are among them.
        assertThat(workers).extracting(w -> w.get("username").asText() + " " + w.get("displayName").asText())
                .containsSubsequence("social.worker3 Sophie Bennett", "social.worker Grace Mensah", "social.worker2 Daniel Murphy");
        assertThat(as("team.manager").get("/api/users?group=everyone").getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    }

    @Test
    void theOpenApiDocumentDescribesExactlyTheApi() {
        JsonNode doc = api.get("/v3/api-docs").getBody();
        List<String> documented = StreamSupport.stream(((Iterable<Map.Entry<String, JsonNode>>) () -> doc.get("paths").fields()).spliterator(), false)
                .flatMap(p -> StreamSupport.stream(((Iterable<String>) () -> p.getValue().fieldNames()).spliterator(), false)
                        .map(method -> method.toUpperCase() + " " + p.getKey()))
                .sorted().toList();
        assertThat(documented).containsExactlyInAnyOrder(
                "GET /api/me", "POST /api/login", "POST /api/logout", "GET /api/csrf", "GET /api/sign-in-options", "GET /api/users",
                "POST /api/contacts",
                "GET /api/cases", "GET /api/cases/{caseId}", "GET /api/cases/{caseId}/chronology",
                "GET /api/cases/{caseId}/map", "GET /api/cases/{caseId}/diagram",
                "GET /api/cases/{caseId}/notes", "POST /api/cases/{caseId}/notes", "POST /api/cases/{caseId}/documents/chronology", "POST /api/notes", "GET /api/notes/drafts",
                "GET /api/notes/{noteId}", "PUT /api/notes/{noteId}", "DELETE /api/notes/{noteId}",
                "POST /api/notes/{noteId}/finalise", "POST /api/notes/{noteId}/amendments", "GET /api/cases/{caseId}/child-says",
                "GET /api/teams", "POST /api/teams", "PATCH /api/teams/{teamId}", "PATCH /api/users/{username}",
                "POST /api/cases/{caseId}/allocation", "POST /api/workers/{username}/reallocation", "GET /api/teams/{teamId}/caseload",
                "GET /api/teams/{teamId}/caseload/{username}", "GET /api/unallocated-cases",
                "PATCH /api/cases/{caseId}/child",
                "GET /api/people", "GET /api/people/matches", "POST /api/people", "GET /api/people/{personId}",
                "PATCH /api/people/{personId}", "GET /api/people/{personId}/history",
                "POST /api/people/{personId}/relationships", "PATCH /api/relationships/{relationshipId}",
                "POST /api/people/{personId}/warnings", "PUT /api/people/{personId}/restriction",
                "DELETE /api/people/{personId}/restriction",
                "POST /api/cases/{caseId}/concerns", "POST /api/cases/{caseId}/entry-to-care",
                "GET /api/tasks", "GET /api/tasks/{taskId}", "POST /api/tasks/{taskId}/claim",
                "POST /api/tasks/{taskId}/unclaim", "POST /api/tasks/{taskId}/complete", "POST /api/tasks/complete-together",
                "GET /api/families/{familyId}",
                "POST /api/cases/{caseId}/documents", "GET /api/cases/{caseId}/documents",
                "GET /api/documents/{documentId}/content", "POST /api/documents/{documentId}/withdrawal",
                "GET /api/audit", "GET /api/dashboard/timeliness", "GET /api/exports/annex-a/{list}.csv",
                "GET /api/exports/annex-a.xlsx",
                "GET /api/exports/cin-census/{year}.xml");
        assertThat(doc.at("/paths/~1api~1tasks/get/parameters")).extracting(p -> p.get("name").asText())
                .contains("view", "sort", "page", "size", "stage", "taskKey");
    }
}
