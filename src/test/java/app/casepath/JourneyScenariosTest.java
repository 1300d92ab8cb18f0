package app.casepath;

import static app.casepath.Forms.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.community.process_test_coverage.spring_test.common.ProcessEngineCoverageProperties;
import org.camunda.community.process_test_coverage.spring_test.platform7.ProcessEngineCoverageConfiguration;
import org.camunda.community.process_test_coverage.spring_test.platform7.ProcessEngineCoverageTestExecutionListener;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestExecutionListeners;

import app.casepath.caserecord.CaseRecord.Status;
import app.casepath.caserecord.WrongStageException;
import app.casepath.frontdoor.ContactService;
import app.casepath.people.Warnings;
import app.casepath.recording.CaseNotes;
import app.casepath.process.CaseDiagrams;
import app.casepath.process.Journey;
import app.casepath.process.Stage;
import app.casepath.process.TaskKey;
import app.casepath.tasks.FieldError;
import app.casepath.tasks.InvalidInputException;
import app.casepath.tasks.TaskCompletionService;

/**
 * The child's journey, scenario by scenario, on PostgreSQL, through the product's services, with
 * timers stepped one at a time. Together the scenarios must take every sequence flow and every
 * element of every model: the coverage listener fails the class below 100% and writes its report
 * under target/process-test-coverage/.
 */
@SpringBootTest
@ActiveProfiles({"demo", "test"})
@Import({ProcessEngineCoverageConfiguration.class, JourneyScenariosTest.FullCoverage.class})
@TestExecutionListeners(listeners = ProcessEngineCoverageTestExecutionListener.class,
        mergeMode = TestExecutionListeners.MergeMode.MERGE_WITH_DEFAULTS)
class JourneyScenariosTest {

