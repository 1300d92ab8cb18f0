package app.casepath.tasks;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import app.casepath.caserecord.CaseAllocated;
import app.casepath.caserecord.CaseRecord;
import app.casepath.caserecord.CaseWarnings;
import app.casepath.security.CaseAccess;

/**
 * The inbox: open tasks as the product shows them, kept in step with the engine by task
 * listeners in the same transaction. Pages of "mine" come off the (assignee, due_on) index;
 * pages of "my team's" (teams.md: the open work of cases allocated to my teams, plus the
 * unallocated work of my groups) off the (team, due_on) and (group, held, due_on) indexes; both
 * with their counts.
 */
@Repository
public class TaskInbox {

    /** An open task; personId is the person it is about (the case's child, or the subject of a task without a case). */
    public record Item(String taskId, String taskKey, String name, String caseId, String personId, String reference,
                       String childName, String stage, String assignee, List<String> candidateGroups, LocalDate dueOn,
                       boolean overdue, OffsetDateTime createdAt, List<String> warnings) {
        Item withWarnings(List<String> types) {
            return new Item(taskId, taskKey, name, caseId, personId, reference, childName, stage, assignee, candidateGroups,
                    dueOn, overdue, createdAt, types);
        }
    }

    public record Page(List<Item> items, long total) {
    }

    public enum View { MINE, GROUPS }

    private final JdbcClient db;
    private final CaseRecord cases;
    private final CaseWarnings warnings;

    public TaskInbox(JdbcClient db, CaseRecord cases, CaseWarnings warnings) {
        this.db = db;
        this.cases = cases;
        this.warnings = warnings;
    }

    /**
     * A task on a case, or (caseId null) on a person with no case to hold it: a warning review on
     * an adult, a case-note action, supervision. Either way its row names the person it is about.
     */
    void opened(String taskId, String taskKey, String name, String caseId, String personId, String stage, String assignee,
                Set<String> groups, LocalDate dueOn, Instant createdAt) {
        if (caseId != null) {
            db.sql("""
                    insert into task_inbox (task_id, task_key, name, case_id, person_id, reference, child_name, stage, assignee,
                                            candidate_groups, due_on, created_at, team_id)
                    select ?, ?, ?, c.case_id, c.child_id, ?, ch.first_name || ' ' || ch.last_name, ?, ?, ?, ?, ?, c.team_id
                    from child_case c join child ch on ch.child_id = c.child_id where c.case_id = ?""")
                    .params(taskId, taskKey, name, cases.reference(caseId), stage, assignee, String.join(",", groups), dueOn,
                            Timestamp.from(createdAt), caseId)
                    .update();
        } else {
            db.sql("""
                    insert into task_inbox (task_id, task_key, name, person_id, child_name, stage, assignee, candidate_groups,
                                            due_on, created_at)
                    select ?, ?, ?, p.person_id, p.first_name || ' ' || p.last_name, ?, ?, ?, ?, ? from person p where p.person_id = ?""")
                    .params(taskId, taskKey, name, stage, assignee, String.join(",", groups), dueOn, Timestamp.from(createdAt),
                            personId)
                    .update();
        }
        for (String group : groups) {
            db.sql("insert into task_inbox_group (group_id, due_on, task_id, held) values (?, ?, ?, ?)")
                    .params(group, dueOn, taskId, assignee != null).update();
        }
    }

    void assigned(String taskId, String assignee) {
        db.sql("update task_inbox set assignee = ? where task_id = ?").params(assignee, taskId).update();
        db.sql("update task_inbox_group set held = ? where task_id = ?").params(assignee != null, taskId).update();
    }

    /** The case's tasks go with it to its new team (or none), in the allocation's transaction. */
    @EventListener
    void on(CaseAllocated allocated) {
        db.sql("update task_inbox set team_id = (select c.team_id from child_case c where c.case_id = ?) where case_id = ?")
                .params(allocated.caseId(), allocated.caseId()).update();
    }

    void closed(String taskId) {
        // Its group rows go with it (on delete cascade).
        db.sql("delete from task_inbox where task_id = ?").param(taskId).update();
    }

