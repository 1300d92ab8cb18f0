package app.casepath.teams;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import app.casepath.calendar.TimeSource;
import app.casepath.caserecord.CaseNotFoundException;
import app.casepath.security.Caller;
import app.casepath.security.Groups;
import app.casepath.security.NotAllowedException;

/**
 * A team's caseload (teams.md "Caseloads"): per worker, their open cases by kind of work, their
 * open and overdue tasks on them, the children on a plan not seen in time and the supervisions
 * overdue, for the team's managers and service managers. A case at the panel counts under the
 * plan it came from. Counted in a few grouped queries over the team's open cases, whatever the
 * council's years of closed history.
 */
@Service
public class Caseloads {

    public record Counts(long cpPlan, long cinPlan, long assessment, long earlyHelp, long other, long total) {
    }

    public record Worker(String username, String name, Counts cases, long openTasks, long overdueTasks, long notSeenInTime,
                         long supervisionOverdue) {
    }

    public record Totals(Counts cases, long openTasks, long overdueTasks, long notSeenInTime, long supervisionOverdue) {
    }

    public record Caseload(String teamId, String name, List<Worker> workers, Totals totals) {
    }

    /** The kind of work a stage is, as the caseload counts it. */
    private static final String KIND = """
            case when c.stage = 'PANEL' then coalesce((select r.return_stage from panel_request r where r.case_id = c.case_id
                                                       order by r.id desc fetch first 1 rows only), 'OTHER')
                 else c.stage end""";

    private final JdbcClient db;
    private final Teams teams;
    private final TimeSource time;

    Caseloads(JdbcClient db, Teams teams, TimeSource time) {
        this.db = db;
        this.teams = teams;
        this.time = time;
    }

    /** The team, if the caller may see its caseload: its managers and service managers. */
    private Teams.Team managed(Caller caller, String teamId) {
        Teams.Team team = teams.find(teamId).orElseThrow(() -> new CaseNotFoundException(teamId));
        if (!caller.in(Groups.SERVICE_MANAGERS) && !team.managers().contains(caller.username())) {
            throw new NotAllowedException("A team's caseload is for its managers and service managers.");
        }
        return team;
    }

    public Caseload of(Caller caller, String teamId) {
        Teams.Team team = managed(caller, teamId);
        LocalDate today = time.today();
        Map<String, long[]> byKind = new LinkedHashMap<>();
        db.sql("select c.allocated_worker, " + KIND + " as kind, count(*) as n from child_case c"
                        + " where c.team_id = ? and c.closed_on is null and c.allocated_worker is not null"
                        + " group by c.allocated_worker, " + KIND)
                .param(teamId).query((rs, n) -> {
                    long[] counts = byKind.computeIfAbsent(rs.getString("allocated_worker"), w -> new long[5]);
                    counts[slot(rs.getString("kind"))] += rs.getLong("n");
                    return null;
                }).list();
        Map<String, long[]> tasks = new LinkedHashMap<>();
        db.sql("""
                select t.assignee, count(*) as open_tasks, sum(case when t.due_on < ? then 1 else 0 end) as overdue
                from task_inbox t join child_case c on c.case_id = t.case_id
                where c.team_id = ? and c.closed_on is null and t.assignee is not null group by t.assignee""")
                .params(today, teamId).query((rs, n) -> tasks.put(rs.getString("assignee"),
                        new long[] {rs.getLong("open_tasks"), rs.getLong("overdue")})).list();
        Map<String, Long> notSeen = overdueMilestones(teamId, "VISIT", today);
        Map<String, Long> supervision = overdueMilestones(teamId, "SUPERVISION", today);

        Set<String> usernames = new LinkedHashSet<>(team.members());
        usernames.addAll(byKind.keySet());
        Map<String, String> names = teams.namesOf(usernames);
        List<Worker> workers = new ArrayList<>();
        for (String username : usernames) {
            long[] k = byKind.getOrDefault(username, new long[5]);
            long[] t = tasks.getOrDefault(username, new long[2]);
            workers.add(new Worker(username, names.getOrDefault(username, username), counts(k), t[0], t[1],
                    notSeen.getOrDefault(username, 0L), supervision.getOrDefault(username, 0L)));
        }
        long[] all = new long[5];
        workers.forEach(w -> {
            all[0] += w.cases().cpPlan();
            all[1] += w.cases().cinPlan();
            all[2] += w.cases().assessment();
            all[3] += w.cases().earlyHelp();
            all[4] += w.cases().other();
        });
        Totals totals = new Totals(counts(all), workers.stream().mapToLong(Worker::openTasks).sum(),
                workers.stream().mapToLong(Worker::overdueTasks).sum(), workers.stream().mapToLong(Worker::notSeenInTime).sum(),
                workers.stream().mapToLong(Worker::supervisionOverdue).sum());
        return new Caseload(teamId, team.name(), workers, totals);
    }

