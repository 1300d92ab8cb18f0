package app.casepath.tasks;

/** The task was completed, claimed or changed by someone else meanwhile (409). */
public class TaskConflictException extends RuntimeException {
    public TaskConflictException(String message) {
        super(message);
    }
}
