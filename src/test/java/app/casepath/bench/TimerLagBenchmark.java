package app.casepath.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.fasterxml.jackson.databind.ObjectMapper;

import app.casepath.EmbeddedPostgres;
import app.casepath.frontdoor.ContactService;
import app.casepath.security.Caller;

/**
 * Timer lag (due to fired) with the application's own job executor settings, on the real clock.
 * Contacts recorded through the product each leave an escalation timer on their screening task,
 * until {@code bench.timers} are active. Then {@code bench.burst} of them are moved to fall due
 * within {@code bench.spreadSeconds} of one moment (0: all in the same instant) and the job
 * executor, running as in production, fires them: each runs the product's escalation (finds the
 * task, writes the alert, queues the managers' email). Lag is the job log's success time minus
 * the due date. Not part of the build (see BENCHMARKS.md):
 *   ./mvnw test -Dtest=TimerLagBenchmark -Dbench.timers=50000 -Dbench.burst=5000 -Dsurefire.failIfNoSpecifiedTests=false -Dskip.npm
 */
@SpringBootTest(properties = "camunda.bpm.job-execution.enabled=true")
@ActiveProfiles({"demo", "test"})
class TimerLagBenchmark {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        EmbeddedPostgres.register(registry);
    }

    @Autowired
    ContactService contacts;

    @Autowired
    JdbcClient db;

    @Autowired
    ObjectMapper json;

    @Test
    void timersFireOnTimeWhenManyFallDueAtOnce() throws Exception {
        int timers = Integer.getInteger("bench.timers", 50_000);
        int burst = Integer.getInteger("bench.burst", 5_000);
        int spreadSeconds = Integer.getInteger("bench.spreadSeconds", 0);
        Caller frontDoor = new Caller("fd.practitioner", Set.of("front-door"));
        long t0 = System.nanoTime();
        for (int i = 0; i < timers; i++) {
            contacts.record(json.valueToTree(Map.of("receivedAt", Instant.now().minusSeconds(1).toString(), "source", "2A",
                    "child", Map.of("firstName", "Timer" + i, "lastName", "Lag" + (i % 997), "dateOfBirth", "2015-01-01"),
                    "concerns", "Generated for the timer benchmark.")), frontDoor);
        }
        double generation = (System.nanoTime() - t0) / 1e9;
        long active = db.sql("select count(*) from act_ru_job where type_ = 'timer'").query(Long.class).single();

        // The burst falls due 20 s from now (spread over spreadSeconds), while the rest stay weeks away.
        Instant due = Instant.now().plusSeconds(20);
        List<String> burstJobs = db.sql("""
                update act_ru_job set duedate_ = cast(? as timestamp) + random() * cast(? as integer) * interval '1 second'
                where id_ in (select id_ from act_ru_job where type_ = 'timer' order by id_ limit ?)
                returning id_""")
                .params(java.sql.Timestamp.from(due), spreadSeconds, burst).query(String.class).list();
        String[] ids = burstJobs.toArray(String[]::new);
        long waitUntil = System.currentTimeMillis() + 20_000 + spreadSeconds * 1000L + 600_000;
        long remaining;
        do {
            Thread.sleep(1000);
            remaining = db.sql("select count(*) from act_ru_job where id_ = any(?)").param(ids).query(Long.class).single();
        } while (remaining > 0 && System.currentTimeMillis() < waitUntil);

        double[] lags = db.sql("""
                select extract(epoch from (timestamp_ - job_duedate_)) from act_hi_job_log
                where job_state_ = 2 and job_id_ = any(?)""").param(ids).query(Double.class).list().stream()
                .mapToDouble(Double::doubleValue).sorted().toArray();
        long failures = db.sql("select count(*) from act_hi_job_log where job_state_ = 1 and job_id_ = any(?)")
                .param(ids).query(Long.class).single();
        long incidents = db.sql("select count(*) from act_ru_incident").query(Long.class).single();
        String report = String.format("""
                active timers: %d (generated in %.0f s); burst: %d due within %d s of one moment
                fired: %d, not fired after 10 minutes: %d, failed attempts: %d, incidents: %d
                lag p50 %.2f s, p95 %.2f s, p99 %.2f s, max %.2f s; later than 60 s: %d
                throughput while draining: %.0f timers/s
                heap in use: %d MiB
                """, active, generation, burst, spreadSeconds, lags.length, remaining, failures, incidents,
                pct(lags, 0.50), pct(lags, 0.95), pct(lags, 0.99), lags.length == 0 ? 0 : lags[lags.length - 1],
                Arrays.stream(lags).filter(l -> l > 60).count(),
                db.sql("""
                        select count(*) / greatest(extract(epoch from max(timestamp_) - min(job_duedate_)), 1)
                        from act_hi_job_log where job_state_ = 2 and job_id_ = any(?)""").param(ids).query(Double.class).single(),
                (Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory()) >> 20);
        // Issue 6: with 50,000 timers active, none missed, p95 ≤ 10 s, none later than 60 s.
        long late = Arrays.stream(lags).filter(l -> l > 60).count();
        boolean missed = remaining > 0 || failures > 0 || incidents > 0 || lags.length < burst;
        report += (active >= 50_000 ? "" : "fewer than the target's 50,000 active timers: the verdicts are not the target's\n")
                + Target.holds("none missed", !missed, String.format("%d of %d fired, %d left, %d failed attempts, %d incidents",
                        lags.length, burst, remaining, failures, incidents))
                + Target.atMost("lag p95", pct(lags, 0.95), 10, "s")
                + Target.holds("none later than 60 s", late == 0, late + " later");
        System.out.println("BENCHMARK\n" + report);
        Path out = Path.of("target/benchmarks/timers-" + timers + "-" + burst + "-" + spreadSeconds + ".txt");
        Files.createDirectories(out.getParent());
        Files.writeString(out, report);
    }

    private static double pct(double[] sorted, double p) {
        return sorted.length == 0 ? Double.NaN : sorted[Math.min(sorted.length - 1, (int) (sorted.length * p))];
    }
}
