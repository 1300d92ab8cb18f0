package app.casepath.calendar;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param zone           the council's time zone: dates of the record are dates there
 * @param holidayFiles   extra files in gov.uk's bank-holidays JSON format (e.g. next year's list
 *                       once published), read at start-up, so no rebuild is needed
 * @param extraHolidays  a council's own closure days or a proclaimed holiday
 */
@ConfigurationProperties("casepath.calendar")
public record CalendarProperties(
        @DefaultValue("Europe/London") ZoneId zone,
        @DefaultValue List<String> holidayFiles,
        @DefaultValue List<LocalDate> extraHolidays) {
}
