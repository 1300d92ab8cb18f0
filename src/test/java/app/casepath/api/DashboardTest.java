package app.casepath.api;

import static app.casepath.Forms.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.StreamSupport;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The dashboard against a fixture whose answers were worked out by hand (April–June 2019, a
 * period no other test touches). Working days: Good Friday 19 April, Easter Monday 22 April,
 * 6 and 27 May 2019 are bank holidays.
 *  A: contact Mon 1 Apr, screened Tue 2 Apr (due 2 Apr, met) to assessment; authorised NFA
 *     Wed 5 Jun (due 10 Jun, met), shared in person; closed 5 Jun.
 *  B: contact Fri 5 Apr 16:55, screened Tue 9 Apr (due Mon 8 Apr, missed) to strategy; s47 from
 *     Wed 10 Apr; ICPC due Fri 3 May, held Tue 7 May (missed): CP plan, parent 6, professionals 8, 9.
 *  C: contact Wed 1 May, screened the same day: NFA (met).
 *  D: A again, contact Mon 10 Jun, screened that day to assessment (met): a re-referral.
 */
class DashboardTest extends HttpTest {

    private void at(String date, int hour, int minute) {
        journey.today(LocalDate.parse(date), LocalTime.of(hour, minute));
    }

    private void fixture() {
        at("2019-04-01", 9, 0);
        String a = journey.contact("Amelia", "Fixture", "2012-01-01").caseId();
        at("2019-04-02", 10, 0);
        journey.complete(a, "screenContact", screen("ASSESSMENT"), "fd.practitioner");
        journey.complete(a, "allocateCase", allocate("social.worker"), "team.manager");

        at("2019-04-05", 16, 55);
        String b = journey.contact("Ben", "Fixture", "2013-02-02").caseId();
        at("2019-04-09", 10, 0);
        journey.complete(b, "screenContact", screen("STRATEGY_DISCUSSION"), "fd.practitioner");
        at("2019-04-10", 10, 0);
        journey.complete(b, "holdStrategyDiscussion", strategy("S47"), "social.worker");
        at("2019-04-30", 10, 0);
        journey.complete(b, "completeSection47Enquiry", section47("CONVENE_ICPC", null), "social.worker");
        at("2019-05-07", 10, 0);
        Map<String, Object> icpc = new HashMap<>(initialConference("CP_PLAN"));
        icpc.put("parentFeedbackScore", 6);
        icpc.put("professionalFeedbackScores", java.util.List.of(8, 9));
        journey.complete(b, "holdInitialConference", icpc, "cp.chair");

        at("2019-05-01", 11, 0);
        String c = journey.contact("Cara", "Fixture", "2014-03-03").caseId();
        journey.complete(c, "screenContact", screen("NFA"), "fd.practitioner");

        at("2019-06-05", 10, 0);
        journey.complete(a, "completeAssessment", assessment("NFA"), "social.worker");
        journey.complete(a, "authoriseAssessment", authorise("NFA"), "team.manager");
        journey.complete(a, "authoriseClosure", closure("RC8"), "team.manager");

        at("2019-06-10", 10, 0);
        String d = journey.contact("Amelia", "Fixture", "2012-01-01").caseId();
        journey.complete(d, "screenContact", screen("ASSESSMENT"), "fd.practitioner");
    }

    private static JsonNode figure(JsonNode dashboard, String key) {
        return StreamSupport.stream(dashboard.get("figures").spliterator(), false)
                .filter(f -> f.get("key").asText().equals(key)).findFirst().orElseThrow(() -> new AssertionError(key));
    }

    private static long added(JsonNode before, JsonNode after, String key) {
        return figure(after, key).get("numerator").asLong() - figure(before, key).get("numerator").asLong();
    }

    private static String value(JsonNode dashboard, String key) {
        JsonNode f = figure(dashboard, key);
        return f.get("value").isNull() ? "none" : f.get("value").decimalValue().stripTrailingZeros().toPlainString()
                + (f.get("denominator").isNull() ? "" : " (" + f.get("numerator").asLong() + "/" + f.get("denominator").asLong() + ")");
    }

