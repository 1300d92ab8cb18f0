package app.casepath.teams;

import java.time.LocalDate;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import app.casepath.calendar.TimeSource;
import app.casepath.calendar.WorkingDayCalendar;
import app.casepath.security.CaseAccess;
import app.casepath.security.Caller;
import app.casepath.security.Groups;
import app.casepath.security.NotAllowedException;

/**
 * Unallocated cases (teams.md): open cases past the Front Door that no worker holds, oldest first,
 * with how long each has waited; for managers. A team manager sees their teams' cases and those
 * of no team; a service manager every team's. A case waits from its open allocateCase task (it was
 * screened in, or moved to a team without a worker), else from its referral.
 */
@Service
public class UnallocatedCases {

    public record Waiting(String caseId, String reference, String childName, String stage, String teamId, String teamName,
                          LocalDate waitingSince, int workingDaysWaiting) {
    }

    public record Listing(List<Waiting> items, long total) {
    }

    private static final String UNALLOCATED = " " + """
            from child_case c
            join child ch on ch.child_id = c.child_id
            left join team tm on tm.team_id = c.team_id
            where c.closed_on is null and c.allocated_worker is null
              and c.stage not in ('FRONT_DOOR', 'EARLY_HELP', 'CLOSURE')""";

    /** When it began to wait: its allocateCase task's creation, else the case's opening (a case at a strategy discussion). */
    private static final String SINCE = """
            coalesce((select min(t.created_at) from task_inbox t where t.case_id = c.case_id and t.task_key = 'allocateCase'),
                     c.opened_at)""";

    private final JdbcClient db;
    private final CaseAccess access;
    private final WorkingDayCalendar calendar;
    private final TimeSource time;

    UnallocatedCases(JdbcClient db, CaseAccess access, WorkingDayCalendar calendar, TimeSource time) {
        this.db = db;
        this.access = access;
        this.calendar = calendar;
        this.time = time;
    }

    public Listing list(Caller caller, int page, int size) {
        boolean service = caller.in(Groups.SERVICE_MANAGERS);
        if (!service && !caller.in(Groups.TEAM_MANAGERS)) {
            throw new NotAllowedException("Only team and service managers see the unallocated cases.");
        }
        CaseAccess.Condition visible = access.visibleTo(caller);
        String where = UNALLOCATED + " and " + visible.sql() + (service ? "" : " " + """
                and (c.team_id is null or c.team_id in
                     (select m.team_id from team_member m where m.username = :manager and m.role = 'MANAGER'))""");
        long total = db.sql("select count(*)" + where).params(visible.params()).param("manager", caller.username())
                .query(Long.class).single();
        LocalDate today = time.today();
        List<Waiting> items = db.sql("select c.case_id, c.case_number, ch.first_name || ' ' || ch.last_name as child_name,"
                        + " c.stage, c.team_id, tm.name as team_name, " + SINCE + " as since" + where
                        + " order by since, c.case_number limit :size offset :offset")
                .params(visible.params()).param("manager", caller.username()).param("size", size)
                .param("offset", (long) page * size)
                .query((rs, n) -> {
                    LocalDate since = time.dateOf(rs.getObject("since", java.time.OffsetDateTime.class).toInstant());
                    return new Waiting(rs.getString("case_id"), app.casepath.caserecord.CaseRecord.CaseRow.reference(
                            rs.getLong("case_number")), rs.getString("child_name"), rs.getString("stage"), rs.getString("team_id"),
                            rs.getString("team_name"), since, calendar.workingDaysBetween(since, today));
                })
                .list();
        return new Listing(items, total);
    }

    /** The dashboard's count: every team's unallocated cases. */
    public long count() {
        return db.sql("select count(*)" + UNALLOCATED).query(Long.class).single();
    }
}
