package app.casepath.exports;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.Period;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import app.casepath.calendar.TimeSource;
import app.casepath.caserecord.ReportingPeriod;

/**
 * Ofsted's Annex A lists 1, 3, 4, 5, 6 and 7 for an inspection, over the six months up to a date
 * ({@code to}), in the template's columns and values ({@code returns.md}; the values are
 * {@link AnnexAValues}). A cell is a {@link String}, a {@link LocalDate}, an {@link Integer} or
 * null (blank): the CSV writes dates as dd/mm/yyyy, the workbook as real dates shown so.
 *
 * <p>Every list starts with the child: the child number (the census's LAchildID), gender,
 * ethnicity, date of birth (blank for an unborn child) and age in whole years on the last day of
 * the period, the date of the return (blank for an unborn child); lists 4–7 then say whether the
 * child has a disability. Lists 3–7 end with the allocated team and worker; list 1 has neither.
 * The SQL is plain enough for PostgreSQL and H2 alike (no LIMIT in subqueries, no vendor date
 * functions); the period's bounds are parameters ({@link ReportingPeriod}).
 */
@Service
public class AnnexA {

    public static final List<Integer> LISTS = List.of(1, 3, 4, 5, 6, 7);

    /** One list: its sheet's name, the header row and the rows. */
    public record Table(int list, List<String> header, List<List<Object>> rows) {
        public String sheet() {
            return "List " + list;
        }
    }

    private static final List<String> CHILD = List.of("Child Unique ID", "Gender", "Ethnicity", "Date of Birth", "Age");
    private static final String DISABILITY = "Does the Child have a Disability";
    private static final List<String> ALLOCATED = List.of("Allocated Team", "Allocated Worker");

    static final Map<Integer, List<String>> HEADERS = Map.of(
            1, header(CHILD, List.of("Date of Contact", "Contact Source")),
            3, header(CHILD, List.of("Date of Referral", "Referral Source", "Referral NFA?",
                    "Number of Referrals in Last 12 Months"), ALLOCATED),
            4, header(CHILD, List.of(DISABILITY, "Continuous Assessment Start Date", "Child Seen During Continuous Assessment",
                    "Continuous Assessment Date of Authorisation",
                    "Was the child assessed as requiring LA children's social care support?"), ALLOCATED),
            5, header(CHILD, List.of(DISABILITY, "Strategy discussion initiating Section 47 Enquiry Start Date",
                    "Was an Initial Child Protection Conference deemed unnecessary?",
                    "Date of Initial Child Protection Conference",
                    "Did the Initial Child Protection Conference Result in a Child Protection Plan",
                    "Number of Section 47 Enquiries in the last 12 months", "Number of ICPCs in the last 12 months"), ALLOCATED),
            6, header(CHILD, List.of(DISABILITY, "CIN Start Date", "Primary Need Code", "Date Child Was Last Seen",
                    "CIN Closure Date", "Reason for Closure", "Case Status"), ALLOCATED),
            7, header(CHILD, List.of(DISABILITY, "Child Protection Plan Start Date", "Initial Category of Abuse",
                    "Latest Category of Abuse", "Date of the Last Statutory Visit", "Was the Child Seen Alone?",
                    "Date of latest review conference", "Child Protection Plan End Date",
                    "Subject to Emergency Protection Order or Protected Under Police Powers in Last Six Months (Y/N)",
                    "Number of Previous Child Protection Plans"), ALLOCATED));

    @SafeVarargs
    private static List<String> header(List<String>... parts) {
        return Stream.of(parts).flatMap(List::stream).toList();
    }

    /** The child's columns and the case's worker, selected first by every list's query. */
    private static final String CHILD_COLUMNS = """
            ch.child_id, ch.child_number, ch.gender, ch.ethnicity, ch.date_of_birth, ch.disabilities,
            coalesce(c.allocated_worker, c.early_help_worker) as worker,
            (select t.name from team t where t.team_id = c.team_id) as team""";

    /**
     * The referral led to no further action (the census's ReferralNFA): its episode closed by the
     * end of the period without an assessment, a section 47 enquiry or a plan. A referral still
     * open, or one that led to an assessment that itself concluded NFA, is not that.
     */
    private static final String REFERRAL_NFA = """
            (c.closed_on is not null and c.closed_on <= :to
             and not exists (select 1 from assessment a where a.case_id = c.case_id)
             and not exists (select 1 from s47_enquiry e where e.case_id = c.case_id)
             and not exists (select 1 from cin_plan n where n.case_id = c.case_id)
             and not exists (select 1 from cp_plan p where p.case_id = c.case_id))""";

