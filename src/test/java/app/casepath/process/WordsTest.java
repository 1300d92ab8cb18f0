package app.casepath.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.Test;

import app.casepath.Jargon;

/** Every code the product accepts or routes has words, the same words as the forms, and no word is a code. */
class WordsTest {

    @Test
    void theBackEndReadsTheVeryFileTheFormsAreBuiltFrom() throws Exception {
        try (InputStream packaged = Words.class.getResourceAsStream("words.json")) {
            assertThat(packaged).as("words.json on the classpath").isNotNull();
            assertThat(new String(packaged.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8))
                    .as("the packaged words are frontend/src/lib/words.json (run process-resources)")
                    .isEqualTo(Files.readString(Path.of("frontend/src/lib/words.json")));
        }
    }

    @Test
    void everyStageTaskAndMilestoneHasWords() {
        assertThat(Words.list("stages").keySet())
                .containsExactlyInAnyOrderElementsOf(Arrays.stream(Stage.values()).map(Stage::name).toList());
        assertThat(Words.list("tasks").keySet())
                .containsExactlyInAnyOrderElementsOf(Arrays.stream(TaskKey.values()).map(TaskKey::key).toList());
        assertThat(Words.list("milestones").keySet())
                .containsExactlyInAnyOrderElementsOf(Arrays.stream(Milestone.values()).map(Milestone::name).toList());
    }

    @Test
    void everyRoutingValueHasTheWordsTheFormOffers() {
        for (TaskKey task : TaskKey.values()) {
            Routing.fields(task).forEach((field, values) -> assertThat(Words.choices(task, field).keySet())
                    .as("the form's options for %s.%s", task.key(), field).containsExactlyInAnyOrderElementsOf(values));
        }
        Words.allChoices().forEach((task, fields) -> assertThat(TaskKey.of(task)).as("task key %s", task).isPresent());
    }

    @Test
    void everyCodeTheFormsAcceptHasWords() throws Exception {
        assertThat(Words.list("categories").keySet()).isEqualTo(codes("protection.CpPlans", "CATEGORIES"));
        assertThat(Words.list("sources").keySet()).isEqualTo(codes("frontdoor.Contact", "SOURCES"));
        assertThat(Words.list("closureReasons").keySet()).isEqualTo(codes("closure.AuthoriseClosureHandler", "REASONS"));
        assertThat(Words.list("legalStatuses").keySet()).isEqualTo(codes("panel.PanelHandlers$ConfirmCareEntry", "LEGAL_STATUSES"));
        assertThat(Words.list("primaryNeeds").keySet()).isEqualTo(codes("assessment.AuthoriseAssessmentHandler", "PRIMARY_NEEDS"));
        assertThat(Words.list("routes").keySet()).isEqualTo(Set.of("S20", "PRE_PROCEEDINGS", "CARE_PROCEEDINGS", "EMERGENCY"));
        assertThat(Words.list("noteKinds").keySet()).isEqualTo(codes("recording.NoteForm", "KINDS"));
        assertThat(Words.choices(TaskKey.COMPLETE_ASSESSMENT, "recommendation").keySet())
                .isEqualTo(codes("assessment.CompleteAssessmentHandler", "RECOMMENDATIONS"));
        assertThat(Words.choices(TaskKey.COMPLETE_ASSESSMENT, "sharedWithFamily.method").keySet())
                .isEqualTo(codes("assessment.CompleteAssessmentHandler", "SHARING"));
        assertThat(Words.choices(TaskKey.HOLD_STRATEGY_DISCUSSION, "attendees.agency").keySet())
                .isEqualTo(codes("protection.HoldStrategyDiscussionHandler", "AGENCIES"));
        // The types a worker gives, and the inverses the other person's record shows.
        assertThat(Words.list("relationshipTypes").keySet()).containsAll(codes("people.Relationships", "TYPES"))
                .contains("CHILD", "GRANDCHILD", "NIECE_NEPHEW", "KNOWN_CHILD");
    }

    /** A package-private set of accepted codes, read where it is declared rather than copied here. */
    @SuppressWarnings("unchecked")
    private static Set<String> codes(String className, String field) throws Exception {
        var f = Class.forName("app.casepath." + className).getDeclaredField(field);
        f.setAccessible(true);
        return Set.copyOf((Set<String>) f.get(null));
    }

