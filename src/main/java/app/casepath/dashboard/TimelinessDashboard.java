package app.casepath.dashboard;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.function.Supplier;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import app.casepath.calendar.TimeSource;
import app.casepath.caserecord.CaseRecord;
import app.casepath.caserecord.ReportingPeriod;
import app.casepath.security.CaseAccess;
import app.casepath.security.Caller;
import app.casepath.security.Groups;
import app.casepath.teams.UnallocatedCases;
import app.casepath.security.NotAllowedException;

/**
 * The figures of kpis.md for a period, each with the children behind it, the monthly trend of the
 * timeliness figures, the configured comparators and what is overdue now. Each figure is one
 * query over dated, indexed rows of the case record.
 */
@Service
public class TimelinessDashboard {

    public static final int DRILL_DOWN_LIMIT = 200;

    public record Child(String caseId, String reference, String childName, LocalDate on, String detail) {
    }

    public record Figure(String key, String label, String unit, BigDecimal value, Long numerator, Long denominator,
                         Map<String, Double> comparators, List<Child> children) {
    }

    public record Month(String month, long contacts, long referrals, BigDecimal contactDecisionsInTime,
                        BigDecimal assessmentsInTime, BigDecimal initialConferencesInTime, BigDecimal reviewConferencesInTime) {
    }

    public record Overdue(String team, String worker, String caseId, String reference, String childName, String milestone,
                          LocalDate dueOn) {
    }

    /** unallocatedCases: open cases no worker holds now, whatever the period (teams.md). */
    public record Dashboard(LocalDate from, LocalDate to, int childPopulation, List<Figure> figures, List<Month> trend,
                            List<Overdue> overdue, long unallocatedCases) {
    }

    /** Shared by all requests: a few connections at most, however many managers look at once. */
    private final Executor queries = Executors.newFixedThreadPool(4, runnable -> {
        Thread thread = new Thread(runnable, "dashboard-query");
        thread.setDaemon(true);
        return thread;
    });
    private final JdbcClient db;
    private final DashboardSettings settings;
    private final TimeSource time;
    private final ObjectMapper json;
    private final UnallocatedCases unallocated;

    public TimelinessDashboard(JdbcClient db, DashboardSettings settings, TimeSource time, ObjectMapper json,
                               UnallocatedCases unallocated) {
        this.db = db;
        this.unallocated = unallocated;
        this.settings = settings;
        this.time = time;
        this.json = json;
    }