    /**
     * Locks the task's inbox row until the transaction ends: of two people claiming or completing
     * the same task at once, the second waits, then finds the task gone or taken.
     */
    public Optional<Item> lock(String taskId, LocalDate today) {
        return db.sql(SELECT + " where t.task_id = ? for update").param(taskId)
                .query((rs, n) -> item(rs, today)).optional();
    }

    public Optional<Item> find(String taskId, LocalDate today) {
        return db.sql(SELECT + " where t.task_id = ?").param(taskId).query((rs, n) -> item(rs, today)).optional();
    }

    public List<Item> forCase(String caseId, LocalDate today) {
        return db.sql(SELECT + " where t.case_id = ? order by t.due_on, t.task_id").param(caseId)
                .query((rs, n) -> item(rs, today)).list();
    }

    public Page page(View view, String username, Set<String> groups, String stage, String taskKey, int page, int size,
                     LocalDate today) {
        Page found = view == View.MINE
                ? mine(username, stage, taskKey, page, size, today)
                : teams(username, groups, stage, taskKey, page, size, today);
        return new Page(withWarnings(found.items(), today), found.total());
    }

    /** Each item's current warning types, read for the whole page in one query. */
    private List<Item> withWarnings(List<Item> items, LocalDate today) {
        Map<String, List<String>> types = warnings.typesForCases(
                items.stream().map(Item::caseId).filter(Objects::nonNull).distinct().toList(), today);
        return items.stream().map(i -> i.withWarnings(types.getOrDefault(i.caseId(), List.of()))).toList();
    }

    private Page mine(String username, String stage, String taskKey, int page, int size, LocalDate today) {
        List<Object> params = new ArrayList<>(List.of(username));
        String from = " from task_inbox t where t.assignee = ?" + filters(stage, taskKey, params) + open(username, params);
        long total = db.sql("select count(*)" + from).params(params).query(Long.class).single();
        params.add(size);
        params.add((long) page * size);
        List<Item> items = db.sql(COLUMNS + from + " order by t.due_on, t.task_id limit ? offset ?").params(params)
                .query((rs, n) -> item(rs, today)).list();
        return new Page(items, total);
    }

    /**
     * Each of the caller's teams reads its first (page + 1) × size tasks off the (team, due_on)
     * index, and each group its first unheld ones off (group, held, due_on), already in order; the
     * union merges them (a team's task waiting in the caller's group appears once) and the page is
     * cut from that. No sort over all of a team's or a group's open tasks.
     */
    private Page teams(String username, Set<String> groups, String stage, String taskKey, int page, int size, LocalDate today) {
        List<String> teams = db.sql("select distinct team_id from team_member where username = ? order by team_id")
                .param(username).query(String.class).list();
        if (groups.isEmpty() && teams.isEmpty()) {
            return new Page(List.of(), 0);
        }
        long total = count(teams, groups, stage, taskKey, username);

        List<Object> params = new ArrayList<>();
        List<String> branches = new ArrayList<>();
        long reach = (long) (page + 1) * size;
        for (String team : teams) {
            params.add(team);
            branches.add("(select t.task_id, t.due_on from task_inbox t where t.team_id = ?" + filters(stage, taskKey, params)
                    + open(username, params) + " order by t.due_on, t.task_id limit ?)");
            params.add(reach);
        }
        for (String group : groups) {
            params.add(group);
            branches.add("(select g.task_id, g.due_on from task_inbox_group g join task_inbox t on t.task_id = g.task_id"
                    + " where g.group_id = ? and g.held = false" + filters(stage, taskKey, params) + open(username, params)
                    + " order by g.due_on, g.task_id limit ?)");
            params.add(reach);
        }
        params.add(size);
        params.add((long) page * size);
        List<Item> items = db.sql(COLUMNS + " from task_inbox t join (" + String.join(" union ", branches)
                        + ") p on p.task_id = t.task_id order by p.due_on, p.task_id limit ? offset ?")
                .params(params).query((rs, n) -> item(rs, today)).list();
        return new Page(items, total);
    }

