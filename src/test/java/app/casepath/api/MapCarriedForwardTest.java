package app.casepath.api;

import static app.casepath.Forms.initialConference;
import static app.casepath.Forms.reviewConference;
import static app.casepath.Forms.screen;
import static app.casepath.Forms.section47;
import static app.casepath.Forms.strategy;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.http.ResponseEntity;

import com.fasterxml.jackson.databind.JsonNode;

import app.casepath.Forms;

/**
 * The Signs of Safety map carried forward (casework.md), over HTTP: every form that maps opens
 * with the current map (the latest of each part) as its starting values; the conferences record
 * the columns, the review conference the danger statements too; a form that records only some
 * parts leaves the others as they were; the map is read by whoever may read the case and no one
 * else; and the case lists what comes next, the visit its plan's timer waits on included.
 */
class MapCarriedForwardTest extends HttpTest {

    private static final List<String> COLUMNS = List.of("worries", "workingWell", "needsToHappen");

    private JsonNode map(String caseId) {
        ResponseEntity<JsonNode> answer = as("social.worker").get("/api/cases/" + caseId + "/map");
        assertThat(answer.getStatusCode().value()).as(String.valueOf(answer.getBody())).isEqualTo(200);
        return answer.getBody();
    }

    /** The task's starting values, as its form opens for {@code user}. */
    private JsonNode values(String caseId, String taskKey, String user) {
        ResponseEntity<JsonNode> answer = as(user).get("/api/tasks/" + journey.task(caseId, taskKey).getId());
        assertThat(answer.getStatusCode().value()).as(String.valueOf(answer.getBody())).isEqualTo(200);
        return answer.getBody().get("values");
    }

    /** The form opens with each of {@code parts} exactly as the current map has it. */
    private void opensWithTheCurrentMap(String caseId, String taskKey, String user, List<String> parts) {
        JsonNode current = map(caseId).get("current");
        JsonNode values = values(caseId, taskKey, user);
        for (String part : parts) {
            assertThat(values.get(part)).as("%s opens with the current map's %s", taskKey, part).isEqualTo(current.get(part));
        }
    }

    private void completeOverHttp(String caseId, String taskKey, String user, Map<String, Object> form) {
        ResponseEntity<JsonNode> answer = as(user).post("/api/tasks/" + journey.task(caseId, taskKey).getId() + "/complete", form);
        assertThat(answer.getStatusCode().value()).as(String.valueOf(answer.getBody())).isEqualTo(204);
    }

    private static List<String> texts(JsonNode list) {
        List<String> result = new ArrayList<>();
        list.forEach(item -> result.add(item.asText()));
        return result;
    }

    /** A child from contact to a strategy discussion's s47 enquiry, mapped at screening. */
    private String atSection47(String lastName) {
        journey.today(LocalDate.parse("2026-03-02"));
        String caseId = journey.contact("Mapped", lastName, "2016-04-01").caseId();
        journey.complete(caseId, "screenContact", screen("STRATEGY_DISCUSSION"), "fd.practitioner");
        journey.complete(caseId, "holdStrategyDiscussion", strategy("S47"), "social.worker");
        return caseId;
    }

    @Test
    void everyMapFormOpensWithTheCurrentMap() {
        journey.today(LocalDate.parse("2026-03-02"));
        String assessed = journey.contact("Mapped", "Assessed", "2016-04-01").caseId();
        journey.complete(assessed, "screenContact", screen("ASSESSMENT"), "fd.practitioner");
        journey.complete(assessed, "allocateCase", Forms.allocate("social.worker"), "team.manager");
        assertThat(texts(map(assessed).at("/current/worries"))).as("the screening's columns")
                .containsExactlyElementsOf(texts(journey.json(screen("ASSESSMENT")).get("worries")));
        opensWithTheCurrentMap(assessed, "completeAssessment", "social.worker", COLUMNS);
        assertThat(values(assessed, "completeAssessment", "social.worker").has("dangerStatements"))
                .as("no form has written danger statements yet: nothing to carry").isFalse();

        String caseId = atSection47("Conferenced");
        opensWithTheCurrentMap(caseId, "completeSection47Enquiry", "social.worker", COLUMNS);
        journey.complete(caseId, "completeSection47Enquiry", section47("CONVENE_ICPC", null), "social.worker");
        opensWithTheCurrentMap(caseId, "holdInitialConference", "cp.chair",
                List.of("worries", "workingWell", "needsToHappen", "dangerStatements"));
        assertThat(values(caseId, "holdInitialConference", "cp.chair").at("/worries/0").asText())
                .isEqualTo("Bruising seen by the school nurse.");

        journey.complete(caseId, "holdInitialConference", initialConference("CP_PLAN"), "cp.chair");
        journey.fire(caseId, "reviewComesDue");
        opensWithTheCurrentMap(caseId, "holdReviewConference", "cp.chair",
                List.of("worries", "workingWell", "needsToHappen", "dangerStatements", "safetyScale"));
        JsonNode review = values(caseId, "holdReviewConference", "cp.chair");
        assertThat(review.get("safetyScale").asInt()).as("the initial conference's scale").isEqualTo(3);
        assertThat(review.at("/dangerStatements/0/statement").asText()).isEqualTo("Amani could be hurt again.");
    }

