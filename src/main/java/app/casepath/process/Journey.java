package app.casepath.process;

import java.util.Set;

/**
 * The names shared between the BPMN models in bpmn/ and the code: process keys, variables,
 * messages and escalations. A model test checks the models against these, so a typo in a model
 * fails the build rather than a case.
 */
public final class Journey {

    private Journey() {
    }

    public static final String MAIN_PROCESS = "referral-to-closure";
    public static final Set<String> STAGE_PROCESSES = Set.of("front-door", "early-help", "assessment",
            "strategy", "conference", "cp-plan", "cin-plan", "entry-to-care-panel", "closure");

    /**
     * Models outside the case's journey, started by the record for one of its things (a warning)
     * rather than by the main process; their tasks may have no case (caseId unset) and name the
     * person they are about (personId).
     */
    public static final String REVIEW_WARNING_PROCESS = "review-warning";
    public static final String COMPLETE_ACTION_PROCESS = "complete-action";
    /** The case's supervision cycle: started at allocation, ended at closure (business key: the case id). */
    public static final String SUPERVISION_PROCESS = "supervision";
    /**
     * A case moved to a team without a worker: the team's managers allocate one, and the work that
     * waited for them goes to that worker (business key: the case id).
     */
    public static final String ALLOCATION_PROCESS = "allocation-in-team";
    /** The tasks the previous worker held, comma-separated: they wait, held by no one, for the new worker. */
    public static final String WAITING_TASKS = "waitingTasks";
    public static final Set<String> RECORD_PROCESSES = Set.of(REVIEW_WARNING_PROCESS, COMPLETE_ACTION_PROCESS,
            SUPERVISION_PROCESS, ALLOCATION_PROCESS);

    /** Variables: keys and routing only; the record itself lives in the product's tables. */
    public static final String CASE_ID = "caseId";
    public static final String NEXT_STAGE = "nextStage";
    public static final String RETURN_STAGE = "returnStage";
    public static final String PANEL_OUTCOME = "panelOutcome";
    public static final String DECISION = "decision";
    public static final String OUTCOME = "outcome";
    public static final String NEXT_STEP = "nextStep";
    public static final String ROUTE = "route";
    public static final String CHECK_PASSED = "checkPassed";
    public static final String ENDORSE = "endorse";
    public static final String THEN_EARLY_HELP = "thenEarlyHelp";
    public static final String PERSON_ID = "personId";
    public static final String WARNING_ID = "warningId";
    public static final String ACTION_ID = "actionId";

    public static final Set<String> VARIABLES = Set.of(CASE_ID, NEXT_STAGE, RETURN_STAGE, PANEL_OUTCOME,
            DECISION, OUTCOME, NEXT_STEP, ROUTE, CHECK_PASSED, ENDORSE, THEN_EARLY_HELP, PERSON_ID, WARNING_ID, ACTION_ID,
            WAITING_TASKS);

    /** Where a stage may send the case besides another stage. */
    public static final String CONTACT_CLOSED = "CONTACT_CLOSED";
    public static final String CLOSED = "CLOSED";
    public static final String LOOKED_AFTER = "LOOKED_AFTER";
    public static final Set<String> ENDINGS = Set.of(CONTACT_CLOSED, CLOSED, LOOKED_AFTER);

    public static final String SIGNIFICANT_HARM_CONCERN = "SignificantHarmConcern";
    public static final String ENTRY_TO_CARE_REQUESTED = "EntryToCareRequested";
    public static final String CARE_ENTERED_ESCALATION = "careEntered";
    /** Ends a case's supervision cycle when the case closes. */
    public static final String SUPERVISION_ENDS = "SupervisionEnds";

    /** Spring beans the models call in expressions. */
    public static final Set<String> EXPRESSION_BEANS = Set.of("deadlines", "caseFacts", "caseStages",
            "taskReminder", "taskEscalation", "networkCheckDelegate", "execution", "warningReviews", "caseActions",
            "supervisions", "handOverWaitingWork");
}
