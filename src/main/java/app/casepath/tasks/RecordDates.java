package app.casepath.tasks;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Date;

import org.springframework.stereotype.Component;

import app.casepath.calendar.TimeSource;
import app.casepath.calendar.WorkingDayCalendar;

/**
 * The timer moments of a task dated by a record of its own rather than by the case's journey (a
 * warning's review by its review date, a manager's action by its due date): it opens on the
 * morning of its day, is due at the end of its due day, reminds the working day before and
 * escalates once the due day has ended, as the journey's tasks do (Deadlines).
 */
@Component
public class RecordDates {

    private static final LocalTime OPENS_AT = LocalTime.of(6, 0);
    private static final LocalTime REMINDS_AT = LocalTime.of(7, 0);

    private final WorkingDayCalendar calendar;
    private final TimeSource time;

    public RecordDates(WorkingDayCalendar calendar, TimeSource time) {
        this.calendar = calendar;
        this.time = time;
    }

    public Date opensAt(LocalDate day) {
        return time.at(day, OPENS_AT);
    }

    public Date dueOn(LocalDate dueDay) {
        return time.endOf(dueDay);
    }

    public Date remindAt(LocalDate dueDay) {
        return time.at(calendar.subtractWorkingDays(dueDay, 1), REMINDS_AT);
    }

    public Date escalateAt(LocalDate dueDay) {
        return time.at(dueDay.plusDays(1), LocalTime.MIDNIGHT);
    }

    public LocalDate workingDaysAfter(LocalDate day, int workingDays) {
        return calendar.addWorkingDays(day, workingDays);
    }
}
