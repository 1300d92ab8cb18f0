package app.casepath.calendar;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Date;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

/**
 * The one clock of the product. It reads the engine's clock so that "today" in the case record
 * and the moment a timer fires can never disagree; tests move both by moving the engine's clock.
 */
@Component
public class TimeSource {

    private final ZoneId zone;

    public TimeSource(CalendarProperties properties) {
        this.zone = properties.zone();
    }

    public Instant now() {
        return ClockUtil.now().toInstant();
    }

    public LocalDate today() {
        return LocalDate.ofInstant(now(), zone);
    }

    public ZoneId zone() {
        return zone;
    }

    public LocalDate dateOf(Instant instant) {
        return LocalDate.ofInstant(instant, zone);
    }

    public Date at(LocalDate date, LocalTime time) {
        return Date.from(ZonedDateTime.of(date, time, zone).toInstant());
    }

    /**
     * The first moment of a day in the council's zone: a period of dates runs from the start of
     * its first day to the start of the day after its last.
     */
    public Instant startOf(LocalDate date) {
        return date.atStartOfDay(zone).toInstant();
    }

    /** The last moment of a day in the council's zone: a task due that day is met until then. */
    public Date endOf(LocalDate date) {
        return Date.from(date.plusDays(1).atStartOfDay(zone).toInstant().minusSeconds(1));
    }
}
