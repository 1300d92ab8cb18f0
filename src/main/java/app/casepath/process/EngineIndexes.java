package app.casepath.process;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Set;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.springframework.stereotype.Component;

/**
 * Indexes the engine's own schema lacks for a deployment holding a region's open work. Completing
 * or deleting any task looks for its subtasks by parent task id, which Camunda 7.24 does not
 * index: with a million open tasks every completion would read every open task. Created after the
 * engine has made or upgraded its schema (so not a Flyway migration, which runs before it), once.
 */
@Component
public class EngineIndexes extends AbstractProcessEnginePlugin {

    private static final String TASKS_BY_PARENT = "create index if not exists CASEPATH_IDX_TASK_PARENT on ACT_RU_TASK (PARENT_TASK_ID_)";

    @Override
    public void postProcessEngineBuild(ProcessEngine engine) {
        var configuration = engine.getProcessEngineConfiguration();
        try (Connection connection = configuration.getDataSource().getConnection();
             Statement statement = connection.createStatement()) {
            statement.execute(TASKS_BY_PARENT);
            if (!connection.getAutoCommit()) {
                connection.commit();
            }
        } catch (SQLException e) {
            // PostgreSQL's "if not exists" is not atomic: nodes starting together can both try.
            if (!ALREADY_CREATED_BY_ANOTHER_NODE.contains(e.getSQLState())) {
                throw new IllegalStateException("could not create the engine's extra indexes", e);
            }
        }
    }

    /** unique_violation on the catalogue, duplicate_table */
    private static final Set<String> ALREADY_CREATED_BY_ANOTHER_NODE = Set.of("23505", "42P07");
}
