package app.casepath.caserecord;

import static app.casepath.caserecord.SignsOfSafety.DANGER_STATEMENTS;
import static app.casepath.caserecord.SignsOfSafety.NEEDS_TO_HAPPEN;
import static app.casepath.caserecord.SignsOfSafety.SAFETY_SCALE;
import static app.casepath.caserecord.SignsOfSafety.WORKING_WELL;
import static app.casepath.caserecord.SignsOfSafety.WORRIES;

import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

import app.casepath.process.TaskKey;
import app.casepath.tasks.FormStartingValues;

/**
 * Every form that maps opens with the current Signs of Safety map to revise, never blank
 * (casework.md, "The map carried forward"). The current map is newer than, or as new as, the last
 * form of the same key, so its parts replace what that form said; a part no form has recorded yet
 * leaves the last form's answer as it was. Each form gets the parts it records, so no form carries
 * a value it has no field for (screening and early help have no danger statements or scale, the
 * s47 enquiry no scale).
 */
@Component
class CurrentMapStartingValues implements FormStartingValues {

    private static final List<String> COLUMNS = List.of(WORRIES, WORKING_WELL, NEEDS_TO_HAPPEN);
    private static final List<String> WITH_DANGERS = List.of(WORRIES, WORKING_WELL, NEEDS_TO_HAPPEN, DANGER_STATEMENTS);
    private static final List<String> WHOLE_MAP = List.of(WORRIES, WORKING_WELL, NEEDS_TO_HAPPEN, DANGER_STATEMENTS,
            SAFETY_SCALE);

    /** The map-recording forms and the parts of the map each records. */
    private static final Map<TaskKey, List<String>> PARTS = Map.of(
            TaskKey.SCREEN_CONTACT, COLUMNS,
            TaskKey.COMPLETE_EARLY_HELP_ASSESSMENT, COLUMNS,
            TaskKey.COMPLETE_ASSESSMENT, WHOLE_MAP,
            TaskKey.COMPLETE_SECTION_47_ENQUIRY, WITH_DANGERS,
            TaskKey.HOLD_INITIAL_CONFERENCE, WHOLE_MAP,
            TaskKey.HOLD_REVIEW_CONFERENCE, WHOLE_MAP);

    private final SignsOfSafety signsOfSafety;

    CurrentMapStartingValues(SignsOfSafety signsOfSafety) {
        this.signsOfSafety = signsOfSafety;
    }

    @Override
    public void addTo(String caseId, String taskId, TaskKey key, Map<String, Object> values, Map<String, Object> context) {
        List<String> parts = PARTS.get(key);
        if (caseId == null || parts == null) {
            return;
        }
        Map<String, Object> current = signsOfSafety.currentParts(caseId);
        for (String part : parts) {
            if (current.containsKey(part)) {
                values.put(part, current.get(part));
            }
        }
    }
}
