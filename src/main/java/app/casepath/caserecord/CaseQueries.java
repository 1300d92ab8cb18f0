package app.casepath.caserecord;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import app.casepath.calendar.TimeSource;
import app.casepath.process.CaseDiagrams;
import app.casepath.process.ScheduledWork;
import app.casepath.process.TaskKey;
import app.casepath.process.Words;
import app.casepath.security.CaseAccess;
import app.casepath.security.Caller;
import app.casepath.tasks.Milestones;
import app.casepath.tasks.TaskInbox;

/** Reading cases, always through the caller's access rules: a case they may not see does not exist. */
@Service
public class CaseQueries {

    public record Child(String childId, String childNumber, String firstName, String lastName, LocalDate dateOfBirth,
                        LocalDate expectedDateOfBirth, String gender, String ethnicity, String address, String upn,
                        String formerUpn, String upnUnknown, String nhsNumber, List<String> disabilities) {
    }

    public record CpPlan(LocalDate startedOn, String category, String initialCategory, int previousPlans,
                         boolean secondOrSubsequent, LocalDate endedOn) {
    }

    public record OpenTask(String taskId, String taskKey, String name, String assignee, List<String> candidateGroups,
                           LocalDate dueOn, boolean overdue) {
    }

    /**
     * What comes next on the case: an open task ({@code taskId} set) or work its processes have
     * scheduled (a visit, a review conference coming due; {@code taskId} null), in words.
     */
    public record Upcoming(String what, LocalDate dueOn, String taskId) {
    }

    /**
     * @param familyId the child's family (GET /api/families/{familyId}: their siblings' cases)
     * @param upcoming the open tasks and scheduled work, soonest first
     */
    public record CaseView(String caseId, String reference, Child child, String familyId, String stage, String status,
                           String allocatedWorker, LocalDate referralDate, boolean reReferral, CpPlan cpPlan,
                           List<Milestones.View> milestones, List<OpenTask> openTasks, List<CaseWarnings.Warning> warnings,
                           List<Upcoming> upcoming) {
        CaseView withDetail(CpPlan plan, List<Milestones.View> milestoneViews, List<OpenTask> tasks,
                            List<CaseWarnings.Warning> current, List<Upcoming> next) {
            return new CaseView(caseId, reference, child, familyId, stage, status, allocatedWorker, referralDate, reReferral,
                    plan, milestoneViews, tasks, current, next);
        }
    }

    public record CaseSummary(String caseId, String reference, String childName, LocalDate dateOfBirth,
                              LocalDate expectedDateOfBirth, String stage, String status, String allocatedWorker,
                              LocalDate referralDate) {
    }

    public record CasePage(List<CaseSummary> items, long total) {
    }

    /** @param noteId the note the entry records, if it is one (GET /api/notes/{noteId} reads it whole) */
    public record ChronologyEntry(OffsetDateTime occurredAt, String kind, String summary, String actor, boolean significant,
                                  String noteId) {
    }

    private final JdbcClient db;
    private final CaseAccess access;
    private final Milestones milestones;
    private final TaskInbox inbox;
    private final TimeSource time;
    private final CaseDiagrams diagrams;
    private final CaseRecord cases;
    private final SignsOfSafety signsOfSafety;
    private final ScheduledWork scheduled;
    private final CaseWarnings warnings;

    public CaseQueries(JdbcClient db, CaseAccess access, Milestones milestones, TaskInbox inbox, TimeSource time,
                       CaseDiagrams diagrams, CaseRecord cases, SignsOfSafety signsOfSafety, ScheduledWork scheduled,
                       CaseWarnings warnings) {
        this.warnings = warnings;
        this.diagrams = diagrams;
        this.cases = cases;
        this.signsOfSafety = signsOfSafety;
        this.scheduled = scheduled;
        this.db = db;
        this.access = access;
        this.milestones = milestones;
        this.inbox = inbox;
        this.time = time;
    }

    public CasePage list(Caller caller, String q, String stage, int page, int size) {
        CaseAccess.Condition visible = access.visibleTo(caller);
        String where = " from child_case c join child ch on ch.child_id = c.child_id where " + visible.sql()
                + " and (cast(:stage as varchar(20)) is null or c.stage = :stage)"
                + " and (cast(:q as varchar(201)) is null or lower(ch.first_name || ' ' || ch.last_name) like :like"
                + "      or c.case_number = :number or ch.child_number = :identifier or ch.nhs_number = :identifier)";
        String text = q == null || q.isBlank() ? null : q.strip();
        long number = text == null ? -1 : referenceNumber(text);
        String like = text == null ? null : "%" + text.toLowerCase().replace("%", "").replace("_", "") + "%";
        // A child number or an NHS number, as people write them (lower case, spaced digits).
        String identifier = text == null ? null : text.replace(" ", "").toUpperCase(java.util.Locale.ROOT);
        long total = db.sql("select count(*)" + where).params(visible.params()).param("stage", stage).param("q", text)
                .param("like", like).param("number", number).param("identifier", identifier).query(Long.class).single();
        List<CaseSummary> items = db.sql("""
                select c.case_id, c.case_number, ch.first_name || ' ' || ch.last_name as child_name, ch.date_of_birth,
                       ch.expected_date_of_birth, c.stage, c.status, c.allocated_worker, c.referral_date""" + where
                        + " order by c.case_number desc limit :size offset :offset")
                .params(visible.params()).param("stage", stage).param("q", text).param("like", like)
                .param("number", number).param("identifier", identifier).param("size", size).param("offset", (long) page * size)
                .query((rs, n) -> new CaseSummary(rs.getString("case_id"),
                        CaseRecord.CaseRow.reference(rs.getLong("case_number")), rs.getString("child_name"),
                        rs.getObject("date_of_birth", LocalDate.class), rs.getObject("expected_date_of_birth", LocalDate.class),
                        rs.getString("stage"), rs.getString("status"), rs.getString("allocated_worker"),
                        rs.getObject("referral_date", LocalDate.class)))
                .list();
        return new CasePage(items, total);
    }

