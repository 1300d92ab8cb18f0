package app.casepath.api;

import static app.casepath.Forms.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Arrays;
import java.util.List;


import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * Annex A lists against a fixture in 2018 (the CIN census: app.casepath.exports.CinCensusContract) (no other test uses that year):
 *  Esme: contact Mon 2 Jul 2018 to strategy; s47 from Tue 3 Jul; ICPC target Tue 24 Jul, held then:
 *        CP plan (neglect); visited (seen alone) when the first visit came due.
 *  Finn: contact Wed 1 Aug 2018 to assessment (worker 2); authorised NFA Mon 20 Aug (primary need N4,
 *        family in acute stress); closed Tue 21 Aug (RC8).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ExportsTest extends HttpTest {

    private String esme;
    private String finn;
    private String esmeChild;
    private String finnChild;
    private LocalDate visited;

    @BeforeAll
    void fixture() {
        journey.today(LocalDate.parse("2018-07-02"), LocalTime.of(10, 0));
        esme = journey.contact("Esme", "Export", "2010-06-15").caseId();
        journey.complete(esme, "screenContact", screen("STRATEGY_DISCUSSION"), "fd.practitioner");
        journey.today(LocalDate.parse("2018-07-03"));
        journey.complete(esme, "holdStrategyDiscussion", strategy("S47"), "social.worker");
        journey.today(LocalDate.parse("2018-07-20"));
        journey.complete(esme, "completeSection47Enquiry", section47("CONVENE_ICPC", null), "social.worker");
        journey.today(LocalDate.parse("2018-07-24"));
        journey.complete(esme, "holdInitialConference", initialConference("CP_PLAN"), "cp.chair");
        journey.fire(esme, "visitComesDue");
        visited = journey.today();
        journey.complete(esme, "recordVisit", visit(), "social.worker");

        journey.today(LocalDate.parse("2018-08-01"));
        finn = journey.contact("Finn", "Export", "2012-11-20").caseId();
        journey.complete(finn, "screenContact", screen("ASSESSMENT"), "fd.practitioner");
        journey.complete(finn, "allocateCase", allocate("social.worker2"), "team.manager");
        journey.today(LocalDate.parse("2018-08-20"));
        journey.complete(finn, "completeAssessment", assessment("NFA"), "social.worker2");
        journey.complete(finn, "authoriseAssessment", with(authorise("NFA"), "primaryNeed", "N4"), "team.manager");
        journey.today(LocalDate.parse("2018-08-21"));
        journey.complete(finn, "authoriseClosure", closure("RC8"), "team.manager");
        esmeChild = journey.record(esme).childId();
        finnChild = journey.record(finn).childId();
        org.camunda.bpm.engine.impl.util.ClockUtil.reset();
    }

    private List<String> csv(String list) {
        ResponseEntity<String> answer = http.withBasicAuth("service.manager", "demo")
                .getForEntity("/api/exports/annex-a/" + list + ".csv?to=2018-09-30", String.class);
        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(answer.getHeaders().getContentType().toString()).startsWith("text/csv");
        return Arrays.asList(answer.getBody().split("\r\n"));
    }

    private String row(String childId, String... fields) {
        String age = childId.equals(esmeChild) ? "8" : "5";
        String dob = childId.equals(esmeChild) ? "2010-06-15" : "2012-11-20";
        String worker = childId.equals(esmeChild) ? "social.worker" : "social.worker2";
        List<String> all = new java.util.ArrayList<>(List.of(childId, "F", "BAFR", dob, age, "Social work", worker));
        all.addAll(List.of(fields));
        return String.join(",", all.stream().map(f -> "\"" + f + "\"").toList());
    }

    @Test
    void annexAListsFieldByField() {
        assertThat(csv("1")).containsExactly(
                "\"Child ID\",\"Gender\",\"Ethnicity\",\"Date of birth\",\"Age\",\"Allocated team\",\"Allocated worker\",\"Contact date\",\"Contact source\"",
                row(esmeChild, "2018-07-02", "2A"), row(finnChild, "2018-08-01", "2A"));
        assertThat(csv("3")).hasSize(3).endsWith(
                row(esmeChild, "2018-07-02", "2A", "No", "0"), row(finnChild, "2018-08-01", "2A", "Yes", "0"));
        assertThat(csv("4")).hasSize(2).endsWith(row(finnChild, "2018-08-01", "No", "2018-08-20", "NFA"));
        assertThat(csv("5")).hasSize(2).endsWith(row(esmeChild, "2018-07-03", "2018-07-24", "2018-07-24", "Yes", "0"));
        assertThat(csv("6")).hasSize(3).endsWith(
                row(esmeChild, "2018-07-02", "N0", visited.toString(), "", "", "OPEN"),
                row(finnChild, "2018-08-01", "N4", "", "2018-08-21", "RC8", "CLOSED"));
        assertThat(csv("7")).hasSize(2).endsWith(
                row(esmeChild, "2018-07-24", "NEG", "NEG", visited.toString(), "Yes", "", "", "0"));
    }

    @Test
    void returnsAreForManagersAndNameTheirBadInput() {
        assertThat(as("social.worker").get("/api/exports/annex-a/1.csv").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(as("service.manager").get("/api/exports/annex-a/2.csv").getBody().get("errors").get(0).get("field").asText())
                .isEqualTo("list");
        assertThat(as("service.manager").get("/api/exports/cin-census/1999.xml").getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    }
}
