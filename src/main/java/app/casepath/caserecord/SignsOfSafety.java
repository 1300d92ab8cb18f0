package app.casepath.caserecord;

import java.time.LocalDate;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import app.casepath.tasks.Form;

/**
 * The Signs of Safety map: the three columns, danger statements each paired with a safety goal,
 * and the 0–10 safety scale. Every assessment-type form adds a map to the case's history.
 */
@Repository
public class SignsOfSafety {

    public record Columns(List<String> worries, List<String> workingWell, List<String> needsToHappen) {
        public static Columns read(Form form) {
            return new Columns(form.texts("worries"), form.texts("workingWell"), form.texts("needsToHappen"));
        }
    }

    public record DangerStatement(String statement, String safetyGoal) {
        /** A danger statement is only useful beside the safety goal that answers it. */
        public static List<DangerStatement> read(Form form, String field) {
            return form.objects(field).stream()
                    .map(item -> new DangerStatement(item.requiredText("statement"), item.requiredText("safetyGoal")))
                    .toList();
        }
    }

    private final JdbcClient db;
    private final JsonText json;

    public SignsOfSafety(JdbcClient db, JsonText json) {
        this.db = db;
        this.json = json;
    }

    public void record(String caseId, LocalDate on, String sourceTask, Columns columns,
                       List<DangerStatement> dangerStatements, Integer safetyScale, String scaledBy) {
        db.sql("""
                insert into sos_map (case_id, recorded_on, source_task, worries, working_well, needs_to_happen,
                                     danger_statements, safety_scale, scaled_by)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(caseId, on, sourceTask, json.of(columns.worries()), json.of(columns.workingWell()),
                        json.of(columns.needsToHappen()), json.of(dangerStatements), safetyScale,
                        safetyScale == null ? null : scaledBy)
                .update();
    }

}