    /** "CP-0000123" or "123" finds case 123. */
    private static long referenceNumber(String text) {
        String digits = text.toUpperCase().startsWith("CP-") ? text.substring(3) : text;
        try {
            return Long.parseLong(digits);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    public CaseView get(Caller caller, String caseId) {
        requireVisible(caller, caseId);
        LocalDate today = time.today();
        CaseView view = db.sql("""
                select c.case_id, c.case_number, c.stage, c.status, c.allocated_worker, c.referral_date, c.re_referral,
                       ch.child_id, ch.child_number, ch.first_name, ch.last_name, ch.date_of_birth,
                       ch.expected_date_of_birth, ch.gender, ch.ethnicity, ch.address, ch.upn, ch.former_upn,
                       ch.upn_unknown, ch.nhs_number, ch.disabilities, ch.family_id
                from child_case c join child ch on ch.child_id = c.child_id where c.case_id = ?""")
                .param(caseId)
                .query((rs, n) -> new CaseView(rs.getString("case_id"), CaseRecord.CaseRow.reference(rs.getLong("case_number")),
                        new Child(rs.getString("child_id"), rs.getString("child_number"), rs.getString("first_name"),
                                rs.getString("last_name"), rs.getObject("date_of_birth", LocalDate.class),
                                rs.getObject("expected_date_of_birth", LocalDate.class), rs.getString("gender"),
                                rs.getString("ethnicity"), rs.getString("address"), rs.getString("upn"),
                                rs.getString("former_upn"), rs.getString("upn_unknown"), rs.getString("nhs_number"),
                                ChildRecord.disabilities(rs.getString("disabilities"))),
                        rs.getString("family_id"), rs.getString("stage"), rs.getString("status"), rs.getString("allocated_worker"),
                        rs.getObject("referral_date", LocalDate.class), rs.getBoolean("re_referral"), null, null, null, null,
                        null))
                .single();
        List<OpenTask> open = inbox.forCase(caseId, today).stream()
                .map(t -> new OpenTask(t.taskId(), t.taskKey(), t.name(), t.assignee(), t.candidateGroups(),
                        t.dueOn(), t.overdue())).toList();
        return view.withDetail(cpPlan(caseId), milestones.forCase(caseId, today), open,
                warnings.forCases(List.of(caseId), today).getOrDefault(caseId, List.of()), upcoming(view.reference(), open));
    }

    /**
     * The open tasks and the timers the case's processes wait on, soonest first (a task before
     * scheduled work due the same day, since it can be worked now). Dates are the council's.
     */
    private List<Upcoming> upcoming(String reference, List<OpenTask> open) {
        List<Upcoming> next = new java.util.ArrayList<>();
        open.forEach(t -> next.add(new Upcoming(TaskKey.of(t.taskKey()).map(Words::task).orElse(t.name()), t.dueOn(),
                t.taskId())));
        scheduled.of(reference).forEach(w -> next.add(new Upcoming(w.what(), time.dateOf(w.dueAt()), null)));
        next.sort(java.util.Comparator.comparing(Upcoming::dueOn, java.util.Comparator.nullsLast(
                java.util.Comparator.naturalOrder())));
        return next;
    }

    /**
     * What happened, in the order it happened (a note is dated by its event, not by when it was
     * written up); of one kind only, or only the significant events, if asked.
     */
    public List<ChronologyEntry> chronology(Caller caller, String caseId, String kind, boolean significantOnly) {
        requireVisible(caller, caseId);
        return db.sql("""
                select occurred_at, kind, summary, actor, significant, note_id from chronology
                where case_id = :caseId and (cast(:kind as varchar(40)) is null or kind = :kind)
                  and (:significantOnly = false or significant = true)
                order by occurred_at, id""")
                .param("caseId", caseId).param("kind", kind).param("significantOnly", significantOnly)
                .query(ChronologyEntry.class).list();
    }

    /** The current Signs of Safety map (the latest of each part) and every version of it, oldest first. */
    public SignsOfSafety.CaseMap map(Caller caller, String caseId) {
        requireVisible(caller, caseId);
        return signsOfSafety.map(caseId);
    }

    public CaseDiagrams.Diagram diagram(Caller caller, String caseId) {
        requireVisible(caller, caseId);
        return diagrams.of(cases.get(caseId).reference());
    }

    public void requireVisible(Caller caller, String caseId) {
        if (!access.canRead(caller, caseId)) {
            throw new CaseNotFoundException(caseId);
        }
    }

    private CpPlan cpPlan(String caseId) {
        return db.sql("""
                select started_on, latest_category, initial_category, previous_plans, ended_on
                from cp_plan where case_id = ? order by id desc limit 1""")
                .param(caseId)
                .query((rs, n) -> new CpPlan(rs.getObject("started_on", LocalDate.class), rs.getString("latest_category"),
                        rs.getString("initial_category"), rs.getInt("previous_plans"), rs.getInt("previous_plans") > 0,
                        rs.getObject("ended_on", LocalDate.class)))
                .optional().orElse(null);
    }
}
