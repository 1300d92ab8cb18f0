package app.casepath;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.ActiveProfiles;

import app.casepath.caserecord.CaseRecord;

/**
 * A plain run: the embedded H2 database and the demo users. The same Flyway migrations and models
 * must work there as on PostgreSQL.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.datasource.url=jdbc:h2:mem:casepath-boot;DB_CLOSE_DELAY=-1", "casepath.demo.caseload=true"})
@ActiveProfiles({"demo", "test"})
class BootsOnH2Test {

    @Autowired
    TestRestTemplate http;

    @Autowired
    JourneyDriver journey;

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void aContactIsRecordedAndScreenedOnH2() {
        journey.today(LocalDate.parse("2026-03-02"), LocalTime.of(9, 30));
        String caseId = journey.contact("Hana", "Embedded", "2017-01-01").caseId();
        assertThat(journey.dueOn(caseId, "screenContact")).isEqualTo(LocalDate.parse("2026-03-03"));
        journey.complete(caseId, "screenContact", Forms.screen("ASSESSMENT"), "fd.practitioner");
        assertThat(journey.openTaskKeys(caseId)).containsExactly("allocateCase");
        assertThat(journey.record(caseId).status()).isEqualTo(CaseRecord.Status.OPEN);
    }

    @Test
    void aNewUserSeesAWorkingCaseloadAtOnce() {
        String cases = http.withBasicAuth("service.manager", "demo").getForObject("/api/cases?size=100", String.class);
        java.util.regex.Matcher total = java.util.regex.Pattern.compile("\"total\":(\\d+)").matcher(cases);
        assertThat(total.find()).isTrue();
        assertThat(Integer.parseInt(total.group(1))).as("the demo caseload, and any case this class or AnnexAOnH2Test (five) added").isBetween(40, 50);
        for (String stage : List.of("FRONT_DOOR", "EARLY_HELP", "ASSESSMENT", "STRATEGY", "CONFERENCE", "CP_PLAN", "CIN_PLAN",
                "PANEL", "CLOSURE")) {
            assertThat(cases).as(stage).contains("\"stage\":\"" + stage + "\"");
        }
        String inbox = http.withBasicAuth("social.worker", "demo").getForObject("/api/tasks?view=mine&size=100", String.class);
        assertThat(inbox).contains("\"overdue\":true", "\"overdue\":false");
        var dashboard = http.withBasicAuth("service.manager", "demo").getForEntity("/api/dashboard/timeliness", String.class);
        assertThat(dashboard.getStatusCode()).as("the dashboard's SQL on H2 too").isEqualTo(HttpStatus.OK);
        assertThat(dashboard.getBody()).contains("\"key\":\"reReferrals\"", "\"overdue\":[{");
    }

    @Test
    void peopleAreFoundOnH2() {
        // The demo caseload's children are people (V14), found by sounds-alike names, other SQL than PostgreSQL's.
        String found = http.withBasicAuth("service.manager", "demo").getForObject("/api/people?q=Bilaal Rahmen", String.class);
        assertThat(found).contains("\"lastName\":\"Rahman\"", "\"kind\":\"CHILD\"", "\"restricted\":false");
        assertThat(http.withBasicAuth("service.manager", "demo").getForObject("/api/people?dateOfBirth=2017-05-14", String.class))
                .contains("\"firstName\":\"Bilal\"");
        assertThat(http.withBasicAuth("fd.practitioner", "demo").getForObject(
                "/api/people/matches?firstName=Bilal&lastName=Rahman&dateOfBirth=2017-05-14", String.class))
                .contains("\"sameDateOfBirth\":true");
    }

    @Autowired
    app.casepath.people.Relationships relationships;

    @Test
    void relationshipsAreTwoWayOnH2() {
        // Relationships' SQL (either side, the inverse, the related adult readable through the child's case) on H2 too.
        String child = journey.db().sql("select person_id from person where first_name = 'Bilal' and last_name = 'Rahman'")
                .query(String.class).list().get(0);
        var mother = relationships.add(journey.as("team.manager"), child, journey.json(java.util.Map.of(
                "otherPerson", java.util.Map.of("kind", "ADULT", "firstName", "Saira", "lastName", "Rahman"),
                "type", "MOTHER", "safetyNetwork", true, "roleInPlan", "Walks him to school")));
        String motherId = mother.otherPerson().personId();
        assertThat(http.withBasicAuth("service.manager", "demo").getForObject("/api/people/" + motherId, String.class))
                .contains("\"type\":\"CHILD\"", "\"current\":true");
        assertThat(relationships.safetyNetwork(child)).extracting(m -> m.name() + ", " + m.relationship())
                .contains("Saira Rahman, Mother");
        relationships.correct(journey.as("team.manager"), mother.relationshipId(), journey.json("{\"to\": \"2026-01-01\"}"));
        assertThat(relationships.of(journey.as("service.manager"), child)).filteredOn(r -> r.otherPerson().personId().equals(motherId))
                .extracting(r -> r.current()).containsExactly(false);
        assertThat(http.withBasicAuth("service.manager", "demo").getForObject("/api/people?q=Saira Rahman", String.class))
                .contains(motherId);
    }

    @Test
    void theEnginesRestApiIsForAdministratorsOnly() {
        assertThat(http.getForEntity("/engine-rest/process-definition/count", String.class).getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
        ResponseEntity<String> admin = http.withBasicAuth("admin", "demo")
                .getForEntity("/engine-rest/process-definition/count?latestVersion=true", String.class);
        assertThat(admin.getStatusCode()).isEqualTo(HttpStatus.OK);
        // The main journey, its stages, and the models of the record's own things (a warning's review).
        int models = 1 + app.casepath.process.Journey.STAGE_PROCESSES.size() + app.casepath.process.Journey.RECORD_PROCESSES.size();
        assertThat(admin.getBody()).isEqualTo("{\"count\":" + models + "}");
        assertThat(http.withBasicAuth("social.worker", "demo")
                .getForEntity("/engine-rest/process-definition/count", String.class).getStatusCode())
                .as("the engine's API is for administrators only").isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(http.withBasicAuth("nobody", "wrong")
                .getForEntity("/engine-rest/process-definition/count", String.class).getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    @Autowired
    org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl engine;

    @org.springframework.boot.test.web.server.LocalServerPort
    int port;

    /** Signs in to Cockpit as a browser would (CSRF token from the page, then the login form). */
    private int cockpitSignIn(String user, String password) throws Exception {
        var cookies = new java.net.CookieManager();
        var browser = java.net.http.HttpClient.newBuilder().cookieHandler(cookies).build();
        var page = browser.send(java.net.http.HttpRequest.newBuilder(
                java.net.URI.create("http://localhost:" + port + "/camunda/app/cockpit/default/")).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        String token = page.headers().firstValue("X-XSRF-TOKEN").orElseThrow();
        var login = java.net.http.HttpRequest.newBuilder(java.net.URI.create(
                        "http://localhost:" + port + "/camunda/api/admin/auth/user/default/login/cockpit"))
                .header("X-XSRF-TOKEN", token).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("username=" + user + "&password=" + password)).build();
        return browser.send(login, java.net.http.HttpResponse.BodyHandlers.ofString()).statusCode();
    }

    @Test
    void theCamundaWebappsAreForAdministratorsAndHaveNoSetupPage() throws Exception {
        assertThat(cockpitSignIn("admin", "demo")).isEqualTo(200);
        assertThat(cockpitSignIn("social.worker", "demo")).isEqualTo(403);
        assertThat(http.postForEntity("/camunda/api/admin/setup/default/user/create", null, String.class).getStatusCode())
                .as("the first admin came from configuration").isIn(HttpStatus.FORBIDDEN, HttpStatus.UNAUTHORIZED);
        assertThat(engine.isEnableExpressionsInAdhocQueries()).isFalse();
        assertThat(engine.isEnableExpressionsInStoredQueries()).isFalse();
        assertThat(engine.isAuthorizationEnabled()).isTrue();
    }

    @Test
    void cockpitIsServedAndHealthIsUp() {
        assertThat(http.getForEntity("/camunda/app/cockpit/default/", String.class).getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(http.getForEntity("/actuator/health", String.class).getBody()).contains("UP");
    }
}
