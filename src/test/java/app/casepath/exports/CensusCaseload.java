package app.casepath.exports;

import static app.casepath.Forms.*;

import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import app.casepath.JourneyDriver;
import app.casepath.frontdoor.ContactService;

/**
 * A caseload that takes every path of the journey that the census sees, across the 2025-26 and
 * 2026-27 collections (the census dates 31 March 2026 and 2027). By child (their numbers are
 * looked up after):
 * <ul>
 * <li>Bea: contact screened NFA; Ben: ADVICE — neither a referral, so in no census.</li>
 * <li>Cal: referral Mon 2 Jun 2025, assessment (factors 3A and 21) authorised NFA, need N4; closed RC8.</li>
 * <li>Dee: referral 3 Feb 2025, assessment authorised 3 Mar 2025 (the year before) to a CIN plan (N3),
 *     reviews every three months, closed (RC7) at the review of June 2026: in both years.</li>
 * <li>Eli: straight to strategy 7 Jul 2025, s47 not substantiated, no conference, closed with RC8
 *     (the census gives RC7: the episode went beyond assessment).</li>
 * <li>Fay: strategy 6 Oct 2025, ICPC 27 Oct: CP plan (neglect), review in January 2026, review in
 *     July 2026 ends it to a CIN plan, which escalates at its review: s47, ICPC, a second plan.</li>
 * <li>Hal: referral 6 May 2025, assessment to Early Help (RC9, the case goes on in Early Help), steps
 *     up in August: a second referral in the same case, assessed NFA and closed RC8.</li>
 * <li>Ivy: Early Help from September 2026, a significant-harm concern there: strategy and s47 (an
 *     episode that starts with the strategy discussion, source 5D), back to Early Help (RC9 → RC7).</li>
 * <li>Ray, Rex, Ria, Rob, Roy, Rue: assessed NFA in February 2027 and closed with RC1 … RC6 (every reason the form takes).</li>
 * <li>Ada: unborn (expected 10 May 2027), referral 2 Nov 2026, assessment to a CIN plan, open.</li>
 * </ul>
 */
final class CensusCaseload {

    /** The children closed with RC1 … RC6, in that order. */
    static final List<String> NAMES = List.of("Ray", "Rex", "Ria", "Rob", "Roy", "Rue");

    final Map<String, String> cases = new LinkedHashMap<>();
    private final JourneyDriver journey;
    private final ContactService contacts;

    CensusCaseload(JourneyDriver journey, ContactService contacts) {
        this.journey = journey;
        this.contacts = contacts;
    }

    /** A UPN for the Brent LA code 304 with its check letter (DfE's UPN guide). */
    static String upn(String eightDigits) {
        String rest = "304" + eightDigits + "0";
        int sum = 0;
        for (int i = 0; i < 12; i++) {
            sum += (rest.charAt(i) - '0') * (i + 2);
        }
        return "ABCDEFGHJKLMNPQRTUVWXYZ".charAt(sum % 23) + rest;
    }

    private String contact(String name, String dob, String gender, Map<String, Object> census) {
        Map<String, Object> child = new HashMap<>(Map.of("firstName", name, "lastName", "Census", "gender", gender,
                "ethnicity", "WBRI"));
        if (dob.startsWith("expected ")) {
            child.put("expectedDateOfBirth", dob.substring("expected ".length()));
        } else {
            child.put("dateOfBirth", dob);
        }
        child.putAll(census);
        String receivedAt = ZonedDateTime.of(journey.today(), java.time.LocalTime.of(10, 0), JourneyDriver.LONDON)
                .toOffsetDateTime().toString();
        String caseId = contacts.record(journey.json(Map.of("receivedAt", receivedAt, "source", "3A",
                "referrer", Map.of("name", "Dr Patel", "organisation", "Harlesden Medical Centre"), "child", child,
                "concerns", "The family is struggling.")), journey.as("fd.practitioner")).caseId();
        cases.put(name, caseId);
        return caseId;
    }

    private void day(String date) {
        journey.today(LocalDate.parse(date));
    }

    private void assessAndAuthorise(String id, String decision, String need) {
        journey.complete(id, "completeAssessment", assessment(decision), "social.worker");
        journey.complete(id, "authoriseAssessment", with(authorise(decision), "primaryNeed", need), "team.manager");
    }

    private void referToAssessment(String id) {
        journey.complete(id, "screenContact", screen("ASSESSMENT"), "fd.practitioner");
        journey.complete(id, "allocateCase", allocate("social.worker"), "team.manager");
    }

