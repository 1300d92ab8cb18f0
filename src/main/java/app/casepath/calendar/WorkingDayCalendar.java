package app.casepath.calendar;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Collection;
import java.util.NavigableSet;
import java.util.TreeSet;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Working days in England and Wales: Monday to Friday less bank holidays. The holidays ship as
 * data in gov.uk's format and can be extended by configuration. Beyond the last year we know
 * of, weekdays alone count and the log says so once.
 */
@Component
public class WorkingDayCalendar {

    public static final String DIVISION = "england-and-wales";
    private static final String SHIPPED = "/calendar/bank-holidays-england-and-wales.json";
    private static final Logger log = LoggerFactory.getLogger(WorkingDayCalendar.class);

    private final NavigableSet<LocalDate> holidays = new TreeSet<>();
    private final int firstKnownYear;
    private final int lastKnownYear;
    private volatile boolean warnedOutOfRange;

    @Autowired
    public WorkingDayCalendar(CalendarProperties properties, ObjectMapper json) {
        try (InputStream shipped = WorkingDayCalendar.class.getResourceAsStream(SHIPPED)) {
            holidays.addAll(GovUkHolidays.read(json.readTree(shipped)));
            for (String file : properties.holidayFiles()) {
                holidays.addAll(GovUkHolidays.read(json.readTree(Files.readString(Path.of(file)))));
            }
        } catch (IOException e) {
            throw new IllegalStateException("Bank holidays could not be read: " + e.getMessage(), e);
        }
        holidays.addAll(properties.extraHolidays());
        firstKnownYear = holidays.first().getYear();
        lastKnownYear = holidays.last().getYear();
    }

    WorkingDayCalendar(Collection<LocalDate> holidays) {
        this.holidays.addAll(holidays);
        firstKnownYear = this.holidays.first().getYear();
        lastKnownYear = this.holidays.last().getYear();
    }

    public boolean isWorkingDay(LocalDate date) {
        DayOfWeek day = date.getDayOfWeek();
        if (day == DayOfWeek.SATURDAY || day == DayOfWeek.SUNDAY) {
            return false;
        }
        warnIfOutOfRange(date);
        return !holidays.contains(date);
    }

    /** "N WD after D": D is day 0, D may itself be a weekend or holiday; the result is inclusive. */
    public LocalDate addWorkingDays(LocalDate from, int workingDays) {
        if (workingDays < 0) {
            return subtractWorkingDays(from, -workingDays);
        }
        LocalDate date = from;
        for (int counted = 0; counted < workingDays; ) {
            date = date.plusDays(1);
            if (isWorkingDay(date)) {
                counted++;
            }
        }
        return date;
    }

    /** How many working days after D is E: the count addWorkingDays(D, n) = E would need (0 when E is not after D). */
    public int workingDaysBetween(LocalDate from, LocalDate to) {
        int counted = 0;
        for (LocalDate date = from.plusDays(1); !date.isAfter(to); date = date.plusDays(1)) {
            if (isWorkingDay(date)) {
                counted++;
            }
        }
        return counted;
    }

    /** N working days before D (for reminders and "ICPC target − 2 WD"). */
    public LocalDate subtractWorkingDays(LocalDate from, int workingDays) {
        LocalDate date = from;
        for (int counted = 0; counted < workingDays; ) {
            date = date.minusDays(1);
            if (isWorkingDay(date)) {
                counted++;
            }
        }
        return date;
    }

    /** D plus N calendar months; a day missing from the target month falls back to its last day. */
    public LocalDate addMonths(LocalDate from, int months) {
        return from.plusMonths(months);
    }

    private void warnIfOutOfRange(LocalDate date) {
        if (!warnedOutOfRange && (date.getYear() < firstKnownYear || date.getYear() > lastKnownYear)) {
            warnedOutOfRange = true;
            log.warn("No bank holidays are known for {}: counting weekdays only. Add the year's list "
                    + "with casepath.calendar.holiday-files.", date.getYear());
        }
    }

    /** Reads gov.uk's bank-holidays JSON: either the whole file or one division of it. */
    static final class GovUkHolidays {
        static Collection<LocalDate> read(JsonNode root) {
            JsonNode division = root.has(DIVISION) ? root.get(DIVISION) : root;
            JsonNode events = division.get("events");
            if (events == null || !events.isArray()) {
                throw new IllegalArgumentException("not gov.uk bank-holidays JSON: no " + DIVISION + " events");
            }
            TreeSet<LocalDate> dates = new TreeSet<>();
            events.forEach(event -> dates.add(LocalDate.parse(event.get("date").asText())));
            return dates;
        }
    }
}
