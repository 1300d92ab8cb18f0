package app.casepath.caserecord;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The current warnings that show on a case (casework.md): on the case page and beside its tasks.
 * Warnings are raised and ended by people.Warnings; the case record only reads the table, so the
 * shared kernel depends on no feature package.
 */
@Repository
public class CaseWarnings {

    /** A current warning as a case shows it: whose it is, what kind, what to know. */
    public record Warning(String warningId, String personId, String personName, String type, String details,
                          LocalDate startsOn, LocalDate reviewOn) {
    }

    private final JdbcClient db;

    CaseWarnings(JdbcClient db) {
        this.db = db;
    }

    /**
     * The current warnings of each case, in one query for all the cases given (a page of the
     * inbox is one query, not one a row). {@code subject} is "the people whose warnings show on
     * this case" (casework.md: the person's and their family's cases): the children of the
     * child's family (the child among them) and everyone currently related to any of them (a
     * relationship begun and not ended), so a warning on the mother shows on each of her
     * children's cases.
     */
    public Map<String, List<Warning>> forCases(Collection<String> caseIds, LocalDate today) {
        Map<String, List<Warning>> byCase = new LinkedHashMap<>();
        if (caseIds.isEmpty()) {
            return byCase;
        }
        db.sql("""
                with family_child as (
                    select c.case_id, f.child_id from child_case c
                    join child ch on ch.child_id = c.child_id
                    join child f on f.family_id = ch.family_id
                    where c.case_id in (:caseIds)),
                subject as (
                    select case_id, child_id as person_id from family_child
                    union
                    select fc.case_id, r.other_person_id from family_child fc
                    join relationship r on r.person_id = fc.child_id
                    where (r.from_date is null or r.from_date <= :today) and (r.to_date is null or r.to_date > :today)
                    union
                    select fc.case_id, r.person_id from family_child fc
                    join relationship r on r.other_person_id = fc.child_id
                    where (r.from_date is null or r.from_date <= :today) and (r.to_date is null or r.to_date > :today))
                select s.case_id, w.warning_id, w.person_id, p.first_name || ' ' || p.last_name as person_name, w.type,
                       w.details, w.starts_on, w.review_on
                from subject s join warning w on w.person_id = s.person_id join person p on p.person_id = w.person_id
                where w.ended_at is null and w.starts_on <= :today
                order by s.case_id, w.starts_on, w.warning_id""")
                .param("caseIds", List.copyOf(caseIds)).param("today", today)
                .query((rs, n) -> Map.entry(rs.getString("case_id"), new Warning(rs.getString("warning_id"),
                        rs.getString("person_id"), rs.getString("person_name"), rs.getString("type"), rs.getString("details"),
                        rs.getObject("starts_on", LocalDate.class), rs.getObject("review_on", LocalDate.class))))
                .list()
                .forEach(e -> byCase.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue()));
        return byCase;
    }

    /** The current warnings' types of each case (distinct, in order), as the inbox shows them beside a task. */
    public Map<String, List<String>> typesForCases(Collection<String> caseIds, LocalDate today) {
        Map<String, List<String>> types = new LinkedHashMap<>();
        forCases(caseIds, today).forEach((caseId, warnings) ->
                types.put(caseId, warnings.stream().map(Warning::type).distinct().toList()));
        return types;
    }
}