    public Dashboard timeliness(Caller caller, LocalDate from, LocalDate to) {
        if (!caller.inAny(java.util.Set.of(Groups.TEAM_MANAGERS, Groups.SERVICE_MANAGERS))) {
            throw new NotAllowedException("The dashboard is for team and service managers.");
        }
        // Each figure is its own query: run side by side, they take the time of the slowest few, not of all.
        List<Supplier<Figure>> figures = new ArrayList<>();
        figures.add(() -> count("contacts", "Contacts", """
                select c.case_id, c.case_number, ch.first_name || ' ' || ch.last_name as name, cast(k.received_at as date) as on_date,
                       k.source as detail
                from contact k left join child_case c on c.case_id = k.case_id left join child ch on ch.child_id = c.child_id
                where k.received_at >= :fromStart and k.received_at < :toEnd""", from, to));
        figures.add(() -> count("referrals", "Referrals", REFERRALS, from, to));
        figures.add(() -> rate("reReferrals", "Re-referrals within 12 months", REFERRALS + " and k.repeat_referral = true",
                REFERRALS, from, to));
        figures.add(() -> milestoneRate("contactDecisionsInTime", "Contact decisions within 1 working day", "CONTACT_DECISION", from, to));
        figures.add(() -> milestoneRate("assessmentsInTime", "Assessments within 45 working days", "ASSESSMENT", from, to));
        figures.add(() -> milestoneRate("initialConferencesInTime", "Initial conferences within 15 working days", "ICPC", from, to));
        figures.add(() -> milestoneRate("reviewConferencesInTime", "Review conferences in time", "RCPC", from, to));
        // Children, not cases: a child referred twice in the period counts once.
        figures.add(() -> per10000("childrenInNeed", "Children in need (per 10,000)", """
                select distinct c.child_id from child_case c
                where c.referral_date is not null and c.referral_date <= :to and (c.closed_on is null or c.closed_on >= :from)""", """
                select x.case_id, x.case_number, ch.first_name || ' ' || ch.last_name as name, x.on_date, x.detail
                from (select c.child_id, max(c.case_id) as case_id, max(c.case_number) as case_number,
                             min(c.referral_date) as on_date, max(c.stage) as detail
                      from child_case c
                      where c.referral_date is not null and c.referral_date <= :to and (c.closed_on is null or c.closed_on >= :from)
                      group by c.child_id order by 4, 3 limit\s""" + DRILL_DOWN_LIMIT + """
                     ) x join child ch on ch.child_id = x.child_id""",
                from, to));
        figures.add(() -> per10000("childrenOnPlans", "Children on a child protection plan at the end (per 10,000)",
                PLANS + " where p.started_on <= :to and (p.ended_on is null or p.ended_on > :to)", from, to));
        figures.add(() -> per10000("plansCeased", "Child protection plans ceased (per 10,000)",
                PLANS + " where p.ended_on between :from and :to", from, to));
        figures.add(() -> rate("secondOrSubsequentPlans", "Second or subsequent plans",
                PLANS + " where p.started_on between :from and :to and p.previous_plans > 0",
                PLANS + " where p.started_on between :from and :to", from, to));
        // :from is the cut-off here: a plan that started on or before it is that old at the period's end.
        String openAtEnd = PLANS + " where p.started_on <= :from and (p.ended_on is null or p.ended_on > :to)";
        figures.add(() -> count("plansOverOneYear", "Plans open 1 year or more at the end", openAtEnd, to.minusYears(1), to));
        figures.add(() -> count("plansOverTwoYears", "Plans open 2 years or more at the end", openAtEnd, to.minusYears(2), to));
        figures.add(() -> count("earlyHelpAssessments", "Early help assessments completed", """
                select c.case_id, c.case_number, ch.first_name || ' ' || ch.last_name as name, e.assessed_on as on_date,
                       e.outcome as detail
                from early_help e left join child_case c on c.case_id = e.case_id left join child ch on ch.child_id = c.child_id
                where e.assessed_on between :from and :to""", from, to));
        figures.add(() -> count("earlyHelpGoalsAchieved", "Early help closed with goals achieved", """
                select c.case_id, c.case_number, ch.first_name || ' ' || ch.last_name as name, r.held_on as on_date,
                       r.outcome as detail
                from family_plan_review r left join early_help e on e.id = r.early_help_id
                left join child_case c on c.case_id = e.case_id left join child ch on ch.child_id = c.child_id
                where r.outcome = 'GOALS_ACHIEVED' and r.held_on between :from and :to""", from, to));
        figures.add(() -> rate("earlyHelpReReferrals", "Re-referrals into early help within 12 months",
                EARLY_HELP_STARTS + " and e.repeat_episode = true", EARLY_HELP_STARTS, from, to));
        figures.add(() -> feedback(from, to));
        figures.add(() -> professionalFeedback(from, to));
        figures.add(() -> rate("assessmentsShared", "Assessments shared with the family",
                ASSESSMENTS + " and a.shared_method <> 'NOT_SHARED'", ASSESSMENTS, from, to));
        figures.add(() -> count("panelRequests", "Entry to Care Panel requests", PANEL + " where r.requested_on between :from and :to", from, to));
        figures.add(() -> rate("panelFirstTimePass", "Panel requests passing the network check first time",
                PANEL + " where r.requested_on between :from and :to and r.first_check_passed = true and r.route <> 'EMERGENCY'",
                PANEL + " where r.requested_on between :from and :to and r.first_check_passed is not null and r.route <> 'EMERGENCY'",
                from, to));
        for (String decision : List.of("APPROVE", "DECLINE", "DEFER")) {
            figures.add(() -> count("panelDecisions" + decision, "Panel decisions: " + decision.toLowerCase(),
                    PANEL + " where r.decided_on between :from and :to and r.decision = '" + decision + "'", from, to));
        }
        figures.add(() -> count("emergencyEntries", "Emergency entries to care",
                PANEL + " where r.route = 'EMERGENCY' and r.emergency_entered_on between :from and :to", from, to));
        figures.add(() -> milestoneRate("emergencyReviewsInTime", "Emergency entries reviewed within 2 working days",
                "EMERGENCY_REVIEW", from, to));
        // teams.md: supervisions held by their due day, as any milestone (the overdue list has the late ones).
        figures.add(() -> milestoneRate("supervisionsInTime", "Supervision in time", "SUPERVISION", from, to));
        CompletableFuture<List<Month>> trend = CompletableFuture.supplyAsync(() -> trend(from, to), queries);
        CompletableFuture<List<Overdue>> overdue = CompletableFuture.supplyAsync(this::overdue, queries);
        CompletableFuture<Long> waiting = CompletableFuture.supplyAsync(unallocated::count, queries);
        List<CompletableFuture<Figure>> computed = figures.stream()
                .map(figure -> CompletableFuture.supplyAsync(figure, queries)).toList();
        return withoutRestricted(caller, new Dashboard(from, to, settings.childPopulation(),
                computed.stream().map(CompletableFuture::join).toList(), trend.join(), overdue.join(), waiting.join()));
    }