    @Test
    void aReviewConferencesColumnsAndDangerStatementsReachTheMap() {
        String caseId = atSection47("Reviewed");
        journey.complete(caseId, "completeSection47Enquiry", section47("CONVENE_ICPC", null), "social.worker");
        journey.complete(caseId, "holdInitialConference", initialConference("CP_PLAN"), "cp.chair");
        journey.fire(caseId, "reviewComesDue");
        LocalDate heldOn = journey.today();

        String path = "/api/tasks/" + journey.task(caseId, "holdReviewConference").getId() + "/complete";
        ResponseEntity<JsonNode> refused = as("cp.chair").post(path, Forms.with(reviewConference("CONTINUE"),
                "worries", "not a list", "dangerStatements", List.of(Map.of("statement", "No goal beside it."))));
        assertThat(refused.getStatusCode().value()).as(String.valueOf(refused.getBody())).isEqualTo(400);
        assertThat(refused.getBody().get("errors").findValuesAsText("field"))
                .containsExactlyInAnyOrder("worries", "dangerStatements[0].safetyGoal");

        Map<String, Object> form = Forms.with(reviewConference("CONTINUE"),
                "worries", List.of("Dad's drinking at weekends."),
                "workingWell", List.of("Grandmother stays over on Fridays.", "Amani says she feels safe."),
                "needsToHappen", List.of("Dad to attend the alcohol service."),
                "dangerStatements", List.of(Map.of("statement", "Amani could be left alone when Dad drinks.",
                        "safetyGoal", "An adult who is sober is always with Amani.")));
        completeOverHttp(caseId, "holdReviewConference", "cp.chair", form);

        JsonNode map = map(caseId);
        JsonNode current = map.get("current");
        assertThat(texts(current.get("worries"))).containsExactly("Dad's drinking at weekends.");
        assertThat(texts(current.get("workingWell"))).containsExactly("Grandmother stays over on Fridays.",
                "Amani says she feels safe.");
        assertThat(texts(current.get("needsToHappen"))).containsExactly("Dad to attend the alcohol service.");
        assertThat(current.at("/dangerStatements/0/safetyGoal").asText()).isEqualTo("An adult who is sober is always with Amani.");
        assertThat(current.get("safetyScale").asInt()).isEqualTo(6);
        assertThat(current.get("recordedOn").asText()).isEqualTo(heldOn.toString());

        JsonNode history = map.get("history");
        assertThat(history.findValuesAsText("sourceTask")).as("oldest first").containsExactly(
                "screenContact", "completeSection47Enquiry", "holdInitialConference", "holdReviewConference");
        JsonNode last = history.get(3);
        assertThat(texts(last.get("worries"))).containsExactly("Dad's drinking at weekends.");
        assertThat(last.at("/dangerStatements/0/statement").asText()).isEqualTo("Amani could be left alone when Dad drinks.");
        assertThat(last.get("safetyScale").asInt()).isEqualTo(6);
        assertThat(last.get("scaledBy").asText()).isEqualTo("cp.chair");
        assertThat(history.get(0).get("dangerStatements").isNull()).as("screening writes no danger statements").isTrue();
        assertThat(history.get(0).get("safetyScale").isNull()).isTrue();
    }

    @Test
    void theCurrentMapIsTheLatestOfEachPart() {
        String caseId = atSection47("Latest");
        LocalDate enquiredOn = journey.today();
        journey.complete(caseId, "completeSection47Enquiry", section47("CONVENE_ICPC", null), "social.worker");
        journey.today(enquiredOn.plusDays(7));
        // The initial conference records only its scale here: the columns and danger statements stay the enquiry's.
        journey.complete(caseId, "holdInitialConference", initialConference("CP_PLAN"), "cp.chair");

        JsonNode map = map(caseId);
        JsonNode current = map.get("current");
        assertThat(texts(current.get("worries"))).containsExactly("Bruising seen by the school nurse.");
        assertThat(texts(current.get("workingWell"))).containsExactly("Mum sought medical help.");
        assertThat(current.at("/dangerStatements/0/statement").asText()).isEqualTo("Amani could be hurt again.");
        assertThat(current.get("safetyScale").asInt()).isEqualTo(3);
        assertThat(current.get("recordedOn").asText()).as("the latest of the versions used")
                .isEqualTo(enquiredOn.plusDays(7).toString());
        JsonNode conference = map.get("history").get(2);
        assertThat(conference.get("sourceTask").asText()).isEqualTo("holdInitialConference");
        for (String part : List.of("worries", "workingWell", "needsToHappen", "dangerStatements")) {
            assertThat(conference.get(part).isNull()).as("the conference did not record " + part).isTrue();
        }

        // An empty column is an answer ("nothing worries us now") and replaces the last; the others stay.
        journey.fire(caseId, "reviewComesDue");
        Map<String, Object> form = new HashMap<>(reviewConference("CONTINUE"));
        form.put("worries", List.of());
        completeOverHttp(caseId, "holdReviewConference", "cp.chair", form);
        current = map(caseId).get("current");
        assertThat(current.get("worries")).isEmpty();
        assertThat(texts(current.get("workingWell"))).containsExactly("Mum sought medical help.");
        assertThat(current.get("safetyScale").asInt()).isEqualTo(6);
        assertThat(current.get("dangerStatements")).hasSize(1);
    }

