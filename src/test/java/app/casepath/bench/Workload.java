package app.casepath.bench;

import static app.casepath.Forms.allocate;
import static app.casepath.Forms.assessment;
import static app.casepath.Forms.authorise;
import static app.casepath.Forms.closure;
import static app.casepath.Forms.earlyHelpAssessment;
import static app.casepath.Forms.initialConference;
import static app.casepath.Forms.reviewConference;
import static app.casepath.Forms.screen;
import static app.casepath.Forms.section47;
import static app.casepath.Forms.strategy;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.databind.ObjectMapper;

import app.casepath.JourneyDriver;
import app.casepath.calendar.WorkingDayCalendar;
import app.casepath.security.Caller;
import app.casepath.tasks.TaskCompletionService;
import app.casepath.tasks.TaskInbox;

/**
 * Realistic history for the benchmarks, made by driving children's journeys through the product's
 * services and the real engine with the process clock moving day by day: a month of a large
 * council is about 8,300 contacts, of which a fifth become referrals (assessment or strategy
 * discussion) and some 400 reach a conference. Decisions follow a fixed-seed mix; a share of
 * tasks is done late, so the timeliness figures are not all 100%.
 * <p>
 * Years of history would take hours to drive on two cores, so {@link #replicate} copies the
 * months driven back in time, month by month, across every table of the case record (new ids,
 * dates shifted): the same shapes and proportions, at the size the benchmark needs.
 */
@Component
class Workload {

    /** Sizes named in issue 6. */
    enum Size {
        /** A month of a large council, all driven for real. */
        DEMO(1),
        /** 100,000 contacts, 20,000 referrals, about 5,000 conferences. */
        LARGE_COUNCIL_YEAR(12),
        /** Ten years of the same. */
        TEN_YEARS(120);

        final int months;

        Size(int months) {
            this.months = months;
        }
    }

    static final int CONTACTS_PER_MONTH = 100_000 / 12;

    private final JourneyDriver journey;
    private final TaskCompletionService completion;
    private final TaskInbox inbox;
    private final WorkingDayCalendar calendar;
    private final JdbcClient db;
    private final ObjectMapper json;
    private final Map<String, Caller> callers = new ConcurrentHashMap<>();

    Workload(JourneyDriver journey, TaskCompletionService completion, TaskInbox inbox, WorkingDayCalendar calendar,
             JdbcClient db, ObjectMapper json) {
        this.journey = journey;
        this.completion = completion;
        this.inbox = inbox;
        this.calendar = calendar;
        this.db = db;
        this.json = json;
    }

    /** Drives {@code contactsPerMonth} journeys a month for {@code months} months from {@code first}; returns contacts made. */
    int drive(YearMonth first, int months, int contactsPerMonth) {
        Random random = new Random(20261126L);
        int made = 0;
        for (YearMonth month = first; month.isBefore(first.plusMonths(months)); month = month.plusMonths(1)) {
            List<LocalDate> days = new ArrayList<>();
            for (LocalDate day = month.atDay(1); !day.isAfter(month.atEndOfMonth()); day = day.plusDays(1)) {
                if (calendar.isWorkingDay(day)) {
                    days.add(day);
                }
            }
            for (int i = 0; i < contactsPerMonth; i++) {
                journey(days.get(i % days.size()), random, made++);
            }
        }
        return made;
    }

