package app.casepath.exports;

import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import app.casepath.calendar.TimeSource;
import app.casepath.caserecord.ReportingPeriod;

/**
 * Ofsted's Annex A lists for an inspection, over the six months up to a date. Every row starts
 * with the child: id, gender, ethnicity, date of birth (or expected), age, allocated team, worker.
 */
@Service
public class AnnexA {

    public record Table(List<String> header, List<List<String>> rows) {
    }

    static final List<String> CHILD = List.of("Child ID", "Gender", "Ethnicity", "Date of birth", "Age", "Allocated team",
            "Allocated worker");

    private static final String CHILD_COLUMNS = """
            ch.child_id, ch.gender, ch.ethnicity, ch.date_of_birth, ch.expected_date_of_birth, c.stage, c.allocated_worker""";
    private static final String FROM_CASE = " from child_case c join child ch on ch.child_id = c.child_id";

    private final JdbcClient db;
    private final TimeSource time;

    public AnnexA(JdbcClient db, TimeSource time) {
        this.db = db;
        this.time = time;
    }

    public static LocalDate start(LocalDate to) {
        return to.minusMonths(6).plusDays(1);
    }

    public Table list(int list, LocalDate to) {
        LocalDate from = start(to);
        return switch (list) {
            case 1 -> table(to, List.of("Contact date", "Contact source"), """
                    select %s, cast(k.received_at as date) as d1, k.source as d2
                    from contact k join child_case c on c.case_id = k.case_id join child ch on ch.child_id = c.child_id
                    where k.received_at >= :fromStart and k.received_at < :toEnd order by k.received_at""", from);
            case 3 -> table(to, List.of("Referral date", "Referral source", "Referral NFA?", "Referrals in previous 12 months"), """
                    select %s, k.decided_on as d1, k.source as d2,
                           case when exists (select 1 from assessment a where a.case_id = c.case_id and a.decision = 'NFA')
                                then 'Yes' else 'No' end as d3,
                           (select count(*) from contact p join child_case pc on pc.case_id = p.case_id
                            where pc.child_id = c.child_id and p.became_referral = true and p.id <> k.id
                              and p.decided_on < k.decided_on and p.decided_on >= k.decided_on - interval '12' month) as d4
                    from contact k join child_case c on c.case_id = k.case_id join child ch on ch.child_id = c.child_id
                    where k.became_referral = true and k.decided_on between :from and :to order by k.decided_on""", from);
            case 4 -> table(to, List.of("Assessment start date", "Child seen?", "Assessment authorised", "Assessment outcome"), """
                    select %s, a.started_on as d1, case when a.child_seen_on is not null then 'Yes' else 'No' end as d2,
                           a.authorised_on as d3, a.decision as d4
                    from assessment a join child_case c on c.case_id = a.case_id join child ch on ch.child_id = c.child_id
                    where a.started_on <= :to and (a.authorised_on is null or a.authorised_on >= :from) order by a.started_on""", from);
            case 5 -> table(to, List.of("Strategy discussion date", "ICPC target date", "ICPC date", "Led to a CP plan?",
                    "Section 47s in previous 12 months"), """
                    select %s, s.started_on as d1, s.icpc_target as d2,
                           (select min(f.held_on) from conference f where f.case_id = c.case_id and f.kind = 'ICPC'
                            and f.held_on >= s.started_on) as d3,
                           case when exists (select 1 from cp_plan p where p.case_id = c.case_id and p.started_on >= s.started_on)
                                then 'Yes' else 'No' end as d4,
                           (select count(*) from s47_enquiry o join child_case oc on oc.case_id = o.case_id
                            where oc.child_id = c.child_id and o.id <> s.id and o.started_on < s.started_on
                              and o.started_on >= s.started_on - interval '12' month) as d5
                    from s47_enquiry s join child_case c on c.case_id = s.case_id join child ch on ch.child_id = c.child_id
                    where s.started_on between :from and :to order by s.started_on""", from);
            case 6 -> table(to, List.of("CIN episode start", "Primary need", "Date child last seen", "Closure date",
                    "Closure reason", "Case status"), """
                    select %s, c.referral_date as d1,
                           coalesce((select a.primary_need from assessment a where a.case_id = c.case_id
                                     and a.primary_need is not null order by a.id desc limit 1), 'N0') as d2,
                           (select max(x.seen) from (select v.seen_on as seen from visit v join cp_plan p on p.id = v.cp_plan_id
                                                     where p.case_id = c.case_id
                                                     union all select a.child_seen_on from assessment a where a.case_id = c.case_id
                                                     union all select e.child_seen_on from s47_enquiry e where e.case_id = c.case_id) x) as d3,
                           c.closed_on as d4, c.closure_reason as d5, c.status as d6
                    """ + FROM_CASE + """
                     where c.referral_date is not null and c.referral_date <= :to and (c.closed_on is null or c.closed_on >= :from)
                    order by c.referral_date""", from);
            case 7 -> table(to, List.of("Plan start date", "Initial category", "Latest category", "Last visit",
                    "Seen alone at last visit?", "Latest review", "Plan end date", "Previous plans"), """
                    select %s, p.started_on as d1, p.initial_category as d2, p.latest_category as d3,
                           (select max(v.seen_on) from visit v where v.cp_plan_id = p.id) as d4,
                           (select case when v.seen_alone then 'Yes' else 'No' end from visit v where v.cp_plan_id = p.id
                            order by v.seen_on desc, v.id desc limit 1) as d5,
                           (select max(f.held_on) from conference f where f.cp_plan_id = p.id and f.kind = 'RCPC') as d6,
                           p.ended_on as d7, p.previous_plans as d8
                    from cp_plan p join child_case c on c.case_id = p.case_id join child ch on ch.child_id = c.child_id
                    where p.started_on <= :to and (p.ended_on is null or p.ended_on >= :from) order by p.started_on""", from);
            default -> throw new IllegalArgumentException("Annex A list " + list);
        };
    }

    private Table table(LocalDate to, List<String> columns, String sql, LocalDate from) {
        List<String> header = new ArrayList<>(CHILD);
        header.addAll(columns);
        List<List<String>> rows = ReportingPeriod.bind(db.sql(String.format(sql, CHILD_COLUMNS)), time, from, to)
                .query((rs, n) -> {
                    List<String> row = new ArrayList<>();
                    LocalDate born = rs.getObject("date_of_birth", LocalDate.class);
                    LocalDate expected = rs.getObject("expected_date_of_birth", LocalDate.class);
                    row.add(rs.getString("child_id"));
                    row.add(text(rs.getString("gender")));
                    row.add(text(rs.getString("ethnicity")));
                    row.add(born != null ? born.toString() : expected != null ? expected + " (expected)" : "");
                    row.add(born == null ? "Unborn" : String.valueOf(Period.between(born, to).getYears()));
                    row.add(TEAMS.getOrDefault(rs.getString("stage"), "Social work"));
                    row.add(text(rs.getString("allocated_worker")));
                    for (int i = 1; i <= columns.size(); i++) {
                        row.add(text(rs.getObject("d" + i)));
                    }
                    return row;
                }).list();
        return new Table(header, rows);
    }

    private static final Map<String, String> TEAMS = Map.of("FRONT_DOOR", "Family Front Door", "EARLY_HELP", "Early Help");

    private static String text(Object value) {
        return value == null ? "" : value.toString();
    }
}