    private JsonNode dashboard() {
        return as("service.manager").get("/api/dashboard/timeliness?from=2019-04-01&to=2019-06-30").getBody();
    }

    @Test
    void figuresMatchTheHandWorkedFixture() {
        // Children still open from other tests' earlier fixtures are, rightly, open in this period too.
        JsonNode before = dashboard();
        fixture();
        JsonNode d = dashboard();

        assertThat(value(d, "contacts")).isEqualTo("4");
        assertThat(value(d, "referrals")).isEqualTo("3");
        assertThat(value(d, "reReferrals")).isEqualTo("33.3 (1/3)");
        assertThat(value(d, "contactDecisionsInTime")).isEqualTo("75 (3/4)");
        assertThat(value(d, "assessmentsInTime")).isEqualTo("100 (1/1)");
        assertThat(value(d, "initialConferencesInTime")).isEqualTo("0 (0/1)");
        assertThat(value(d, "reviewConferencesInTime")).isEqualTo("none");
        assertThat(added(before, d, "childrenInNeed")).as("2 children (A twice)").isEqualTo(2);
        assertThat(added(before, d, "childrenOnPlans")).isEqualTo(1);
        assertThat(figure(d, "childrenInNeed").get("denominator").asLong()).isEqualTo(78_000);
        assertThat(value(d, "plansCeased")).isEqualTo("0 (0/78000)");
        assertThat(value(d, "secondOrSubsequentPlans")).isEqualTo("0 (0/1)");
        assertThat(value(d, "plansOverOneYear")).isEqualTo("0");
        assertThat(value(d, "parentFeedback")).isEqualTo("6");
        assertThat(figure(d, "parentFeedback").get("numerator").asLong()).as("forms").isEqualTo(1);
        assertThat(value(d, "professionalFeedback")).isEqualTo("8.5");
        assertThat(figure(d, "professionalFeedback").get("numerator").asLong()).isEqualTo(2);
        assertThat(value(d, "assessmentsShared")).isEqualTo("100 (1/1)");
        assertThat(value(d, "panelRequests")).isEqualTo("0");

        assertThat(figure(d, "reReferrals").get("children")).singleElement().satisfies(child -> {
            assertThat(child.get("childName").asText()).isEqualTo("Amelia Fixture");
            assertThat(child.get("on").asText()).isEqualTo("2019-06-10");
        });
        assertThat(figure(d, "contactDecisionsInTime").get("children")).extracting(ch -> ch.get("childName").asText()
                + " " + ch.get("detail").asText()).containsExactly("Amelia Fixture MET", "Ben Fixture MISSED",
                "Cara Fixture MET", "Amelia Fixture MET");

        assertThat(d.get("trend")).extracting(m -> m.get("month").asText() + " " + m.get("contacts").asLong() + " "
                + m.get("referrals").asLong() + " " + m.get("contactDecisionsInTime").decimalValue().stripTrailingZeros().toPlainString())
                .containsExactly("2019-04 2 2 50", "2019-05 1 0 100", "2019-06 1 1 100");
        assertThat(d.get("trend").get(1).get("initialConferencesInTime").decimalValue().signum()).isZero();
    }

    @Test
    void theDashboardIsForTeamAndServiceManagers() {
        assertThat(as("team.manager").get("/api/dashboard/timeliness").getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(as("social.worker").get("/api/dashboard/timeliness").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(as("service.manager").get("/api/dashboard/timeliness?from=2026-02-01&to=2026-01-01").getBody()
                .get("errors").get(0).get("field").asText()).isEqualTo("from");
        assertThat(as("service.manager").get("/api/dashboard/timeliness?from=yesterday").getStatusCode())
                .isEqualTo(HttpStatus.BAD_REQUEST);
    }
}