    private final JdbcClient db;
    private final TimeSource time;
    private final AllocatedStaff staff;

    public AnnexA(JdbcClient db, TimeSource time, AllocatedStaff staff) {
        this.db = db;
        this.time = time;
        this.staff = staff;
    }

    /** The first day of the six months that end on {@code to}. */
    public static LocalDate start(LocalDate to) {
        return to.minusMonths(6).plusDays(1);
    }

    /** Every list, in order: the workbook's sheets. One transaction, so the lists agree with one another. */
    @Transactional(readOnly = true)
    public List<Table> all(LocalDate to) {
        return LISTS.stream().map(list -> list(list, to)).toList();
    }

    @Transactional(readOnly = true)
    public Table list(int list, LocalDate to) {
        LocalDate from = start(to);
        List<Row> rows = switch (list) {
            case 1 -> contacts(from, to);
            case 3 -> referrals(from, to);
            case 4 -> assessments(from, to);
            case 5 -> enquiries(from, to);
            case 6 -> childrenInNeed(from, to);
            case 7 -> childProtection(from, to);
            default -> throw new IllegalArgumentException("Annex A list " + list);
        };
        boolean disability = list >= 4;
        boolean allocated = list >= 3;
        Map<String, AllocatedStaff.Staff> workers = allocated ? staff.of(rows.stream().map(Row::worker).toList()) : Map.of();
        List<List<Object>> cells = new ArrayList<>();
        for (Row row : rows) {
            List<Object> line = new ArrayList<>(row.child().cells(to, disability));
            line.addAll(row.values());
            if (allocated) {
                AllocatedStaff.Staff worker = row.worker() == null ? null : workers.get(row.worker());
                // The case's team; a council that has set up no teams is named by the worker's service.
                line.add(row.child().team() != null ? row.child().team() : worker == null ? null : worker.service());
                line.add(worker == null ? null : worker.name());
            }
            cells.add(Collections.unmodifiableList(line));
        }
        Table table = new Table(list, HEADERS.get(list), List.copyOf(cells));
        table.rows().forEach(r -> {
            if (r.size() != table.header().size()) {
                throw new IllegalStateException("Annex A list " + list + ": a row of " + r.size() + " cells under "
                        + table.header().size() + " headers");
            }
        });
        return table;
    }

    /** The child as every list starts it. */
    /** @param team the team the case is allocated to (teams.md), if it is */
    private record Child(String childId, String number, String gender, String ethnicity, LocalDate born, String disabilities,
                         String team) {

        List<Object> cells(LocalDate to, boolean withDisability) {
            Integer age = born == null || born.isAfter(to) ? null : Period.between(born, to).getYears();
            List<Object> cells = new ArrayList<>();
            cells.add(number);
            cells.add(AnnexAValues.gender(gender));
            cells.add(AnnexAValues.ethnicity(ethnicity));
            cells.add(born);
            cells.add(age);
            if (withDisability) {
                cells.add(AnnexAValues.disability(disabilities));
            }
            return cells;
        }
    }

    /** A row as read: the child, the list's own cells, the case's worker, and what orders it. */
    private record Row(Child child, List<Object> values, String worker, LocalDate sortedBy) {
    }

    private static Child child(ResultSet rs) throws SQLException {
        return new Child(rs.getString("child_id"), rs.getString("child_number"), rs.getString("gender"),
                rs.getString("ethnicity"), rs.getObject("date_of_birth", LocalDate.class), rs.getString("disabilities"),
                rs.getString("team"));
    }

