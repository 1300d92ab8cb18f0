package app.casepath.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;

import app.casepath.notify.OutboxSender;
import testidp.CouncilProvider;
import jakarta.mail.Message;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;

/**
 * The tasklist in a real browser (Chromium driven by Playwright: CHROMIUM if set, the system's
 * Chromium if installed, otherwise the one the frontend's devDependency @sparticuz/chromium ships,
 * so a fresh machine runs these too and they are never skipped) against the real app on
 * PostgreSQL: frontend/e2e/journey.mjs signs in as each role and works through the UI alone, runs
 * axe on every page and saves screenshots under target/e2e-screenshots. Only timers are stepped here.
 */
class BrowserJourneyTest extends HttpTest {

    @LocalServerPort
    int port;

    @Autowired
    TaskService engineTasks;

    @Autowired
    OutboxSender sender;

    @Autowired
    org.camunda.bpm.engine.IdentityService identity;

    /** A real SMTP server (GreenMail) for the family's email, on a port of its own so no other test's mail reaches it. */
    static GreenMail smtp;

    @DynamicPropertySource
    static void mail(DynamicPropertyRegistry registry) {
        if (smtp == null) {
            smtp = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
            smtp.start();
        }
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> smtp.getSmtp().getPort());
    }

    @AfterAll
    static void stopSmtp() {
        if (smtp != null) {
            smtp.stop();
        }
    }

    private String run(String phase, String child) throws Exception {
        return run("http://localhost:" + port, phase, child);
    }

    private String run(String base, String phase, String child) throws Exception {
        Path frontend = Path.of("frontend").toAbsolutePath();
        Path node = Path.of("target/node/node");
        ProcessBuilder process = new ProcessBuilder(Files.exists(node) ? node.toAbsolutePath().toString() : "node",
                "e2e/journey.mjs", base, phase,
                Path.of("target/e2e-screenshots").toAbsolutePath().toString(), child)
                .directory(frontend.toFile()).redirectErrorStream(true);
        File log = Files.createTempFile("e2e-" + phase, ".log").toFile();
        process.redirectOutput(log);
        Process running = process.start();
        boolean finished = running.waitFor(5, TimeUnit.MINUTES);
        if (!finished) {
            running.destroyForcibly();
        }
        String output = Files.readString(log.toPath(), StandardCharsets.UTF_8);
        assertThat(finished && running.exitValue() == 0).as("browser phase %s:%n%s", phase, output).isTrue();
        return output;
    }

    @Test
    void aChildIsCarriedFromContactToAPlanItsFirstVisitWrittenUpAndItsFirstReviewConferenceThroughTheUi() throws Exception {
        String output = run("protect", "Bilal Browserton");
        String caseId = output.lines().filter(l -> l.startsWith("CASE ")).findFirst().orElseThrow().substring(5).strip();
        assertThat(journey.record(caseId).stage().name()).isEqualTo("CP_PLAN");

        // The first statutory visit falls due; the worker writes it up as a home visit note.
        journey.fire(caseId, "visitComesDue");
        run("visit", "Bilal Browserton");
        assertThat(journey.openTaskKeys(caseId)).doesNotContain("recordVisit");
        assertThat(journey.milestones(caseId)).anySatisfy(m -> assertThat(m).containsEntry("milestone_key", "VISIT")
                .doesNotContainEntry("completed_on", null));
        assertThat(journey.db().sql("select count(*) from visit v join case_note n on n.note_id = v.note_id"
                + " where n.kind = 'HOME_VISIT' and n.status = 'FINAL'").query(Long.class).single()).isPositive();

        journey.fire(caseId, "reviewComesDue");
        run("review", "Bilal Browserton");
        assertThat(journey.milestones(caseId)).anySatisfy(m -> assertThat(m).containsEntry("milestone_key", "RCPC")
                .containsKey("completed_on").doesNotContainEntry("completed_on", null));
    }

    @Test
    void aPanelRequestFailsTheNetworkCheckThenPassesAndIsApprovedThroughTheUi() throws Exception {
        String output = run("refer", "Yusuf Panelford");
        String caseId = output.lines().filter(l -> l.startsWith("CASE ")).findFirst().orElseThrow().substring(5).strip();
        assertThat(journey.openTaskKeys(caseId)).containsExactly("allocateCase");
        run("allocate", "Yusuf Panelford");
        assertThat(journey.record(caseId).allocatedWorker()).isEqualTo("social.worker");
        run("assess", "Yusuf Panelford");
        assertThat(journey.openTaskKeys(caseId)).containsExactly("requestEntryToCare");

        run("panel", "Yusuf Panelford");

        assertThat(journey.openTaskKeys(caseId)).containsExactly("confirmCareEntry");
        assertThat(journey.db().sql("select first_check_passed from panel_request where case_id = ?").param(caseId)
                .query(Boolean.class).single()).isFalse();
    }

    @Test
    void threeSiblingsAreScreenedTogetherTheirMotherCarriesAWarningOnAllTheirCasesAndTheMiddleChildIsFoundMisspelt() throws Exception {
        String output = run("siblings", "Siblingsby");
        java.util.List<String> caseIds = output.lines().filter(l -> l.startsWith("CASE ")).map(l -> l.substring(5).strip())
                .distinct().toList();
        assertThat(caseIds).hasSize(3);
        for (String caseId : caseIds) {
            assertThat(journey.openTaskKeys(caseId)).as("case %s", caseId).containsExactly("holdStrategyDiscussion");
        }
    }

    /**
     * Issue 16's "done when": a team manager, in the tasklist alone, sees the team's caseloads, moves a
     * leaver's children to two colleagues, and finds every moved task in the colleagues' inboxes with its
     * due date unchanged. Grace Mensah (social.worker) leaves the Children in Need Team: two children on
     * child in need plans go to Sophie Bennett (social.worker3), the one being assessed to Daniel Murphy
     * (social.worker2). The tasks and due dates to find are read from the database before the move.
     */
    @Test
    void aTeamManagerMovesALeaversChildrenToTwoColleaguesWhoFindEveryMovedTaskDueAsBeforeThroughTheUi() throws Exception {
        String team = "Children in Need Team";
        String teamId = journey.db().sql("select team_id from team where name = ?").param(team).query(String.class).single();
        String leaver = "social.worker";
        // Ama: a child in need plan with a management oversight action for her worker, and its review scheduled later.
        String ama = leaversChild("Ama", "2014-02-11", teamId);
        journey.complete(ama, "completeAssessment", app.casepath.Forms.assessment("CIN_PLAN"), leaver);
        journey.complete(ama, "authoriseAssessment", app.casepath.Forms.authorise("CIN_PLAN"), "team.manager");
        assertThat(as("team.manager").post("/api/cases/" + ama + "/notes", Map.of("kind", "MANAGEMENT_OVERSIGHT",
                "status", "FINAL", "text", "Direction: speak to the GP before the review.", "actions", List.of(Map.of(
                        "text", "Speak to the GP about Ama's asthma.", "assignee", leaver,
                        "dueOn", journey.today().plusDays(10).toString())))).getStatusCode().value()).isEqualTo(201);
        // Efua: being assessed.
        String efua = leaversChild("Efua", "2016-09-23", teamId);
        // Kojo: a child in need plan whose review has opened (the clock moves on to it, so last).
        String kojo = leaversChild("Kojo", "2012-05-07", teamId);
        journey.complete(kojo, "completeAssessment", app.casepath.Forms.assessment("CIN_PLAN"), leaver);
        journey.complete(kojo, "authoriseAssessment", app.casepath.Forms.authorise("CIN_PLAN"), "team.manager");
        journey.fire(kojo, "cinReviewComesDue");
        assertThat(journey.hasTimer(ama, "cinReviewComesDue")).as("Ama's review, scheduled later").isTrue();

        Map<String, String> to = Map.of(ama, "social.worker3", kojo, "social.worker3", efua, "social.worker2");
        for (String caseId : to.keySet()) {
            assertThat(journey.record(caseId).allocatedWorker()).isEqualTo(leaver);
            assertThat(journey.db().sql("select team_id from child_case where case_id = ?").param(caseId).query(String.class)
                    .single()).isEqualTo(teamId);
        }
        // The leaver's tasks on the three, as the inbox holds them: what must move, and when each is due.
        List<Map<String, Object>> held = journey.db().sql("""
                select task_id, task_key, case_id, child_name, due_on from task_inbox
                where assignee = ? and case_id in (?, ?, ?) order by case_id, task_key""")
                .params(leaver, ama, kojo, efua).query().listOfRows();
        assertThat(held).extracting(r -> r.get("case_id") + " " + r.get("task_key")).contains(ama + " completeAction",
                kojo + " reviewChildInNeedPlan", efua + " completeAssessment");
        DateTimeFormatter words = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);
        List<Map<String, String>> tasks = new ArrayList<>();
        Map<String, LocalDate> dueBefore = new LinkedHashMap<>();
        for (Map<String, Object> row : held) {
            LocalDate due = ((java.sql.Date) row.get("due_on")).toLocalDate();
            dueBefore.put((String) row.get("task_id"), due);
            tasks.add(Map.of("child", (String) row.get("child_name"), "taskKey", (String) row.get("task_key"),
                    "due", due.format(words), "to", to.get(row.get("case_id"))));
        }
        Map<String, Object> plan = Map.of("team", team, "leaver", leaver, "leaverName", "Grace Mensah",
                "reason", "Grace is leaving the council at the end of the month.",
                "moves", List.of(
                        Map.of("to", "social.worker3", "toName", "Sophie Bennett", "children", List.of("Ama Leaverton", "Kojo Leaverton")),
                        Map.of("to", "social.worker2", "toName", "Daniel Murphy", "children", List.of("Efua Leaverton"))),
                "tasks", tasks);

        String output = run("leaver", json.writeValueAsString(plan));
        assertThat(output).contains("found in social.worker3's tasks", "found in social.worker2's tasks");

        for (Map<String, Object> row : held) {
            String taskId = (String) row.get("task_id");
            String intended = to.get(row.get("case_id"));
            Map<String, Object> now = journey.db().sql("select assignee, due_on from task_inbox where task_id = ?").param(taskId)
                    .query().singleRow();
            assertThat(now.get("assignee")).as("%s of %s in the inbox", row.get("task_key"), row.get("child_name")).isEqualTo(intended);
            assertThat(((java.sql.Date) now.get("due_on")).toLocalDate()).as("due date of %s", row.get("task_key"))
                    .isEqualTo(dueBefore.get(taskId));
            assertThat(engineTasks.createTaskQuery().taskId(taskId).singleResult().getAssignee())
                    .as("%s of %s in the engine", row.get("task_key"), row.get("child_name")).isEqualTo(intended);
        }
        assertThat(journey.db().sql("select count(*) from task_inbox where assignee = ? and case_id in (?, ?, ?)")
                .params(leaver, ama, kojo, efua).query(Long.class).single()).as("the leaver holds none").isZero();
        to.forEach((caseId, worker) -> {
            assertThat(journey.record(caseId).allocatedWorker()).isEqualTo(worker);
            assertThat(journey.chronologyKinds(caseId)).contains("REALLOCATED");
        });
        // The work scheduled later opens for the new worker.
        journey.fire(ama, "cinReviewComesDue");
        assertThat(journey.task(ama, "reviewChildInNeedPlan").getAssignee()).isEqualTo("social.worker3");
    }

    /** Issue 17, through the tasklist alone: a social worker adds a police report to Priya's case and sees it listed. */
    @Test
    void aSocialWorkerAddsAPoliceReportToACaseAndSeesItListedThroughTheUi() throws Exception {
        String priya = journey.contact("Priya", "Documentsby", "2015-06-12").caseId();
        journey.complete(priya, "screenContact", app.casepath.Forms.screen("ASSESSMENT"), "fd.practitioner");
        journey.complete(priya, "allocateCase", app.casepath.Forms.allocate("social.worker"), "team.manager");

        String output = run("documents", "Priya Documentsby");

        assertThat(output).contains("UPLOADED");
        assertThat(journey.db().sql("select count(*) from case_document where case_id = ? and title = 'Police report'"
                + " and category = 'POLICE' and not generated").param(priya).query(Long.class).single()).isEqualTo(1);
    }

    /**
     * Issue 17, what Casepath writes, through the tasklist alone: Rosa's chronology is printed as a PDF; her
     * assessment, shared with her family by email, is authorised by the team manager, and the family's email
     * arrives with the assessment as a PDF; a chair holds Tomas's initial conference and the outcome letter
     * is listed and downloads as a PDF.
     */
    @Test
    void theFamilysAssessmentIsEmailedAsAPdfAndTheChairsOutcomeLetterDownloadsThroughTheUi() throws Exception {
        String rosa = journey.contact("Rosa", "Lettersby", "2015-06-12").caseId();
        journey.complete(rosa, "screenContact", app.casepath.Forms.screen("ASSESSMENT"), "fd.practitioner");
        journey.complete(rosa, "allocateCase", app.casepath.Forms.allocate("social.worker"), "team.manager");
        String tomas = journey.contact("Tomas", "Letterford", "2014-01-20").caseId();
        journey.complete(tomas, "screenContact", app.casepath.Forms.screen("STRATEGY_DISCUSSION"), "fd.practitioner");
        journey.complete(tomas, "holdStrategyDiscussion", app.casepath.Forms.strategy("S47"), "social.worker");
        journey.complete(tomas, "completeSection47Enquiry", app.casepath.Forms.section47("CONVENE_ICPC", null), "social.worker");
        assertThat(journey.openTaskKeys(tomas)).contains("holdInitialConference");
        String family = "rosa.family@family.example";

        String output = run("letters", json.writeValueAsString(Map.of(
                "child", "Rosa Lettersby", "conferenceChild", "Tomas Letterford", "email", family)));

        assertThat(output).contains("LETTER application/pdf a PDF");
        assertThat(journey.db().sql("select count(*) from case_document where case_id = ? and generated and kind = 'CONFERENCE_OUTCOME'")
                .param(tomas).query(Long.class).single()).isPositive();

        // The family's email, from the outbox, with the assessment for the family attached as a PDF.
        sender.sendDue();
        List<MimeMessage> toFamily = new ArrayList<>();
        for (MimeMessage m : smtp.getReceivedMessages()) {
            if (java.util.Arrays.stream(m.getRecipients(Message.RecipientType.TO)).anyMatch(a -> a.toString().equals(family))) {
                toFamily.add(m);
            }
        }
        assertThat(toFamily).as("emails to the family").isNotEmpty();
        List<byte[]> pdfs = new ArrayList<>();
        for (MimeMessage m : toFamily) {
            pdfs.addAll(pdfsIn(m));
        }
        assertThat(pdfs).as("PDFs attached to the family's email").isNotEmpty();
        assertThat(new String(pdfs.get(0), 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
    }

    /**
     * Issue 18, through the browser and a real provider: a social worker signs in with their council
     * account and lands in their inbox with the groups the provider gave, the engine's identity service
     * brought in step (a stale name and group from before are corrected); sign-out ends the provider's
     * session too, so signing in again asks for the password; an account in no Casepath group is refused
     * with a page that says why, and is not created. Casepath is at 127.0.0.1 and the provider at
     * localhost: another site, as Entra ID is, so the session cookie must let the provider's redirect in.
     */
    @Test
    void aSocialWorkerSignsInWithTheirCouncilAccountSignsOutOfBothAndAnAccountInNoGroupIsRefusedThroughTheUi() throws Exception {
        CouncilProvider.Account worker = CouncilProvider.SOCIAL_WORKER;
        CouncilProvider.Account outsider = CouncilProvider.NO_CASEPATH_GROUP;
        String base = "http://127.0.0.1:" + port;
        CouncilProvider.shared().allowCasepathAt(base);
        // Known from before the provider came, under an old surname and in the Front Door.
        if (identity.createUserQuery().userId(worker.username()).count() == 0) {
            org.camunda.bpm.engine.identity.User before = identity.newUser(worker.username());
            before.setFirstName("Amira");
            before.setLastName("Maidenname");
            identity.saveUser(before);
            identity.createMembership(worker.username(), "front-door");
        }

        String output = run(base, "council", json.writeValueAsString(Map.of("username", worker.username(),
                "password", CouncilProvider.PASSWORD, "refused", outsider.username())));

        assertThat(output).contains("SIGNED IN {\"username\":\"amira.rahman\",\"displayName\":\"Amira Rahman\","
                + "\"groups\":[\"social-workers\"]}", "SIGNED OUT at " + base + "/sign-in", "ME AFTER SIGN-OUT 401",
                "REFUSED at /sign-in/refused, /api/me 401");
        assertThat(output.lines().filter(l -> l.startsWith("PROVIDER ASKS at " + CouncilProvider.shared().issuer())))
                .as("the provider asked for a password each time: its session ended at sign-out").hasSize(2);
        org.camunda.bpm.engine.identity.User user = identity.createUserQuery().userId(worker.username()).singleResult();
        assertThat(user.getLastName()).isEqualTo("Rahman");
        assertThat(user.getEmail()).isEqualTo(worker.email());
        assertThat(identity.createGroupQuery().groupMember(worker.username()).list())
                .extracting(org.camunda.bpm.engine.identity.Group::getId).containsExactly("social-workers");
        assertThat(identity.createUserQuery().userId(outsider.username()).count()).as("a refused account is not created").isZero();
        assertThat(journey.db().sql("select username || ' ' || status || ' ' || coalesce(detail, '') from audit_log"
                + " where action in ('SIGN_IN', 'SIGN_OUT') and username in (?, ?) order by id")
                .params(worker.username(), outsider.username()).query(String.class).list()).containsSubsequence(
                "amira.rahman 302 signed in with the council's account", "amira.rahman 200 ",
                "ian.finance 401 refused: the council account is in none of Casepath's groups");
    }

    /** The PDF attachments of a message, however deep in its parts. */
    private static List<byte[]> pdfsIn(Part part) throws Exception {
        List<byte[]> found = new ArrayList<>();
        if (part.isMimeType("multipart/*")) {
            Multipart parts = (Multipart) part.getContent();
            for (int i = 0; i < parts.getCount(); i++) {
                found.addAll(pdfsIn(parts.getBodyPart(i)));
            }
        } else if (part.isMimeType("application/pdf")) {
            try (var in = part.getInputStream()) {
                found.add(in.readAllBytes());
            }
        }
        return found;
    }

    /** A child of the leaver's in the team: a contact screened for assessment, allocated to social.worker there. */
    private String leaversChild(String firstName, String dateOfBirth, String teamId) {
        String caseId = journey.contact(firstName, "Leaverton", dateOfBirth).caseId();
        journey.complete(caseId, "screenContact", app.casepath.Forms.screen("ASSESSMENT"), "fd.practitioner");
        journey.complete(caseId, "allocateCase", Map.of("team", teamId, "socialWorker", "social.worker"), "team.manager");
        return caseId;
    }
}
