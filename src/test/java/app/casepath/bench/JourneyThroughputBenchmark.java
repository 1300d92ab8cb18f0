package app.casepath.bench;

import static app.casepath.Forms.childInNeedReview;
import static app.casepath.Forms.closure;
import static app.casepath.Forms.coreGroup;
import static app.casepath.Forms.earlyHelpAssessment;
import static app.casepath.Forms.familyPlanReview;
import static app.casepath.Forms.initialConference;
import static app.casepath.Forms.reviewConference;
import static app.casepath.Forms.screen;
import static app.casepath.Forms.section47;
import static app.casepath.Forms.strategy;
import static app.casepath.Forms.visit;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.fasterxml.jackson.databind.ObjectMapper;

import app.casepath.EmbeddedPostgres;
import app.casepath.JourneyDriver;
import app.casepath.frontdoor.ContactService;
import app.casepath.process.Journey;
import app.casepath.security.Caller;
import app.casepath.tasks.TaskCompletionService;

/**
 * Journeys completed per second: Casepath (its services, record, inbox projection, milestones and
 * emails) against the same BPMN on bare Camunda, in one run on one PostgreSQL server. Each journey
 * is fifteen tasks long: contact, strategy discussion, s47 enquiry, initial conference, core group,
 * visit, two review conferences, two child-in-need reviews, closure with step-down to Early Help,
 * Early Help assessment, two family plan reviews, closure; the timers between them are fired as
 * jobs. Both sides find tasks and timers the same way. Not part of the build (see BENCHMARKS.md):
 *   ./mvnw test -Dtest=JourneyThroughputBenchmark -Dsurefire.failIfNoSpecifiedTests=false -Dskip.npm
 */