    /** One child's journey from the contact on {@code day}, as far as the mix takes it. */
    private void journey(LocalDate day, Random random, int n) {
        journey.today(day, LocalTime.of(9, 0).plusMinutes(n % 480));
        String caseId = journey.contact("Child" + n, "Workload" + (n % 4999), "2014-01-01").caseId();
        int roll = random.nextInt(100);
        LocalDate today = day;
        if (roll < 55) {
            work(caseId, "screenContact", screen("NFA"), "fd.practitioner");
            return;
        }
        if (roll < 65) {
            work(caseId, "screenContact", screen("ADVICE"), "fd.practitioner");
            return;
        }
        today = late(today, random, 0, 2);
        if (roll < 80) {
            work(caseId, "screenContact", screen("EARLY_HELP"), "fd.practitioner");
            today = late(today, random, 10, 50);
            work(caseId, "completeEarlyHelpAssessment", earlyHelpAssessment("CLOSE"), "eh.practitioner");
            close(caseId);
            return;
        }
        if (roll < 96) {
            work(caseId, "screenContact", screen("ASSESSMENT"), "fd.practitioner");
            today = late(today, random, 0, 3);
            work(caseId, "allocateCase", allocate("social.worker"), "team.manager");
            today = late(today, random, 15, 55);
            String recommendation = random.nextInt(100) < 65 ? "NFA" : random.nextBoolean() ? "CIN_PLAN" : "EARLY_HELP";
            work(caseId, "completeAssessment", assessment(recommendation), "social.worker");
            today = late(today, random, 0, 2);
            work(caseId, "authoriseAssessment", authorise(recommendation), "team.manager");
            if (!recommendation.equals("CIN_PLAN")) {
                close(caseId);
            }
            return;
        }
        work(caseId, "screenContact", screen("STRATEGY_DISCUSSION"), "fd.practitioner");
        today = late(today, random, 0, 2);
        work(caseId, "holdStrategyDiscussion", strategy("S47"), "social.worker");
        today = late(today, random, 5, 12);
        if (random.nextInt(100) < 30) {
            work(caseId, "completeSection47Enquiry", section47("NOT_SUBSTANTIATED", "NFA"), "social.worker");
            close(caseId);
            return;
        }
        work(caseId, "completeSection47Enquiry", section47("CONVENE_ICPC", null), "social.worker");
        late(today, random, 2, 8);
        work(caseId, "holdInitialConference", initialConference(random.nextInt(100) < 85 ? "CP_PLAN" : "CIN_PLAN"), "cp.chair");
        if (journey.record(caseId).stage().name().equals("CP_PLAN")) {
            journey.fire(caseId, "reviewComesDue");
            work(caseId, "holdReviewConference", reviewConference("CONTINUE"), "cp.chair");
        }
    }

    /** Moves the clock on by a random number of working days in [min, max]. */
    private LocalDate late(LocalDate from, Random random, int min, int max) {
        LocalDate to = calendar.addWorkingDays(from, min + random.nextInt(max - min + 1));
        journey.today(to, LocalTime.of(10, 0));
        return to;
    }

    private void work(String caseId, String taskKey, Map<String, Object> form, String user) {
        String taskId = inbox.forCase(caseId, journey.today()).stream()
                .filter(t -> t.taskKey().equals(taskKey)).findFirst()
                .orElseThrow(() -> new IllegalStateException("no open " + taskKey + " for " + caseId)).taskId();
        completion.complete(callers.computeIfAbsent(user, journey::as), taskId, json.valueToTree(form));
    }

    private void close(String caseId) {
        String suggested = db.sql("select suggested_reason from closure where case_id = ? order by id desc limit 1")
                .param(caseId).query(String.class).single();
        work(caseId, "authoriseClosure", closure(suggested), "team.manager");
    }

    /**
     * The case record's tables, parents first: a child is a person (V14), keyed by the same id.
     * Audit, outbox and the open-task projection stay as they are; the people around the
     * children, and the name keys that find people, are not copied.
     */
    private static final List<String> CASE_RECORD = List.of("person", "child", "child_case", "contact", "chronology", "milestone",
            "task_alert", "form_submission", "sos_map", "early_help", "family_plan_review", "assessment",
            "strategy_discussion", "s47_enquiry", "cp_plan", "conference", "core_group", "visit", "long_plan_review",
            "cin_plan", "cin_review", "panel_request", "closure");

    private static final long ID_OFFSET = 100_000_000L;

