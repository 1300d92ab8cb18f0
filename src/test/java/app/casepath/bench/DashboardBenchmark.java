package app.casepath.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import app.casepath.EmbeddedPostgres;
import app.casepath.JourneyDriver;
import app.casepath.dashboard.TimelinessDashboard;
import app.casepath.security.Caller;

/**
 * The managers' dashboard (every figure of kpis.md, the trend, drill-downs and what is overdue
 * now) for the last twelve months, with one year and then ten years of a large council's history
 * in the database. A month is driven through the services ({@link Workload}), then copied back in
 * time to make the year, and then the ten years. Not part of the build (see BENCHMARKS.md):
 *   ./mvnw test -Dtest=DashboardBenchmark -Dsurefire.failIfNoSpecifiedTests=false -Dskip.npm
 */
@SpringBootTest
@ActiveProfiles({"demo", "test"})
class DashboardBenchmark {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        EmbeddedPostgres.register(registry);
    }

    @Autowired
    Workload workload;

    @Autowired
    TimelinessDashboard dashboard;

    @Autowired
    JourneyDriver journey;

    @Autowired
    JdbcClient db;

    @Test
    void dashboardAtOneAndTenYears() throws Exception {
        int contactsPerMonth = Integer.getInteger("bench.contactsPerMonth", Workload.CONTACTS_PER_MONTH);
        YearMonth driven = YearMonth.of(2026, 10);
        long t0 = System.nanoTime();
        int made = workload.drive(driven, 1, contactsPerMonth);
        StringBuilder report = new StringBuilder(String.format("driven through the services: %d contacts in %s (%.0f s)%n",
                made, driven, (System.nanoTime() - t0) / 1e9));
        for (Workload.Size size : new Workload.Size[] {Workload.Size.LARGE_COUNCIL_YEAR, Workload.Size.TEN_YEARS}) {
            long t1 = System.nanoTime();
            workload.replicateTo(size);
            report.append(String.format("%s: copied in %.0f s; %s%n", size, (System.nanoTime() - t1) / 1e9, counts()));
            journey.today(LocalDate.of(2026, 11, 2));
            Caller manager = journey.as("service.manager");
            // Issue 6: p95 ≤ 300 ms with ten years of a large council's history.
            Double target = size == Workload.Size.TEN_YEARS ? Double.valueOf(300) : null;
            report.append(measure("dashboard, last 12 months, " + size,
                    () -> dashboard.timeliness(manager, LocalDate.of(2025, 11, 1), LocalDate.of(2026, 10, 31))).line(target));
            report.append(measure("dashboard, last month, " + size,
                    () -> dashboard.timeliness(manager, LocalDate.of(2026, 10, 1), LocalDate.of(2026, 10, 31))).line(target));
        }
        report.append(String.format("heap in use: %d MiB%n",
                (Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory()) >> 20));
        System.out.println("BENCHMARK\n" + report);
        Path out = Path.of("target/benchmarks/dashboard.txt");
        Files.createDirectories(out.getParent());
        Files.writeString(out, report);
    }

    private String counts() {
        return String.format("contacts %d, referrals %d, conferences %d, milestones %d, chronology %d",
                count("contact"), db.sql("select count(*) from child_case where referral_date is not null")
                        .query(Long.class).single(), count("conference"), count("milestone"), count("chronology"));
    }

    private long count(String table) {
        return db.sql("select count(*) from " + table).query(Long.class).single();
    }

    /** 5 warm-up calls, then 30 timed. */
    private static Latency.Measured measure(String what, Runnable call) {
        return Latency.measure(what, 5, 30, call);
    }
}
