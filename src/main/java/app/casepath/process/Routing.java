package app.casepath.process;

import static app.casepath.process.Journey.DECISION;
import static app.casepath.process.Journey.NEXT_STEP;
import static app.casepath.process.Journey.OUTCOME;

import java.util.Map;
import java.util.Set;

/**
 * The values each task's routing field may take (journey.md's "outcome field → next"). The forms
 * accept exactly these, and a model test checks that each model's gateways route exactly these.
 */
public final class Routing {

    private Routing() {
    }

    private static final Map<TaskKey, Map<String, Set<String>>> VALUES = Map.ofEntries(
            Map.entry(TaskKey.SCREEN_CONTACT, Map.of(DECISION,
                    Set.of("NFA", "ADVICE", "EARLY_HELP", "ASSESSMENT", "STRATEGY_DISCUSSION"))),
            Map.entry(TaskKey.COMPLETE_EARLY_HELP_ASSESSMENT, Map.of(OUTCOME, Set.of("FAMILY_PLAN", "CLOSE", "STEP_UP"))),
            Map.entry(TaskKey.REVIEW_FAMILY_PLAN, Map.of(OUTCOME, Set.of("CONTINUE", "GOALS_ACHIEVED", "STEP_UP"))),
            Map.entry(TaskKey.AUTHORISE_ASSESSMENT, Map.of(DECISION,
                    Set.of("RETURN", "NFA", "EARLY_HELP", "CIN_PLAN", "STRATEGY_DISCUSSION", "ENTRY_TO_CARE"))),
            Map.entry(TaskKey.HOLD_STRATEGY_DISCUSSION, Map.of(DECISION, Set.of("S47", "NO_S47"))),
            Map.entry(TaskKey.COMPLETE_SECTION_47_ENQUIRY, Map.of(
                    OUTCOME, Set.of("CONVENE_ICPC", "SUBSTANTIATED_NO_CONTINUING_RISK", "NOT_SUBSTANTIATED"),
                    NEXT_STEP, Set.of("NFA", "EARLY_HELP", "CIN_PLAN"))),
            Map.entry(TaskKey.HOLD_INITIAL_CONFERENCE, Map.of(DECISION, Set.of("CP_PLAN", "CIN_PLAN", "NFA"))),
            Map.entry(TaskKey.HOLD_REVIEW_CONFERENCE, Map.of(DECISION,
                    Set.of("CONTINUE", "END_CIN_PLAN", "END_EARLY_HELP", "END_CLOSE"))),
            Map.entry(TaskKey.REVIEW_CHILD_IN_NEED_PLAN, Map.of(DECISION,
                    Set.of("CONTINUE", "STEP_DOWN_EARLY_HELP", "CLOSE", "ESCALATE"))),
            Map.entry(TaskKey.DECIDE_ENTRY_TO_CARE, Map.of(DECISION, Set.of("APPROVE", "DECLINE", "DEFER"))),
            Map.entry(TaskKey.REVIEW_WARNING, Map.of(DECISION, Set.of("KEEP", "END"))));

    /** The values of a task's routing field; none for a task that does not route. */
    public static Set<String> values(TaskKey task, String field) {
        return VALUES.getOrDefault(task, Map.of()).getOrDefault(field, Set.of());
    }

    public static Map<String, Set<String>> fields(TaskKey task) {
        return VALUES.getOrDefault(task, Map.of());
    }
}
