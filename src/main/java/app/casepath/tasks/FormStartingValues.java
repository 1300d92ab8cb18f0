package app.casepath.tasks;

import java.util.Map;

import app.casepath.process.TaskKey;

/**
 * What a feature adds to a task form's starting values and context from the record it keeps (the
 * panel's safety network from the child's relationships, the current Signs of Safety map), so the
 * kernel's TaskDetails opens every form pre-filled without depending on the features that know
 * the facts.
 */
public interface FormStartingValues {

    /**
     * Adds to {@code values} (the form last written, as the form will open) and to {@code context}
     * (what the worker decides with, beside the form) for the task of key {@code key} on the case.
     * Called for every task that has a case, so each implementation picks the keys it serves.
     */
    void addTo(String caseId, String taskId, TaskKey key, Map<String, Object> values, Map<String, Object> context);
}