    /** How a restricted record's child appears to those it is closed to: counted, never named or linked. */
    static final String RESTRICTED = "Restricted record";

    /**
     * A restricted record counts in every figure (the returns and the dashboard report on every
     * child), but its child is named and linked only to the users it is open to: to anyone else
     * a drill-down or overdue row says "Restricted record", with no case to open.
     */
    private Dashboard withoutRestricted(Caller caller, Dashboard dashboard) {
        List<String> listed = new ArrayList<>();
        dashboard.figures().forEach(f -> f.children().forEach(c -> listed.add(c.caseId())));
        dashboard.overdue().forEach(o -> listed.add(o.caseId()));
        listed.removeIf(java.util.Objects::isNull);
        if (listed.isEmpty()) {
            return dashboard;
        }
        java.util.Set<String> closed = new java.util.HashSet<>(db.sql("select c.case_id from child_case c where c.case_id in (:ids)"
                        + " and " + CaseAccess.closedToUser("c.child_id").replace("?", ":user"))
                .param("ids", List.copyOf(new java.util.LinkedHashSet<>(listed))).param("user", caller.username())
                .query(String.class).list());
        if (closed.isEmpty()) {
            return dashboard;
        }
        List<Figure> figures = dashboard.figures().stream().map(f -> new Figure(f.key(), f.label(), f.unit(), f.value(),
                f.numerator(), f.denominator(), f.comparators(), f.children().stream()
                .map(c -> closed.contains(c.caseId()) ? new Child(null, null, RESTRICTED, c.on(), c.detail()) : c).toList()))
                .toList();
        List<Overdue> overdue = dashboard.overdue().stream().map(o -> closed.contains(o.caseId())
                ? new Overdue(o.team(), o.worker(), null, null, RESTRICTED, o.milestone(), o.dueOn()) : o).toList();
        return new Dashboard(dashboard.from(), dashboard.to(), dashboard.childPopulation(), figures, dashboard.trend(), overdue,
                dashboard.unallocatedCases());
    }

    // ---- the shapes of figure

    private static final String REFERRALS = """
            select c.case_id, c.case_number, ch.first_name || ' ' || ch.last_name as name, k.decided_on as on_date,
                   k.decision as detail
            from contact k left join child_case c on c.case_id = k.case_id left join child ch on ch.child_id = c.child_id
            where k.became_referral = true and k.decided_on between :from and :to""";
    private static final String PLANS = """
            select c.case_id, c.case_number, ch.first_name || ' ' || ch.last_name as name, p.started_on as on_date,
                   p.latest_category as detail
            from cp_plan p left join child_case c on c.case_id = p.case_id left join child ch on ch.child_id = c.child_id""";
    private static final String EARLY_HELP_STARTS = """
            select c.case_id, c.case_number, ch.first_name || ' ' || ch.last_name as name, e.started_on as on_date,
                   e.outcome as detail
            from early_help e left join child_case c on c.case_id = e.case_id left join child ch on ch.child_id = c.child_id
            where e.started_on between :from and :to""";
    private static final String ASSESSMENTS = """
            select c.case_id, c.case_number, ch.first_name || ' ' || ch.last_name as name, a.authorised_on as on_date,
                   a.shared_method as detail
            from assessment a left join child_case c on c.case_id = a.case_id left join child ch on ch.child_id = c.child_id
            where a.authorised_on between :from and :to""";
    private static final String PANEL = """
            select c.case_id, c.case_number, ch.first_name || ' ' || ch.last_name as name, r.requested_on as on_date,
                   r.route as detail
            from panel_request r left join child_case c on c.case_id = r.case_id left join child ch on ch.child_id = c.child_id""";

    private Figure count(String key, String label, String sql, LocalDate from, LocalDate to) {
        long n = total(sql, from, to);
        return new Figure(key, label, "COUNT", BigDecimal.valueOf(n), n, null, comparators(key), children(sql, from, to));
    }

