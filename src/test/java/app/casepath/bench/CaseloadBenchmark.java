package app.casepath.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import app.casepath.EmbeddedPostgres;
import app.casepath.JourneyDriver;
import app.casepath.security.Caller;
import app.casepath.teams.Caseloads;

/**
 * A team's caseload page (teams.md "Caseloads", issue 16): the team's figures per worker, and a
 * worker's cases behind them, with one year and then ten years of a large council's history in
 * the database. A month is driven through the services ({@link Workload}), copied back in time
 * as for the dashboard, and then shaped as a caseload (see BENCHMARKS.md, "A team's caseload"):
 * a team of 25 workers holding 20 open cases each, with their open tasks and milestones, among
 * some 2,900 open cases of the council,
 * with a quarter of the council's closed history and its supervisions and visits behind them.
 * Not part of the build (see BENCHMARKS.md):
 *   ./mvnw test -Dtest=CaseloadBenchmark -Dsurefire.failIfNoSpecifiedTests=false -Dskip.npm
 */
@SpringBootTest
@ActiveProfiles({"demo", "test"})
class CaseloadBenchmark {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        EmbeddedPostgres.register(registry);
    }

    static final int WORKERS = 25;
    static final int CASES_EACH = 20;
    /** Workers who have left the team: their closed cases stay in its history. */
    static final int FORMER_WORKERS = 15;
    /** Copies (months back) of the cases the driven month leaves open that are still open. */
    static final int STILL_OPEN_COPIES = 3;
    static final long ID_OFFSET = 100_000_000L;
    /** Ids of the made-up visits: past every id that {@link Workload#replicate} copies or makes. */
    static final long VISIT_IDS = 1_000_000_000_000L;
    static final LocalDate TODAY = LocalDate.of(2026, 11, 2);

    @Autowired
    Workload workload;

    @Autowired
    Caseloads caseloads;

    @Autowired
    JourneyDriver journey;

    @Autowired
    IdentityService identities;

    @Autowired
    JdbcClient db;

    @Test
    void caseloadAtOneAndTenYears() throws Exception {
        int contactsPerMonth = Integer.getInteger("bench.contactsPerMonth", Workload.CONTACTS_PER_MONTH);
        YearMonth driven = YearMonth.of(2026, 10);
        long t0 = System.nanoTime();
        int made = workload.drive(driven, 1, contactsPerMonth);
        StringBuilder report = new StringBuilder(String.format("driven through the services: %d contacts in %s (%.0f s)%n",
                made, driven, (System.nanoTime() - t0) / 1e9));
        String teamId = team();
        StringBuilder plans = new StringBuilder();
        boolean first = true;
        for (Workload.Size size : new Workload.Size[] {Workload.Size.LARGE_COUNCIL_YEAR, Workload.Size.TEN_YEARS}) {
            long t1 = System.nanoTime();
            workload.replicateTo(size);
            double copied = (System.nanoTime() - t1) / 1e9;
            long t2 = System.nanoTime();
            if (first) {
                stillOpen();
                allocateOpen(teamId);
                openWork();
                first = false;
            }
            history(teamId);
            db.sql("vacuum analyze").update();
            report.append(String.format("%s: copied in %.0f s, shaped as a caseload in %.0f s; %s%n", size, copied,
                    (System.nanoTime() - t2) / 1e9, counts(teamId)));
            journey.today(TODAY);
            Caller manager = journey.as("team.manager");
            String worker = "bench.worker01";
            // Issue 16: p95 ≤ 100 ms with ten years of a large council's history.
            Double target = size == Workload.Size.TEN_YEARS ? Double.valueOf(100) : null;
            report.append(measure("team caseload, 25 workers, " + size,
                    () -> caseloads.of(manager, teamId)).line(target));
            report.append(measure("a worker's cases (drill-down), " + size,
                    () -> caseloads.of(manager, teamId, worker)).line(target));
            try {
                plans.append("== ").append(size).append('\n').append(plans(teamId, worker));
            } catch (RuntimeException e) {
                plans.append("== ").append(size).append(": no plans (").append(e.getMessage()).append(")\n");
            }
        }
        Caseloads.Caseload caseload = caseloads.of(journey.as("team.manager"), teamId);
        report.append(String.format("the team's figures: %d workers, %s; open tasks %d (overdue %d), not seen in time %d, "
                        + "supervision overdue %d%n", caseload.workers().size(), caseload.totals().cases(),
                caseload.totals().openTasks(), caseload.totals().overdueTasks(), caseload.totals().notSeenInTime(),
                caseload.totals().supervisionOverdue()));
        report.append(String.format("heap in use: %d MiB%n",
                (Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory()) >> 20));
        System.out.println("BENCHMARK\n" + report);
        Path out = Path.of("target/benchmarks/caseload.txt");
        Files.createDirectories(out.getParent());
        Files.writeString(out, report);
        Files.writeString(Path.of("target/benchmarks/caseload-plans.txt"), plans);
    }

    /** A safeguarding team of 25 workers, managed by the demo's team manager; the workers made in the identity service. */
    private String team() {
        String teamId = UUID.randomUUID().toString();
        db.sql("insert into team (team_id, name, service, created_at) values (?, 'Safeguarding Team Central', 'CHILD_PROTECTION', now())")
                .param(teamId).update();
        db.sql("insert into team_member (team_id, username, role) values (?, 'team.manager', 'MANAGER')").param(teamId).update();
        for (int i = 1; i <= WORKERS; i++) {
            String username = worker(i);
            User user = identities.newUser(username);
            user.setFirstName("Worker");
            user.setLastName(String.format("%02d", i));
            user.setEmail(username + "@casepath.example");
            identities.saveUser(user);
            db.sql("insert into team_member (team_id, username, role) values (?, ?, 'MEMBER')").params(teamId, username).update();
        }
        return teamId;
    }

    private static String worker(int i) {
        return String.format("bench.worker%02d", i);
    }

    /**
     * The council's open cases: those the driven month leaves open (plans, mostly), and as many
     * again from each of the {@value #STILL_OPEN_COPIES} months before it, whose copies
     * {@link Workload#replicate} closed nine months on: reopened with their plans, open
     * milestones (due a month earlier per month back, so more of them late) and open tasks.
     */
    private void stillOpen() {
        String copies = "cross join generate_series(1, " + STILL_OPEN_COPIES + ") k";
        String openOriginal = "o.case_number < " + ID_OFFSET + " and o.closed_on is null";
        db.sql("update child_case c set closed_on = null, status = o.status, closure_reason = o.closure_reason"
                + " from child_case o " + copies + " where " + openOriginal
                + " and c.case_number = o.case_number + k * " + ID_OFFSET).update();
        for (String plan : List.of("cp_plan", "cin_plan", "early_help")) {
            db.sql("update " + plan + " p set ended_on = null" + (plan.equals("cp_plan") ? ", end_reason = null" : "")
                    + " from " + plan + " o join child_case oc on oc.case_id = o.case_id " + copies
                    + " where oc.case_number < " + ID_OFFSET + " and oc.closed_on is null and o.ended_on is null"
                    + " and p.id = o.id + k * " + ID_OFFSET).update();
        }
        db.sql("update milestone m set cancelled = false from milestone o join child_case oc on oc.case_id = o.case_id " + copies
                + " where oc.case_number < " + ID_OFFSET + " and oc.closed_on is null"
                + " and o.completed_on is null and o.cancelled = false and m.id = o.id + k * " + ID_OFFSET).update();
        String copiedCase = "left('copy' || k || '-' || md5(t.case_id), 36)";
        db.sql("insert into task_inbox (task_id, task_key, name, case_id, reference, child_name, stage, assignee,"
                + " candidate_groups, due_on, created_at, person_id)"
                + " select t.task_id || ':' || k, t.task_key, t.name, " + copiedCase + ", t.reference, t.child_name, t.stage,"
                + " t.assignee, t.candidate_groups, cast(t.due_on - make_interval(months => k) as date),"
                + " t.created_at - make_interval(months => k), t.person_id"
                + " from task_inbox t join child_case o on o.case_id = t.case_id " + copies
                + " where " + openOriginal).update();
        db.sql("insert into task_inbox_group (group_id, due_on, task_id)"
                + " select g.group_id, cast(g.due_on - make_interval(months => k) as date), g.task_id || ':' || k"
                + " from task_inbox_group g join task_inbox t on t.task_id = g.task_id"
                + " join child_case o on o.case_id = t.case_id " + copies + " where " + openOriginal).update();
    }

    /**
     * 500 of the council's open cases (a mix of months, chosen by digest) to the team, 20 to each
     * worker, the tasks that were the previous worker's now the new worker's. The rest stay with the
     * demo's teams, where the driven journeys allocated them.
     */
    private void allocateOpen(String teamId) {
        db.sql("""
                create table bench_allocation as
                select case_id, 'bench.worker' || lpad(cast(1 + mod(n, :workers) as varchar), 2, '0') as worker
                from (select case_id, row_number() over (order by md5(case_id)) - 1 as n from child_case where closed_on is null) x
                where n < :cases""").param("workers", WORKERS).param("cases", WORKERS * CASES_EACH).update();
        db.sql("""
                update task_inbox t set assignee = a.worker from bench_allocation a, child_case c
                where a.case_id = t.case_id and c.case_id = t.case_id and t.assignee = c.allocated_worker""").update();
        db.sql("""
                update child_case c set team_id = ?, allocated_worker = a.worker,
                    allocated_on = coalesce(c.allocated_on, cast(c.opened_at as date))
                from bench_allocation a where a.case_id = c.case_id""").param(teamId).update();
        db.sql("drop table bench_allocation").update();
    }

    /**
     * The open work on every allocated open case of the council. The driven journeys stop where a
     * plan waits for its timers, so their open tasks are the groups' (no assignee) and their
     * cases have no visit or supervision due yet; a worker's caseload has both. Each case is given
     * one to three open tasks of its worker's, due from ten days ago to twenty days on (a third
     * overdue), an open supervision due from fifteen days ago to 25 days on, and each child
     * protection plan an open visit due from five days ago to ten days on.
     */
    private void openWork() {
        db.sql("""
                insert into task_inbox (task_id, task_key, name, case_id, reference, child_name, stage, assignee,
                                        candidate_groups, due_on, created_at)
                select 'bench-' || md5(c.case_id || cast(n as varchar)), 'completeAction', 'Complete an action', c.case_id,
                       'CP-' || c.case_number, ch.first_name || ' ' || ch.last_name, c.stage, c.allocated_worker, '',
                       cast(:today as date) - 10 + mod(abs(hashtext(c.case_id || cast(n as varchar))), 30), now()
                from child_case c join child ch on ch.child_id = c.child_id
                cross join lateral generate_series(1, 1 + mod(abs(hashtext(c.case_id)), 3)) n
                where c.closed_on is null and c.allocated_worker is not null""").param("today", TODAY).update();
        db.sql("""
                insert into milestone (id, case_id, milestone_key, task_key, due_on, cancelled)
                select :base + row_number() over (), c.case_id, 'SUPERVISION', 'recordSupervision',
                       cast(:today as date) - 15 + mod(abs(hashtext(c.case_id || 's')), 40), false
                from child_case c where c.closed_on is null and c.allocated_worker is not null
                  and not exists (select 1 from milestone m where m.case_id = c.case_id and m.milestone_key = 'SUPERVISION'
                                  and m.completed_on is null and m.cancelled = false)""")
                .param("base", VISIT_IDS).param("today", TODAY).update();
        db.sql("""
                insert into milestone (id, case_id, milestone_key, task_key, due_on, cancelled)
                select :base + 10000000 + row_number() over (), c.case_id, 'VISIT', 'recordVisit',
                       cast(:today as date) - 5 + mod(abs(hashtext(c.case_id || 'v')), 15), false
                from child_case c where c.closed_on is null and c.allocated_worker is not null
                  and exists (select 1 from cp_plan p where p.case_id = c.case_id and p.ended_on is null)
                  and not exists (select 1 from milestone m where m.case_id = c.case_id and m.milestone_key = 'VISIT'
                                  and m.completed_on is null and m.cancelled = false)""")
                .param("base", VISIT_IDS).param("today", TODAY).update();
    }

    /**
     * The team's closed history: a quarter of the council's allocated cases (by a hash of the case id),
     * shared among its workers and those who have left; then, for every allocated case not yet
     * given them, a supervision every four weeks from allocation to closure (or today), and for
     * every child protection plan a visit every two weeks while it lasted.
     */
    private void history(String teamId) {
        db.sql("""
                update child_case set team_id = :team,
                    allocated_worker = case when mod(abs(hashtext(case_id || 'w')), :all) < :workers
                        then 'bench.worker' || lpad(cast(1 + mod(abs(hashtext(case_id || 'w')), :all) as varchar), 2, '0')
                        else 'bench.former' || lpad(cast(1 + mod(abs(hashtext(case_id || 'w')), :all) - :workers as varchar), 2, '0') end
                where closed_on is not null and team_id is not null and team_id <> :team and mod(abs(hashtext(case_id)), 4) = 0""")
                .param("team", teamId).param("all", WORKERS + FORMER_WORKERS).param("workers", WORKERS).update();
        db.sql("""
                insert into supervision (supervision_id, case_id, held_on, attendees, worries, working_well, needs_to_happen,
                                         decisions, recorded_by, recorded_at)
                select md5(c.case_id || cast(d as varchar)), c.case_id, cast(d as date), '["The worker","The manager"]',
                       '["Worries discussed"]', '["What is working well"]', '["Next steps"]', 'Carry on with the plan.',
                       'team.manager', d
                from child_case c
                cross join lateral generate_series(cast(coalesce(c.allocated_on, cast(c.opened_at as date)) + 20 as timestamp),
                        cast(least(coalesce(c.closed_on, :today), :today) as timestamp), interval '28 days') d
                where c.team_id is not null and not exists (select 1 from supervision s where s.case_id = c.case_id)""")
                .param("today", TODAY).update();
        db.sql("""
                insert into visit (id, cp_plan_id, seen_on, seen_alone, notes)
                select :base + coalesce((select max(id) - :base from visit where id >= :base), 0) + row_number() over (),
                       p.id, cast(d as date), true, 'Seen at home.'
                from cp_plan p
                cross join lateral generate_series(cast(p.started_on + 10 as timestamp),
                        cast(least(coalesce(p.ended_on, :today), :today) as timestamp), interval '14 days') d
                where not exists (select 1 from visit v where v.cp_plan_id = p.id)""")
                .param("base", VISIT_IDS).param("today", TODAY).update();
    }

    private String counts(String teamId) {
        Map<String, Object> team = db.sql("""
                select count(*) filter (where closed_on is null) as open, count(*) filter (where closed_on is not null) as closed
                from child_case where team_id = ?""").param(teamId).query().singleRow();
        return String.format("council: cases %d (open %d), open tasks %d, milestones %d, supervisions %d, visits %d;"
                        + " the team: open cases %s, closed %s", count("child_case"),
                db.sql("select count(*) from child_case where closed_on is null").query(Long.class).single(),
                count("task_inbox"), count("milestone"), count("supervision"), count("visit"), team.get("open"), team.get("closed"));
    }

    private long count(String table) {
        return db.sql("select count(*) from " + table).query(Long.class).single();
    }

    /** The plans of the caseload's queries, for BENCHMARKS.md: the team's by kind and its open cases' milestones. */
    private String plans(String teamId, String worker) {
        String kind = """
                case when c.stage = 'PANEL' then coalesce((select r.return_stage from panel_request r where r.case_id = c.case_id
                                                           order by r.id desc fetch first 1 rows only), 'OTHER')
                     else c.stage end""";
        List<String> queries = List.of(
                "select c.allocated_worker, " + kind + " as kind, count(*) as n from child_case c"
                        + " where c.team_id = :team and c.closed_on is null and c.allocated_worker is not null"
                        + " group by c.allocated_worker, " + kind,
                """
                select t.assignee, count(*) as open_tasks, sum(case when t.due_on < :today then 1 else 0 end) as overdue
                from task_inbox t join child_case c on c.case_id = t.case_id
                where c.team_id = :team and c.closed_on is null and t.assignee is not null group by t.assignee""",
                """
                select c.allocated_worker, count(distinct c.case_id) as n from child_case c
                join milestone m on m.case_id = c.case_id
                where c.team_id = :team and c.closed_on is null and c.allocated_worker is not null
                  and m.milestone_key = 'VISIT' and m.completed_on is null and m.cancelled = false and m.due_on < :today
                group by c.allocated_worker""",
                """
                select c.case_id,
                 (select max(v.seen_on) from visit v join cp_plan p on p.id = v.cp_plan_id where p.case_id = c.case_id) as last_visit,
                 (select max(s.held_on) from supervision s where s.case_id = c.case_id) as last_supervision,
                 (select count(*) from milestone m where m.case_id = c.case_id and m.milestone_key = 'VISIT'
                     and m.completed_on is null and m.cancelled = false and m.due_on < :today) as not_seen
                from child_case c where c.team_id = :team and c.allocated_worker = :user and c.closed_on is null""");
        StringBuilder out = new StringBuilder();
        for (String query : queries) {
            out.append(query).append('\n');
            db.sql("explain (analyze, buffers) " + query).param("team", teamId).param("today", TODAY).param("user", worker)
                    .query((rs, n) -> rs.getString(1)).list().forEach(line -> out.append("  ").append(line).append('\n'));
        }
        return out.toString();
    }

    /** 5 warm-up calls, then 30 timed. */
    private static Latency.Measured measure(String what, Runnable call) {
        return Latency.measure(what, 5, 30, call);
    }
}
