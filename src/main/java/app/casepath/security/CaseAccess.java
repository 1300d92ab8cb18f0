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
 *
 * <p>A restricted record (casework.md: a member of staff or their family, a high-profile child,
 * an adoption) replaces all of that for the child's cases: while the restriction stands, exactly
 * its allowed users and the service manager who set it may read them. It is a deliberate,
 * recorded choice of who needs the record, so it grants as well as narrows. Counting (the
 * dashboard, the statutory returns) does not read through this condition: a restricted case still
 * counts, only its content is closed.
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

    /** The current restriction on the person {@code personId} (an SQL expression); with {@code allowedUser} (a parameter) among its allowed, if given. */
    private static String restriction(String personId, String allowedUser) {
        return "exists (select 1 from restriction r where r.person_id = " + personId + " and r.lifted_at is null"
                + (allowedUser == null ? "" : " and (r.set_by = " + allowedUser + " or exists (select 1 from restriction_user u"
                        + " where u.restriction_id = r.restriction_id and u.username = " + allowedUser + "))")
                + ")";
    }

    /**
     * A condition on the person {@code personId} (an SQL expression): they are not restricted from
     * the caller (no current restriction, or the caller is one of its allowed users or its setter).
     */
    public static Condition notRestrictedFrom(Caller caller, String personId) {
        return new Condition("(not " + restriction(personId, null) + " or " + restriction(personId, ":accessUser") + ")",
                Map.of("accessUser", caller.username()));
    }

    /** A condition on the person {@code personId} (an SQL expression): they are restricted, and the caller is allowed. */
    public static Condition allowedOnRestriction(Caller caller, String personId) {
        return new Condition(restriction(personId, ":accessUser"), Map.of("accessUser", caller.username()));
    }

    /**
     * For positional queries (the inbox): the person {@code personId} (an SQL expression) is
     * restricted from the caller, whose username is bound to both of its ? parameters.
     */
    public static String closedToUser(String personId) {
        return "(" + restriction(personId, null) + " and not " + restriction(personId, "?") + ")";
    }

    /** The cases the caller may read: by roles.md's rules unless restricted; a restricted one by its allowed users and setter. */
    public Condition visibleTo(Caller caller) {
        Condition ordinary = ordinarilyVisibleTo(caller);
        return new Condition("((not " + restriction("c.child_id", null) + " and " + ordinary.sql() + ") or "
                + restriction("c.child_id", ":accessUser") + ")", ordinary.params());
    }

    /**
     * The cases the caller could read by roles.md's rules, restrictions set aside: for finding
     * people only, where a restricted person is then shown by name alone ("Restricted record").
     */
    public Condition ordinarilyVisibleTo(Caller caller) {
        Map<String, Object> params = new HashMap<>();
        params.put("accessUser", caller.username());
        if (caller.inAny(SEE_EVERY_CASE)) {
            return new Condition("1 = 1", params);
        }
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

    /** Whether the person is restricted from the caller: then no one else may see or work their tasks, whatever their groups. */
    public boolean restrictedFrom(Caller caller, String personId) {
        if (personId == null) {
            return false;
        }
        return db.sql("select count(*) from person p where p.person_id = ? and " + closedToUser("p.person_id"))
                .params(personId, caller.username(), caller.username()).query(Long.class).single() > 0;
    }

    /**
     * Whether the caller may add to the case's record (notes, casework.md "Who may do what"): its
     * allocated or early help worker, whoever holds or may take one of its open tasks, and team
     * managers. Reading it is checked separately ({@link #canRead}); a restricted record narrows both.
     */
    public boolean mayWorkOn(Caller caller, String caseId) {
        if (!canRead(caller, caseId)) {
            return false;
        }
        if (caller.in(Groups.TEAM_MANAGERS)) {
            return true;
        }
        List<String> groups = caller.groups().isEmpty() ? List.of("") : List.copyOf(caller.groups());
        return db.sql("""
                select count(*) from child_case c where c.case_id = :caseId
                and (c.allocated_worker = :user or c.early_help_worker = :user
                     or exists (select 1 from task_inbox t where t.case_id = c.case_id and (t.assignee = :user
                                or exists (select 1 from task_inbox_group g where g.task_id = t.task_id
                                           and g.group_id in (:groups)))))""")
                .param("caseId", caseId).param("user", caller.username()).param("groups", groups)
                .query(Long.class).single() > 0;
    }

    public boolean canRead(Caller caller, String caseId) {
        Condition visible = visibleTo(caller);
        return db.sql("select count(*) from child_case c where c.case_id = :caseId and " + visible.sql())
                .param("caseId", caseId).params(visible.params()).query(Long.class).single() > 0;
    }
}