    private Figure rate(String key, String label, String numeratorSql, String denominatorSql, LocalDate from, LocalDate to) {
        long numerator = total(numeratorSql, from, to);
        long denominator = total(denominatorSql, from, to);
        return new Figure(key, label, "PERCENT", percent(numerator, denominator), numerator, denominator, comparators(key),
                children(numeratorSql, from, to));
    }

    private Figure per10000(String key, String label, String sql, LocalDate from, LocalDate to) {
        return per10000(key, label, sql, sql, from, to);
    }

    /** Counted by {@code countSql}, which must count what {@code sql} lists, more cheaply. */
    private Figure per10000(String key, String label, String countSql, String sql, LocalDate from, LocalDate to) {
        long n = total(countSql, from, to);
        BigDecimal rate = BigDecimal.valueOf(n * 10_000L).divide(BigDecimal.valueOf(settings.childPopulation()), 1,
                RoundingMode.HALF_UP);
        return new Figure(key, label, "PER_10000", rate, n, (long) settings.childPopulation(), comparators(key),
                children(sql, from, to));
    }

    /** met / (met + missed): done on or before the due date, over milestones done in the period. */
    private Figure milestoneRate(String key, String label, String milestone, LocalDate from, LocalDate to) {
        String done = """
                select c.case_id, c.case_number, ch.first_name || ' ' || ch.last_name as name, m.completed_on as on_date,
                       case when m.completed_on <= m.due_on then 'MET' else 'MISSED' end as detail
                from milestone m left join child_case c on c.case_id = m.case_id left join child ch on ch.child_id = c.child_id
                where m.milestone_key = '""" + milestone + "' and m.cancelled = false and m.completed_on between :from and :to";
        long met = total(done + " and m.completed_on <= m.due_on", from, to);
        long all = total(done, from, to);
        return new Figure(key, label, "PERCENT", percent(met, all), met, all, comparators(key), children(done, from, to));
    }

    private Figure feedback(LocalDate from, LocalDate to) {
        String sql = CONFERENCES + " and f.parent_feedback_score is not null";
        long forms = total(sql, from, to);
        BigDecimal average = period(db.sql("select avg(cast(f.parent_feedback_score as decimal(10,2))) from conference f "
                        + "where f.held_on between :from and :to and f.parent_feedback_score is not null"), from, to)
                .query(BigDecimal.class).optional().orElse(null);
        return new Figure("parentFeedback", "Parent feedback (average of 0–10)", "AVERAGE", scale(average), forms, null,
                comparators("parentFeedback"), children(sql, from, to));
    }

    private Figure professionalFeedback(LocalDate from, LocalDate to) {
        List<String> rows = period(db.sql(
                "select f.professional_feedback_scores from conference f where f.held_on between :from and :to"), from, to)
                .query(String.class).list();
        long forms = 0;
        long sum = 0;
        for (String row : rows) {
            for (int score : scores(row)) {
                forms++;
                sum += score;
            }
        }
        BigDecimal average = forms == 0 ? null : BigDecimal.valueOf(sum).divide(BigDecimal.valueOf(forms), 1, RoundingMode.HALF_UP);
        return new Figure("professionalFeedback", "Professional feedback (average of 0–10)", "AVERAGE", average, forms, null,
                comparators("professionalFeedback"), children(CONFERENCES, from, to));
    }

    private static final String CONFERENCES = """
            select c.case_id, c.case_number, ch.first_name || ' ' || ch.last_name as name, f.held_on as on_date,
                   f.kind as detail
            from conference f left join child_case c on c.case_id = f.case_id left join child ch on ch.child_id = c.child_id
            where f.held_on between :from and :to""";