    void load() {
        day("2025-02-03");
        String dee = contact("Dee", "2012-04-11", "F", Map.of("upn", upn("00000002"), "disabilities", List.of("MOB", "HEAR")));
        referToAssessment(dee);
        day("2025-03-03");
        assessAndAuthorise(dee, "CIN_PLAN", "N3");

        day("2025-05-06");
        String hal = contact("Hal", "2011-09-30", "M", Map.of("upn", upn("00000005"), "formerUpn", upn("00000099"),
                "disabilities", List.of("LD", "COMM", "BEH")));
        referToAssessment(hal);
        day("2025-05-20");
        assessAndAuthorise(hal, "EARLY_HELP", "N5");
        day("2025-05-21");
        journey.complete(hal, "authoriseClosure", closure("RC9"), "team.manager");
        day("2025-06-02");
        journey.complete(hal, "completeEarlyHelpAssessment", earlyHelpAssessment("FAMILY_PLAN"), "eh.practitioner");
        journey.fire(hal, "familyPlanReviewOpens");
        journey.complete(hal, "reviewFamilyPlan", familyPlanReview("STEP_UP"), "eh.practitioner");
        journey.complete(hal, "screenContact", screen("ASSESSMENT"), "fd.practitioner");
        assessAndAuthorise(hal, "NFA", "N5");
        journey.complete(hal, "authoriseClosure", closure("RC8"), "team.manager");

        day("2025-06-02");
        String bea = contact("Bea", "2014-01-01", "F", Map.of());
        journey.complete(bea, "screenContact", screen("NFA"), "fd.practitioner");
        String ben = contact("Ben", "2014-02-02", "M", Map.of());
        journey.complete(ben, "screenContact", screen("ADVICE"), "fd.practitioner");
        String cal = contact("Cal", "2015-03-12", "M", Map.of("upn", upn("00000003"), "disabilities", List.of("NONE")));
        referToAssessment(cal);
        day("2025-06-20");
        assessAndAuthorise(cal, "NFA", "N4");
        day("2025-06-23");
        journey.complete(cal, "authoriseClosure", closure("RC8"), "team.manager");

        day("2025-07-07");
        String eli = contact("Eli", "2016-08-08", "M", Map.of("upnUnknown", "UN5", "disabilities", List.of("AUT")));
        journey.complete(eli, "screenContact", screen("STRATEGY_DISCUSSION"), "fd.practitioner");
        day("2025-07-08");
        journey.complete(eli, "holdStrategyDiscussion", strategy("S47"), "social.worker");
        day("2025-07-15");
        journey.complete(eli, "completeSection47Enquiry", section47("NOT_SUBSTANTIATED", "NFA"), "social.worker");
        day("2025-07-16");
        journey.complete(eli, "authoriseClosure", closure("RC8"), "team.manager");

        day("2025-10-06");
        String fay = contact("Fay", "2018-12-24", "F", Map.of("upn", upn("00000006"), "disabilities", List.of("VIS")));
        journey.complete(fay, "screenContact", screen("STRATEGY_DISCUSSION"), "fd.practitioner");
        day("2025-10-07");
        journey.complete(fay, "holdStrategyDiscussion", strategy("S47"), "social.worker");
        day("2025-10-20");
        journey.complete(fay, "completeSection47Enquiry", section47("CONVENE_ICPC", null), "social.worker");
        day("2025-10-27");
        journey.complete(fay, "holdInitialConference", initialConference("CP_PLAN"), "cp.chair");

        // Dee's CIN plan reviews, every three months, until it closes in June 2026; Fay's review in January.
        for (int i = 0; i < 3; i++) {
            journey.fire(dee, "cinReviewComesDue");
            journey.complete(dee, "reviewChildInNeedPlan", childInNeedReview("CONTINUE"), "social.worker");
        }
        journey.fire(fay, "reviewComesDue");
        journey.complete(fay, "holdReviewConference", reviewConference("CONTINUE"), "cp.chair");
        journey.fire(dee, "cinReviewComesDue");
        journey.complete(dee, "reviewChildInNeedPlan", childInNeedReview("CONTINUE"), "social.worker");
        journey.fire(dee, "cinReviewComesDue");
        journey.complete(dee, "reviewChildInNeedPlan", childInNeedReview("CLOSE"), "social.worker");
        journey.complete(dee, "authoriseClosure", closure("RC7"), "team.manager");
        journey.fire(fay, "reviewComesDue");
        journey.complete(fay, "holdReviewConference", reviewConference("END_CIN_PLAN"), "cp.chair");

        day("2026-09-07");
        String ivy = contact("Ivy", "2013-05-05", "F", Map.of("upn", upn("00000009"), "disabilities", List.of("HAND", "PC")));
        journey.complete(ivy, "screenContact", screen("EARLY_HELP"), "fd.practitioner");
        day("2026-09-14");
        journey.raiseConcern(ivy, "Bruise on the child's face.", "eh.practitioner");
        day("2026-09-15");
        journey.complete(ivy, "holdStrategyDiscussion", strategy("S47"), "social.worker");
        day("2026-09-22");
        journey.complete(ivy, "completeSection47Enquiry", section47("NOT_SUBSTANTIATED", "EARLY_HELP"), "social.worker");
        journey.complete(ivy, "authoriseClosure", closure("RC9"), "team.manager");

        journey.fire(fay, "cinReviewComesDue");
        journey.complete(fay, "reviewChildInNeedPlan", childInNeedReview("ESCALATE"), "social.worker");
        journey.complete(fay, "holdStrategyDiscussion", strategy("S47"), "social.worker");
        journey.complete(fay, "completeSection47Enquiry", section47("CONVENE_ICPC", null), "social.worker");
        journey.complete(fay, "holdInitialConference", with(initialConference("CP_PLAN"), "category", "PHY"), "cp.chair");

        day("2026-11-02");
        String ada = contact("Ada", "expected 2027-05-10", "F", Map.of());
        referToAssessment(ada);
        day("2026-12-14");
        assessAndAuthorise(ada, "CIN_PLAN", "N1");

        day("2027-02-01");
        String[][] others = {{"RC1", "2019-01-01", "INC"}, {"RC2", "2020-02-02", "CON"}, {"RC3", "2010-03-03", "DDA"},
                {"RC4", "2011-04-04", "NONE"}, {"RC5", "2022-05-05", "NONE"}, {"RC6", "2010-06-06", "MOB"}};
        for (int i = 0; i < others.length; i++) {
            String reason = others[i][0];
            String id = contact(NAMES.get(i), others[i][1], i % 2 == 0 ? "M" : "F",
                    Map.of("upn", upn("0000010" + i), "disabilities", List.of(others[i][2])));
            referToAssessment(id);
            assessAndAuthorise(id, "NFA", "N" + (i + 2));
            journey.complete(id, "authoriseClosure", closure(reason), "team.manager");
        }
        org.camunda.bpm.engine.impl.util.ClockUtil.reset();
    }
}