    @TestConfiguration
    static class FullCoverage {
        @Bean
        ProcessEngineCoverageProperties coverageProperties() {
            return ProcessEngineCoverageProperties.builder().assertClassCoverageAtLeast(1.0).build();
        }
    }

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        EmbeddedPostgres.register(registry);
    }

    @Autowired
    JourneyDriver journey;

    @Autowired
    Warnings warnings;

    @Autowired
    TaskService tasks;

    @Autowired
    ManagementService management;

    @Autowired
    RuntimeService runtime;

    @Autowired
    TaskCompletionService completion;

    @Autowired
    CaseNotes notes;

    @Autowired
    app.casepath.caserecord.CaseRecord caseRecord;

    /** The warnings whose reviews these scenarios walked. */
    private static final List<String> WARNINGS_REVIEWED = new ArrayList<>();
    /** The managers' actions whose tasks these scenarios walked. */
    private static final List<String> ACTIONS_WORKED = new ArrayList<>();
    /** The cases whose supervision cycles these scenarios walked (a cycle is keyed by the case id). */
    private static final List<String> CASES_SUPERVISED = new ArrayList<>();
    /** The cases these scenarios moved to a team without a worker (the team's allocation is keyed by the case id). */
    private static final List<String> CASES_MOVED_TO_A_TEAM = new ArrayList<>();

    @Autowired
    app.casepath.teams.Reallocation reallocation;

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    /** The coverage gate counts the models these scenarios touched; this makes sure that is all of bpmn/. */
    @AfterAll
    static void everyModelInBpmnWasWalkedByTheseScenarios(@Autowired HistoryService history, @Autowired JourneyDriver journey)
            throws Exception {
        List<String> keys = new ArrayList<>(journey.references());
        keys.addAll(WARNINGS_REVIEWED); // a warning's review is keyed by the warning, not a case
        keys.addAll(ACTIONS_WORKED); // and an action by the action
        keys.addAll(CASES_SUPERVISED); // and a supervision cycle by the case id
        keys.addAll(CASES_MOVED_TO_A_TEAM); // and a team's allocation by the case id
        String[] ours = keys.toArray(String[]::new);
        try (var files = java.nio.file.Files.list(java.nio.file.Path.of("bpmn"))) {
            files.map(f -> org.camunda.bpm.model.bpmn.Bpmn.readModelFromFile(f.toFile()))
                    .flatMap(m -> m.getModelElementsByType(org.camunda.bpm.model.bpmn.instance.Process.class).stream())
                    .forEach(p -> assertThat(history.createHistoricProcessInstanceQuery().processDefinitionKey(p.getId())
                            .processInstanceBusinessKeyIn(ours).count()).as("instances of %s", p.getId()).isPositive());
        }
    }

    /**
     * Words, never codes: every chronology entry and every email of every case these scenarios
     * made (which between them take every task, decision and route of every model), and the names
     * of where each unfinished case is now, are in the forms' words. The entries' {@code kind} is
     * the task key, for machines, and is not shown to people.
     */
    @AfterAll
    static void everyChronologyEntryEmailAndStepOfTheseScenariosIsInWords(@Autowired JourneyDriver journey,
                                                                          @Autowired CaseDiagrams diagrams) {
        List<String> references = journey.references();
        List<Long> numbers = references.stream().map(r -> Long.parseLong(r.substring(r.indexOf('-') + 1))).toList();
        var db = journey.db();
        List<Map<String, Object>> entries = db.sql("""
                select ch.kind, ch.summary from chronology ch join child_case c on c.case_id = ch.case_id
                where c.case_number in (:numbers) order by ch.id""").param("numbers", numbers).query().listOfRows();
        // A visit's entry is its note's (a visit is recorded once), of the note's kind.
        assertThat(entries).extracting(e -> (String) e.get("kind")).as("every task's summary is read here")
                .containsAll(Arrays.stream(TaskKey.values()).filter(TaskKey::inJourney).filter(k -> k != TaskKey.RECORD_VISIT)
                        .map(TaskKey::key).toList())
                .contains("HOME_VISIT");
        assertThat(Jargon.inEach(entries.stream().map(e -> (String) e.get("summary")).toList()))
                .as("chronology entries with codes in them").isEmpty();

        List<String> emails = db.sql("""
                select e.subject || ' ' || e.body from email_outbox e join child_case c on c.case_id = e.case_id
                where c.case_number in (:numbers) order by e.id""").param("numbers", numbers).query(String.class).list();
        assertThat(emails).as("the scenarios' emails").hasSizeGreaterThan(references.size());
        assertThat(Jargon.inEach(emails)).as("emails with codes in them").isEmpty();

        List<String> steps = new ArrayList<>();
        for (String reference : references) {
            CaseDiagrams.Diagram diagram = diagrams.of(reference);
            steps.add("Process diagram: " + diagram.processName());
            assertThat(diagram.activeSteps()).extracting(CaseDiagrams.Step::id)
                    .containsExactlyInAnyOrderElementsOf(new LinkedHashSet<>(diagram.activeActivityIds()));
            diagram.activeSteps().forEach(step -> steps.add("Now at: " + step.name()));
        }
        assertThat(steps).as("steps named").anyMatch(t -> t.startsWith("Now at: "));
        assertThat(Jargon.inEach(steps)).as("the case pages' process names and steps with codes in them").isEmpty();
    }

    private static LocalDate date(String iso) {
        return LocalDate.parse(iso);
    }

    /** Completes a task only after its reminder (if it has one) and escalation have fired. */
    private void late(String caseId, String taskKey, Map<String, ?> form, String user) {
        if (journey.hasTimer(caseId, taskKey + "Reminder")) {
            journey.fire(caseId, taskKey + "Reminder");
        }
        journey.fire(caseId, taskKey + "Escalation");
        assertThat(journey.hasTimer(caseId, taskKey + "Escalation")).as("escalates once").isFalse();
        journey.complete(caseId, taskKey, form, user);
    }

    private String assessmentCase(String lastName) {
        String caseId = journey.contact("Amani", lastName, "2016-04-01").caseId();
        journey.complete(caseId, "screenContact", screen("ASSESSMENT"), "fd.practitioner");
        journey.complete(caseId, "allocateCase", allocate("social.worker"), "team.manager");
        return caseId;
    }

    private String childProtectionPlan(String lastName) {
        String caseId = journey.contact("Amani", lastName, "2016-04-01").caseId();
        journey.complete(caseId, "screenContact", screen("STRATEGY_DISCUSSION"), "fd.practitioner");
        journey.complete(caseId, "holdStrategyDiscussion", strategy("S47"), "social.worker");
        journey.complete(caseId, "completeSection47Enquiry", section47("CONVENE_ICPC", null), "social.worker");
        journey.complete(caseId, "holdInitialConference", initialConference("CP_PLAN"), "cp.chair");
        return caseId;
    }

    private String childInNeedPlan(String lastName) {
        String caseId = assessmentCase(lastName);
        journey.complete(caseId, "completeAssessment", assessment("CIN_PLAN"), "social.worker");
        journey.complete(caseId, "authoriseAssessment", authorise("CIN_PLAN"), "team.manager");
        return caseId;
    }

    private void closeAs(String caseId, String expectedSuggestion) {
        assertThat(journey.db().sql("select suggested_reason from closure where case_id = ? order by id desc limit 1")
                .param(caseId).query(String.class).single()).isEqualTo(expectedSuggestion);
        journey.complete(caseId, "authoriseClosure", closure(expectedSuggestion), "team.manager");
    }

    // ------------------------------------------------------------------ Front Door

    @Test
    void contactGivenAdviceIsClosedWithoutAReferral() {
        journey.today(date("2026-03-02"), LocalTime.of(9, 30));
        ContactService.Recorded contact = journey.contact("Leah", "Adeyemi", "2014-09-09");
        assertThat(contact.reference()).startsWith("CP-");
        assertThat(journey.dueOn(contact.caseId(), "screenContact")).isEqualTo(date("2026-03-03"));

        journey.complete(contact.caseId(), "screenContact", screen("ADVICE"), "fd.practitioner");

        assertThat(journey.record(contact.caseId()).status()).isEqualTo(Status.CLOSED);
        assertThat(journey.record(contact.caseId()).referralDate()).isNull();
        assertThat(journey.ended(contact.caseId())).isTrue();
        assertThat(journey.milestones(contact.caseId())).singleElement()
                .satisfies(m -> assertThat(m).containsEntry("milestone_key", "CONTACT_DECISION")
                        .containsEntry("completed_on", java.sql.Date.valueOf("2026-03-02")));
    }

    @Test
    void escalationsAreSpreadOverTheHourAfterMidnightNotAllAtOnce() {
        journey.today(date("2026-06-01"), LocalTime.of(10, 0));
        java.util.Set<LocalTime> moments = new java.util.HashSet<>();
        for (int i = 0; i < 20; i++) {
            String caseId = journey.contact("Spread" + i, "Hour", "2019-01-01").caseId();
            java.time.ZonedDateTime at = journey.timer(caseId, "screenContactEscalation").getDuedate().toInstant()
                    .atZone(JourneyDriver.LONDON);
            assertThat(at.toLocalDate()).as("the day after the due day").isEqualTo(date("2026-06-03"));
            assertThat(at.toLocalTime()).isBefore(LocalTime.of(1, 0));
            moments.add(at.toLocalTime());
        }
        assertThat(moments).as("twenty cases, twenty moments").hasSizeGreaterThan(15);
    }

    @Test
    void fridayEveningContactIsDueAfterTheBankHolidayAndEscalatedOnceWhenMissed() {
        journey.today(date("2026-05-22"), LocalTime.of(16, 55));
        String caseId = journey.contact("Noah", "Friday", "2019-01-01").caseId();
        assertThat(journey.dueOn(caseId, "screenContact")).isEqualTo(date("2026-05-26"));
        assertThat(journey.hasTimer(caseId, "screenContactReminder")).as("no reminder for a 1 WD task").isFalse();
        assertThat(journey.timerDate(caseId, "screenContactEscalation")).isEqualTo(date("2026-05-27"));

        late(caseId, "screenContact", screen("NFA"), "fd.practitioner");

        assertThat(journey.alerts(caseId)).containsExactly("screenContact:ESCALATION");
        assertThat(journey.chronologyKinds(caseId)).contains("ESCALATION");
        assertThat(journey.milestones(caseId)).singleElement()
                .satisfies(m -> assertThat(m).containsEntry("completed_on", java.sql.Date.valueOf("2026-05-27")));
    }

    @Test
    void aChildKnownBeforeIsRecognisedAndFlaggedAsAReReferral() {
        journey.today(date("2026-03-02"));
        String first = journey.contact("Zara", "Okonkwo", "2015-02-02").caseId();
        journey.complete(first, "screenContact", screen("ASSESSMENT"), "fd.practitioner");
        journey.complete(first, "allocateCase", allocate("social.worker"), "team.manager");
        journey.complete(first, "completeAssessment", assessment("NFA"), "social.worker");
        journey.complete(first, "authoriseAssessment", authorise("NFA"), "team.manager");
        closeAs(first, "RC8");
        assertThat(journey.record(first).status()).isEqualTo(Status.CLOSED);

        journey.today(date("2026-09-01"));
        ContactService.Recorded again = journey.contact("Zara", "Okonkwo", "2015-02-02");
        assertThat(again.reReferral()).isTrue();
        assertThat(journey.record(again.caseId()).childId()).isEqualTo(journey.record(first).childId());
    }

    @Test
    void aDecisionTheProcessCannotRouteIsRefusedAndNothingIsWritten() {
        journey.today(date("2026-03-02"), LocalTime.of(11, 0));
        String caseId = journey.contact("Ivy", "Refused", "2017-07-07").caseId();

        assertThatThrownBy(() -> journey.complete(caseId, "screenContact",
                with(screen("MAYBE"), "decidedOn", "2026-03-09"), "fd.practitioner"))
                .isInstanceOf(InvalidInputException.class)
                .extracting(e -> ((InvalidInputException) e).errors().stream().map(FieldError::field).toList())
                .asList().containsExactlyInAnyOrder("decision", "decidedOn");
        assertThatThrownBy(() -> journey.complete(caseId, "screenContact",
                with(screen("NFA"), "decidedOn", "2026-03-01"), "fd.practitioner"))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("decidedOn");

        assertThat(journey.openTaskKeys(caseId)).containsExactly("screenContact");
        assertThat(journey.db().sql("select count(*) from form_submission where case_id = ?").param(caseId)
                .query(Integer.class).single()).isZero();
        assertThat(journey.record(caseId).stage()).isEqualTo(Stage.FRONT_DOOR);
    }

    // ------------------------------------------------------------------ Assessment and CIN plan

    @Test
    void assessmentIsDueInFortyFiveWorkingDaysAndLeadsToAChildInNeedPlanThenClosure() {
        journey.today(date("2026-03-02"), LocalTime.of(9, 0));
        String caseId = journey.contact("Amani", "Forty-Five", "2016-04-01").caseId();
        journey.complete(caseId, "screenContact", screen("ASSESSMENT"), "fd.practitioner");
        assertThat(journey.record(caseId).referralDate()).isEqualTo(date("2026-03-02"));
        assertThat(journey.dueOn(caseId, "allocateCase")).isEqualTo(date("2026-03-03"));

        journey.complete(caseId, "allocateCase", allocate("social.worker"), "team.manager");
        assertThat(journey.task(caseId, "completeAssessment").getAssignee()).isEqualTo("social.worker");
        assertThat(journey.dueOn(caseId, "completeAssessment")).isEqualTo(date("2026-05-07"));

        journey.complete(caseId, "completeAssessment", assessment("CIN_PLAN"), "social.worker");
        assertThat(journey.dueOn(caseId, "authoriseAssessment")).isEqualTo(date("2026-05-07"));
        journey.complete(caseId, "authoriseAssessment", authorise("RETURN"), "team.manager");
        assertThat(journey.dueOn(caseId, "completeAssessment")).as("a returned assessment keeps its due date")
                .isEqualTo(date("2026-05-07"));
        journey.complete(caseId, "completeAssessment", assessment("CIN_PLAN"), "social.worker");

        journey.today(date("2026-04-15"));
        journey.complete(caseId, "authoriseAssessment", authorise("CIN_PLAN"), "team.manager");
        assertThat(journey.record(caseId).stage()).isEqualTo(Stage.CIN_PLAN);
        assertThat(journey.timerDate(caseId, "cinReviewComesDue")).isEqualTo(date("2026-07-08"));

        journey.fire(caseId, "cinReviewComesDue");
        assertThat(journey.dueOn(caseId, "reviewChildInNeedPlan")).isEqualTo(date("2026-07-15"));
        journey.today(date("2026-07-22"));
        journey.complete(caseId, "reviewChildInNeedPlan", childInNeedReview("CONTINUE"), "social.worker");

        journey.fire(caseId, "cinReviewComesDue");
        assertThat(journey.dueOn(caseId, "reviewChildInNeedPlan")).as("a late review moves the next")
                .isEqualTo(date("2026-10-22"));
        journey.complete(caseId, "reviewChildInNeedPlan", childInNeedReview("CLOSE"), "social.worker");
        closeAs(caseId, "RC7");

        assertThat(journey.record(caseId).status()).isEqualTo(Status.CLOSED);
        assertThat(journey.ended(caseId)).isTrue();
        assertThat(journey.milestones(caseId)).extracting(m -> m.get("milestone_key")).containsExactly(
                "CONTACT_DECISION", "ALLOCATION", "ASSESSMENT", "CIN_REVIEW", "CIN_REVIEW", "CLOSURE");
    }

    @Test
    void concernDuringAssessmentHoldsAStrategyDiscussionAndResumesTheAssessment() {
        journey.today(date("2026-03-02"));
        String caseId = assessmentCase("Resume");
        journey.today(date("2026-03-10"));
        journey.raiseConcern(caseId, "Child disclosed being hit with a belt.");
        assertThat(journey.record(caseId).stage()).isEqualTo(Stage.STRATEGY);
        assertThat(journey.dueOn(caseId, "holdStrategyDiscussion")).isEqualTo(date("2026-03-11"));

        journey.complete(caseId, "holdStrategyDiscussion", strategy("NO_S47"), "social.worker");

        assertThat(journey.record(caseId).stage()).isEqualTo(Stage.ASSESSMENT);
        assertThat(journey.openTaskKeys(caseId)).as("already allocated: straight back to the assessment")
                .containsExactly("completeAssessment");
        assertThat(journey.dueOn(caseId, "completeAssessment")).isEqualTo(date("2026-05-07"));
        assertThat(journey.milestones(caseId).stream().filter(m -> m.get("milestone_key").equals("ASSESSMENT")))
                .singleElement().satisfies(m -> assertThat(m).containsEntry("cancelled", false));

        journey.complete(caseId, "completeAssessment", assessment("STRATEGY_DISCUSSION"), "social.worker");
        journey.complete(caseId, "authoriseAssessment", authorise("STRATEGY_DISCUSSION"), "team.manager");
        journey.complete(caseId, "holdStrategyDiscussion", strategy("S47"), "social.worker");
        journey.complete(caseId, "completeSection47Enquiry", section47("SUBSTANTIATED_NO_CONTINUING_RISK", null),
                "social.worker");
        assertThat(journey.record(caseId).stage()).isEqualTo(Stage.CIN_PLAN);
    }

    @Test
    void assessmentOutcomesOfNoFurtherActionAndEarlyHelp() {
        journey.today(date("2026-03-02"));
        String nfa = assessmentCase("Nfa");
        journey.complete(nfa, "completeAssessment", assessment("NFA"), "social.worker");
        journey.complete(nfa, "authoriseAssessment", authorise("NFA"), "team.manager");
        closeAs(nfa, "RC8");
        assertThat(journey.ended(nfa)).isTrue();

        String earlyHelp = assessmentCase("StepDown");
        journey.complete(earlyHelp, "completeAssessment", assessment("EARLY_HELP"), "social.worker");
        journey.complete(earlyHelp, "authoriseAssessment", authorise("EARLY_HELP"), "team.manager");
        closeAs(earlyHelp, "RC9");
        assertThat(journey.record(earlyHelp).stage()).isEqualTo(Stage.EARLY_HELP);
        assertThat(journey.record(earlyHelp).status()).isEqualTo(Status.OPEN);
        assertThat(journey.openTaskKeys(earlyHelp)).containsExactly("completeEarlyHelpAssessment");
    }

    // ------------------------------------------------------------------ Early Help

    @Test
    void earlyHelpFamilyPlanIsReviewedUntilItsGoalsAreAchieved() {
        journey.today(date("2026-03-02"));
        String caseId = journey.contact("Kai", "Goals", "2018-03-03").caseId();
        journey.complete(caseId, "screenContact", screen("EARLY_HELP"), "fd.practitioner");
        assertThat(journey.dueOn(caseId, "completeEarlyHelpAssessment")).isEqualTo(date("2026-04-15"));

        assertThatThrownBy(() -> journey.complete(caseId, "completeEarlyHelpAssessment",
                with(earlyHelpAssessment("FAMILY_PLAN"), "familyGoals", List.of()), "eh.practitioner"))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("familyGoals");

        journey.today(date("2026-03-20"));
        journey.complete(caseId, "completeEarlyHelpAssessment", earlyHelpAssessment("FAMILY_PLAN"), "eh.practitioner");
        journey.fire(caseId, "familyPlanReviewOpens");
        assertThat(journey.task(caseId, "reviewFamilyPlan").getAssignee()).isEqualTo("eh.practitioner");
        assertThat(journey.dueOn(caseId, "reviewFamilyPlan")).isEqualTo(date("2026-05-06"));
        journey.complete(caseId, "reviewFamilyPlan", familyPlanReview("CONTINUE"), "eh.practitioner");
        journey.fire(caseId, "familyPlanReviewOpens");
        journey.complete(caseId, "reviewFamilyPlan", familyPlanReview("GOALS_ACHIEVED"), "eh.practitioner");
        closeAs(caseId, "RC7");
        assertThat(journey.record(caseId).status()).isEqualTo(Status.CLOSED);
    }

    @Test
    void earlyHelpStepsUpToTheFrontDoorAsANewContact() {
        journey.today(date("2026-03-02"));
        String caseId = journey.contact("Kai", "StepUp", "2018-03-03").caseId();
        journey.complete(caseId, "screenContact", screen("EARLY_HELP"), "fd.practitioner");
        journey.complete(caseId, "completeEarlyHelpAssessment", earlyHelpAssessment("STEP_UP"), "eh.practitioner");
        assertThat(journey.record(caseId).stage()).isEqualTo(Stage.FRONT_DOOR);
        assertThat(journey.db().sql("select source from contact where case_id = ? order by id desc limit 1")
                .param(caseId).query(String.class).single()).isEqualTo("5D");

        journey.complete(caseId, "screenContact", screen("EARLY_HELP"), "fd.practitioner");
        journey.complete(caseId, "completeEarlyHelpAssessment", earlyHelpAssessment("FAMILY_PLAN"), "eh.practitioner");
        journey.fire(caseId, "familyPlanReviewOpens");
        journey.complete(caseId, "reviewFamilyPlan", familyPlanReview("STEP_UP"), "eh.practitioner");
        journey.complete(caseId, "screenContact", screen("NFA"), "fd.practitioner");
        assertThat(journey.ended(caseId)).isTrue();
    }

    @Test
    void concernInEarlyHelpReturnsToTheFamilyPlanWhenThereIsNoSection47() {
        journey.today(date("2026-03-02"));
        String caseId = journey.contact("Kai", "Concern", "2018-03-03").caseId();
        journey.complete(caseId, "screenContact", screen("EARLY_HELP"), "fd.practitioner");
        journey.complete(caseId, "completeEarlyHelpAssessment", earlyHelpAssessment("FAMILY_PLAN"), "eh.practitioner");

        journey.raiseConcern(caseId, "Bruise on the child's face.", "eh.practitioner");
        journey.complete(caseId, "holdStrategyDiscussion", strategy("NO_S47"), "social.worker");

        assertThat(journey.record(caseId).stage()).isEqualTo(Stage.EARLY_HELP);
        assertThat(journey.openTaskKeys(caseId)).as("the assessment is not redone").isEmpty();
        assertThat(journey.hasTimer(caseId, "familyPlanReviewOpens")).isTrue();
    }

    @Test
    void earlyHelpClosedAfterItsAssessment() {
        journey.today(date("2026-03-02"));
        String caseId = journey.contact("Kai", "Closed", "2018-03-03").caseId();
        journey.complete(caseId, "screenContact", screen("EARLY_HELP"), "fd.practitioner");
        journey.complete(caseId, "completeEarlyHelpAssessment", earlyHelpAssessment("CLOSE"), "eh.practitioner");
        closeAs(caseId, "RC7");
        assertThat(journey.ended(caseId)).isTrue();
    }

    // ------------------------------------------------------------------ Child protection

    @Test
    void childProtectionFromStrategyToPlanWithCoreGroupsVisitsAndLateReviewThatMovesTheNext() {
        journey.today(date("2026-12-16"), LocalTime.of(14, 0));
        String caseId = journey.contact("Amani", "Protected", "2016-04-01").caseId();
        journey.complete(caseId, "screenContact", screen("STRATEGY_DISCUSSION"), "fd.practitioner");
        assertThat(journey.record(caseId).stage()).isEqualTo(Stage.STRATEGY);
        assertThat(journey.dueOn(caseId, "holdStrategyDiscussion")).isEqualTo(date("2026-12-17"));

        journey.today(date("2026-12-17"));
        journey.complete(caseId, "holdStrategyDiscussion", strategy("S47"), "social.worker2");
        assertThat(journey.record(caseId).allocatedWorker()).isEqualTo("social.worker2");
        assertThat(journey.dueOn(caseId, "completeSection47Enquiry")).isEqualTo(date("2027-01-08"));

        journey.today(date("2027-01-07"));
        journey.complete(caseId, "completeSection47Enquiry", section47("CONVENE_ICPC", null), "social.worker2");
        assertThat(journey.dueOn(caseId, "holdInitialConference")).isEqualTo(date("2027-01-12"));

        journey.today(date("2027-01-12"));
        journey.complete(caseId, "holdInitialConference", initialConference("CP_PLAN"), "cp.chair");
        assertThat(journey.record(caseId).stage()).isEqualTo(Stage.CP_PLAN);
        assertThat(journey.db().sql("select previous_plans from cp_plan where case_id = ?").param(caseId)
                .query(Integer.class).single()).isZero();
        assertThat(journey.timerDate(caseId, "coreGroupComesDue")).isEqualTo(date("2027-01-19"));
        assertThat(journey.timerDate(caseId, "reviewComesDue")).isEqualTo(date("2027-03-11"));
        assertThat(journey.timerDate(caseId, "planReachesReviewPoint")).isEqualTo(date("2028-01-12"));

        journey.fire(caseId, "coreGroupComesDue");
        assertThat(journey.dueOn(caseId, "holdCoreGroup")).isEqualTo(date("2027-01-26"));
        journey.fire(caseId, "visitComesDue");
        assertThat(journey.dueOn(caseId, "recordVisit")).isEqualTo(date("2027-01-26"));
        journey.today(date("2027-01-26"));
        journey.complete(caseId, "holdCoreGroup", coreGroup(), "social.worker2");
        journey.complete(caseId, "recordVisit", visit(), "social.worker2");
        journey.fire(caseId, "coreGroupComesDue");
        assertThat(journey.dueOn(caseId, "holdCoreGroup")).isEqualTo(date("2027-02-23"));

        journey.fire(caseId, "reviewComesDue");
        assertThat(journey.dueOn(caseId, "holdReviewConference")).isEqualTo(date("2027-04-12"));
        journey.today(date("2027-04-20"));
        journey.complete(caseId, "holdReviewConference", reviewConference("CONTINUE"), "cp.chair");
        journey.fire(caseId, "reviewComesDue");
        assertThat(journey.dueOn(caseId, "holdReviewConference")).as("the late review moves the next one")
                .isEqualTo(date("2027-10-20"));

        journey.fire(caseId, "planReachesReviewPoint");
        journey.complete(caseId, "reviewLongPlan", longPlanReview(), "service.manager");
        assertThat(journey.timerDate(caseId, "planReachesReviewPoint")).isEqualTo(date("2029-01-12"));
        journey.fire(caseId, "planReachesReviewPoint");
        journey.complete(caseId, "reviewLongPlan", longPlanReview(), "service.manager");
        assertThat(journey.hasTimer(caseId, "planReachesReviewPoint")).as("two long-plan reviews in all").isFalse();

        journey.complete(caseId, "holdReviewConference", reviewConference("END_CIN_PLAN"), "cp.chair");
        assertThat(journey.record(caseId).stage()).isEqualTo(Stage.CIN_PLAN);
        assertThat(journey.openTaskKeys(caseId)).as("the plan's open work ends with it").isEmpty();
        assertThat(journey.db().sql("select end_reason from cp_plan where case_id = ?").param(caseId)
                .query(String.class).single()).isEqualTo("END_CIN_PLAN");

        journey.fire(caseId, "cinReviewComesDue");
        journey.complete(caseId, "reviewChildInNeedPlan", childInNeedReview("ESCALATE"), "social.worker2");
        journey.complete(caseId, "holdStrategyDiscussion", strategy("NO_S47"), "social.worker2");
        assertThat(journey.record(caseId).stage()).as("back to the plan the concern came from").isEqualTo(Stage.CIN_PLAN);
        journey.fire(caseId, "cinReviewComesDue");
        journey.complete(caseId, "reviewChildInNeedPlan", childInNeedReview("STEP_DOWN_EARLY_HELP"), "social.worker2");
        closeAs(caseId, "RC9");
        journey.complete(caseId, "completeEarlyHelpAssessment", earlyHelpAssessment("CLOSE"), "eh.practitioner");
        closeAs(caseId, "RC7");
        assertThat(journey.ended(caseId)).isTrue();
    }

    @Test
    void aSecondPlanCountsItsPredecessors() {
        journey.today(date("2026-03-02"));
        String first = childProtectionPlan("Twice");
        journey.fire(first, "reviewComesDue");
        journey.complete(first, "holdReviewConference", reviewConference("END_CLOSE"), "cp.chair");
        closeAs(first, "RC7");

        journey.today(date("2026-09-01"));
        String second = childProtectionPlan("Twice");
        assertThat(journey.db().sql("select previous_plans from cp_plan where case_id = ?").param(second)
                .query(Integer.class).single()).isEqualTo(1);
    }

    @Test
    void reviewConferenceCanEndThePlanWithEarlyHelp() {
        journey.today(date("2026-03-02"));
        String caseId = childProtectionPlan("EndEarlyHelp");
        journey.fire(caseId, "reviewComesDue");
        journey.complete(caseId, "holdReviewConference", reviewConference("END_EARLY_HELP"), "cp.chair");
        closeAs(caseId, "RC9");
        assertThat(journey.openTaskKeys(caseId)).containsExactly("completeEarlyHelpAssessment");
    }

    @Test
    void section47OutcomesRouteAsTheSpecSays() {
        journey.today(date("2026-03-02"));
        Map<String, Stage> expected = Map.of("CIN_PLAN", Stage.CIN_PLAN, "NFA", Stage.CLOSURE, "EARLY_HELP", Stage.CLOSURE);
        expected.forEach((nextStep, stage) -> {
            String caseId = journey.contact("Sol", "NotSubstantiated" + nextStep, "2012-12-12").caseId();
            journey.complete(caseId, "screenContact", screen("STRATEGY_DISCUSSION"), "fd.practitioner");
            journey.complete(caseId, "holdStrategyDiscussion", strategy("S47"), "social.worker");
            journey.complete(caseId, "completeSection47Enquiry", section47("NOT_SUBSTANTIATED", nextStep), "social.worker");
            assertThat(journey.record(caseId).stage()).as(nextStep).isEqualTo(stage);
        });
        String missingNextStep = journey.contact("Sol", "NoNextStep", "2012-12-12").caseId();
        journey.complete(missingNextStep, "screenContact", screen("STRATEGY_DISCUSSION"), "fd.practitioner");
        journey.complete(missingNextStep, "holdStrategyDiscussion", strategy("S47"), "social.worker");
        assertThatThrownBy(() -> journey.complete(missingNextStep, "completeSection47Enquiry",
                section47("NOT_SUBSTANTIATED", null), "social.worker"))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("nextStep");
    }

    @Test
    void initialConferenceMayDecideAChildInNeedPlanOrNoFurtherAction() {
        journey.today(date("2026-03-02"));
        for (String decision : List.of("CIN_PLAN", "NFA")) {
            String caseId = journey.contact("Eli", "Icpc" + decision, "2013-03-13").caseId();
            journey.complete(caseId, "screenContact", screen("STRATEGY_DISCUSSION"), "fd.practitioner");
            journey.complete(caseId, "holdStrategyDiscussion", strategy("S47"), "social.worker");
            journey.complete(caseId, "completeSection47Enquiry", section47("CONVENE_ICPC", null), "social.worker");
            assertThatThrownBy(() -> journey.complete(caseId, "holdInitialConference",
                    with(initialConference("CP_PLAN"), "category", null), "cp.chair"))
                    .isInstanceOf(InvalidInputException.class).hasMessageContaining("category");
            journey.complete(caseId, "holdInitialConference", initialConference(decision), "cp.chair");
            assertThat(journey.record(caseId).stage()).isEqualTo(decision.equals("NFA") ? Stage.CLOSURE : Stage.CIN_PLAN);
        }
    }

    // ------------------------------------------------------------------ Entry to Care Panel

    @Test
    void panelRequestFailsTheNetworkCheckIsDeferredDeclinedThenApproved() {
        journey.today(date("2026-03-02"));
        String caseId = assessmentCase("Panel");
        journey.complete(caseId, "completeAssessment", assessment("ENTRY_TO_CARE"), "social.worker");
        journey.complete(caseId, "authoriseAssessment", authorise("ENTRY_TO_CARE"), "team.manager");
        assertThat(journey.record(caseId).stage()).isEqualTo(Stage.PANEL);
        assertThat(journey.dueOn(caseId, "requestEntryToCare")).isEqualTo(date("2026-03-09"));

        journey.complete(caseId, "requestEntryToCare", failingRequest("PRE_PROCEEDINGS"), "social.worker");
        assertThat(journey.openTaskKeys(caseId)).containsExactly("completeNetworkWork");
        assertThat(journey.dueOn(caseId, "completeNetworkWork")).isEqualTo(date("2026-03-16"));
        String gaps = journey.db().sql("select check_gaps from panel_request where case_id = ?").param(caseId)
                .query(String.class).single();
        assertThat(gaps).contains("genogram", "safety network names no one", "section 31ZA", "No safety plan");

        journey.today(date("2026-03-05"));
        journey.complete(caseId, "completeNetworkWork", passingRequest("PRE_PROCEEDINGS"), "social.worker");
        assertThat(journey.dueOn(caseId, "decideEntryToCare")).isEqualTo(date("2026-03-12"));
        journey.complete(caseId, "decideEntryToCare", with(panelDecision("DEFER"), "reviewOn", "2026-03-20"), "panel.member");
        assertThat(journey.dueOn(caseId, "completeNetworkWork")).as("re-presented by reviewOn").isEqualTo(date("2026-03-20"));
        journey.complete(caseId, "completeNetworkWork", passingRequest("PRE_PROCEEDINGS"), "social.worker");
        journey.complete(caseId, "decideEntryToCare", panelDecision("DECLINE"), "panel.member");

        assertThat(journey.record(caseId).stage()).as("declined: back where the request came from").isEqualTo(Stage.ASSESSMENT);
        assertThat(journey.db().sql("select first_check_passed from panel_request where case_id = ?").param(caseId)
                .query(Boolean.class).single()).isFalse();

        journey.complete(caseId, "completeAssessment", assessment("ENTRY_TO_CARE"), "social.worker");
        journey.complete(caseId, "authoriseAssessment", authorise("ENTRY_TO_CARE"), "team.manager");
        journey.complete(caseId, "requestEntryToCare", passingRequest("CARE_PROCEEDINGS"), "social.worker");
        journey.complete(caseId, "decideEntryToCare", panelDecision("APPROVE"), "panel.member");
        journey.complete(caseId, "confirmCareEntry", careEntry(), "social.worker");

        assertThat(journey.record(caseId).status()).isEqualTo(Status.LOOKED_AFTER);
        assertThat(journey.ended(caseId)).isTrue();
    }

    @Test
    void emergencyEntryIsReviewedByThePanelWithinTwoWorkingDays() {
        journey.today(date("2026-04-02"));
        for (boolean endorse : List.of(true, false)) {
            String caseId = assessmentCase("Emergency" + endorse);
            journey.complete(caseId, "completeAssessment", assessment("ENTRY_TO_CARE"), "social.worker");
            journey.complete(caseId, "authoriseAssessment", authorise("ENTRY_TO_CARE"), "team.manager");
            journey.complete(caseId, "requestEntryToCare", emergencyRequest(date("2026-04-02")), "social.worker");

            assertThat(journey.openTaskKeys(caseId)).containsExactly("reviewEmergencyEntry");
            assertThat(journey.dueOn(caseId, "reviewEmergencyEntry")).as("Easter").isEqualTo(date("2026-04-08"));
            assertThat(journey.db().sql("select check_gaps from panel_request where case_id = ?").param(caseId)
                    .query(String.class).single()).as("gaps are recorded").contains("genogram");
            journey.complete(caseId, "reviewEmergencyEntry", emergencyReview(endorse), "panel.member");
            if (endorse) {
                journey.complete(caseId, "confirmCareEntry", careEntry(), "social.worker");
                assertThat(journey.record(caseId).status()).isEqualTo(Status.LOOKED_AFTER);
            } else {
                assertThat(journey.record(caseId).stage()).isEqualTo(Stage.ASSESSMENT);
            }
        }
    }

    @Test
    void entryToCareFromAChildProtectionPlanKeepsThePlanGoingUntilTheChildEntersCare() {
        journey.today(date("2026-03-02"));
        String caseId = childProtectionPlan("PlanPanel");
        journey.requestEntryToCare(caseId, "CARE_PROCEEDINGS");
        assertThat(journey.record(caseId).stage()).isEqualTo(Stage.PANEL);
        assertThat(journey.openTaskKeys(caseId)).containsExactly("requestEntryToCare");
        assertThat(journey.hasTimer(caseId, "visitComesDue")).as("visits go on meanwhile").isTrue();
        assertThatThrownBy(() -> journey.requestEntryToCare(caseId, "S20")).isInstanceOf(WrongStageException.class);

        journey.complete(caseId, "requestEntryToCare", passingRequest("CARE_PROCEEDINGS"), "social.worker");
        journey.complete(caseId, "decideEntryToCare", panelDecision("DECLINE"), "panel.member");
        assertThat(journey.record(caseId).stage()).isEqualTo(Stage.CP_PLAN);
        assertThat(journey.hasTimer(caseId, "reviewComesDue")).isTrue();

        journey.requestEntryToCare(caseId, "CARE_PROCEEDINGS");
        journey.complete(caseId, "requestEntryToCare", passingRequest("CARE_PROCEEDINGS"), "social.worker");
        journey.complete(caseId, "decideEntryToCare", panelDecision("APPROVE"), "panel.member");
        journey.complete(caseId, "confirmCareEntry", careEntry(), "social.worker");

        assertThat(journey.record(caseId).status()).isEqualTo(Status.LOOKED_AFTER);
        assertThat(journey.ended(caseId)).as("the plan and everything in it ended").isTrue();
        assertThat(journey.db().sql("select end_reason from cp_plan where case_id = ?").param(caseId)
                .query(String.class).single()).isEqualTo("LOOKED_AFTER");
    }

    @Test
    void entryToCareFromAChildInNeedPlan() {
        journey.today(date("2026-03-02"));
        String caseId = childInNeedPlan("CinPanel");
        journey.requestEntryToCare(caseId, "S20");
        journey.complete(caseId, "requestEntryToCare", passingRequest("S20"), "social.worker");
        journey.complete(caseId, "decideEntryToCare", panelDecision("DECLINE"), "panel.member");
        assertThat(journey.record(caseId).stage()).isEqualTo(Stage.CIN_PLAN);

        journey.requestEntryToCare(caseId, "S20");
        journey.complete(caseId, "requestEntryToCare", passingRequest("S20"), "social.worker");
        journey.complete(caseId, "decideEntryToCare", panelDecision("APPROVE"), "panel.member");
        journey.complete(caseId, "confirmCareEntry", careEntry(), "social.worker");
        assertThat(journey.record(caseId).status()).isEqualTo(Status.LOOKED_AFTER);
        assertThat(journey.ended(caseId)).isTrue();
    }

    @Test
    void concernDuringAChildInNeedPlanCanLeadToAChildProtectionConference() {
        journey.today(date("2026-03-02"));
        String caseId = childInNeedPlan("CinConcern");
        journey.raiseConcern(caseId, "Police called to a domestic incident.");
        journey.complete(caseId, "holdStrategyDiscussion", strategy("S47"), "social.worker");
        journey.complete(caseId, "completeSection47Enquiry", section47("CONVENE_ICPC", null), "social.worker");
        assertThat(journey.record(caseId).stage()).isEqualTo(Stage.CONFERENCE);
        assertThatThrownBy(() -> journey.raiseConcern(caseId, "again")).isInstanceOf(WrongStageException.class);
    }

    // ------------------------------------------------------------------ every timer of every task

    @Test
    void everyDeadlineSlipsAndEachTaskIsRemindedAndEscalatedOnce() {
        journey.today(date("2026-03-02"));
        String caseId = journey.contact("Late", "Everywhere", "2015-05-05").caseId();
        late(caseId, "screenContact", screen("ASSESSMENT"), "fd.practitioner");
        late(caseId, "allocateCase", allocate("social.worker"), "team.manager");
        late(caseId, "completeAssessment", assessment("STRATEGY_DISCUSSION"), "social.worker");
        late(caseId, "authoriseAssessment", authorise("STRATEGY_DISCUSSION"), "team.manager");
        late(caseId, "holdStrategyDiscussion", strategy("S47"), "social.worker");
        late(caseId, "completeSection47Enquiry", section47("CONVENE_ICPC", null), "social.worker");
        late(caseId, "holdInitialConference", initialConference("CP_PLAN"), "cp.chair");
        journey.fire(caseId, "coreGroupComesDue");
        late(caseId, "holdCoreGroup", coreGroup(), "social.worker");
        journey.fire(caseId, "visitComesDue");
        late(caseId, "recordVisit", visit(), "social.worker");
        journey.fire(caseId, "planReachesReviewPoint");
        late(caseId, "reviewLongPlan", longPlanReview(), "service.manager");
        journey.fire(caseId, "reviewComesDue");
        late(caseId, "holdReviewConference", reviewConference("END_CIN_PLAN"), "cp.chair");
        journey.fire(caseId, "cinReviewComesDue");
        late(caseId, "reviewChildInNeedPlan", childInNeedReview("STEP_DOWN_EARLY_HELP"), "social.worker");
        late(caseId, "authoriseClosure", closure("RC9"), "team.manager");
        late(caseId, "completeEarlyHelpAssessment", earlyHelpAssessment("FAMILY_PLAN"), "eh.practitioner");
        journey.fire(caseId, "familyPlanReviewOpens");
        late(caseId, "reviewFamilyPlan", familyPlanReview("GOALS_ACHIEVED"), "eh.practitioner");
        late(caseId, "authoriseClosure", closure("RC7"), "team.manager");

        assertThat(journey.ended(caseId)).isTrue();
        assertThat(journey.alerts(caseId)).as("a task that appeared after its reminder point gets no reminder")
                .containsExactly("screenContact:ESCALATION", "allocateCase:ESCALATION",
                        "completeAssessment:REMINDER", "completeAssessment:ESCALATION",
                        "authoriseAssessment:ESCALATION", "holdStrategyDiscussion:ESCALATION",
                        "completeSection47Enquiry:REMINDER", "completeSection47Enquiry:ESCALATION",
                        "holdInitialConference:ESCALATION", "holdCoreGroup:ESCALATION", "recordVisit:ESCALATION",
                        "reviewLongPlan:REMINDER", "reviewLongPlan:ESCALATION", "holdReviewConference:ESCALATION",
                        "reviewChildInNeedPlan:ESCALATION", "authoriseClosure:ESCALATION",
                        "completeEarlyHelpAssessment:REMINDER", "completeEarlyHelpAssessment:ESCALATION",
                        "reviewFamilyPlan:ESCALATION", "authoriseClosure:ESCALATION");
        assertThat(journey.milestones(caseId)).allSatisfy(m -> assertThat(
                ((java.sql.Date) m.get("completed_on")).toLocalDate()).isAfter(((java.sql.Date) m.get("due_on")).toLocalDate()));
    }

    @Test
    void everyPanelDeadlineSlipsAndIsEscalated() {
        journey.today(date("2026-03-02"));
        String caseId = assessmentCase("PanelLate");
        journey.complete(caseId, "completeAssessment", assessment("ENTRY_TO_CARE"), "social.worker");
        journey.complete(caseId, "authoriseAssessment", authorise("ENTRY_TO_CARE"), "team.manager");
        late(caseId, "requestEntryToCare", failingRequest("S20"), "social.worker");
        late(caseId, "completeNetworkWork", passingRequest("S20"), "social.worker");
        late(caseId, "decideEntryToCare", panelDecision("APPROVE"), "panel.member");
        late(caseId, "confirmCareEntry", careEntry(), "social.worker");

        String emergency = assessmentCase("EmergencyLate");
        journey.complete(emergency, "completeAssessment", assessment("ENTRY_TO_CARE"), "social.worker");
        journey.complete(emergency, "authoriseAssessment", authorise("ENTRY_TO_CARE"), "team.manager");
        journey.complete(emergency, "requestEntryToCare", emergencyRequest(journey.today()), "social.worker");
        late(emergency, "reviewEmergencyEntry", emergencyReview(false), "panel.member");

        assertThat(journey.alerts(caseId)).containsExactly("requestEntryToCare:ESCALATION",
                "completeNetworkWork:REMINDER", "completeNetworkWork:ESCALATION", "decideEntryToCare:ESCALATION",
                "confirmCareEntry:ESCALATION");
        assertThat(journey.alerts(emergency)).containsExactly("reviewEmergencyEntry:ESCALATION");
    }

    private String reviewOf(String warningId) {
        return runtime.createProcessInstanceQuery().processInstanceBusinessKey(warningId).singleResult().getId();
    }

    /** Moves the clock to the warning review's timer at {@code activityId} (never backwards) and fires it. */
    private void fireWarningTimer(String warningId, String activityId) {
        Job job = management.createJobQuery().processInstanceId(reviewOf(warningId)).activityId(activityId).timers().singleResult();
        assertThat(job).as("timer %s of warning %s", activityId, warningId).isNotNull();
        if (job.getDuedate().after(ClockUtil.getCurrentTime())) {
            ClockUtil.setCurrentTime(new java.util.Date(job.getDuedate().getTime() + 60_000));
        }
        management.executeJob(job.getId());
    }

    private void reviewWarning(String warningId, Map<String, ?> form) {
        org.camunda.bpm.engine.task.Task task = tasks.createTaskQuery().processInstanceBusinessKey(warningId)
                .taskDefinitionKey(TaskKey.REVIEW_WARNING.key()).singleResult();
        assertThat(task).as("the review of warning " + warningId).isNotNull();
        completion.complete(journey.as("team.manager"), task.getId(), journey.json(form));
    }

    @Test
    void aWarningIsReviewedOnItsDateRemindedEscalatedKeptAndThenEnded() {
        journey.today(date("2026-03-02"), LocalTime.of(9, 30));
        String caseId = journey.contact("Tia", "Warsame", "2015-05-05").caseId();
        String childId = journey.record(caseId).childId();
        String warningId = warnings.raise(journey.as("fd.practitioner"), childId, journey.json(Map.of("type", "RISK_TO_WORKER",
                "details", "Her stepfather threatened a visiting nurse.", "startsOn", "2026-03-02", "reviewOn", "2026-06-01",
                "agreedBy", "team.manager"))).warningId();
        WARNINGS_REVIEWED.add(warningId);

        fireWarningTimer(warningId, "warningReviewComesDue");
        assertThat(LocalDate.ofInstant(ClockUtil.getCurrentTime().toInstant(), JourneyDriver.LONDON)).isEqualTo(date("2026-06-01"));
        fireWarningTimer(warningId, "reviewWarningReminder");
        fireWarningTimer(warningId, "reviewWarningEscalation");
        reviewWarning(warningId, Map.of("decision", "KEEP", "reason", "He still lives at the address.",
                "nextReviewOn", "2026-09-01"));
        assertThat(warnings.forPerson(childId)).singleElement().satisfies(w -> {
            assertThat(w.current()).isTrue();
            assertThat(w.reviewOn()).isEqualTo(date("2026-09-01"));
        });

        fireWarningTimer(warningId, "warningReviewComesDue");
        reviewWarning(warningId, Map.of("decision", "END", "reason", "He has moved out; the police confirm it."));
        assertThat(warnings.forPerson(childId)).as("ended, and kept").singleElement()
                .satisfies(w -> assertThat(w.current()).isFalse());
        assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(warningId).count()).as("no more reviews").isZero();
    }

    // ------------------------------------------------------------------ Management oversight

    /** Moves the clock to the action's timer at {@code activityId} (never backwards) and fires it. */
    private void fireActionTimer(String actionId, String activityId) {
        String process = runtime.createProcessInstanceQuery().processInstanceBusinessKey(actionId).singleResult().getId();
        Job job = management.createJobQuery().processInstanceId(process).activityId(activityId).timers().singleResult();
        assertThat(job).as("timer %s of action %s", activityId, actionId).isNotNull();
        if (job.getDuedate().after(ClockUtil.getCurrentTime())) {
            ClockUtil.setCurrentTime(new java.util.Date(job.getDuedate().getTime() + 60_000));
        }
        management.executeJob(job.getId());
    }

    @Test
    void aManagersOversightActionIsTheWorkersTaskRemindedEscalatedAndDone() {
        journey.today(date("2026-03-02"), LocalTime.of(9, 30));
        String caseId = assessmentCase("Overseen");
        var note = notes.write(journey.as("team.manager"), caseId, journey.json(Map.of("kind", "MANAGEMENT_OVERSIGHT",
                "status", "FINAL", "subject", "Case direction", "text", "The assessment needs the school's view before it ends.",
                "actions", List.of(Map.of("text", "Speak to the head teacher.", "assignee", "social.worker",
                        "dueOn", "2026-03-09")))));
        String actionId = note.actions().get(0).actionId();
        ACTIONS_WORKED.add(actionId);
        org.camunda.bpm.engine.task.Task task = tasks.createTaskQuery().processInstanceBusinessKey(actionId).singleResult();
        assertThat(task.getTaskDefinitionKey()).isEqualTo(TaskKey.COMPLETE_ACTION.key());
        assertThat(task.getAssignee()).isEqualTo("social.worker");
        assertThat(LocalDate.ofInstant(task.getDueDate().toInstant(), JourneyDriver.LONDON)).isEqualTo(date("2026-03-09"));

        fireActionTimer(actionId, "completeActionReminder");
        assertThat(LocalDate.ofInstant(ClockUtil.getCurrentTime().toInstant(), JourneyDriver.LONDON))
                .as("reminded the working day before").isEqualTo(date("2026-03-06"));
        fireActionTimer(actionId, "completeActionEscalation");
        assertThat(journey.alerts(caseId)).contains("completeAction:REMINDER", "completeAction:ESCALATION");

        completion.complete(journey.as("social.worker"), task.getId(), journey.json(Map.of("completedOn", "2026-03-10",
                "outcome", "The head teacher has no concerns about attendance.")));
        assertThat(notes.get(journey.as("team.manager"), note.noteId()).actions()).singleElement().satisfies(a -> {
            assertThat(a.completedOn()).isEqualTo(date("2026-03-10"));
            assertThat(a.completedBy()).isEqualTo("social.worker");
            assertThat(a.taskId()).isNull();
        });
        assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(actionId).count()).isZero();
    }

    // ------------------------------------------------------------------ Moved to a team without a worker

    @Test
    void aCaseMovedToATeamWithoutAWorkerIsEscalatedWhenItsAllocationIsLateThenAllocatedWithItsWaitingWork() {
        journey.today(date("2026-03-02"), LocalTime.of(9, 30));
        String caseId = childInNeedPlan("Rehomed");
        CASES_MOVED_TO_A_TEAM.add(caseId);
        String west = journey.db().sql("select team_id from team where name = 'Safeguarding Team West'").query(String.class).single();
        journey.today(date("2026-03-09"), LocalTime.of(10, 0));
        reallocation.reallocate(journey.as("team.manager"), caseId, journey.json(Map.of("team", west, "reason", "Moved west.")));
        var waiting = runtime.createProcessInstanceQuery().processDefinitionKey(Journey.ALLOCATION_PROCESS)
                .processInstanceBusinessKey(caseId).singleResult();
        assertThat(waiting).as("the team's allocation").isNotNull();
        assertThat(journey.dueOn(caseId, TaskKey.ALLOCATE_CASE.key())).as("the allocation timescale from the move")
                .isAfter(date("2026-03-09"));

        Job late = management.createJobQuery().processInstanceId(waiting.getId()).activityId("allocateCaseEscalation").timers()
                .singleResult();
        ClockUtil.setCurrentTime(new java.util.Date(late.getDuedate().getTime() + 60_000));
        management.executeJob(late.getId());
        assertThat(journey.alerts(caseId)).contains("allocateCase:ESCALATION");

        journey.complete(caseId, TaskKey.ALLOCATE_CASE.key(), Map.of("socialWorker", "social.worker2"), "team.manager");
        assertThat(journey.record(caseId).allocatedWorker()).isEqualTo("social.worker2");
        assertThat(runtime.createProcessInstanceQuery().processInstanceId(waiting.getId()).count()).as("ended").isZero();
        assertThat(journey.openTasks(caseId)).allSatisfy(t -> assertThat(t.getAssignee() != null
                || !taskCandidateGroups(t.getId()).isEmpty()).as("someone can work %s", t.getTaskDefinitionKey()).isTrue());
    }

    private List<String> taskCandidateGroups(String taskId) {
        return tasks.getIdentityLinksForTask(taskId).stream().map(l -> l.getGroupId()).filter(java.util.Objects::nonNull).toList();
    }

    // ------------------------------------------------------------------ Supervision

    private String supervisionCycle(String caseId) {
        var cycle = runtime.createProcessInstanceQuery().processDefinitionKey("supervision")
                .processInstanceBusinessKey(caseId).singleResult();
        assertThat(cycle).as("the supervision cycle of case %s", caseId).isNotNull();
        return cycle.getId();
    }

    private Job supervisionTimer(String caseId, String activityId) {
        Job job = management.createJobQuery().processInstanceId(supervisionCycle(caseId)).activityId(activityId).timers()
                .singleResult();
        assertThat(job).as("timer %s of the supervision of case %s", activityId, caseId).isNotNull();
        return job;
    }

    private LocalDate supervisionTimerDate(String caseId, String activityId) {
        return LocalDate.ofInstant(supervisionTimer(caseId, activityId).getDuedate().toInstant(), JourneyDriver.LONDON);
    }

    /** Moves the clock to the supervision's timer at {@code activityId} (never backwards) and fires it. */
    private void fireSupervisionTimer(String caseId, String activityId) {
        Job job = supervisionTimer(caseId, activityId);
        if (job.getDuedate().after(ClockUtil.getCurrentTime())) {
            ClockUtil.setCurrentTime(new java.util.Date(job.getDuedate().getTime() + 60_000));
        }
        management.executeJob(job.getId());
    }

    private java.util.Optional<Map<String, Object>> lastSupervisionMilestone(String caseId) {
        List<Map<String, Object>> supervisions = journey.milestones(caseId).stream()
                .filter(m -> "SUPERVISION".equals(m.get("milestone_key"))).toList();
        return supervisions.isEmpty() ? java.util.Optional.empty() : java.util.Optional.of(supervisions.get(supervisions.size() - 1));
    }

    private static LocalDate sqlDate(Object value) {
        return value == null ? null : ((java.sql.Date) value).toLocalDate();
    }

    @Test
    void aCasesSupervisionIsDueTwentyWorkingDaysAfterAllocationThenAfterTheLastHeldAndEndsWithTheCase() {
        journey.today(date("2026-03-02"), LocalTime.of(9, 30));
        String caseId = childInNeedPlan("Supervised");
        CASES_SUPERVISED.add(caseId);
        supervisionCycle(caseId);
        assertThat(journey.openTaskKeys(caseId)).as("allocation sets a supervision timer, not a task")
                .doesNotContain(TaskKey.RECORD_SUPERVISION.key());
        // Allocated on the referral's day, 2026-03-02: due 20 working days later, opening 5 working days before.
        assertThat(supervisionTimerDate(caseId, "supervisionComesDue")).isEqualTo(date("2026-03-23"));

        caseRecord.reallocate(caseId, journey.db().sql("select team_id from child_case where case_id = ?").param(caseId)
                .query(String.class).single(), "social.worker2");
        assertThat(runtime.createProcessInstanceQuery().processDefinitionKey("supervision").processInstanceBusinessKey(caseId)
                .count()).as("a reallocation does not restart the cycle").isEqualTo(1);

        fireSupervisionTimer(caseId, "supervisionComesDue");
        assertThat(journey.dueOn(caseId, TaskKey.RECORD_SUPERVISION.key())).as("allocation + 20 working days")
                .isEqualTo(date("2026-03-30"));
        assertThat(journey.task(caseId, TaskKey.RECORD_SUPERVISION.key()).getAssignee()).isNull();
        assertThat(lastSupervisionMilestone(caseId)).hasValueSatisfying(m -> assertThat(sqlDate(m.get("due_on")))
                .isEqualTo(date("2026-03-30")));

        fireSupervisionTimer(caseId, "recordSupervisionReminder");
        assertThat(LocalDate.ofInstant(ClockUtil.getCurrentTime().toInstant(), JourneyDriver.LONDON))
                .as("reminded the working day before").isEqualTo(date("2026-03-27"));
        fireSupervisionTimer(caseId, "recordSupervisionEscalation");
        assertThat(journey.alerts(caseId)).contains("recordSupervision:REMINDER", "recordSupervision:ESCALATION");

        journey.today(date("2026-04-01"), LocalTime.of(10, 0));
        assertThatThrownBy(() -> journey.complete(caseId, "recordSupervision", Map.of("heldOn", "2026-04-02",
                "decisions", "Carry on."), "team.manager")).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> journey.complete(caseId, "recordSupervision", Map.of("heldOn", "2026-02-27",
                "decisions", "Carry on."), "team.manager")).as("not before the allocation").isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> journey.complete(caseId, "recordSupervision", Map.of("heldOn", "2026-04-01"),
                "team.manager")).as("decisions are required").isInstanceOf(InvalidInputException.class);
        journey.complete(caseId, "recordSupervision", Map.of("heldOn", "2026-04-01",
                "attendees", List.of("Grace Mensah", "Tom Reed"),
                "worries", List.of("Amani's school attendance has dropped to 70%."),
                "workingWell", List.of("Her grandmother collects her every day."),
                "needsToHappen", List.of("The school to share its attendance plan."),
                "decisions", "Keep the plan; ask the school for a meeting.",
                "actions", List.of(Map.of("text", "Arrange a meeting with the school.", "assignee", "social.worker",
                        "dueOn", "2026-04-10"))), "team.manager");
        assertThat(lastSupervisionMilestone(caseId)).hasValueSatisfying(m -> {
            assertThat(sqlDate(m.get("completed_on"))).isEqualTo(date("2026-04-01"));
            assertThat(app.casepath.tasks.Milestones.status(sqlDate(m.get("due_on")), sqlDate(m.get("completed_on")),
                    journey.today())).isEqualTo(app.casepath.tasks.Milestones.Status.MISSED);
        });
        assertThat(journey.db().sql("select summary from chronology where case_id = ? and kind = 'recordSupervision'")
                .param(caseId).query(String.class).single())
                .startsWith("Supervision held on 2026-04-01.").contains("Decisions: Keep the plan; ask the school for a meeting.");

        String actionId = journey.db().sql("select action_id from case_action where case_id = ? and supervision_id is not null")
                .param(caseId).query(String.class).single();
        ACTIONS_WORKED.add(actionId);
        org.camunda.bpm.engine.task.Task action = tasks.createTaskQuery().processInstanceBusinessKey(actionId).singleResult();
        assertThat(action.getTaskDefinitionKey()).isEqualTo(TaskKey.COMPLETE_ACTION.key());
        assertThat(action.getAssignee()).isEqualTo("social.worker");
        assertThat(LocalDate.ofInstant(action.getDueDate().toInstant(), JourneyDriver.LONDON)).isEqualTo(date("2026-04-10"));
        completion.complete(journey.as("social.worker"), action.getId(), journey.json(Map.of("completedOn", "2026-04-01",
                "outcome", "Meeting booked for 8 April.")));

        // The next counts from the day the last was held: 2026-04-01 + 20 working days (Easter between).
        fireSupervisionTimer(caseId, "supervisionComesDue");
        assertThat(journey.dueOn(caseId, TaskKey.RECORD_SUPERVISION.key())).isEqualTo(date("2026-05-01"));
        journey.complete(caseId, "recordSupervision", Map.of("decisions", "The plan is working; review at the next meeting."),
                "team.manager");
        assertThat(lastSupervisionMilestone(caseId)).hasValueSatisfying(m -> assertThat(app.casepath.tasks.Milestones.status(
                sqlDate(m.get("due_on")), sqlDate(m.get("completed_on")), journey.today()))
                .isEqualTo(app.casepath.tasks.Milestones.Status.MET));

        journey.fire(caseId, "cinReviewComesDue");
        journey.complete(caseId, "reviewChildInNeedPlan", childInNeedReview("CLOSE"), "social.worker");
        closeAs(caseId, "RC7");
        assertThat(runtime.createProcessInstanceQuery().processDefinitionKey("supervision").processInstanceBusinessKey(caseId)
                .count()).as("the case closed ends the cycle").isZero();
        assertThat(journey.openTaskKeys(caseId)).doesNotContain(TaskKey.RECORD_SUPERVISION.key());
    }

    @Test
    void aNewlyQualifiedWorkersCaseIsSupervisedEveryTenWorkingDays() {
        journey.today(date("2026-03-02"), LocalTime.of(9, 30));
        journey.db().sql("insert into staff (username, newly_qualified) values ('social.worker2', true)").update();
        try {
            String caseId = journey.contact("Amani", "Newly-Qualified", "2016-04-01").caseId();
            journey.complete(caseId, "screenContact", screen("ASSESSMENT"), "fd.practitioner");
            journey.complete(caseId, "allocateCase", allocate("social.worker2"), "team.manager");
            CASES_SUPERVISED.add(caseId);
            fireSupervisionTimer(caseId, "supervisionComesDue");
            assertThat(journey.dueOn(caseId, TaskKey.RECORD_SUPERVISION.key())).as("allocation + 10 working days")
                    .isEqualTo(date("2026-03-16"));
        } finally {
            journey.db().sql("delete from staff where username = 'social.worker2'").update();
        }
    }
}
