package app.casepath.recording;

import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.TaskService;
import org.springframework.stereotype.Component;

import app.casepath.process.Journey;
import app.casepath.process.TaskKey;
import app.casepath.tasks.FormStartingValues;

/**
 * What the notes give a task form: beside every form that records the Signs of Safety map, what
 * the child says in their own words (casework.md "The child's voice"), so the worker's map sits
 * next to the child's; and a completeAction task shows the action it is for.
 */
@Component
class RecordingStartingValues implements FormStartingValues {

    private static final Set<TaskKey> MAP_FORMS = Set.of(TaskKey.SCREEN_CONTACT, TaskKey.COMPLETE_EARLY_HELP_ASSESSMENT,
            TaskKey.COMPLETE_ASSESSMENT, TaskKey.COMPLETE_SECTION_47_ENQUIRY, TaskKey.HOLD_INITIAL_CONFERENCE,
            TaskKey.HOLD_REVIEW_CONFERENCE);

    private final CaseNotes notes;
    private final CaseActions actions;
    private final TaskService tasks;

    RecordingStartingValues(CaseNotes notes, CaseActions actions, TaskService tasks) {
        this.notes = notes;
        this.actions = actions;
        this.tasks = tasks;
    }

    @Override
    public void addTo(String caseId, String taskId, TaskKey key, Map<String, Object> values, Map<String, Object> context) {
        if (MAP_FORMS.contains(key)) {
            CaseNotes.ChildSays says = notes.childSays(caseId);
            if (says.threeHouses() != null || says.wishesAndFeelings() != null) {
                context.put("childSays", says);
            }
        } else if (key == TaskKey.COMPLETE_ACTION) {
            context.put("action", actions.context((String) tasks.getVariable(taskId, Journey.ACTION_ID)));
        }
    }
}
