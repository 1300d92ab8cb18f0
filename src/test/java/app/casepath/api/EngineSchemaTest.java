package app.casepath.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** What Casepath adds to the engine's schema on PostgreSQL, for a deployment holding a region's open work. */
class EngineSchemaTest extends HttpTest {

    @Test
    void aTasksSubtasksAreFoundByIndexSoCompletingOneDoesNotReadEveryOpenTask() {
        assertThat(journey.db().sql("select indexdef from pg_indexes where tablename = 'act_ru_task'")
                .query(String.class).list())
                .anyMatch(definition -> definition.toLowerCase().endsWith("(parent_task_id_)"));
    }
}
