package app.casepath.tasks;

import java.time.LocalDate;
import java.util.Map;

import app.casepath.process.TaskKey;

/**
 * One task key's form: {@link #read} validates and writes nothing; {@link #apply} writes the case
 * record and returns what the process routes on. Both run in the completing transaction.
 */
public interface TaskFormHandler<F> {

    TaskKey task();

    F read(Form form, TaskContext context);

    Completion apply(F form, TaskContext context);

    record TaskContext(String caseId, String taskId, String user, LocalDate today) {
    }

    /**
     * @param variables   routing values for the process (the model's gateways read these)
     * @param milestoneOn the date the task's milestone was done, or null if this completion leaves it open
     * @param summary     the chronology line, or null when the record written has its own entry (a visit's note)
     */
    record Completion(Map<String, Object> variables, LocalDate milestoneOn, String summary) {
        public static Completion of(String summary, LocalDate milestoneOn, Map<String, Object> variables) {
            return new Completion(variables, milestoneOn, summary);
        }
    }
}