    @Test
    void noWordIsACode() {
        Map<String, Set<String>> codes = Jargon.inEach(
                Stream.concat(
                        Stream.of("stages", "tasks", "milestones", "groups", "sources", "categories", "routes",
                                "primaryNeeds", "legalStatuses", "closureReasons", "noteKinds").flatMap(l -> Words.list(l).values().stream()),
                        Words.allChoices().values().stream().flatMap(f -> f.values().stream())
                                .flatMap(m -> m.values().stream())).toList());
        assertThat(codes).isEmpty();
    }

    @Test
    void theCheckFindsCodesAndLeavesWordsAlone() {
        assertThat(Jargon.in("Initial child protection conference held: CP_PLAN (NEG).")).contains("CP_PLAN", "(NEG)");
        assertThat(Jargon.in("Contact screened: STRATEGY_DISCUSSION.")).containsExactly("STRATEGY_DISCUSSION");
        assertThat(Jargon.in("Now at: Core group, Visit, reviewComesDue, planReachesReviewPoint"))
                .containsExactly("reviewComesDue", "planReachesReviewPoint");
        assertThat(Jargon.in("Contact received (source 1B); primary need (N0); closed (RC8); plan: PHY"))
                .contains("(N0)", "(RC8)", "PHY");
        assertThat(Jargon.in("Assessment authorised: NFA.")).containsExactly("NFA");
        assertThat(Jargon.in("New task for CP-0001234: Screen the contact. Referral source: 2A Schools. "
                + "Reason for closure: RC8 Closed after assessment, no further action. Allocated to social.worker. "
                + "Pre-proceedings (Public Law Outline). 3E A&E. Open it: http://localhost:8080/tasks/3f2a-9c")).isEmpty();
    }

    @Test
    void summariesSayWhatTheFormSays() {
        assertThat(Words.choice(TaskKey.HOLD_INITIAL_CONFERENCE, Journey.DECISION, "CP_PLAN")).isEqualTo("Child protection plan");
        assertThat(Words.choice(TaskKey.AUTHORISE_ASSESSMENT, Journey.DECISION, "EARLY_HELP")).isEqualTo("Close to early help");
        assertThat(Words.category("NEG")).isEqualTo("Neglect");
        assertThat(Words.source("1B")).isEqualTo("1B Individual: acquaintance");
        assertThat(Words.stage(Stage.CP_PLAN)).isEqualTo("Child protection plan");
        assertThat(Words.task(TaskKey.HOLD_CORE_GROUP)).isEqualTo("Core group");
    }

    @Test
    void anIdWithoutWordsIsHumanisedNeverShownRaw() {
        assertThat(Words.humanise("planReachesReviewPoint")).isEqualTo("Plan reaches review point");
        assertThat(Words.humanise("completeSection47Enquiry")).isEqualTo("Complete section 47 enquiry");
        assertThat(Words.humanise("END_CLOSE")).isEqualTo("End close");
        assertThat(Words.humanise("entry-to-care-panel")).isEqualTo("Entry to care panel");
        assertThat(Words.choice(TaskKey.SCREEN_CONTACT, Journey.DECISION, "SOMETHING_NEW")).isEqualTo("Something new");
    }

    @Test
    void aStepIsNamedByTheModelElseByItsTaskElseByItsIdInWords() {
        BpmnModelInstance model = Bpmn.createExecutableProcess("p").name("A process")
                .startEvent("start").name("Case opened")
                .userTask("holdCoreGroup")
                .intermediateCatchEvent("reviewComesDue")
                .userTask("named").name("Hold the\n review conference")
                .endEvent().done();
        assertThat(CaseDiagrams.stepName(model, "start")).isEqualTo("Case opened");
        assertThat(CaseDiagrams.stepName(model, "holdCoreGroup")).isEqualTo("Core group");
        assertThat(CaseDiagrams.stepName(model, "reviewComesDue")).isEqualTo("Review comes due");
        assertThat(CaseDiagrams.stepName(model, "named")).isEqualTo("Hold the review conference");
        assertThat(CaseDiagrams.stepName(model, "notInTheModel")).isEqualTo("Not in the model");
    }
}