@SpringBootTest
@ActiveProfiles({"demo", "test"})
class JourneyThroughputBenchmark {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        EmbeddedPostgres.register(registry);
    }

    /** A task to complete (with the product's form, or on bare Camunda the variables its gateways read), or a timer to fire. */
    private record Step(String key, Map<String, Object> form, String user, Map<String, Object> variables) {
        static Step task(String key, Map<String, Object> form, String user, Object... variables) {
            Map<String, Object> values = new HashMap<>();
            for (int i = 0; i < variables.length; i += 2) {
                values.put((String) variables[i], variables[i + 1]);
            }
            return new Step(key, form, user, values);
        }

        static Step timer(String activityId) {
            return new Step(activityId, null, null, null);
        }
    }

    private static final List<Step> JOURNEY = List.of(
            Step.task("screenContact", screen("STRATEGY_DISCUSSION"), "fd.practitioner", "decision", "STRATEGY_DISCUSSION"),
            Step.task("holdStrategyDiscussion", strategy("S47"), "social.worker", "decision", "S47"),
            Step.task("completeSection47Enquiry", section47("CONVENE_ICPC", null), "social.worker",
                    "outcome", "CONVENE_ICPC", "nextStep", null),
            Step.task("holdInitialConference", initialConference("CP_PLAN"), "cp.chair", "decision", "CP_PLAN"),
            Step.timer("coreGroupComesDue"),
            Step.timer("visitComesDue"),
            Step.task("holdCoreGroup", coreGroup(), "social.worker"),
            Step.task("recordVisit", visit(), "social.worker"),
            Step.timer("reviewComesDue"),
            Step.task("holdReviewConference", reviewConference("CONTINUE"), "cp.chair", "decision", "CONTINUE"),
            Step.timer("reviewComesDue"),
            Step.task("holdReviewConference", reviewConference("END_CIN_PLAN"), "cp.chair", "decision", "END_CIN_PLAN"),
            Step.timer("cinReviewComesDue"),
            Step.task("reviewChildInNeedPlan", childInNeedReview("CONTINUE"), "social.worker", "decision", "CONTINUE"),
            Step.timer("cinReviewComesDue"),
            Step.task("reviewChildInNeedPlan", childInNeedReview("STEP_DOWN_EARLY_HELP"), "social.worker",
                    "decision", "STEP_DOWN_EARLY_HELP"),
            Step.task("authoriseClosure", closure("RC9"), "team.manager", "thenEarlyHelp", true),
            Step.task("completeEarlyHelpAssessment", earlyHelpAssessment("FAMILY_PLAN"), "eh.practitioner",
                    "outcome", "FAMILY_PLAN"),
            Step.timer("familyPlanReviewOpens"),
            Step.task("reviewFamilyPlan", familyPlanReview("CONTINUE"), "eh.practitioner", "outcome", "CONTINUE"),
            Step.timer("familyPlanReviewOpens"),
            Step.task("reviewFamilyPlan", familyPlanReview("GOALS_ACHIEVED"), "eh.practitioner", "outcome", "GOALS_ACHIEVED"),
            Step.task("authoriseClosure", closure("RC7"), "team.manager", "thenEarlyHelp", false));

    /** One side of the comparison: how a journey starts and how a task is completed. */
    private interface Side {
        String name();

        ProcessEngine engine();

        /** Starts a journey for child {@code name}; returns its business key. */
        String start(String name);

        void complete(Task task, Step step);
    }

    @Autowired
    ProcessEngine casepathEngine;

    @Autowired
    ContactService contacts;

    @Autowired
    TaskCompletionService completion;

    @Autowired
    JourneyDriver driver;

    @Autowired
    ObjectMapper json;

    @Test
    void journeysPerSecondAgainstBareCamunda() throws Exception {
        int threads = Integer.getInteger("bench.threads", 2);
        int seconds = Integer.getInteger("bench.seconds", 15);
        int rounds = Integer.getInteger("bench.rounds", 6);
        ClockUtil.setCurrentTime(Date.from(Instant.parse("2027-01-04T10:00:00Z")));
        // Like for like by default: bare Camunda given the index Casepath adds to the engine's schema.
        // -Dbench.bareWithEngineIndexes=false compares with bare Camunda as shipped.
        boolean bareWithEngineIndexes = Boolean.parseBoolean(System.getProperty("bench.bareWithEngineIndexes", "true"));
        ProcessEngine bareEngine = BareEngine.start(EmbeddedPostgres.jdbcUrl(), bareWithEngineIndexes);
        // A signed-in user's groups are looked up once per session, not per task.
        Map<String, Caller> callers = new java.util.concurrent.ConcurrentHashMap<>();

        Side bare = new Side() {
            public String name() {
                return "bare Camunda";
            }

            public ProcessEngine engine() {
                return bareEngine;
            }

            public String start(String name) {
                String key = UUID.randomUUID().toString();
                bareEngine.getRuntimeService().startProcessInstanceByKey(Journey.MAIN_PROCESS, key,
                        Map.of(Journey.CASE_ID, key));
                return key;
            }

            public void complete(Task task, Step step) {
                bareEngine.getTaskService().complete(task.getId(), step.variables());
            }
        };
        Side casepath = new Side() {
            public String name() {
                return "Casepath";
            }

            public ProcessEngine engine() {
                return casepathEngine;
            }

            public String start(String name) {
                return contacts.record(json.valueToTree(Map.of("receivedAt", ClockUtil.getCurrentTime().toInstant().toString(),
                        "source", "2A", "child", Map.of("firstName", name, "lastName", "Put", "dateOfBirth", "2016-04-01"),
                        "concerns", "Generated for the throughput benchmark.")),
                        callers.computeIfAbsent("fd.practitioner", driver::as)).reference();
            }

            public void complete(Task task, Step step) {
                completion.complete(callers.computeIfAbsent(step.user(), driver::as), task.getId(),
                        json.valueToTree(step.form()));
            }
        };

        StringBuilder report = new StringBuilder(String.format("threads %d, %d s per measurement, %d rounds, %d tasks a journey%n",
                threads, seconds, rounds, JOURNEY.stream().filter(s -> s.form() != null).count()));
        // A deployment in use holds open work: journeys waiting at the Front Door. Without it the
        // engines' runtime tables hold a handful of rows and many dead ones, and the planner's
        // choice between their indexes and a scan depends on when autovacuum last sampled them.
        int openJourneys = Integer.getInteger("bench.openJourneys", 2000);
        for (Side side : List.of(bare, casepath)) {
            for (int n = 0; n < openJourneys; n++) {
                side.start("Waiting" + n);
            }
        }
        for (String database : List.of("postgres", "bare")) {
            try (Connection db = DriverManager.getConnection(EmbeddedPostgres.jdbcUrl().replace("/postgres?", "/" + database + "?"),
                    "postgres", "postgres")) {
                db.createStatement().execute("vacuum analyze");
            }
        }
        report.append(String.format("open journeys waiting at the Front Door on each side: %d%n", openJourneys));
        report.append(bareWithEngineIndexes ? "bare Camunda with Casepath's index on its schema (EngineIndexes)\n"
                : "bare Camunda with its schema as shipped\n");
        for (Side side : List.of(bare, casepath)) {
            // Warm-up: the JIT, the engines' caches, the pools.
            report.append(String.format("warm-up %s: %.1f journeys/s%n", side.name(), run(side, threads, 10)));
        }
        List<Double> bareRates = new ArrayList<>();
        List<Double> casepathRates = new ArrayList<>();
        for (int round = 1; round <= rounds; round++) {
            bareRates.add(run(bare, threads, seconds));
            casepathRates.add(run(casepath, threads, seconds));
            report.append(String.format("round %d: bare %.1f journeys/s, Casepath %.1f journeys/s%n", round,
                    bareRates.get(round - 1), casepathRates.get(round - 1)));
        }
        double bareMean = bareRates.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
        double casepathMean = casepathRates.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
        double overhead = (bareMean / casepathMean - 1) * 100;
        report.append(String.format("mean: bare %.1f journeys/s, Casepath %.1f journeys/s; Casepath/bare = %.2f; "
                        + "time per journey %+.0f%% over bare%n", bareMean, casepathMean, casepathMean / bareMean, overhead));
        double[] perRound = new double[rounds];
        for (int i = 0; i < rounds; i++) {
            perRound[i] = (bareRates.get(i) / casepathRates.get(i) - 1) * 100;
        }
        report.append(String.format("rounds spread: bare %.1f–%.1f journeys/s, Casepath %.1f–%.1f; time per journey over bare,"
                        + " round by round, %+.0f%% to %+.0f%%%n",
                Collections.min(bareRates), Collections.max(bareRates), Collections.min(casepathRates),
                Collections.max(casepathRates), Arrays.stream(perRound).min().orElseThrow(), Arrays.stream(perRound).max().orElseThrow()));
        // Issue 6: the product's overhead ≤ 25% over bare Camunda on the same BPMN, judged like for like
        // (bare Camunda given the index Casepath adds to the engine's schema).
        report.append(bareWithEngineIndexes
                ? Target.atMost("product overhead, like for like (time per journey over bare, %)", overhead, 25, "%")
                : "against bare Camunda as shipped, without Casepath's engine index: not like for like, so not the target's"
                        + " measure (run with -Dbench.bareWithEngineIndexes=true, the default)\n");
        report.append(String.format("heap in use: %d MiB%n",
                (Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory()) >> 20));
        System.out.println("BENCHMARK\n" + report);
        Path out = Path.of("target/benchmarks/journeys.txt");
        Files.createDirectories(out.getParent());
        Files.writeString(out, report);
        bareEngine.close();
    }

    /** Journeys completed per second by {@code threads} threads, each walking whole journeys until time is up. */
    private static double run(Side side, int threads, int seconds) throws InterruptedException {
        AtomicInteger completed = new AtomicInteger();
        AtomicInteger started = new AtomicInteger();
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        List<Thread> workers = new ArrayList<>();
        List<Throwable> failures = new ArrayList<>();
        long t0 = System.nanoTime();
        for (int t = 0; t < threads; t++) {
            Thread worker = new Thread(() -> {
                try {
                    while (System.nanoTime() < end) {
                        walk(side, side.start("Through" + started.incrementAndGet()));
                        completed.incrementAndGet();
                    }
                } catch (Throwable e) {
                    synchronized (failures) {
                        failures.add(e);
                    }
                }
            });
            workers.add(worker);
            worker.start();
        }
        for (Thread worker : workers) {
            worker.join();
        }
        if (!failures.isEmpty()) {
            throw new AssertionError(side.name() + " failed", failures.get(0));
        }
        return completed.get() / ((System.nanoTime() - t0) / 1e9);
    }

    private static void walk(Side side, String businessKey) {
        ProcessEngine engine = side.engine();
        for (Step step : JOURNEY) {
            if (step.form() == null) {
                engine.getManagementService().executeJob(timer(engine, businessKey, step.key()).getId());
            } else {
                List<Task> open = engine.getTaskService().createTaskQuery().processInstanceIdIn(instances(engine, businessKey))
                        .taskDefinitionKey(step.key()).list();
                if (open.size() != 1) {
                    throw new IllegalStateException(side.name() + ": " + open.size() + " open " + step.key() + " tasks");
                }
                side.complete(open.get(0), step);
            }
        }
        if (engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(businessKey).count() != 0) {
            throw new IllegalStateException(side.name() + ": journey " + businessKey + " did not end");
        }
    }

    /**
     * The journey's running process instances (each stage is a called process with the journey's
     * business key), found by the business key's index. Tasks and timers are then found by
     * instance: a task query by business key joins every open task, and with a deployment's open
     * work that scan would weigh on both sides alike and hide the difference being measured.
     */
    private static String[] instances(ProcessEngine engine, String businessKey) {
        return engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(businessKey).list()
                .stream().map(ProcessInstance::getId).toArray(String[]::new);
    }

    private static Job timer(ProcessEngine engine, String businessKey, String activityId) {
        for (String instance : instances(engine, businessKey)) {
            Job job = engine.getManagementService().createJobQuery().processInstanceId(instance)
                    .activityId(activityId).singleResult();
            if (job != null) {
                return job;
            }
        }
        throw new IllegalStateException("no " + activityId + " timer for " + businessKey);
    }
}
