package app.casepath.api;

import static app.casepath.Forms.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Every demo user (and no one signed in) against every endpoint the OpenAPI document lists, and
 * every task key, expected as roles.md says. The endpoints come from /v3/api-docs: one without a
 * rule in {@link #rules()} fails the build, naming it. Working a task is probed with an empty
 * form: a user who may work it reaches validation (400); anyone else is refused (403 if they may
 * see the case, 404 if not) and the task stays open. Claims are given back after each probe.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuthorizationMatrixTest extends HttpTest {

    static final List<String> USERS = List.of("fd.practitioner", "fd.manager", "eh.practitioner", "social.worker",
            "social.worker2", "team.manager", "cp.chair", "panel.member", "service.manager", "admin");

    record Case(String caseId, Set<String> workers, Set<String> readers) {
    }

    private final Map<String, Case> atTask = new LinkedHashMap<>();
    /** Unassigned strategy discussions (the social workers' group) for claiming and giving back. */
    private String toClaim;
    private String toGiveBack;
    private String finalNote;
    private String draftNote;
    /** A document on the assessment's case. */
    private String document;

    @org.springframework.beans.factory.annotation.Autowired
    app.casepath.documents.Documents documents;

    @LocalServerPort
    int port;

    @org.springframework.beans.factory.annotation.Autowired
    org.camunda.bpm.engine.ManagementService management;

    @org.springframework.beans.factory.annotation.Autowired
    org.camunda.bpm.engine.RuntimeService runtime;

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

        // A warning's review, opened on its review morning, on the child's case (at screening).
        String warned = journey.contact("Matrix", "Warned", "2016-01-01").caseId();
        String warnedChild = journey.db().sql("select child_id from child_case where case_id = ?").param(warned)
                .query(String.class).single();
        String warningId = new Api(http, json, "fd.practitioner").post("/api/people/" + warnedChild + "/warnings",
                Map.of("type", "RISK_TO_WORKER", "details", "Dogs at the address.", "startsOn", journey.today().toString(),
                        "reviewOn", journey.today().plusDays(1).toString(), "agreedBy", "team.manager"))
                .getBody().get("warningId").asText();
        LocalDate setUpOn = journey.today();
        String review = runtime.createProcessInstanceQuery().processInstanceBusinessKey(warningId).singleResult().getId();
        management.executeJob(management.createJobQuery().processInstanceId(review).timers().singleResult().getId());
        journey.today(setUpOn);
        atTask.put("reviewWarning", new Case(warned, Set.of("team.manager"), with(MANAGERS, "fd.practitioner", "fd.manager")));

        // A manager's action from an oversight note, for the allocated worker alone.
        String actioned = journey.contact("Matrix", "Actioned", "2016-01-01").caseId();
        journey.complete(actioned, "screenContact", screen("ASSESSMENT"), "fd.practitioner");
        journey.complete(actioned, "allocateCase", allocate("social.worker"), "team.manager");
        assertThat(new Api(http, json, "team.manager").post("/api/cases/" + actioned + "/notes", Map.of(
                "kind", "MANAGEMENT_OVERSIGHT", "status", "FINAL", "text", "Direction on the assessment.", "actions", List.of(
                        Map.of("text", "Speak to the school.", "assignee", "social.worker",
                                "dueOn", journey.today().plusDays(5).toString())))).getStatusCode().value()).isEqualTo(201);
        atTask.put("completeAction", new Case(actioned, Set.of("social.worker"), with(MANAGERS, "social.worker")));

        // A supervision, opened when it comes due on an allocated case, for its team managers.
        String supervised = journey.contact("Matrix", "Supervised", "2016-01-01").caseId();
        journey.complete(supervised, "screenContact", screen("ASSESSMENT"), "fd.practitioner");
        journey.complete(supervised, "allocateCase", allocate("social.worker"), "team.manager");
        LocalDate beforeSupervision = journey.today();
        String cycle = runtime.createProcessInstanceQuery().processDefinitionKey("supervision")
                .processInstanceBusinessKey(supervised).singleResult().getId();
        management.executeJob(management.createJobQuery().processInstanceId(cycle).timers().singleResult().getId());
        journey.today(beforeSupervision);
        atTask.put("recordSupervision", new Case(supervised, Set.of("team.manager"), with(MANAGERS, "social.worker")));

        // A finished note and a draft, both social.worker's, on the assessment.
        Api worker = new Api(http, json, "social.worker");
        finalNote = worker.post("/api/cases/" + assess + "/notes", Map.of("kind", "PHONE_CALL", "status", "FINAL",
                "text", "Spoke to the school.")).getBody().get("noteId").asText();
        draftNote = worker.post("/api/cases/" + assess + "/notes", Map.of("status", "DRAFT", "text", "Half a"))
                .getBody().get("noteId").asText();

        document = documents.saveGenerated(assess, app.casepath.documents.Documents.Kind.CHRONOLOGY, "Chronology",
                "chronology.pdf", "%PDF-1.4\n%%EOF\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII), "social.worker")
                .documentId();

        String claiming = journey.contact("Matrix", "Claiming", "2016-01-01").caseId();
        journey.complete(claiming, "screenContact", screen("STRATEGY_DISCUSSION"), "fd.practitioner");
        toClaim = journey.task(claiming, "holdStrategyDiscussion").getId();
        String givingBack = journey.contact("Matrix", "GivingBack", "2016-01-01").caseId();
        journey.complete(givingBack, "screenContact", screen("STRATEGY_DISCUSSION"), "fd.practitioner");
        toGiveBack = journey.task(givingBack, "holdStrategyDiscussion").getId();
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

    // --- the endpoints of the API document, each with its rule ---------------------------------

    private static final Set<String> METHODS = Set.of("get", "post", "put", "patch", "delete");

    /** "METHOD /path" for every operation /v3/api-docs lists. */
    private Set<String> documentedEndpoints() {
        ResponseEntity<JsonNode> doc = api.get("/v3/api-docs");
        assertThat(doc.getStatusCode()).isEqualTo(HttpStatus.OK);
        Set<String> endpoints = new TreeSet<>();
        for (Iterator<Map.Entry<String, JsonNode>> paths = doc.getBody().get("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            path.getValue().fieldNames().forEachRemaining(method -> {
                if (METHODS.contains(method)) {
                    endpoints.add(method.toUpperCase() + " " + path.getKey());
                }
            });
        }
        return endpoints;
    }

    @Test
    void everyEndpointTheApiDocumentListsHasARule() {
        Set<String> documented = documentedEndpoints();
        Set<String> ruled = rules().keySet();
        assertThat(documented).as("the API document's endpoints").hasSizeGreaterThanOrEqualTo(20);
        assertThat(documented.stream().filter(e -> !ruled.contains(e)).map(e -> e + " has no rule in AuthorizationMatrixTest.rules():"
                + " say who may call it").toList()).as("endpoints without a rule").isEmpty();
        assertThat(ruled.stream().filter(e -> !documented.contains(e)).toList()).as("rules for endpoints the API no longer has").isEmpty();
    }

    @Test
    void everyDemoUserAgainstEveryEndpoint() {
        Map<String, Runnable> rules = rules();
        List<String> missing = new ArrayList<>();
        wrong.clear();
        for (String endpoint : documentedEndpoints()) {
            Runnable rule = rules.get(endpoint);
            if (rule == null) {
                missing.add(endpoint);
            } else {
                rule.run();
            }
        }
        assertThat(missing).as("endpoints without a rule").isEmpty();
        assertThat(wrong).isEmpty();
        atTask.forEach((taskKey, c) -> assertThat(journey.task(c.caseId(), taskKey)).as("%s still open", taskKey).isNotNull());
        assertThat(journey.db().sql("select count(*) from task_inbox where task_id in (?, ?) and assignee is not null")
                .params(toClaim, toGiveBack).query(Long.class).single()).as("claims given back").isZero();
    }

    /** Listing cases: each sees exactly the cases roles.md lets them read. */
    @Test
    void theCaseListShowsOnlyTheCasesEachMayRead() {
        List<String> wrongListings = new ArrayList<>();
        for (String user : USERS) {
            List<String> listed = as(user).get("/api/cases?size=100&q=Matrix").getBody().get("items").findValuesAsText("caseId");
            atTask.forEach((taskKey, c) -> {
                if (listed.contains(c.caseId()) != c.readers().contains(user)) {
                    wrongListings.add("list (" + taskKey + ") by " + user + ": listed=" + listed.contains(c.caseId()));
                }
            });
        }
        assertThat(wrongListings).isEmpty();
    }

    @Test
    void theEnginesRestApiIsForAdministratorsAndNoOneIsAskedForBasicCredentials() {
        for (String user : USERS) {
            assertThat(as(user).get("/engine-rest/process-definition/count").getStatusCode()).as("engine by %s", user)
                    .isEqualTo(user.equals("admin") ? HttpStatus.OK : HttpStatus.FORBIDDEN);
        }
        assertThat(api.get("/api/me").getHeaders().get("WWW-Authenticate")).as("no browser Basic prompt").isNull();
        assertThat(api.get("/engine-rest/process-definition/count").getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    private final List<String> wrong = new ArrayList<>();

    private static final Set<String> RECORDERS = Set.of("fd.practitioner", "fd.manager", "eh.practitioner", "social.worker",
            "social.worker2", "team.manager");

    /** Who may call each endpoint of the API document, as "METHOD /path" (the document's own spelling). */
    private Map<String, Runnable> rules() {
        Map<String, Runnable> rules = new LinkedHashMap<>();
        Function<String, Integer> anyone = user -> 200;
        Function<String, Integer> managers = user -> MANAGERS.contains(user) ? 200 : 403;

        rules.put("GET /api/csrf", () -> byUser("GET", "/api/csrf", null, anyone, 200));
        rules.put("POST /api/login", () -> {
            for (String user : USERS) {
                Browser browser = new Browser();
                expect("sign in", user, browser.send("POST", "/api/login", "{\"username\":\"" + user + "\",\"password\":\"demo\"}"), 200);
                expect("signed in: GET /api/me", user, browser.send("GET", "/api/me", null), 200);
                expect("sign out", user, browser.send("POST", "/api/logout", null), 200);
                expect("signed out: GET /api/me", user, browser.send("GET", "/api/me", null), 401);
            }
            // An unknown user (a demo user's wrong password would make them wait: the brute-force guard).
            expect("sign in as nobody", null, new Browser().send("POST", "/api/login", "{\"username\":\"nobody\",\"password\":\"demo\"}"), 401);
        });
        rules.put("POST /api/logout", () -> byUser("POST", "/api/logout", null, user -> 200));
        rules.put("GET /api/sign-in-options", () -> byUser("GET", "/api/sign-in-options", null, anyone, 200));
        rules.put("GET /api/me", () -> {
            byUser("GET", "/api/me", null, anyone);
            for (String user : USERS) {
                if (!user.equals(as(user).get("/api/me").getBody().path("username").asText())) {
                    wrong.add("GET /api/me by " + user + " names someone else");
                }
            }
        });
        rules.put("GET /api/users", () -> byUser("GET", "/api/users?group=social-workers", null, anyone));
        // Teams: listed for anyone; made and changed by administrators ({} is then 400); a worker's
        // newly-qualified mark by an administrator or the manager of one of their teams.
        rules.put("GET /api/teams", () -> byUser("GET", "/api/teams", null, anyone));
        rules.put("GET /api/teams/{teamId}/caseload", () -> byUser("GET", "/api/teams/" + journey.db()
                .sql("select team_id from team where name = 'Assessment Team North'").query(String.class).single() + "/caseload",
                null, managers));
        rules.put("GET /api/teams/{teamId}/caseload/{username}", () -> byUser("GET", "/api/teams/" + journey.db()
                .sql("select team_id from team where name = 'Assessment Team North'").query(String.class).single()
                + "/caseload/social.worker", null, managers));
        rules.put("GET /api/unallocated-cases", () -> byUser("GET", "/api/unallocated-cases", null, managers));
        rules.put("POST /api/teams", () -> byUser("POST", "/api/teams", Map.of(), user -> user.equals("admin") ? 400 : 403));
        rules.put("PATCH /api/teams/{teamId}", () -> byUser("PATCH", "/api/teams/" + journey.db()
                .sql("select team_id from team order by name fetch first 1 rows only").query(String.class).single(), Map.of(),
                user -> user.equals("admin") ? 400 : 403));
        // Reallocating: the case's team managers and service managers ({} is then 400); others who read it 403.
        rules.put("POST /api/cases/{caseId}/allocation", () -> {
            Map<String, Case> byCase = new LinkedHashMap<>();
            atTask.values().forEach(c -> byCase.putIfAbsent(c.caseId(), c));
            byCase.values().forEach(c -> byUser("POST", "/api/cases/" + c.caseId() + "/allocation", Map.of(),
                    user -> !c.readers().contains(user) ? 404 : MANAGERS.contains(user) ? 400 : 403));
        });
        rules.put("POST /api/workers/{username}/reallocation", () -> byUser("POST", "/api/workers/social.worker/reallocation",
                Map.of(), user -> MANAGERS.contains(user) ? 400 : 403));
        rules.put("PATCH /api/users/{username}", () -> byUser("PATCH", "/api/users/social.worker", Map.of(),
                user -> Set.of("admin", "team.manager").contains(user) ? 400 : 403));
        rules.put("GET /api/audit", () -> byUser("GET", "/api/audit", null, user -> user.equals("admin") ? 200 : 403));
        rules.put("GET /api/dashboard/timeliness", () -> byUser("GET", "/api/dashboard/timeliness", null, managers));
        rules.put("GET /api/exports/annex-a/{list}.csv", () -> byUser("GET", "/api/exports/annex-a/1.csv", null, managers));
        rules.put("GET /api/exports/annex-a.xlsx", () -> byUser("GET", "/api/exports/annex-a.xlsx", null, managers));
        rules.put("GET /api/exports/cin-census/{year}.xml", () -> byUser("GET", "/api/exports/cin-census/2025.xml", null, managers));
        rules.put("POST /api/contacts", () -> byUser("POST", "/api/contacts", Map.of(), user -> RECORDERS.contains(user) ? 400 : 403));

        rules.put("GET /api/tasks", () -> byUser("GET", "/api/tasks?view=groups", null, anyone));
        rules.put("GET /api/tasks/{taskId}", () -> atTask.forEach((taskKey, c) -> byUser("GET",
                "/api/tasks/" + journey.task(c.caseId(), taskKey).getId(), null,
                user -> c.workers().contains(user) || c.readers().contains(user) ? 200 : 404)));
        rules.put("POST /api/tasks/{taskId}/complete", () -> atTask.forEach((taskKey, c) -> byUser("POST",
                "/api/tasks/" + journey.task(c.caseId(), taskKey).getId() + "/complete", Map.of(),
                user -> c.workers().contains(user) ? 400 : c.readers().contains(user) ? 403 : 404)));
        // Worked together, one task is probed as the single completion is: the same answer for each user.
        rules.put("POST /api/tasks/complete-together", () -> atTask.forEach((taskKey, c) -> byUser("POST",
                "/api/tasks/complete-together", Map.of("completions", List.of(Map.of("taskId",
                        journey.task(c.caseId(), taskKey).getId(), "form", Map.of()))),
                user -> c.workers().contains(user) ? 400 : c.readers().contains(user) ? 403 : 404)));
        Case strategy = atTask.get("holdStrategyDiscussion");
        rules.put("POST /api/tasks/{taskId}/claim", () -> {
            String claim = "/api/tasks/" + toClaim + "/claim";
            String giveBack = "/api/tasks/" + toClaim + "/unclaim";
            for (String user : USERS) {
                int expected = strategy.workers().contains(user) ? 204 : strategy.readers().contains(user) ? 403 : 404;
                expect("POST " + claim, user, status(user, "POST", claim), expected);
                if (expected == 204) {
                    String other = user.equals("social.worker") ? "social.worker2" : "social.worker";
                    expect("POST " + claim + ", claimed by " + user, other, status(other, "POST", claim), 409);
                    expect("POST " + giveBack, user, status(user, "POST", giveBack), 204);
                }
            }
            expect("POST " + claim, null, anonymous("POST", claim, null), 401);
        });
        rules.put("POST /api/tasks/{taskId}/unclaim", () -> {
            String giveBack = "/api/tasks/" + toGiveBack + "/unclaim";
            expect("claim", "social.worker", status("social.worker", "POST", "/api/tasks/" + toGiveBack + "/claim"), 204);
            for (String user : USERS) {
                if (!user.equals("social.worker")) {
                    // Only the assignee gives a task back; the task's group and the managers may see it but not that.
                    expect("POST " + giveBack + ", social.worker's", user, status(user, "POST", giveBack),
                            strategy.workers().contains(user) || strategy.readers().contains(user) ? 403 : 404);
                }
            }
            expect("POST " + giveBack, null, anonymous("POST", giveBack, null), 401);
            expect("POST " + giveBack, "social.worker", status("social.worker", "POST", giveBack), 204);
        });

        rules.put("GET /api/cases", () -> byUser("GET", "/api/cases?q=Matrix", null, anyone));
        // Whoever may read the case may correct the child's census items: {} is then 400 (nothing given).
        rules.put("PATCH /api/cases/{caseId}/child", () -> {
            Map<String, Case> byCase = new LinkedHashMap<>();
            atTask.values().forEach(c -> byCase.putIfAbsent(c.caseId(), c));
            byCase.values().forEach(c -> byUser("PATCH", "/api/cases/" + c.caseId() + "/child", Map.of(),
                    user -> c.readers().contains(user) ? 400 : 404));
        });
        // People: readers of one of the person's cases read them; those who may work a case (and the
        // team and Front Door managers) correct them ({} is then 400); service managers read only.
        rules.put("GET /api/people", () -> byUser("GET", "/api/people?q=Matrix", null, anyone));
        rules.put("GET /api/people/matches", () -> byUser("GET", "/api/people/matches?firstName=Matrix&lastName=Screening",
                null, user -> RECORDERS.contains(user) ? 200 : 403));
        rules.put("POST /api/people", () -> byUser("POST", "/api/people", Map.of(), user -> RECORDERS.contains(user) ? 400 : 403));
        List<Case> ofPeople = List.of(atTask.get("screenContact"), atTask.get("completeAssessment"));
        for (String view : List.of("", "/history")) {
            rules.put("GET /api/people/{personId}" + view, () -> ofPeople.forEach(c -> byUser("GET",
                    "/api/people/" + childOf(c) + view, null, user -> c.readers().contains(user) ? 200 : 404)));
        }
        rules.put("PATCH /api/people/{personId}", () -> ofPeople.forEach(c -> byUser("PATCH", "/api/people/" + childOf(c), Map.of(),
                user -> !c.readers().contains(user) ? 404 : user.equals("service.manager") ? 403 : 400)));
        // Relationships: as correcting the person (here the child), from either side.
        rules.put("POST /api/people/{personId}/relationships", () -> ofPeople.forEach(c -> byUser("POST",
                "/api/people/" + childOf(c) + "/relationships", Map.of(),
                user -> !c.readers().contains(user) ? 404 : user.equals("service.manager") ? 403 : 400)));
        rules.put("PATCH /api/relationships/{relationshipId}", () -> ofPeople.forEach(c -> byUser("PATCH",
                "/api/relationships/" + relationshipOf(c), Map.of(),
                user -> !c.readers().contains(user) ? 404 : user.equals("service.manager") ? 403 : 400)));
        // Warnings: raised by those who may correct the person ({} is then 400); the service manager reads only.
        rules.put("POST /api/people/{personId}/warnings", () -> ofPeople.forEach(c -> byUser("POST",
                "/api/people/" + childOf(c) + "/warnings", Map.of(),
                user -> !c.readers().contains(user) ? 404 : user.equals("service.manager") ? 403 : 400)));
        // Restricting a record and lifting it: service managers only ({} is then 400, naming the fields).
        for (String method : List.of("PUT", "DELETE")) {
            rules.put(method + " /api/people/{personId}/restriction", () -> ofPeople.forEach(c -> byUser(method,
                    "/api/people/" + childOf(c) + "/restriction", Map.of(), user -> user.equals("service.manager") ? 400 : 403)));
        }
        for (String view : List.of("", "/chronology", "/map", "/diagram", "/notes", "/child-says", "/documents")) {
            rules.put("GET /api/cases/{caseId}" + view, () -> {
                Map<String, Case> byCase = new LinkedHashMap<>();
                atTask.values().forEach(c -> byCase.putIfAbsent(c.caseId(), c));
                byCase.values().forEach(c -> byUser("GET", "/api/cases/" + c.caseId() + view, null,
                        user -> c.readers().contains(user) ? 200 : 404));
            });
        }
        // The chronology as a document: written for whoever may read the case (201), not found for anyone else.
        rules.put("POST /api/cases/{caseId}/documents/chronology", () -> {
            Map<String, Case> byCase = new LinkedHashMap<>();
            atTask.values().forEach(c -> byCase.putIfAbsent(c.caseId(), c));
            byCase.values().forEach(c -> byUser("POST", "/api/cases/" + c.caseId() + "/documents/chronology", Map.of(),
                    user -> c.readers().contains(user) ? 201 : 404));
        });
        // A family is read by whoever may read one of its children's cases (each matrix child is a family of one).
        rules.put("GET /api/families/{familyId}", () -> {
            Map<String, Case> byCase = new LinkedHashMap<>();
            atTask.values().forEach(c -> byCase.putIfAbsent(c.caseId(), c));
            byCase.values().forEach(c -> byUser("GET", "/api/families/" + journey.db()
                            .sql("select ch.family_id from child_case c join child ch on ch.child_id = c.child_id where c.case_id = ?")
                            .param(c.caseId()).query(String.class).single(), null,
                    user -> c.readers().contains(user) ? 200 : 404));
        });
        // Notes: written by whoever may work the case (its worker, its open tasks' groups) and team
        // managers ({} is then 400, no status); other readers (the service manager, the Front Door
        // manager) are refused; drafts are their author's alone.
        Case screening = atTask.get("screenContact");
        Case assessing = atTask.get("completeAssessment");
        Map<Case, Set<String>> writers = Map.of(screening, Set.of("fd.practitioner", "team.manager"),
                assessing, Set.of("social.worker", "team.manager"));
        rules.put("POST /api/cases/{caseId}/notes", () -> writers.forEach((c, may) -> byUser("POST",
                "/api/cases/" + c.caseId() + "/notes", Map.of(),
                user -> !c.readers().contains(user) ? 404 : may.contains(user) ? 400 : 403)));
        rules.put("POST /api/notes", () -> byUser("POST", "/api/notes", Map.of(), user -> 400));
        rules.put("GET /api/notes/drafts", () -> byUser("GET", "/api/notes/drafts", null, anyone));
        rules.put("GET /api/notes/{noteId}", () -> {
            byUser("GET", "/api/notes/" + finalNote, null, user -> assessing.readers().contains(user) ? 200 : 404);
            byUser("GET", "/api/notes/" + draftNote, null, user -> user.equals("social.worker") ? 200 : 404);
        });
        rules.put("PUT /api/notes/{noteId}", () -> {
            byUser("PUT", "/api/notes/" + draftNote, Map.of(), user -> user.equals("social.worker") ? 200 : 404);
            byUser("PUT", "/api/notes/" + finalNote, Map.of(), user -> assessing.readers().contains(user) ? 409 : 404);
        });
        rules.put("DELETE /api/notes/{noteId}", () -> byUser("DELETE", "/api/notes/" + finalNote, Map.of(),
                user -> assessing.readers().contains(user) ? 409 : 404));
        rules.put("POST /api/notes/{noteId}/finalise", () -> byUser("POST", "/api/notes/" + finalNote + "/finalise", Map.of(),
                user -> assessing.readers().contains(user) ? 409 : 404));
        rules.put("POST /api/notes/{noteId}/amendments", () -> byUser("POST", "/api/notes/" + finalNote + "/amendments", Map.of(),
                user -> !assessing.readers().contains(user) ? 404 : writers.get(assessing).contains(user) ? 400 : 403));

        // Documents: uploaded by those who write notes ({} is then 400, no file); read by the case's
        // readers; withdrawn by a service manager only ({} is then 400, no reason).
        rules.put("POST /api/cases/{caseId}/documents", () -> writers.forEach((c, may) -> byUser("POST",
                "/api/cases/" + c.caseId() + "/documents", Map.of(),
                user -> !c.readers().contains(user) ? 404 : may.contains(user) ? 400 : 403)));
        rules.put("GET /api/documents/{documentId}/content", () -> byUser("GET", "/api/documents/" + document + "/content",
                null, user -> assessing.readers().contains(user) ? 200 : 404));
        rules.put("POST /api/documents/{documentId}/withdrawal", () -> byUser("POST", "/api/documents/" + document + "/withdrawal",
                Map.of(), user -> !assessing.readers().contains(user) ? 404 : user.equals("service.manager") ? 400 : 403));

        String assessment = atTask.get("completeAssessment").caseId();
        rules.put("POST /api/cases/{caseId}/concerns", () -> byUser("POST", "/api/cases/" + assessment + "/concerns", Map.of(),
                user -> Set.of("social.worker", "team.manager").contains(user) ? 400 : user.equals("service.manager") ? 403 : 404));
        String plan = atTask.get("holdCoreGroup").caseId();
        rules.put("POST /api/cases/{caseId}/entry-to-care", () -> byUser("POST", "/api/cases/" + plan + "/entry-to-care", Map.of(),
                user -> Set.of("social.worker", "social.worker2", "team.manager").contains(user) ? 400
                        : Set.of("cp.chair", "service.manager").contains(user) ? 403 : 404));
        return rules;
    }

    /** A relationship of the case's child (their mother, recorded by a team manager). */
    private String relationshipOf(Case c) {
        ResponseEntity<JsonNode> added = as("team.manager").post("/api/people/" + childOf(c) + "/relationships", Map.of(
                "otherPerson", Map.of("kind", "ADULT", "firstName", "Matrix", "lastName", "Mother"), "type", "MOTHER"));
        assertThat(added.getStatusCode().value()).as(String.valueOf(added.getBody())).isEqualTo(201);
        return added.getBody().get("relationshipId").asText();
    }

    private String childOf(Case c) {
        return journey.db().sql("select child_id from child_case where case_id = ?").param(c.caseId()).query(String.class).single();
    }

    /** Every demo user as expected, and no one signed in: 401. */
    private void byUser(String method, String path, Object body, Function<String, Integer> expected) {
        byUser(method, path, body, expected, 401);
    }

    private void byUser(String method, String path, Object body, Function<String, Integer> expected, int signedOut) {
        for (String user : USERS) {
            ResponseEntity<JsonNode> answer = method.equals("GET") ? as(user).get(path)
                    : method.equals("POST") ? as(user).post(path, body)
                    : as(user).exchange(HttpMethod.valueOf(method), path, body == null ? null : "{}");
            expect(method + " " + path, user, answer.getStatusCode().value(), expected.apply(user));
        }
        expect(method + " " + path, null, anonymous(method, path, body == null ? null : "{}"), signedOut);
    }

    private int status(String user, String method, String path) {
        return as(user).exchange(HttpMethod.valueOf(method), path, null).getStatusCode().value();
    }

    private void expect(String what, String user, int status, int expected) {
        if (status != expected) {
            wrong.add(what + " by " + (user == null ? "no one signed in" : user) + ": " + status + ", expected " + expected);
        }
    }

    /** No one signed in, but with the CSRF token, so that a change is refused for want of a user (401), not of the token. */
    private int anonymous(String method, String path, String body) {
        return new Browser().send(method, path, body);
    }

    /** A browser: its cookies (session, XSRF-TOKEN), the token echoed on every request. */
    private final class Browser {
        private final CookieManager cookies = new CookieManager();
        private final HttpClient client = HttpClient.newBuilder().cookieHandler(cookies).build();

        int send(String method, String path, String body) {
            try {
                if (cookies.getCookieStore().getCookies().stream().noneMatch(c -> c.getName().equals("XSRF-TOKEN"))) {
                    client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/csrf")).build(),
                            HttpResponse.BodyHandlers.discarding());
                }
                String token = cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("XSRF-TOKEN"))
                        .findFirst().orElseThrow().getValue();
                return client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                        .header("Content-Type", "application/json").header("X-XSRF-TOKEN", token)
                        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                        .build(), HttpResponse.BodyHandlers.discarding()).statusCode();
            } catch (Exception e) {
                throw new IllegalStateException(method + " " + path, e);
            }
        }
    }
}
