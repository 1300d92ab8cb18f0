package app.casepath;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ConnectException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A fresh app used at once: the plain run (demo profile, H2, the demo caseload, the job executor
 * on), with a Front Door practitioner knocking from the moment the port opens. Until the demo
 * caseload is loaded /api answers 503 with Retry-After and the health check is not up; the first
 * answer finds the whole caseload there, and the case the practitioner then records and screens
 * is moved by them alone, on today's clock.
 */
class StartupTest {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final ObjectMapper json = new ObjectMapper();
    private int port;

    @Test
    void aFreshAppAnswersOnlyWhenItsCaseloadIsLoadedAndLeavesTheFirstUsersCaseToThem() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        CompletableFuture<ConfigurableApplicationContext> app = CompletableFuture.supplyAsync(() ->
                new SpringApplicationBuilder(CasepathApplication.class).profiles("demo").run(
                        "--server.port=" + port,
                        "--spring.datasource.url=jdbc:h2:mem:casepath-startup;DB_CLOSE_DELAY=-1",
                        "--casepath.demo.caseload=true",
                        "--camunda.bpm.generic-properties.properties.hostname=startup-test"));
        try {
            int refusedWhileStarting = 0;
            boolean healthDownWhileStarting = false;
            HttpResponse<String> me;
            Instant giveUp = Instant.now().plus(Duration.ofMinutes(3));
            while (true) {
                assertThat(Instant.now()).as("the app answered within three minutes").isBefore(giveUp);
                assertThat(app).as("the app did not fail to start").isNotCompletedExceptionally();
                me = get("/api/me", "fd.practitioner");
                if (me == null) {
                    Thread.sleep(50);
                    continue;
                }
                if (me.statusCode() != 503) {
                    break;
                }
                assertThat(me.headers().firstValue("Retry-After")).as("Retry-After on 503").isPresent();
                assertThat(me.body()).contains("starting");
                refusedWhileStarting++;
                HttpResponse<String> health = get("/actuator/health", null);
                healthDownWhileStarting |= health != null && health.statusCode() == 503;
                Thread.sleep(50);
            }
            assertThat(me.statusCode()).as(me.body()).isEqualTo(200);
            long casesAtFirstAnswer = total(get("/api/cases?size=1", "service.manager"));

            // The practitioner's first minute: a contact, screened straight away.
            OffsetDateTime receivedAt = OffsetDateTime.now().withNano(0);
            HttpResponse<String> contact = post("/api/contacts", "fd.practitioner", Map.of(
                    "receivedAt", receivedAt.toString(), "source", "1B",
                    "referrer", Map.of("name", "Ms Okoye", "organisation", "St Mary's Primary"),
                    "child", Map.of("firstName", "Early", "lastName", "Bird", "dateOfBirth", "2017-05-14", "gender", "M",
                            "ethnicity", "ABAN"),
                    "concerns", "Bruising to the upper arm."));
            assertThat(contact.statusCode()).as(contact.body()).isEqualTo(201);
            String caseId = json.readTree(contact.body()).get("caseId").asText();
            String screening = taskOf(caseId, "screenContact");
            HttpResponse<String> screened = post("/api/tasks/" + screening + "/complete", "fd.practitioner",
                    Forms.screen("ASSESSMENT"));
            assertThat(screened.statusCode()).as(screened.body()).isEqualTo(204);

            assertThat(refusedWhileStarting).as("requests refused while the caseload loaded").isPositive();
            assertThat(healthDownWhileStarting).as("the health check was not up while starting").isTrue();
            assertThat(casesAtFirstAnswer).as("the whole demo caseload was there at the first answer").isGreaterThanOrEqualTo(40);
            assertThat(total(get("/api/cases?size=1", "service.manager"))).isEqualTo(casesAtFirstAnswer + 1);
            assertThat(get("/actuator/health", null).statusCode()).isEqualTo(200);

            JsonNode view = json.readTree(get("/api/cases/" + caseId, "service.manager").body());
            assertThat(view.get("stage").asText()).as("moved only by its user").isEqualTo("ASSESSMENT");
            assertThat(view.get("openTasks").findValuesAsText("taskKey")).containsExactly("allocateCase");
            JsonNode chronology = json.readTree(get("/api/cases/" + caseId + "/chronology", "service.manager").body());
            // Entries without an actor are the record's own consequences (the stage moving on).
            assertThat(chronology.findValues("actor").stream().filter(actor -> !actor.isNull()).map(JsonNode::asText))
                    .as("no one but the practitioner worked the case").containsOnly("fd.practitioner");
            for (JsonNode entry : chronology) {
                Instant at = OffsetDateTime.parse(entry.get("occurredAt").asText()).toInstant();
                assertThat(at).as("on today's clock, not the loader's").isAfter(receivedAt.toInstant().minusSeconds(60));
            }
        } finally {
            app.get(3, TimeUnit.MINUTES).close();
        }
    }

    private String taskOf(String caseId, String taskKey) throws Exception {
        JsonNode page = json.readTree(get("/api/tasks?view=groups&size=100&taskKey=" + taskKey, "fd.practitioner").body());
        for (JsonNode item : page.get("items")) {
            if (item.get("caseId").asText().equals(caseId)) {
                return item.get("taskId").asText();
            }
        }
        throw new AssertionError("no " + taskKey + " task for the new case in " + page);
    }

    private long total(HttpResponse<String> page) throws Exception {
        assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
        return json.readTree(page.body()).get("total").asLong();
    }

    /** The answer, or null while the port is not yet open. */
    private HttpResponse<String> get(String path, String user) throws Exception {
        return send(request(path, user).GET().build());
    }

    private HttpResponse<String> post(String path, String user, Object body) throws Exception {
        return send(request(path, user).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body))).build());
    }

    private HttpRequest.Builder request(String path, String user) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .timeout(Duration.ofSeconds(30));
        if (user != null) {
            request.header("Authorization", "Basic " + Base64.getEncoder()
                    .encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8)));
        }
        return request;
    }

    private static HttpResponse<String> send(HttpRequest request) throws Exception {
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (ConnectException notYetListening) {
            return null;
        }
    }
}