    /** Copies the driven month back in time until the history is {@code size} long (the months already there stay). */
    void replicateTo(Size size) {
        int copiesSoFar = (int) (db.sql("select count(distinct date_trunc('month', received_at)) from contact")
                .query(Long.class).single() - 1);
        replicate(copiesSoFar + 1, size.months - 1, 1);
    }

    /**
     * Copies every row driven for real once for each k in [firstCopy, lastCopy], copy k moved
     * k * {@code monthsApart} months back: ids made new (case and child ids derived, numeric ids
     * offset), dates shifted.
     */
    void replicate(int firstCopy, int lastCopy, int monthsApart) {
        if (lastCopy < firstCopy) {
            return;
        }
        for (String table : CASE_RECORD) {
            List<Map<String, Object>> columns = db.sql("""
                    select column_name, data_type from information_schema.columns
                    where table_schema = current_schema() and table_name = ? order by ordinal_position""")
                    .param(table).query().listOfRows();
            String names = columns.stream().map(c -> (String) c.get("column_name")).collect(Collectors.joining(", "));
            String values = columns.stream().map(c -> closedInTime(table, (String) c.get("column_name"),
                            copied((String) c.get("column_name"), (String) c.get("data_type"), monthsApart), monthsApart))
                    .collect(Collectors.joining(", "));
            db.sql("insert into " + table + " (" + names + ") select " + values + " from " + table
                    + " cross join generate_series(" + firstCopy + ", " + lastCopy + ") k where " + original(table)).update();
        }
        // As autovacuum would have by now: statistics, and the visibility map that index-only scans need.
        db.sql("vacuum analyze").update();
    }

    /** Only the rows driven for real are copied (copies have ids past the offset). */
    private static String original(String table) {
        return switch (table) {
            case "person" -> "person_id not like 'copy%' and person_id in (select child_id from child)";
            case "child" -> "child_id not like 'copy%'";
            case "child_case" -> "case_number < " + ID_OFFSET;
            default -> "id < " + ID_OFFSET;
        };
    }

    /**
     * A copy is history: what the month driven left open (a plan, a case, a milestone) had ended
     * nine months later in the copy, as most do; without this, every copy's open work would pile
     * up as open for years.
     */
    private static String closedInTime(String table, String column, String value, int monthsApart) {
        String nineMonthsOn = "cast(%s - make_interval(months => k * " + monthsApart + ") + interval '9 months' as date)";
        return switch (table + "." + column) {
            case "child_case.closed_on" -> "coalesce(" + value + ", " + nineMonthsOn.formatted("opened_at") + ")";
            case "child_case.status" -> "'CLOSED'";
            case "child_case.closure_reason" -> "coalesce(closure_reason, 'RC8')";
            case "cp_plan.ended_on", "cin_plan.ended_on", "early_help.ended_on" ->
                    "coalesce(" + value + ", " + nineMonthsOn.formatted("started_on") + ")";
            case "cp_plan.end_reason" -> "coalesce(end_reason, 'END_CLOSE')";
            case "milestone.cancelled" -> "cancelled or completed_on is null";
            default -> value;
        };
    }

    private static String copied(String column, String type, int monthsApart) {
        String shift = "make_interval(months => k * " + monthsApart + ")";
        return switch (type) {
            case "date" -> "cast(" + column + " - " + shift + " as date)";
            case "timestamp with time zone", "timestamp without time zone" -> column + " - " + shift;
            case "bigint" -> column.equals("id") || column.equals("case_number") || column.endsWith("_id")
                    ? column + " + cast(k as bigint) * " + ID_OFFSET : column;
            default -> switch (column) {
                // 36 characters, as the originals: 'copy' + copy number + a digest of the original.
                case "case_id", "child_id", "person_id" -> "left('copy' || k || '-' || md5(" + column + "), 36)";
                case "task_id" -> column + " || ':' || k";
                // Numbers are drawn, as for a real child (fewer than ten million here).
                case "child_number" -> "'C' || lpad(cast(nextval('child_number_seq') as varchar), 7, '0')";
                default -> column;
            };
        };
    }
}
