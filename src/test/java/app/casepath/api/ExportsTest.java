package app.casepath.api;

import static app.casepath.Forms.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalTime;


import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * Who may have the returns, and their bad input, against a fixture in 2018 (the lists themselves:
 * AnnexATest; the census: app.casepath.exports.CinCensusContract) (no other test uses that year):
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

    @Test
    void returnsAreForManagersAndNameTheirBadInput() {
        assertThat(as("social.worker").get("/api/exports/annex-a/1.csv").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(as("service.manager").get("/api/exports/annex-a/2.csv").getBody().get("errors").get(0).get("field").asText())
                .isEqualTo("list");
        assertThat(as("service.manager").get("/api/exports/cin-census/1999.xml").getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    }
}
