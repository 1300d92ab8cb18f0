package app.casepath.security;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Who may read a case (roles.md): its allocated worker (or early help worker); the holders of
 * its open tasks and members of those tasks' groups; team managers and service managers, all
 * cases; conference chairs, cases in conference or on a plan; panel members, cases with a
 * request before the panel; Front Door managers, cases being screened. Administrators run the
 * engine and need no case content. One SQL condition serves lists and single reads alike.
 */
@Service
public class CaseAccess {

    public static final Set<String> SEE_EVERY_CASE = Set.of(Groups.TEAM_MANAGERS, Groups.SERVICE_MANAGERS);

    /** A condition on child_case aliased "c", with its named parameters. */
    public record Condition(String sql, Map<String, Object> params) {
    }

    private final JdbcClient db;

    public CaseAccess(JdbcClient db) {
        this.db = db;
    }

    public Condition visibleTo(Caller caller) {
        Map<String, Object> params = new HashMap<>();
        if (caller.inAny(SEE_EVERY_CASE)) {
            return new Condition("1 = 1", params);
        }
        params.put("accessUser", caller.username());
        params.put("accessGroups", caller.groups().isEmpty() ? List.of("") : List.copyOf(caller.groups()));
        List<String> rules = new ArrayList<>(List.of(
                "c.allocated_worker = :accessUser",
                "c.early_help_worker = :accessUser",
                """
                exists (select 1 from task_inbox t where t.case_id = c.case_id and (t.assignee = :accessUser
                        or exists (select 1 from task_inbox_group g where g.task_id = t.task_id
                                   and g.group_id in (:accessGroups))))"""));
        if (caller.in(Groups.CONFERENCE_CHAIRS)) {
            rules.add("c.stage = 'CONFERENCE'");
            rules.add("exists (select 1 from cp_plan p where p.case_id = c.case_id and p.ended_on is null)");
        }
        if (caller.in(Groups.PANEL)) {
            rules.add("exists (select 1 from panel_request r where r.case_id = c.case_id and r.closed = false)");
        }
        if (caller.in(Groups.FRONT_DOOR_MANAGERS)) {
            rules.add("c.stage = 'FRONT_DOOR' and c.status = 'OPEN'");
        }
        return new Condition("(" + String.join("\n or ", rules) + ")", params);
    }

    public boolean canRead(Caller caller, String caseId) {
        Condition visible = visibleTo(caller);
        return db.sql("select count(*) from child_case c where c.case_id = :caseId and " + visible.sql())
                .param("caseId", caseId).params(visible.params()).query(Long.class).single() > 0;
    }
}
