package app.casepath.api;

import static app.casepath.Forms.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import app.casepath.tasks.EngineRaces;

/**
 * Work recorded late: a task whose reminder and escalation are both due is completed while the
 * job executor is firing them. The engine's optimistic locking detects the race; the person is
 * not shown it (204, never 409), and each task's work is recorded once.
 */
class EngineRaceTest extends HttpTest {

    private static final int CASES = 50;

    @Autowired
    ProcessEngineConfigurationImpl engine;

    @Autowired
    EngineRaces races;

    @Test
    void completingATaskAsItsOwnTimersFireIsNeverRefused() throws Exception {
        // Years before the other tests' dates, so that only these cases' timers are due.
        journey.today(LocalDate.parse("2019-01-07"));
        List<String> caseIds = new ArrayList<>();
        for (int i = 0; i < CASES; i++) {
            String caseId = journey.contact("Late", "Recorder" + i, "2015-06-01").caseId();
            journey.complete(caseId, "screenContact", screen("ASSESSMENT"), "fd.practitioner");
            journey.complete(caseId, "allocateCase", allocate("social.worker"), "team.manager");
            assertThat(journey.hasTimer(caseId, "completeAssessmentReminder")).as("reminder").isTrue();
            assertThat(journey.hasTimer(caseId, "completeAssessmentEscalation")).as("escalation").isTrue();
            caseIds.add(caseId);
        }
        List<String> taskIds = caseIds.stream().map(c -> journey.task(c, "completeAssessment").getId()).toList();
        // Written up a month after it was due: both timers are due as the work is saved.
        journey.today(LocalDate.parse("2019-04-15"));
        double retriedBefore = races.retriedSoFar();

        JobExecutor executor = engine.getJobExecutor();
        ExecutorService people = Executors.newFixedThreadPool(4);
        ConcurrentLinkedQueue<String> refused = new ConcurrentLinkedQueue<>();
        executor.start();
        try {
            List<Future<?>> done = new ArrayList<>();
            for (String taskId : taskIds) {
                done.add(people.submit(() -> {
                    int status = as("social.worker").post("/api/tasks/" + taskId + "/complete", assessment("CIN_PLAN"))
                            .getStatusCode().value();
                    if (status != 204) {
                        refused.add(taskId + ": " + status);
                    }
                }));
            }
            for (Future<?> each : done) {
                each.get(2, TimeUnit.MINUTES);
            }
        } finally {
            people.shutdownNow();
            executor.shutdown();
        }

        assertThat(refused).as("completions refused though no person caused it").isEmpty();
        for (String taskId : taskIds) {
            assertThat(journey.db().sql("select count(*) from form_submission where task_id = ?").param(taskId)
                    .query(Integer.class).single()).as("task %s recorded once", taskId).isEqualTo(1);
        }
        for (String caseId : caseIds) {
            // The case's supervision (its own cycle, started at allocation) came due in the months
            // skipped, and opens whenever the job executor reaches its timer: not this race's work.
            assertThat(journey.openTaskKeys(caseId).stream().filter(k -> !k.equals("recordSupervision")).toList())
                    .containsExactly("authoriseAssessment");
        }
        System.out.printf("EngineRaceTest: %d completions, %.0f run again after a race with the engine%n", CASES,
                races.retriedSoFar() - retriedBefore);
    }
}
