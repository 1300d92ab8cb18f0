package app.casepath.resilience;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import app.casepath.process.Journey;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

/**
 * Two Casepath nodes (separate JVMs) share one PostgreSQL and one mail server, as a council's
 * cluster does, and go through what servers go through: both working at once, one killed with
 * SIGKILL mid-run, the database restarted under them, the mail server down for a while. After
 * each: every acknowledged case is there with its process, every timer fired exactly once, and
 * every email was delivered exactly once.
 * <p>
 * Timers are made due by moving their due dates to now in the database (the nodes run on the
 * real clock); everything else goes through the nodes' HTTP API as the demo users.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ResilienceTest {

    private static final Path WORK = Path.of("target/resilience");
    private static final Duration SETTLE = Duration.ofSeconds(90);
    private static final Pattern MESSAGE_ID = Pattern.compile("<casepath-outbox-(\\d+)@");

    private static int databasePort;
    private static EmbeddedPostgres database;
    private static int smtpPort;
    private static GreenMail mail;
    /** Emails a stopped mail server had received: a restarted GreenMail starts empty. */
    private static final List<MimeMessage> delivered = Collections.synchronizedList(new ArrayList<>());
    private static Node a;
    private static Node b;
    /** Every case a node acknowledged with 201, and every timer made due: none may be lost. */
    private static final Set<String> acknowledgedCases = Collections.synchronizedSet(new HashSet<>());
    private static final Set<String> dueTimers = new HashSet<>();
    /** The email (if any) the mail server had accepted from node A when A was killed. */
    private static final Set<Long> inFlightAtTheKill = new HashSet<>();

    @BeforeAll
    static void cluster() throws Exception {
        Files.createDirectories(WORK);
        try (var logs = Files.newDirectoryStream(WORK, "*.log")) {
            for (Path log : logs) {
                Files.delete(log);
            }
        }
        databasePort = Node.freePort();
        startDatabase(true);
        smtpPort = Node.freePort();
        startMail();
        String jdbcUrl = "jdbc:postgresql://localhost:" + databasePort + "/postgres";
        a = new Node("node-a", WORK, jdbcUrl, smtpPort);
        b = new Node("node-b", WORK, jdbcUrl, smtpPort);
        // At the same moment, on an empty database: both race to make the schemas, the demo users
        // and the deployment (twoNodesStartedTogetherOnAnEmptyDatabaseDeployOnce checks the result).
        a.start();
        b.start();
        a.awaitUp(Duration.ofSeconds(180));
        b.awaitUp(Duration.ofSeconds(180));
    }

    @AfterAll
    static void shutDown() throws Exception {
        for (Node node : new Node[] {a, b}) {
            if (node != null) {
                node.stop();
            }
        }
        if (mail != null) {
            mail.stop();
        }
        if (database != null) {
            database.close();
        }
    }

    @Test
    @Order(0)
    void twoNodesStartedTogetherOnAnEmptyDatabaseDeployOnce() throws Exception {
        Set<String> processes = new HashSet<>(Journey.STAGE_PROCESSES);
        processes.add(Journey.MAIN_PROCESS);
        processes.addAll(Journey.RECORD_PROCESSES);
        Map<String, Long> definitions = new HashMap<>();
        query("select key_, count(*) from act_re_procdef group by key_", rows -> definitions.put(rows.getString(1), rows.getLong(2)));
        assertThat(definitions.keySet()).as("process definitions").containsExactlyInAnyOrderElementsOf(processes);
        assertThat(definitions).as("one version of each model, not one per node")
                .allSatisfy((key, versions) -> assertThat(versions).as(key).isEqualTo(1L));
        assertThat(count("select count(*) from act_re_procdef where version_ <> 1")).as("second versions").isZero();
        assertThat(count("select count(*) from act_re_deployment")).as("deployments").isEqualTo(1);
        assertThat(count("select count(*) from flyway_schema_history where not success")).as("failed migrations").isZero();
        assertThat(count("select count(*) from act_id_user")).as("demo users (DemoUsers.PEOPLE), each once").isEqualTo(11);
        for (Node node : new Node[] {a, b}) {
            assertThat(node.get("/actuator/health", null).statusCode()).as("%s healthy", node.name).isEqualTo(200);
            assertThat(node.errorsInLog()).as("errors in %s's log", node.name).isEmpty();
        }
    }

    @Test
    @Order(1)
    void twoNodesRunABurstOfTimersEachExactlyOnce() throws Exception {
        recordContacts(120, a, b);
        screenHalfOfThem();
        Set<String> timers = makeTimersDue();

        awaitAllFired(timers);
        assertEachFiredOnce(timers);
        awaitAllEmailsSent();
        assertEveryEmailDeliveredOnce();
    }

    @Test
    @Order(2)
    void aBrowserSignedInOnOneNodeIsSignedInOnTheOther() throws Exception {
        HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
        browser.send(HttpRequest.newBuilder(URI.create(a.url("/api/csrf"))).build(), HttpResponse.BodyHandlers.ofString());
        String token = ((CookieManager) browser.cookieHandler().orElseThrow()).getCookieStore().getCookies().stream()
                .filter(c -> c.getName().equals("XSRF-TOKEN")).findFirst().orElseThrow().getValue();
        HttpResponse<String> signedIn = browser.send(HttpRequest.newBuilder(URI.create(a.url("/api/login")))
                .header("Content-Type", "application/json").header("X-XSRF-TOKEN", token)
                .POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"fd.practitioner\",\"password\":\"demo\"}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(signedIn.statusCode()).as(signedIn.body()).isEqualTo(200);

        // The load balancer sends the next request to the other node: same cookies, no sticky session.
        HttpResponse<String> me = browser.send(HttpRequest.newBuilder(URI.create(b.url("/api/me"))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(me.statusCode()).isEqualTo(200);
        assertThat(me.body()).contains("fd.practitioner");
    }

    @Test
    @Order(3)
    void aNodeKilledMidRunLosesNothingAndSendsNothingTwice() throws Exception {
        recordContacts(200, a, b);
        AtomicBoolean running = new AtomicBoolean(true);
        List<Throwable> clerkFailures = Collections.synchronizedList(new ArrayList<>());
        Thread clerk = new Thread(() -> {
            // Keeps node A busy with contacts until it dies; what it acknowledged must survive.
            for (int i = 0; running.get(); i++) {
                try {
                    recordContact(a, "killed" + i);
                } catch (IOException | InterruptedException killed) {
                    return;
                } catch (Throwable refused) {
                    // A contact that node A answered but did not accept (not 201) is a fault, not the
                    // kill (a killed node answers nothing): it must reach the test, not die with the thread.
                    clerkFailures.add(refused);
                    return;
                }
            }
        });
        clerk.start();
        Set<String> timers = makeTimersDue();
        await("node A has started on the due timers", Duration.ofSeconds(30),
                () -> hostsThatFired(timers).contains("node-a"));
        a.kill();
        running.set(false);
        clerk.join();
        assertThat(clerkFailures).as("the clerk's contacts to node A before the kill").isEmpty();

        awaitAllFired(timers);
        assertEachFiredOnce(timers);
        // Which node takes a burst is the engine's race (a quick node may take all of one); here
        // A is known to have started, and what it held when it died, B finished.
        assertThat(hostsThatFired(timers)).as("node A before the kill, node B after it")
                .containsExactlyInAnyOrder("node-a", "node-b");
        assertEveryAcknowledgedCaseHasItsJourney();
        awaitAllEmailsSent();
        // SMTP has no way to take an email back: one that the mail server accepted from node A in
        // the instant before A could record it as sent is sent again by B, with the same
        // Message-ID, by which mail systems show it once. A node sends one email at a time, so at
        // most one is affected; any other copy is a fault.
        deliveries().forEach((id, n) -> {
            if (n > 1) {
                inFlightAtTheKill.add(id);
            }
        });
        assertThat(inFlightAtTheKill).as("emails in flight when node A was killed").hasSizeLessThanOrEqualTo(1);
        assertThat(deliveries()).as("copies of the one in flight").allSatisfy((id, n) -> assertThat(n).isLessThanOrEqualTo(2));
        assertEveryEmailDeliveredOnce();
    }

    @Test
    @Order(4)
    void aDatabaseRestartIsRiddenOutWithoutRestartingTheNode() throws Exception {
        database.close();
        HttpResponse<String> duringOutage = b.get("/api/tasks?view=mine", "fd.practitioner");
        assertThat(duringOutage.statusCode()).as(duringOutage.body()).isEqualTo(503);
        assertThat(duringOutage.headers().firstValue("Retry-After")).contains("10");
        assertThat(b.get("/actuator/health", null).statusCode()).as("the load balancer's health check").isEqualTo(503);

        startDatabase(false);
        await("node B answers again", Duration.ofSeconds(60),
                () -> b.get("/api/tasks?view=mine", "fd.practitioner").statusCode() == 200);
        recordContacts(20, b);
        Set<String> timers = makeTimersDue();
        awaitAllFired(timers);
        assertEachFiredOnce(timers);
        assertEveryAcknowledgedCaseHasItsJourney();
        awaitAllEmailsSent();
        assertEveryEmailDeliveredOnce();
    }

    @Test
    @Order(5)
    void emailsWaitOutAMailOutageAndArriveOnce() throws Exception {
        delivered.addAll(List.of(mail.getReceivedMessages()));
        mail.stop();
        recordContacts(10, b);
        Set<String> timers = makeTimersDue();
        awaitAllFired(timers);
        await("sending has failed while the mail server is down", Duration.ofSeconds(30),
                () -> count("select count(*) from email_outbox where sent_at is null and attempts > 0") > 0);

        startMail();
        awaitAllEmailsSent();
        assertEveryEmailDeliveredOnce();
        assertThat(count("select count(*) from act_ru_incident")).as("incidents").isZero();
    }

    // --- the workload -------------------------------------------------------------------------

    private static void recordContacts(int count, Node... nodes) throws IOException, InterruptedException {
        for (int i = 0; i < count; i++) {
            recordContact(nodes[i % nodes.length], "c" + acknowledgedCases.size());
        }
    }

    private static void recordContact(Node node, String name) throws IOException, InterruptedException {
        HttpResponse<String> answer = node.post("/api/contacts", """
                {"receivedAt": "%s", "source": "2A",
                 "child": {"firstName": "Res%s", "lastName": "Node", "dateOfBirth": "2015-01-01"},
                 "concerns": "Generated by the resilience test."}""".formatted(Instant.now(), name), "fd.practitioner");
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(201);
        Matcher caseId = Pattern.compile("\"caseId\"\\s*:\\s*\"([^\"]+)\"").matcher(answer.body());
        assertThat(caseId.find()).isTrue();
        acknowledgedCases.add(caseId.group(1));
    }

    /** Half the open screenings go on to assessment, on alternate nodes (more tasks, timers, emails). */
    private static void screenHalfOfThem() throws Exception {
        List<String> tasks = strings("select id_ from act_ru_task where task_def_key_ = 'screenContact' order by id_");
        for (int i = 0; i < tasks.size(); i += 2) {
            HttpResponse<String> answer = (i % 4 == 0 ? a : b).post("/api/tasks/" + tasks.get(i) + "/complete", """
                    {"decision": "ASSESSMENT", "worries": ["Bruising seen at school."],
                     "workingWell": ["Attends school."], "needsToHappen": ["A social work assessment."],
                     "rationale": "Threshold level 3."}""", "fd.practitioner");
            assertThat(answer.statusCode()).as(answer.body()).isEqualTo(204);
        }
    }

    /** Every pending timer falls due now, all at once, as at 08:00 on a working day. */
    private static Set<String> makeTimersDue() throws SQLException {
        Set<String> timers = new HashSet<>(strings(
                "update act_ru_job set duedate_ = now() where type_ = 'timer' and duedate_ > now() returning id_"));
        assertThat(timers).as("timers made due").isNotEmpty();
        dueTimers.addAll(timers);
        return timers;
    }

    // --- what must hold -----------------------------------------------------------------------

    private static void awaitAllFired(Set<String> timers) throws InterruptedException {
        await(timers.size() + " timers fired", SETTLE,
                () -> count("select count(*) from act_ru_job where id_ = any(?)", timers) == 0);
    }

    private static void assertEachFiredOnce(Set<String> timers) throws SQLException {
        Map<String, Long> successes = new HashMap<>();
        query("select job_id_, count(*) from act_hi_job_log where job_state_ = 2 and job_id_ = any(?) group by job_id_",
                rows -> successes.put(rows.getString(1), rows.getLong(2)), timers);
        assertThat(successes.keySet()).as("every timer fired").containsExactlyInAnyOrderElementsOf(timers);
        assertThat(successes.values()).as("no timer fired twice").containsOnly(1L);
    }

    private static Set<String> hostsThatFired(Set<String> timers) throws SQLException {
        return new HashSet<>(strings("select distinct hostname_ from act_hi_job_log where job_state_ = 2 and job_id_ = any(?)",
                timers));
    }

    private static void assertEveryAcknowledgedCaseHasItsJourney() throws SQLException {
        Set<String> withJourney = new HashSet<>(strings("""
                select c.case_id from child_case c join act_ru_execution e on e.id_ = c.process_instance_id
                where c.case_id = any(?)""", acknowledgedCases));
        assertThat(withJourney).as("acknowledged cases with a running journey").containsExactlyInAnyOrderElementsOf(
                acknowledgedCases);
        assertThat(count("select count(*) from child_case where process_instance_id is null")).as("half-made cases").isZero();
    }

    private static void awaitAllEmailsSent() throws InterruptedException {
        await("every email sent", SETTLE, () -> count("select count(*) from email_outbox where sent_at is null") == 0);
    }

    private static void assertEveryEmailDeliveredOnce() throws SQLException, MessagingException {
        Map<Long, Integer> copies = deliveries();
        Set<Long> outbox = new HashSet<>();
        query("select id from email_outbox", rows -> outbox.add(rows.getLong(1)));
        assertThat(outbox).as("emails").isNotEmpty();
        assertThat(copies.keySet()).as("every email delivered").containsExactlyInAnyOrderElementsOf(outbox);
        copies.keySet().removeAll(inFlightAtTheKill);
        assertThat(copies.values()).as("no email delivered twice").containsOnly(1);
    }

    /** How many times each outbox email reached the mail server, by the Message-ID it carries. */
    private static Map<Long, Integer> deliveries() throws MessagingException {
        List<MimeMessage> all = new ArrayList<>(delivered);
        all.addAll(List.of(mail.getReceivedMessages()));
        Map<Long, Integer> copies = new HashMap<>();
        for (MimeMessage message : all) {
            Matcher id = MESSAGE_ID.matcher(String.valueOf(message.getMessageID()));
            assertThat(id.find()).as("Message-ID %s", message.getMessageID()).isTrue();
            copies.merge(Long.parseLong(id.group(1)), 1, Integer::sum);
        }
        return copies;
    }

    // --- the parts ----------------------------------------------------------------------------

    private static void startDatabase(boolean fresh) throws IOException {
        Path data = WORK.resolve("pgdata");
        if (fresh) {
            org.springframework.util.FileSystemUtils.deleteRecursively(data);
        }
        database = EmbeddedPostgres.builder()
                .setPort(databasePort)
                .setDataDirectory(data)
                // Kept when the server stops, so that the restart finds the data (zonky deletes it otherwise).
                .setCleanDataDirectory(false)
                .setServerConfig("jit", "off")
                .start();
    }

    private static void startMail() {
        mail = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        mail.start();
    }

    private interface Check {
        boolean holds() throws Exception;
    }

    /** Polls until the check holds; a check that fails to run (database restarting, node down) does not hold yet. */
    private static void await(String what, Duration timeout, Check check) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!holds(check)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within " + timeout + ": " + what + "\n--- node-a\n" + a.logTail()
                        + "\n--- node-b\n" + b.logTail());
            }
            Thread.sleep(250);
        }
    }

    private static boolean holds(Check check) throws InterruptedException {
        try {
            return check.holds();
        } catch (InterruptedException e) {
            throw e;
        } catch (Exception notYet) {
            return false;
        }
    }

    private interface Row {
        void read(ResultSet rows) throws SQLException;
    }

    private static void query(String sql, Row row, Set<String> param) throws SQLException {
        try (Connection db = DriverManager.getConnection("jdbc:postgresql://localhost:" + databasePort + "/postgres",
                "postgres", "postgres"); PreparedStatement statement = db.prepareStatement(sql)) {
            if (param != null) {
                statement.setArray(1, db.createArrayOf("varchar", param.toArray()));
            }
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    row.read(rows);
                }
            }
        }
    }

    private static void query(String sql, Row row) throws SQLException {
        query(sql, row, null);
    }

    private static List<String> strings(String sql) throws SQLException {
        return strings(sql, null);
    }

    private static List<String> strings(String sql, Set<String> param) throws SQLException {
        List<String> values = new ArrayList<>();
        query(sql, rows -> values.add(rows.getString(1)), param);
        return values;
    }

    private static long count(String sql) throws SQLException {
        return count(sql, null);
    }

    private static long count(String sql, Set<String> param) throws SQLException {
        long[] value = new long[1];
        query(sql, rows -> value[0] = rows.getLong(1), param);
        return value[0];
    }
}
