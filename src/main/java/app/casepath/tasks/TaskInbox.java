package app.casepath.tasks;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The inbox: open tasks as the product shows them, kept in step with the engine by task
 * listeners in the same transaction. Pages of "mine" come off the (assignee, due_on) index and
 * pages of "my teams'" off the (group, due_on) rows, both with their counts.
 */
@Repository
public class TaskInbox {

    public record Item(String taskId, String taskKey, String name, String caseId, String reference, String childName,
                       String stage, String assignee, List<String> candidateGroups, LocalDate dueOn, boolean overdue,
                       OffsetDateTime createdAt) {
    }

    public record Page(List<Item> items, long total) {
    }

    public enum View { MINE, GROUPS }

    private final JdbcClient db;

    public TaskInbox(JdbcClient db) {
        this.db = db;
    }

    void opened(String taskId, String taskKey, String name, String caseId, String stage, String assignee,
                Set<String> groups, LocalDate dueOn, Instant createdAt) {
        db.sql("""
                insert into task_inbox (task_id, task_key, name, case_id, reference, child_name, stage, assignee,
                                        candidate_groups, due_on, created_at)
                select ?, ?, ?, c.case_id, ?, ch.first_name || ' ' || ch.last_name, ?, ?, ?, ?, ?
                from child_case c join child ch on ch.child_id = c.child_id where c.case_id = ?""")
                .params(taskId, taskKey, name, reference(caseId), stage, assignee, String.join(",", groups), dueOn,
                        Timestamp.from(createdAt), caseId)
                .update();
        for (String group : groups) {
            db.sql("insert into task_inbox_group (group_id, due_on, task_id) values (?, ?, ?)")
                    .params(group, dueOn, taskId).update();
        }
    }

    private String reference(String caseId) {
        long number = db.sql("select case_number from child_case where case_id = ?").param(caseId).query(Long.class).single();
        return app.casepath.caserecord.CaseRecord.CaseRow.reference(number);
    }

    void assigned(String taskId, String assignee) {
        db.sql("update task_inbox set assignee = ? where task_id = ?").params(assignee, taskId).update();
    }

    void closed(String taskId) {
        db.sql("delete from task_inbox_group where task_id = ?").param(taskId).update();
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
        List<Object> params = new ArrayList<>();
        String from;
        if (view == View.MINE) {
            from = " from task_inbox t where t.assignee = ?";
            params.add(username);
        } else {
            if (groups.isEmpty()) {
                return new Page(List.of(), 0);
            }
            // A task offered to two of the caller's groups appears once.
            from = " from task_inbox t where t.task_id in (select g.task_id from task_inbox_group g where g.group_id in ("
                    + String.join(",", groups.stream().map(g -> "?").toList()) + "))";
            params.addAll(groups);
        }
        if (stage != null) {
            from += " and t.stage = ?";
            params.add(stage);
        }
        if (taskKey != null) {
            from += " and t.task_key = ?";
            params.add(taskKey);
        }
        long total = db.sql("select count(*)" + from).params(params).query(Long.class).single();
        List<Object> pageParams = new ArrayList<>(params);
        pageParams.add(size);
        pageParams.add((long) page * size);
        List<Item> items = db.sql(COLUMNS + from + " order by t.due_on, t.task_id limit ? offset ?").params(pageParams)
                .query((rs, n) -> item(rs, today)).list();
        return new Page(items, total);
    }

    private static final String COLUMNS = """
            select t.task_id, t.task_key, t.name, t.case_id, t.reference, t.child_name, t.stage, t.assignee,
                   t.candidate_groups, t.due_on, t.created_at""";
    private static final String SELECT = COLUMNS + " from task_inbox t";

    private static Item item(java.sql.ResultSet rs, LocalDate today) throws java.sql.SQLException {
        LocalDate dueOn = rs.getObject("due_on", LocalDate.class);
        String groups = rs.getString("candidate_groups");
        return new Item(rs.getString("task_id"), rs.getString("task_key"), rs.getString("name"), rs.getString("case_id"),
                rs.getString("reference"), rs.getString("child_name"), rs.getString("stage"), rs.getString("assignee"),
                groups.isEmpty() ? List.of() : Arrays.asList(groups.split(",")), dueOn, dueOn.isBefore(today),
                rs.getObject("created_at", OffsetDateTime.class));
    }
}