    private int[] scores(String row) {
        try {
            return row == null ? new int[0] : json.readValue(row, int[].class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored scores unreadable", e);
        }
    }

    // ---- trend and overdue

    /** Month by month, each measure in one grouped query (a year's trend is four queries, not a hundred). */
    private List<Month> trend(LocalDate from, LocalDate to) {
        // Contacts by month: one indexed range count a month (months begin at midnight in the council's zone).
        Map<String, Long> contacts = new HashMap<>();
        for (YearMonth month = YearMonth.from(from); !month.atDay(1).isAfter(to); month = month.plusMonths(1)) {
            LocalDate start = month.atDay(1).isBefore(from) ? from : month.atDay(1);
            LocalDate end = month.atEndOfMonth().isAfter(to) ? to : month.atEndOfMonth();
            contacts.put(month.toString(), total("select 1 from contact k where k.received_at >= :fromStart and k.received_at < :toEnd",
                    start, end));
        }
        Map<String, Long> referrals = new HashMap<>();
        period(db.sql("""
                select extract(year from k.decided_on) * 100 + extract(month from k.decided_on) as ym, count(*) as n
                from contact k where k.became_referral = true and k.decided_on between :from and :to group by ym"""), from, to)
                .query(rs -> {
                    referrals.put(month(rs.getInt("ym")), rs.getLong("n"));
                });
        Map<String, long[]> milestones = new HashMap<>();
        period(db.sql("""
                select extract(year from m.completed_on) * 100 + extract(month from m.completed_on) as ym, m.milestone_key,
                       sum(case when m.completed_on <= m.due_on then 1 else 0 end) as met, count(*) as n
                from milestone m
                where m.milestone_key in ('CONTACT_DECISION', 'ASSESSMENT', 'ICPC', 'RCPC') and m.cancelled = false
                  and m.completed_on between :from and :to
                group by ym, m.milestone_key"""), from, to)
                .query(rs -> {
                    milestones.put(month(rs.getInt("ym")) + rs.getString("milestone_key"),
                            new long[] {rs.getLong("met"), rs.getLong("n")});
                });
        List<Month> months = new ArrayList<>();
        for (YearMonth month = YearMonth.from(from); !month.atDay(1).isAfter(to); month = month.plusMonths(1)) {
            String key = month.toString();
            months.add(new Month(key, contacts.getOrDefault(key, 0L), referrals.getOrDefault(key, 0L),
                    monthRate(milestones, key + "CONTACT_DECISION"), monthRate(milestones, key + "ASSESSMENT"),
                    monthRate(milestones, key + "ICPC"), monthRate(milestones, key + "RCPC")));
        }
        return months;
    }

    private static String month(int yearMonth) {
        return YearMonth.of(yearMonth / 100, yearMonth % 100).toString();
    }

    private static BigDecimal monthRate(Map<String, long[]> milestones, String key) {
        long[] metAndAll = milestones.getOrDefault(key, new long[] {0, 0});
        return percent(metAndAll[0], metAndAll[1]);
    }

    /** Every open milestone past due now, by the team holding the task and its worker. */
    private List<Overdue> overdue() {
        return db.sql("""
                select coalesce(nullif(t.candidate_groups, ''), 'allocated worker') as team,
                       coalesce(t.assignee, c.allocated_worker) as worker, c.case_id, c.case_number,
                       ch.first_name || ' ' || ch.last_name as name, m.milestone_key, m.due_on
                from milestone m join child_case c on c.case_id = m.case_id join child ch on ch.child_id = c.child_id
                left join task_inbox t on t.task_id = m.task_id
                where m.completed_on is null and m.cancelled = false and m.due_on < :today
                order by team, worker, m.due_on limit 1000""")
                .param("today", time.today())
                .query((rs, n) -> new Overdue(rs.getString("team"), rs.getString("worker"), rs.getString("case_id"),
                        CaseRecord.CaseRow.reference(rs.getLong("case_number")), rs.getString("name"),
                        rs.getString("milestone_key"), rs.getObject("due_on", LocalDate.class)))
                .list();
    }

    // ---- helpers

    private long total(String sql, LocalDate from, LocalDate to) {
        return period(db.sql("select count(*) from (" + sql + ") counted"), from, to)
                .query(Long.class).single();
    }

    private List<Child> children(String sql, LocalDate from, LocalDate to) {
        return period(db.sql(sql + " order by 4, 2 limit " + DRILL_DOWN_LIMIT), from, to)
                .query((rs, n) -> new Child(rs.getString("case_id"), CaseRecord.CaseRow.reference(rs.getLong("case_number")),
                        rs.getString("name"), rs.getObject("on_date", LocalDate.class), rs.getString("detail")))
                .list();
    }

    private JdbcClient.StatementSpec period(JdbcClient.StatementSpec statement, LocalDate from, LocalDate to) {
        return ReportingPeriod.bind(statement, time, from, to);
    }

    private Map<String, Double> comparators(String key) {
        return new LinkedHashMap<>(settings.comparators().getOrDefault(key, Map.of()));
    }

    private static BigDecimal percent(long numerator, long denominator) {
        return denominator == 0 ? null
                : BigDecimal.valueOf(numerator * 100L).divide(BigDecimal.valueOf(denominator), 1, RoundingMode.HALF_UP);
    }

    private static BigDecimal scale(BigDecimal value) {
        return value == null ? null : value.setScale(1, RoundingMode.HALF_UP);
    }
}