    /**
     * The team view's total: the teams' tasks, plus the groups' unheld tasks, less the unheld tasks
     * of the teams in the groups (counted twice; read from the teams' rows, which are a team's
     * size, not the pool's), less the restricted records' tasks closed to the caller (read from the
     * few current restrictions). Exact because no task is offered to two groups (ModelContractTest).
     */
    private long count(List<String> teams, Set<String> groups, String stage, String taskKey, String username) {
        String teamIn = in(teams);
        String groupIn = in(groups);
        boolean join = stage != null || taskKey != null;
        long total = 0;
        if (!teams.isEmpty()) {
            List<Object> p = new ArrayList<>(teams);
            total += db.sql("select count(*) from task_inbox t where t.team_id in (" + teamIn + ")" + filters(stage, taskKey, p))
                    .params(p).query(Long.class).single();
        }
        if (!groups.isEmpty()) {
            List<Object> p = new ArrayList<>(groups);
            total += db.sql("select count(*) from task_inbox_group g" + (join ? " join task_inbox t on t.task_id = g.task_id" : "")
                            + " where g.group_id in (" + groupIn + ") and g.held = false" + filters(stage, taskKey, p))
                    .params(p).query(Long.class).single();
        }
        if (!teams.isEmpty() && !groups.isEmpty()) {
            List<Object> p = new ArrayList<>(teams);
            p.addAll(groups);
            total -= db.sql("select count(*) from task_inbox t join task_inbox_group g on g.task_id = t.task_id"
                            + " where t.team_id in (" + teamIn + ") and g.group_id in (" + groupIn + ") and g.held = false"
                            + filters(stage, taskKey, p))
                    .params(p).query(Long.class).single();
        }
        List<Object> p = new ArrayList<>();
        String inView = inView(teams, groups, p);
        String closed = "select count(*) from task_inbox t where t.person_id in (select r.person_id from restriction r"
                + " where r.lifted_at is null) and (" + inView + ")" + filters(stage, taskKey, p)
                + " and " + CaseAccess.closedToUser("t.person_id");
        p.add(username);
        p.add(username);
        return total - db.sql(closed).params(p).query(Long.class).single();
    }

    /** Whether the row t is in the team view of these teams and groups. */
    private static String inView(List<String> teams, Set<String> groups, List<Object> params) {
        List<String> parts = new ArrayList<>();
        if (!teams.isEmpty()) {
            parts.add("t.team_id in (" + in(teams) + ")");
            params.addAll(teams);
        }
        if (!groups.isEmpty()) {
            parts.add("exists (select 1 from task_inbox_group g where g.task_id = t.task_id and g.held = false and g.group_id in ("
                    + in(groups) + "))");
            params.addAll(groups);
        }
        return String.join(" or ", parts);
    }

    private static String in(java.util.Collection<String> values) {
        return String.join(",", values.stream().map(v -> "?").toList());
    }

    /**
     * A restricted record's tasks leave every queue but those of its allowed users (casework.md):
     * they see them in their own and their teams' queues as before; no one else sees them at all.
     */
    private static String open(String username, List<Object> params) {
        params.add(username);
        params.add(username);
        return " and not " + CaseAccess.closedToUser("t.person_id");
    }

    private static String filters(String stage, String taskKey, List<Object> params) {
        String sql = "";
        if (stage != null) {
            sql += " and t.stage = ?";
            params.add(stage);
        }
        if (taskKey != null) {
            sql += " and t.task_key = ?";
            params.add(taskKey);
        }
        return sql;
    }

    private static final String COLUMNS = """
            select t.task_id, t.task_key, t.name, t.case_id, t.person_id, t.reference, t.child_name, t.stage, t.assignee,
                   t.candidate_groups, t.due_on, t.created_at""";
    private static final String SELECT = COLUMNS + " from task_inbox t";

    private static Item item(java.sql.ResultSet rs, LocalDate today) throws java.sql.SQLException {
        LocalDate dueOn = rs.getObject("due_on", LocalDate.class);
        String groups = rs.getString("candidate_groups");
        return new Item(rs.getString("task_id"), rs.getString("task_key"), rs.getString("name"), rs.getString("case_id"),
                rs.getString("person_id"), rs.getString("reference"), rs.getString("child_name"), rs.getString("stage"), rs.getString("assignee"),
                groups.isEmpty() ? List.of() : Arrays.asList(groups.split(",")), dueOn, dueOn.isBefore(today),
                rs.getObject("created_at", OffsetDateTime.class), List.of());
    }
}
