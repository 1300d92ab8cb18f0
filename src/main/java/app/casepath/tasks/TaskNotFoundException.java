package app.casepath.tasks;

/** No open task with that id (never existed, already completed, or not visible to the caller). */
public class TaskNotFoundException extends RuntimeException {
    public TaskNotFoundException(String taskId) {
        super("No open task " + taskId);
    }
}