    @Test
    void theMapIsReadOnlyByThoseWhoMayReadTheCase() {
        journey.today(LocalDate.parse("2026-03-02"));
        String caseId = journey.contact("Mapped", "Private", "2016-04-01").caseId();
        ResponseEntity<JsonNode> mine = as("fd.practitioner").get("/api/cases/" + caseId + "/map");
        assertThat(mine.getStatusCode().value()).isEqualTo(200);
        assertThat(mine.getBody().get("current").isNull()).as("no map before screening").isTrue();
        assertThat(mine.getBody().get("history")).isEmpty();

        // Screened to an assessment: the managers allocating it read it; the Front Door, done with it, and a
        // social worker not (yet) on it do not.
        journey.complete(caseId, "screenContact", screen("ASSESSMENT"), "fd.practitioner");
        assertThat(as("team.manager").get("/api/cases/" + caseId + "/map").getBody().at("/current/worries"))
                .hasSize(1);
        for (String user : List.of("social.worker", "eh.practitioner", "fd.practitioner", "cp.chair")) {
            assertThat(as(user).get("/api/cases/" + caseId + "/map").getStatusCode().value())
                    .as("to %s, a case they may not read does not exist", user).isEqualTo(404);
        }
        assertThat(api.get("/api/cases/" + caseId + "/map").getStatusCode().value()).isEqualTo(401);
        assertThat(as("fd.practitioner").get("/api/cases/no-such-case/map").getStatusCode().value()).isEqualTo(404);
        assertThat(as("team.manager").get("/api/cases/" + caseId + "/signs-of-safety").getStatusCode().value())
                .as("one way to read the map").isEqualTo(404);
    }

    @Test
    void upcomingListsTheOpenTasksAndTheNextVisitWithItsDate() {
        String caseId = atSection47("Upcoming");
        journey.complete(caseId, "completeSection47Enquiry", section47("CONVENE_ICPC", null), "social.worker");
        journey.complete(caseId, "holdInitialConference", initialConference("CP_PLAN"), "cp.chair");

        JsonNode upcoming = as("social.worker").get("/api/cases/" + caseId).getBody().get("upcoming");
        JsonNode visit = null;
        for (JsonNode item : upcoming) {
            if (item.get("what").asText().equals("Visit comes due")) {
                visit = item;
            }
            assertThat(item.get("what").asText()).as("in words, never an element id or a task key")
                    .matches("[A-Z][a-z][^_]*").doesNotContain("ComesDue");
        }
        assertThat(visit).as("the plan's visit timer, in %s", upcoming).isNotNull();
        assertThat(visit.get("dueOn").asText()).isEqualTo(journey.timerDate(caseId, "visitComesDue").toString());
        assertThat(visit.get("taskId").isNull()).isTrue();
        assertThat(upcoming.findValuesAsText("what")).contains("Review conference comes due", "Core group comes due");
        List<String> dates = upcoming.findValuesAsText("dueOn");
        assertThat(dates).as("soonest first").isSorted();

        // Once the visit opens, it is an open task with its id, and the next visit is not yet scheduled.
        journey.fire(caseId, "visitComesDue");
        String visitTask = journey.task(caseId, "recordVisit").getId();
        JsonNode after = as("social.worker").get("/api/cases/" + caseId).getBody().get("upcoming");
        JsonNode task = null;
        for (JsonNode item : after) {
            if (visitTask.equals(item.get("taskId").asText(null))) {
                task = item;
            }
        }
        assertThat(task).as("the open visit task in %s", after).isNotNull();
        assertThat(task.get("what").asText()).doesNotContain("recordVisit");
        assertThat(task.get("dueOn").asText()).isEqualTo(journey.dueOn(caseId, "recordVisit").toString());
        assertThat(after.findValuesAsText("what")).as("the visit's escalation is an alarm on the task, not work of its own")
                .doesNotContain("Visit comes due", "Due date passed", "Reminder due");
        assertThat(after.findValuesAsText("dueOn")).isSorted();
    }
}