    private static LocalDate date(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, LocalDate.class);
    }

    private static Boolean bool(ResultSet rs, String column) throws SQLException {
        boolean value = rs.getBoolean(column);
        return rs.wasNull() ? null : value;
    }

    private static String seenAlone(Boolean alone) {
        return alone == null ? AnnexAValues.UNKNOWN : AnnexAValues.yesNo(alone);
    }

    private static List<Object> cells(Object... values) {
        return java.util.Arrays.asList(values);
    }

    private interface Mapper {
        Row map(ResultSet rs) throws SQLException;
    }

    private List<Row> query(String sql, LocalDate from, LocalDate to, Mapper mapper) {
        List<Row> rows = new ArrayList<>(ReportingPeriod.bind(db.sql(sql.replace("{child}", CHILD_COLUMNS)), time, from, to)
                .query((rs, n) -> mapper.map(rs)).list());
        rows.sort(Comparator.comparing(Row::sortedBy, Comparator.nullsLast(Comparator.naturalOrder()))
                .thenComparing(r -> r.child().number(), Comparator.nullsLast(Comparator.naturalOrder())));
        return rows;
    }

    /** One row per child: the first of each child's rows in the query's order (its latest episode or plan). */
    private static List<Row> latestPerChild(List<Row> newestFirst) {
        Map<String, Row> once = new LinkedHashMap<>();
        newestFirst.forEach(r -> once.putIfAbsent(r.child().childId(), r));
        List<Row> rows = new ArrayList<>(once.values());
        rows.sort(Comparator.comparing(Row::sortedBy, Comparator.nullsLast(Comparator.naturalOrder()))
                .thenComparing(r -> r.child().number(), Comparator.nullsLast(Comparator.naturalOrder())));
        return rows;
    }

    /** List 1: every contact received in the period, dated as received in the council's zone. */
    private List<Row> contacts(LocalDate from, LocalDate to) {
        return query("""
                select {child}, k.received_at, k.source
                from contact k join child_case c on c.case_id = k.case_id join child ch on ch.child_id = c.child_id
                where k.received_at >= :fromStart and k.received_at < :toEnd""", from, to, rs -> {
            LocalDate received = time.dateOf(rs.getObject("received_at", OffsetDateTime.class).toInstant());
            return new Row(child(rs), cells(received, AnnexAValues.source(rs.getString("source"))), null, received);
        });
    }

    /**
     * List 3: every referral accepted in the period (a contact the Front Door screened to an
     * assessment or a strategy discussion), with the number of the child's other referrals in the
     * 12 months before it.
     */
    private List<Row> referrals(LocalDate from, LocalDate to) {
        return query("""
                select {child}, k.decided_on, k.source,
                       case when %s then 1 else 0 end as nfa,
                       (select count(*) from contact p join child_case pc on pc.case_id = p.case_id
                        where pc.child_id = c.child_id and p.became_referral = true and p.id <> k.id
                          and p.decided_on <= k.decided_on and p.decided_on >= k.decided_on - interval '12' month
                          and (p.decided_on < k.decided_on or p.id < k.id)) as previous
                from contact k join child_case c on c.case_id = k.case_id join child ch on ch.child_id = c.child_id
                where k.became_referral = true and k.decided_on between :from and :to""".formatted(REFERRAL_NFA),
                from, to, rs -> {
                    LocalDate on = date(rs, "decided_on");
                    return new Row(child(rs), cells(on, AnnexAValues.source(rs.getString("source")),
                            AnnexAValues.yesNo(rs.getInt("nfa") == 1), rs.getInt("previous")), rs.getString("worker"), on);
                });
    }

    /**
     * List 4: every Child and Family Assessment open at any time in the period: those recorded
     * (started on the referral date, completed, perhaps authorised) and those still being done on a
     * case at the assessment stage, which the record holds as a row only once the worker completes
     * it. The child is seen (or not) as the completed assessment records; while it is being done
     * that is not yet known. Whether the child needs children's social care support is known at
     * authorisation: yes for a plan, a strategy discussion or care, no for no further action or
     * Early Help.
     */
    private List<Row> assessments(LocalDate from, LocalDate to) {
        return query("""
                select {child}, a.started_on, a.completed_on, a.child_seen_on, a.authorised_on, a.decision
                from assessment a join child_case c on c.case_id = a.case_id join child ch on ch.child_id = c.child_id
                where a.started_on <= :to and (a.authorised_on is null or a.authorised_on >= :from)
                union all
                select {child}, c.referral_date, null, null, null, null
                from child_case c join child ch on ch.child_id = c.child_id
                where c.stage = 'ASSESSMENT' and c.closed_on is null and c.referral_date is not null and c.referral_date <= :to
                  and not exists (select 1 from assessment a where a.case_id = c.case_id and a.authorised_on is null)""",
                from, to, rs -> {
                    LocalDate started = date(rs, "started_on");
                    LocalDate completed = date(rs, "completed_on");
                    LocalDate authorised = date(rs, "authorised_on");
                    if (completed != null && completed.isAfter(to)) {
                        completed = null;
                    }
                    if (authorised != null && authorised.isAfter(to)) {
                        authorised = null;
                    }
                    LocalDate seen = date(rs, "child_seen_on");
                    String childSeen = seen != null && !seen.isAfter(to) ? AnnexAValues.YES
                            : completed != null ? AnnexAValues.NO : AnnexAValues.UNKNOWN;
                    String decision = rs.getString("decision");
                    String support = authorised == null || decision == null ? null
                            : AnnexAValues.yesNo(List.of("CIN_PLAN", "STRATEGY_DISCUSSION", "ENTRY_TO_CARE").contains(decision));
                    return new Row(child(rs), cells(started, childSeen, authorised, support), rs.getString("worker"), started);
                });
    }

    /**
     * List 5: every section 47 enquiry open at any time in the period, with the initial conference
     * that followed it, and the child's other enquiries and initial conferences in the 12 months
     * before it started. A conference was deemed unnecessary when the enquiry concluded without
     * convening one (the census's ICPCnotRequired); blank while the enquiry is open.
     */
    private List<Row> enquiries(LocalDate from, LocalDate to) {
        return query("""
                select {child}, s.started_on, s.completed_on, s.outcome,
                       (select min(f.held_on) from conference f where f.case_id = s.case_id and f.kind = 'ICPC'
                        and f.held_on >= s.started_on and f.held_on <= :to) as icpc_on,
                       (select f.decision from conference f where f.id = (
                            select min(g.id) from conference g where g.case_id = s.case_id and g.kind = 'ICPC'
                            and g.held_on >= s.started_on and g.held_on <= :to)) as icpc_decision,
                       (select count(*) from s47_enquiry o join child_case oc on oc.case_id = o.case_id
                        where oc.child_id = c.child_id and o.id <> s.id and o.started_on <= s.started_on
                          and o.started_on >= s.started_on - interval '12' month
                          and (o.started_on < s.started_on or o.id < s.id)) as previous_enquiries,
                       (select count(*) from conference f join child_case fc on fc.case_id = f.case_id
                        where fc.child_id = c.child_id and f.kind = 'ICPC' and f.held_on < s.started_on
                          and f.held_on >= s.started_on - interval '12' month) as previous_icpcs
                from s47_enquiry s join child_case c on c.case_id = s.case_id join child ch on ch.child_id = c.child_id
                where s.started_on <= :to and (s.completed_on is null or s.completed_on >= :from)""", from, to, rs -> {
            LocalDate started = date(rs, "started_on");
            LocalDate completed = date(rs, "completed_on");
            String unnecessary = completed == null || completed.isAfter(to) ? null
                    : AnnexAValues.yesNo(!"CONVENE_ICPC".equals(rs.getString("outcome")));
            LocalDate icpc = date(rs, "icpc_on");
            String plan = icpc == null ? null : AnnexAValues.yesNo("CP_PLAN".equals(rs.getString("icpc_decision")));
            return new Row(child(rs), cells(started, unnecessary, icpc, plan, rs.getInt("previous_enquiries"),
                    rs.getInt("previous_icpcs")), rs.getString("worker"), started);
        });
    }

    /**
     * List 6: every child in need at any time in the period: a child episode that began with a
     * referral and was open in the period, except a referral that led to no further action (the
     * template's "not children who are only the subject of a referral"). One row per child, their
     * latest episode. The case status is as it stood on the last day of the period.
     */
    private List<Row> childrenInNeed(LocalDate from, LocalDate to) {
        List<Row> rows = ReportingPeriod.bind(db.sql("""
                select %s, c.referral_date, c.closed_on, c.closure_reason, c.status,
                       (select a.primary_need from assessment a where a.id = (
                            select max(b.id) from assessment b where b.case_id = c.case_id and b.primary_need is not null
                            and b.authorised_on <= :to)) as primary_need,
                       (select max(v.seen_on) from visit v join cp_plan p on p.id = v.cp_plan_id
                        where p.case_id = c.case_id and v.seen_on <= :to) as visit_seen,
                       (select max(a.child_seen_on) from assessment a where a.case_id = c.case_id and a.child_seen_on <= :to)
                            as assessment_seen,
                       (select max(e.child_seen_on) from s47_enquiry e where e.case_id = c.case_id and e.child_seen_on <= :to)
                            as enquiry_seen,
                       case when exists (select 1 from cp_plan p where p.case_id = c.case_id and p.started_on <= :to
                                         and (p.ended_on is null or p.ended_on > :to)) then 1 else 0 end as on_cp_plan,
                       case when exists (select 1 from cin_plan n where n.case_id = c.case_id and n.started_on <= :to
                                         and (n.ended_on is null or n.ended_on > :to)) then 1 else 0 end as on_cin_plan
                from child_case c join child ch on ch.child_id = c.child_id
                where c.referral_date is not null and c.referral_date <= :to and (c.closed_on is null or c.closed_on >= :from)
                  and not %s
                order by c.child_id, c.referral_date desc, c.case_number desc""".formatted(CHILD_COLUMNS, REFERRAL_NFA)),
                time, from, to).query((rs, n) -> {
            LocalDate closed = date(rs, "closed_on");
            if (closed != null && closed.isAfter(to)) {
                closed = null;
            }
            AnnexAValues.CaseStatus status;
            if (closed != null) {
                status = "LOOKED_AFTER".equals(rs.getString("status")) ? AnnexAValues.CaseStatus.LOOKED_AFTER
                        : AnnexAValues.CaseStatus.CLOSED;
            } else if (rs.getInt("on_cp_plan") == 1) {
                status = AnnexAValues.CaseStatus.CP_PLAN;
            } else if (rs.getInt("on_cin_plan") == 1) {
                status = AnnexAValues.CaseStatus.CIN_PLAN;
            } else {
                status = AnnexAValues.CaseStatus.OPEN_ASSESSMENT;
            }
            LocalDate lastSeen = Stream.of(date(rs, "visit_seen"), date(rs, "assessment_seen"), date(rs, "enquiry_seen"))
                    .filter(Objects::nonNull).max(Comparator.naturalOrder()).orElse(null);
            LocalDate start = date(rs, "referral_date");
            return new Row(child(rs), cells(start, AnnexAValues.primaryNeed(rs.getString("primary_need")), lastSeen, closed,
                    closed == null ? null : AnnexAValues.closureReason(rs.getString("closure_reason")), status.value),
                    rs.getString("worker"), start);
        }).list();
        return latestPerChild(rows);
    }

    /**
     * List 7: every child on a child protection plan at any time in the period (on one at its end,
     * or whose plan ended in it); one row per child, their latest plan. The last statutory visit is
     * the latest visit recorded on the plan by the end of the period, and whether the child was
     * seen alone is that visit's answer. Emergency protection: the child entered care under police
     * protection or an emergency protection order (the panel's emergency route, or legal status L1
     * or L2) in the six months.
     */
    private List<Row> childProtection(LocalDate from, LocalDate to) {
        List<Row> rows = ReportingPeriod.bind(db.sql("""
                select %s, p.started_on, p.initial_category, p.latest_category, p.ended_on, p.previous_plans,
                       (select max(v.seen_on) from visit v where v.cp_plan_id = p.id and v.seen_on <= :to) as last_visit,
                       (select v.seen_alone from visit v where v.id = (
                            select max(w.id) from visit w where w.cp_plan_id = p.id and w.seen_on = (
                                select max(x.seen_on) from visit x where x.cp_plan_id = p.id and x.seen_on <= :to)))
                            as seen_alone,
                       (select max(f.held_on) from conference f where f.cp_plan_id = p.id and f.kind = 'RCPC'
                        and f.held_on <= :to) as latest_review,
                       case when exists (select 1 from panel_request r join child_case rc on rc.case_id = r.case_id
                                         where rc.child_id = c.child_id
                                           and ((r.route = 'EMERGENCY' and r.emergency_entered_on between :from and :to)
                                             or (r.legal_status in ('L1', 'L2') and r.entered_care_on between :from and :to)))
                            then 1 else 0 end as emergency
                from cp_plan p join child_case c on c.case_id = p.case_id join child ch on ch.child_id = c.child_id
                where p.started_on <= :to and (p.ended_on is null or p.ended_on >= :from)
                order by c.child_id, p.started_on desc, p.id desc""".formatted(CHILD_COLUMNS)), time, from, to)
                .query((rs, n) -> {
                    LocalDate ended = date(rs, "ended_on");
                    if (ended != null && ended.isAfter(to)) {
                        ended = null;
                    }
                    LocalDate lastVisit = date(rs, "last_visit");
                    LocalDate start = date(rs, "started_on");
                    return new Row(child(rs), cells(start, AnnexAValues.category(rs.getString("initial_category")),
                            AnnexAValues.category(rs.getString("latest_category")), lastVisit,
                            lastVisit == null ? null : seenAlone(bool(rs, "seen_alone")),
                            date(rs, "latest_review"), ended, AnnexAValues.yesNo(rs.getInt("emergency") == 1),
                            rs.getInt("previous_plans")), rs.getString("worker"), start);
                }).list();
        return latestPerChild(rows);
    }
}
