package app.casepath.process;

import static app.casepath.security.Groups.*;

import java.util.Arrays;
import java.util.Optional;
import java.util.Set;

/**
 * The user tasks of journey.md. {@link #key()} is the BPMN user-task id and the API's taskKey;
 * {@link #milestone()} is the timescale the task answers to, if any.
 */
public enum TaskKey {
    SCREEN_CONTACT("screenContact", Stage.FRONT_DOOR, Milestone.CONTACT_DECISION, Set.of(FRONT_DOOR)),
    COMPLETE_EARLY_HELP_ASSESSMENT("completeEarlyHelpAssessment", Stage.EARLY_HELP, Milestone.EH_ASSESSMENT, Set.of(EARLY_HELP)),
    REVIEW_FAMILY_PLAN("reviewFamilyPlan", Stage.EARLY_HELP, Milestone.FAMILY_PLAN_REVIEW, Set.of(EARLY_HELP)),
    ALLOCATE_CASE("allocateCase", Stage.ASSESSMENT, Milestone.ALLOCATION, Set.of(TEAM_MANAGERS)),
    COMPLETE_ASSESSMENT("completeAssessment", Stage.ASSESSMENT, Milestone.ASSESSMENT, Set.of()),
    AUTHORISE_ASSESSMENT("authoriseAssessment", Stage.ASSESSMENT, Milestone.ASSESSMENT, Set.of(TEAM_MANAGERS)),
    HOLD_STRATEGY_DISCUSSION("holdStrategyDiscussion", Stage.STRATEGY, Milestone.STRATEGY_DISCUSSION, Set.of(SOCIAL_WORKERS)),
    COMPLETE_SECTION_47_ENQUIRY("completeSection47Enquiry", Stage.STRATEGY, null, Set.of()),
    HOLD_INITIAL_CONFERENCE("holdInitialConference", Stage.CONFERENCE, Milestone.ICPC, Set.of(CONFERENCE_CHAIRS)),
    HOLD_CORE_GROUP("holdCoreGroup", Stage.CP_PLAN, Milestone.CORE_GROUP, Set.of(SOCIAL_WORKERS)),
    RECORD_VISIT("recordVisit", Stage.CP_PLAN, Milestone.VISIT, Set.of(SOCIAL_WORKERS)),
    HOLD_REVIEW_CONFERENCE("holdReviewConference", Stage.CP_PLAN, Milestone.RCPC, Set.of(CONFERENCE_CHAIRS)),
    REVIEW_LONG_PLAN("reviewLongPlan", Stage.CP_PLAN, null, Set.of(SERVICE_MANAGERS)),
    REVIEW_CHILD_IN_NEED_PLAN("reviewChildInNeedPlan", Stage.CIN_PLAN, Milestone.CIN_REVIEW, Set.of(SOCIAL_WORKERS)),
    REQUEST_ENTRY_TO_CARE("requestEntryToCare", Stage.PANEL, null, Set.of(SOCIAL_WORKERS)),
    COMPLETE_NETWORK_WORK("completeNetworkWork", Stage.PANEL, null, Set.of(SOCIAL_WORKERS)),
    DECIDE_ENTRY_TO_CARE("decideEntryToCare", Stage.PANEL, Milestone.PANEL_DECISION, Set.of(PANEL)),
    REVIEW_EMERGENCY_ENTRY("reviewEmergencyEntry", Stage.PANEL, Milestone.EMERGENCY_REVIEW, Set.of(PANEL)),
    CONFIRM_CARE_ENTRY("confirmCareEntry", Stage.PANEL, null, Set.of(SOCIAL_WORKERS)),
    AUTHORISE_CLOSURE("authoriseClosure", Stage.CLOSURE, Milestone.CLOSURE, Set.of(TEAM_MANAGERS)),
    /** Outside the journey (no stage): a warning's review, dated by the warning (people.WarningReviews), not by the case. */
    REVIEW_WARNING("reviewWarning", null, null, Set.of(TEAM_MANAGERS)),
    /** Outside the journey: a manager's action (recording.CaseActions), for its assignee alone, dated by the action. */
    COMPLETE_ACTION("completeAction", null, null, Set.of()),
    /**
     * Outside the journey: the case's supervision (supervision.Supervisions), for its team managers,
     * dated by the last supervision held; its milestone is met or missed on the day it was held.
     */
    RECORD_SUPERVISION("recordSupervision", null, Milestone.SUPERVISION, Set.of(TEAM_MANAGERS));

    private final String key;
    private final Stage stage;
    private final Milestone milestone;
    private final Set<String> candidateGroups;

    TaskKey(String key, Stage stage, Milestone milestone, Set<String> candidateGroups) {
        this.key = key;
        this.stage = stage;
        this.milestone = milestone;
        this.candidateGroups = candidateGroups;
    }

    public String key() {
        return key;
    }

    /** The stage of journey.md the task belongs to; null for a task outside the journey. */
    public Stage stage() {
        return stage;
    }

    /** Whether the task is one of the case's journey, its dates counted by tasks.Deadlines from the case record. */
    public boolean inJourney() {
        return stage != null;
    }

    public Optional<Milestone> milestone() {
        return Optional.ofNullable(milestone);
    }

    /** The groups the model must offer the task to (the assignee comes from the record). */
    public Set<String> candidateGroups() {
        return candidateGroups;
    }

    public static Optional<TaskKey> of(String key) {
        return Arrays.stream(values()).filter(t -> t.key.equals(key)).findFirst();
    }

    public static TaskKey require(String key) {
        return of(key).orElseThrow(() -> new IllegalArgumentException("unknown task key " + key));
    }
}