    public record WorkerCase(String caseId, String reference, String childName, String stage, String kind, long openTasks,
                             long overdueTasks, LocalDate lastVisitOn, LocalDate lastSupervisionOn, boolean notSeenInTime,
                             boolean supervisionOverdue) {
    }

    public record WorkerCases(String teamId, String username, String name, List<WorkerCase> cases) {
    }

    /** The cases behind a worker's figures in the team, each with its last visit and last supervision. */
    public WorkerCases of(Caller caller, String teamId, String username) {
        Teams.Team team = managed(caller, teamId);
        // One of the team's workers: a member, or someone still holding one of its open cases.
        if (!team.members().contains(username) && db.sql("""
                select count(*) from child_case where team_id = ? and allocated_worker = ? and closed_on is null""")
                .params(teamId, username).query(Long.class).single() == 0) {
            throw new CaseNotFoundException(username);
        }
        String name = teams.nameOf(username);
        LocalDate today = time.today();
        List<WorkerCase> cases = db.sql("select c.case_id, c.case_number, ch.first_name || ' ' || ch.last_name as child_name, c.stage, "
                        + KIND + " as kind,"
                        + """
                         (select count(*) from task_inbox t where t.case_id = c.case_id and t.assignee = :user) as open_tasks,
                         (select count(*) from task_inbox t where t.case_id = c.case_id and t.assignee = :user
                                                                  and t.due_on < :today) as overdue_tasks,
                         (select max(v.seen_on) from visit v join cp_plan p on p.id = v.cp_plan_id where p.case_id = c.case_id)
                             as last_visit,
                         (select max(s.held_on) from supervision s where s.case_id = c.case_id) as last_supervision,
                         (select count(*) from milestone m where m.case_id = c.case_id and m.milestone_key = 'VISIT'
                             and m.completed_on is null and m.cancelled = false and m.due_on < :today) as not_seen,
                         (select count(*) from milestone m where m.case_id = c.case_id and m.milestone_key = 'SUPERVISION'
                             and m.completed_on is null and m.cancelled = false and m.due_on < :today) as supervision_late
                        from child_case c join child ch on ch.child_id = c.child_id
                        where c.team_id = :teamId and c.allocated_worker = :user and c.closed_on is null
                        order by c.case_number""")
                .param("teamId", teamId).param("user", username).param("today", today)
                .query((rs, n) -> {
                    String kind = rs.getString("kind");
                    return new WorkerCase(rs.getString("case_id"),
                            app.casepath.caserecord.CaseRecord.CaseRow.reference(rs.getLong("case_number")),
                            rs.getString("child_name"), rs.getString("stage"), KINDS[slot(kind)], rs.getLong("open_tasks"),
                            rs.getLong("overdue_tasks"), rs.getObject("last_visit", LocalDate.class),
                            rs.getObject("last_supervision", LocalDate.class), rs.getLong("not_seen") > 0,
                            rs.getLong("supervision_late") > 0);
                }).list();
        return new WorkerCases(teamId, username, name, cases);
    }

    private static final String[] KINDS = {"CP_PLAN", "CIN_PLAN", "ASSESSMENT", "EARLY_HELP", "OTHER"};

    /** Per allocated worker, the team's open cases with a milestone of the key past due and not done. */
    private Map<String, Long> overdueMilestones(String teamId, String key, LocalDate today) {
        Map<String, Long> counts = new LinkedHashMap<>();
        db.sql("""
                select c.allocated_worker, count(distinct c.case_id) as n from child_case c
                join milestone m on m.case_id = c.case_id
                where c.team_id = ? and c.closed_on is null and c.allocated_worker is not null
                  and m.milestone_key = ? and m.completed_on is null and m.cancelled = false and m.due_on < ?
                group by c.allocated_worker""")
                .params(teamId, key, today).query((rs, n) -> counts.put(rs.getString("allocated_worker"), rs.getLong("n"))).list();
        return counts;
    }

    private static int slot(String kind) {
        return switch (kind) {
            case "CP_PLAN" -> 0;
            case "CIN_PLAN" -> 1;
            case "ASSESSMENT", "STRATEGY", "CONFERENCE" -> 2;
            case "EARLY_HELP" -> 3;
            default -> 4;
        };
    }

    private static Counts counts(long[] k) {
        return new Counts(k[0], k[1], k[2], k[3], k[4], k[0] + k[1] + k[2] + k[3] + k[4]);
    }
}
