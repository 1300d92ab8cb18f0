package app.casepath.tasks;

import java.util.Map;

import app.casepath.process.TaskKey;

/**
 * What a feature adds to a task form's starting values from the record it keeps (the panel's
 * safety network from the child's relationships, say), so the kernel's TaskDetails opens every
 * form pre-filled without depending on the features that know the facts.
 */
public interface FormStartingValues {

    /** Adds to {@code values} (the form last written, as the form will open) for the task of key {@code key} on the case. */
    void addTo(String caseId, TaskKey key, Map<String, Object> values);
}
