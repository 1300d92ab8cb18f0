package app.casepath.api;

import static app.casepath.Forms.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Every demo user against every task key and endpoint, expected as roles.md says. Working a task
 * is probed with an empty form: a user who may work it reaches validation (400); anyone else is
 * refused (403 if they may see the case, 404 if not) and the task stays open.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuthorizationMatrixTest extends HttpTest {

    static final List<String> USERS = List.of("fd.practitioner", "fd.manager", "eh.practitioner", "social.worker",
            "social.worker2", "team.manager", "cp.chair", "panel.member", "service.manager", "admin");

    record Case(String caseId, Set<String> workers, Set<String> readers) {
    }

    private final Map<String, Case> atTask = new LinkedHashMap<>();

    private static final Set<String> MANAGERS = Set.of("team.manager", "service.manager");

    private static Set<String> with(Set<String> a, String... more) {
        Set<String> all = new java.util.HashSet<>(a);
        all.addAll(List.of(more));
        return all;
    }

    @BeforeAll
    void casesAtEveryTask() {
        journey.today(LocalDate.parse("2026-03-02"));
        String screen = journey.contact("Matrix", "Screening", "2016-01-01").caseId();
        atTask.put("screenContact", new Case(screen, Set.of("fd.practitioner"), with(MANAGERS, "fd.practitioner", "fd.manager")));

        String allocate = journey.contact("Matrix", "Allocation", "2016-01-01").caseId();
        journey.complete(allocate, "screenContact", screen("ASSESSMENT"), "fd.practitioner");
        atTask.put("allocateCase", new Case(allocate, Set.of("team.manager"), MANAGERS));

        String assess = journey.contact("Matrix", "Assessment", "2016-01-01").caseId();
        journey.complete(assess, "screenContact", screen("ASSESSMENT"), "fd.practitioner");
        journey.complete(assess, "allocateCase", allocate("social.worker"), "team.manager");
        atTask.put("completeAssessment", new Case(assess, Set.of("social.worker"), with(MANAGERS, "social.worker")));

        String authorise = journey.contact("Matrix", "Authorise", "2016-01-01").caseId();
        journey.complete(authorise, "screenContact", screen("ASSESSMENT"), "fd.practitioner");
        journey.complete(authorise, "allocateCase", allocate("social.worker"), "team.manager");
        journey.complete(authorise, "completeAssessment", assessment("NFA"), "social.worker");
        atTask.put("authoriseAssessment", new Case(authorise, Set.of("team.manager"), with(MANAGERS, "social.worker")));

        String closure = journey.contact("Matrix", "Closure", "2016-01-01").caseId();
        journey.complete(closure, "screenContact", screen("ASSESSMENT"), "fd.practitioner");
        journey.complete(closure, "allocateCase", allocate("social.worker"), "team.manager");
        journey.complete(closure, "completeAssessment", assessment("NFA"), "social.worker");
        journey.complete(closure, "authoriseAssessment", authorise("NFA"), "team.manager");
        atTask.put("authoriseClosure", new Case(closure, Set.of("team.manager"), with(MANAGERS, "social.worker")));

        String strategy = journey.contact("Matrix", "Strategy", "2016-01-01").caseId();
        journey.complete(strategy, "screenContact", screen("STRATEGY_DISCUSSION"), "fd.practitioner");
        atTask.put("holdStrategyDiscussion", new Case(strategy, Set.of("social.worker", "social.worker2"),
                with(MANAGERS, "social.worker", "social.worker2")));

        String s47 = journey.contact("Matrix", "Enquiry", "2016-01-01").caseId();
        journey.complete(s47, "screenContact", screen("STRATEGY_DISCUSSION"), "fd.practitioner");
        journey.complete(s47, "holdStrategyDiscussion", strategy("S47"), "social.worker");
        atTask.put("completeSection47Enquiry", new Case(s47, Set.of("social.worker"), with(MANAGERS, "social.worker")));

        String icpc = journey.contact("Matrix", "Conference", "2016-01-01").caseId();
        journey.complete(icpc, "screenContact", screen("STRATEGY_DISCUSSION"), "fd.practitioner");
        journey.complete(icpc, "holdStrategyDiscussion", strategy("S47"), "social.worker");
        journey.complete(icpc, "completeSection47Enquiry", section47("CONVENE_ICPC", null), "social.worker");
        atTask.put("holdInitialConference", new Case(icpc, Set.of("cp.chair"), with(MANAGERS, "cp.chair", "social.worker")));

        String plan = journey.contact("Matrix", "Plan", "2016-01-01").caseId();
        journey.complete(plan, "screenContact", screen("STRATEGY_DISCUSSION"), "fd.practitioner");
        journey.complete(plan, "holdStrategyDiscussion", strategy("S47"), "social.worker");
        journey.complete(plan, "completeSection47Enquiry", section47("CONVENE_ICPC", null), "social.worker");
        journey.complete(plan, "holdInitialConference", initialConference("CP_PLAN"), "cp.chair");
        for (String timer : List.of("coreGroupComesDue", "visitComesDue", "reviewComesDue", "planReachesReviewPoint")) {
            journey.fire(plan, timer);
        }
        Set<String> planReaders = with(MANAGERS, "cp.chair", "social.worker", "social.worker2");
        atTask.put("holdCoreGroup", new Case(plan, Set.of("social.worker", "social.worker2"), planReaders));
        atTask.put("recordVisit", new Case(plan, Set.of("social.worker", "social.worker2"), planReaders));
        atTask.put("holdReviewConference", new Case(plan, Set.of("cp.chair"), planReaders));
        atTask.put("reviewLongPlan", new Case(plan, Set.of("service.manager"), planReaders));

        String cin = journey.contact("Matrix", "ChildInNeed", "2016-01-01").caseId();
        journey.complete(cin, "screenContact", screen("ASSESSMENT"), "fd.practitioner");
        journey.complete(cin, "allocateCase", allocate("social.worker"), "team.manager");
        journey.complete(cin, "completeAssessment", assessment("CIN_PLAN"), "social.worker");
        journey.complete(cin, "authoriseAssessment", authorise("CIN_PLAN"), "team.manager");
        journey.fire(cin, "cinReviewComesDue");
        atTask.put("reviewChildInNeedPlan", new Case(cin, Set.of("social.worker", "social.worker2"),
                with(MANAGERS, "social.worker", "social.worker2")));

        String earlyHelp = journey.contact("Matrix", "EarlyHelp", "2016-01-01").caseId();
        journey.complete(earlyHelp, "screenContact", screen("EARLY_HELP"), "fd.practitioner");
        atTask.put("completeEarlyHelpAssessment", new Case(earlyHelp, Set.of("eh.practitioner"),
                with(MANAGERS, "eh.practitioner")));

        String familyPlan = journey.contact("Matrix", "FamilyPlan", "2016-01-01").caseId();
        journey.complete(familyPlan, "screenContact", screen("EARLY_HELP"), "fd.practitioner");
        journey.complete(familyPlan, "completeEarlyHelpAssessment", earlyHelpAssessment("FAMILY_PLAN"), "eh.practitioner");
        journey.fire(familyPlan, "familyPlanReviewOpens");
        atTask.put("reviewFamilyPlan", new Case(familyPlan, Set.of("eh.practitioner"), with(MANAGERS, "eh.practitioner")));

        Set<String> panelWorkers = Set.of("social.worker", "social.worker2");
        Set<String> panelReaders = with(MANAGERS, "social.worker", "social.worker2", "panel.member");
        // While the panel holds the task, only the allocated worker of the social workers sees the case.
        Set<String> beforeThePanel = with(MANAGERS, "social.worker", "panel.member");
        atTask.put("requestEntryToCare", new Case(panelCase("Request"), panelWorkers, panelReaders));
        String network = panelCase("Network");
        journey.complete(network, "requestEntryToCare", failingRequest("S20"), "social.worker");
        atTask.put("completeNetworkWork", new Case(network, panelWorkers, panelReaders));
        String decide = panelCase("Decide");
        journey.complete(decide, "requestEntryToCare", passingRequest("S20"), "social.worker");
        atTask.put("decideEntryToCare", new Case(decide, Set.of("panel.member"), beforeThePanel));
        String emergency = panelCase("Emergency");
        journey.complete(emergency, "requestEntryToCare", emergencyRequest(journey.today()), "social.worker");
        atTask.put("reviewEmergencyEntry", new Case(emergency, Set.of("panel.member"), beforeThePanel));
        String confirm = panelCase("Confirm");
        journey.complete(confirm, "requestEntryToCare", passingRequest("S20"), "social.worker");
        journey.complete(confirm, "decideEntryToCare", panelDecision("APPROVE"), "panel.member");
        atTask.put("confirmCareEntry", new Case(confirm, panelWorkers, panelReaders));
    }

    private String panelCase(String name) {
        String caseId = journey.contact("Matrix", name, "2016-01-01").caseId();
        journey.complete(caseId, "screenContact", screen("ASSESSMENT"), "fd.practitioner");
        journey.complete(caseId, "allocateCase", allocate("social.worker"), "team.manager");
        journey.complete(caseId, "completeAssessment", assessment("ENTRY_TO_CARE"), "social.worker");
        journey.complete(caseId, "authoriseAssessment", authorise("ENTRY_TO_CARE"), "team.manager");
        return caseId;
    }

    @Test
    void everyTaskKeyHasACaseWaitingAtIt() {
        assertThat(atTask.keySet()).containsExactlyInAnyOrderElementsOf(
                java.util.Arrays.stream(app.casepath.process.TaskKey.values()).map(app.casepath.process.TaskKey::key).toList());
    }

    @Test
    void onlyTheAssigneeOrTheTasksGroupsMayWorkIt() {
        List<String> wrong = new ArrayList<>();
        atTask.forEach((taskKey, c) -> {
            String taskId = journey.task(c.caseId(), taskKey).getId();
            for (String user : USERS) {
                HttpStatus expected = c.workers().contains(user) ? HttpStatus.BAD_REQUEST
                        : c.readers().contains(user) ? HttpStatus.FORBIDDEN : HttpStatus.NOT_FOUND;
                ResponseEntity<JsonNode> answer = as(user).post("/api/tasks/" + taskId + "/complete", Map.of());
                if (answer.getStatusCode() != expected) {
                    wrong.add(taskKey + " by " + user + ": " + answer.getStatusCode().value() + ", expected " + expected.value());
                }
            }
            assertThat(journey.task(c.caseId(), taskKey)).as("%s still open", taskKey).isNotNull();
        });
        assertThat(wrong).isEmpty();
    }

    @Test
    void aCaseIsReadableOnlyByThoseRolesMdNames() {
        List<String> wrong = new ArrayList<>();
        atTask.forEach((taskKey, c) -> {
            for (String user : USERS) {
                HttpStatus expected = c.readers().contains(user) ? HttpStatus.OK : HttpStatus.NOT_FOUND;
                for (String path : List.of("/api/cases/" + c.caseId(), "/api/cases/" + c.caseId() + "/chronology")) {
                    HttpStatus status = HttpStatus.valueOf(as(user).get(path).getStatusCode().value());
                    if (status != expected) {
                        wrong.add(path + " (" + taskKey + ") by " + user + ": " + status.value() + ", expected " + expected.value());
                    }
                }
                boolean listed = as(user).get("/api/cases?size=100&q=Matrix").getBody().get("items").findValuesAsText("caseId")
                        .contains(c.caseId());
                if (listed != c.readers().contains(user)) {
                    wrong.add("list (" + taskKey + ") by " + user + ": listed=" + listed);
                }
            }
        });
        assertThat(wrong).isEmpty();
    }

    @Test
    void endpointsOtherThanTasks() {
        Set<String> recorders = Set.of("fd.practitioner", "fd.manager", "eh.practitioner", "social.worker", "social.worker2",
                "team.manager");
        String assessment = atTask.get("completeAssessment").caseId();
        String plan = atTask.get("holdCoreGroup").caseId();
        for (String user : USERS) {
            assertThat(as(user).get("/api/me").getBody().get("username").asText()).isEqualTo(user);
            assertThat(as(user).get("/api/tasks?view=groups").getStatusCode()).isEqualTo(HttpStatus.OK);
            assertThat(as(user).post("/api/contacts", Map.of()).getStatusCode()).as("contact by %s", user)
                    .isEqualTo(recorders.contains(user) ? HttpStatus.BAD_REQUEST : HttpStatus.FORBIDDEN);
            assertThat(as(user).get("/api/audit").getStatusCode()).as("audit by %s", user)
                    .isEqualTo(user.equals("admin") ? HttpStatus.OK : HttpStatus.FORBIDDEN);
            assertThat(as(user).get("/engine-rest/process-definition/count").getStatusCode()).as("engine by %s", user)
                    .isEqualTo(user.equals("admin") ? HttpStatus.OK : HttpStatus.FORBIDDEN);
            HttpStatus concern = Set.of("social.worker", "team.manager").contains(user) ? HttpStatus.BAD_REQUEST
                    : user.equals("service.manager") ? HttpStatus.FORBIDDEN : HttpStatus.NOT_FOUND;
            assertThat(as(user).post("/api/cases/" + assessment + "/concerns", Map.of()).getStatusCode())
                    .as("concern by %s", user).isEqualTo(concern);
            HttpStatus request = Set.of("social.worker", "social.worker2", "team.manager").contains(user)
                    ? HttpStatus.BAD_REQUEST
                    : Set.of("cp.chair", "service.manager").contains(user) ? HttpStatus.FORBIDDEN : HttpStatus.NOT_FOUND;
            assertThat(as(user).post("/api/cases/" + plan + "/entry-to-care", Map.of()).getStatusCode())
                    .as("entry to care by %s", user).isEqualTo(request);
        }
        assertThat(api.get("/api/me").getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(api.get("/api/me").getHeaders().get("WWW-Authenticate")).as("no browser Basic prompt").isNull();
        assertThat(api.get("/engine-rest/process-definition/count").getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    }
}
