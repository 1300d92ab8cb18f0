package app.casepath.api;

import static app.casepath.Forms.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

/** Two people acting on the same task at the same moment: one succeeds, the other is told (409). */
class ConcurrencyTest extends HttpTest {

    private List<Integer> race(String path, Object firstBody, String first, String second, Object secondBody) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            CyclicBarrier start = new CyclicBarrier(2);
            Future<Integer> a = pool.submit(() -> {
                start.await();
                return as(first).post(path, firstBody).getStatusCode().value();
            });
            Future<Integer> b = pool.submit(() -> {
                start.await();
                return as(second).post(path, secondBody).getStatusCode().value();
            });
            return List.of(a.get(30, TimeUnit.SECONDS), b.get(30, TimeUnit.SECONDS));
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void twoPeopleCompletingTheSameTaskAtOnceWriteTheRecordOnce() throws Exception {
        journey.today(LocalDate.parse("2026-03-02"));
        for (int round = 0; round < 5; round++) {
            String caseId = journey.contact("Race", "Complete" + round, "2016-01-01").caseId();
            journey.complete(caseId, "screenContact", screen("STRATEGY_DISCUSSION"), "fd.practitioner");
            String taskId = journey.task(caseId, "holdStrategyDiscussion").getId();

            List<Integer> statuses = race("/api/tasks/" + taskId + "/complete", strategy("S47"), "social.worker",
                    "social.worker2", strategy("NO_S47"));

            assertThat(statuses).as("round %d", round).containsExactlyInAnyOrder(204, 409);
            assertThat(journey.db().sql("select count(*) from form_submission where task_id = ?").param(taskId)
                    .query(Integer.class).single()).isEqualTo(1);
            assertThat(journey.db().sql("select count(*) from strategy_discussion where case_id = ? and held_on is not null")
                    .param(caseId).query(Integer.class).single()).isEqualTo(1);
            assertThat(journey.chronologyKinds(caseId)).filteredOn("holdStrategyDiscussion"::equals).hasSize(1);
            assertThat(journey.openTaskKeys(caseId)).hasSize(1);
        }
    }

    @Test
    void twoPeopleClaimingTheSameTaskAtOnce() throws Exception {
        journey.today(LocalDate.parse("2026-03-02"));
        for (int round = 0; round < 5; round++) {
            String caseId = journey.contact("Race", "Claim" + round, "2016-01-01").caseId();
            journey.complete(caseId, "screenContact", screen("STRATEGY_DISCUSSION"), "fd.practitioner");
            String taskId = journey.task(caseId, "holdStrategyDiscussion").getId();

            List<Integer> statuses = race("/api/tasks/" + taskId + "/claim", null, "social.worker", "social.worker2", null);

            assertThat(statuses).as("round %d", round).containsExactlyInAnyOrder(204, 409);
            String assignee = journey.task(caseId, "holdStrategyDiscussion").getAssignee();
            assertThat(assignee).isIn("social.worker", "social.worker2");
            assertThat(journey.db().sql("select assignee from task_inbox where task_id = ?").param(taskId)
                    .query(String.class).single()).as("the inbox agrees with the engine").isEqualTo(assignee);
        }
    }

    /** The inbox's row for a task, read as it is (a missing row is an empty list, not "no assignee"). */
    private List<Map<String, Object>> inboxRows(String taskId) {
        return journey.db().sql("select task_id, assignee from task_inbox where task_id = ?").param(taskId).query().listOfRows();
    }

    @Test
    void claimingUnclaimingAndTheOtherPersonsTask() {
        journey.today(LocalDate.parse("2026-03-02"));
        String caseId = journey.contact("Race", "Unclaim", "2016-01-01").caseId();
        journey.complete(caseId, "screenContact", screen("STRATEGY_DISCUSSION"), "fd.practitioner");
        String path = "/api/tasks/" + journey.task(caseId, "holdStrategyDiscussion").getId();
        String taskId = journey.task(caseId, "holdStrategyDiscussion").getId();
        assertThat(as("social.worker").post(path + "/claim", null).getStatusCode().value()).isEqualTo(204);
        assertThat(as("social.worker").post(path + "/claim", null).getStatusCode().value()).as("again: no change").isEqualTo(204);
        assertThat(inboxRows(taskId)).as("the inbox row names the assignee")
                .singleElement().satisfies(row -> assertThat(row).containsEntry("assignee", "social.worker"));
        assertThat(as("social.worker2").post(path + "/claim", null).getStatusCode().value()).isEqualTo(409);
        assertThat(as("social.worker2").post(path + "/unclaim", null).getStatusCode().value()).isEqualTo(403);
        assertThat(as("social.worker").post(path + "/unclaim", null).getStatusCode().value()).isEqualTo(204);
        assertThat(inboxRows(taskId)).as("the task stays in the inbox, with no assignee")
                .singleElement().satisfies(row -> assertThat(row).containsEntry("assignee", null));
        assertThat(journey.task(caseId, "holdStrategyDiscussion").getAssignee()).as("the engine agrees").isNull();
        assertThat(as("social.worker2").post(path + "/claim", null).getStatusCode().value()).isEqualTo(204);
        assertThat(as("social.worker2").post(path + "/complete", strategy("NO_S47")).getStatusCode().value()).isEqualTo(204);
        assertThat(as("social.worker2").post(path + "/complete", strategy("NO_S47")).getStatusCode().value())
                .as("already completed").isEqualTo(409);
    }
}
