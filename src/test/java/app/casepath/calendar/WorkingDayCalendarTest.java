package app.casepath.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.fasterxml.jackson.databind.ObjectMapper;

class WorkingDayCalendarTest {

    private final WorkingDayCalendar calendar = shipped(List.of(), List.of());

    private static WorkingDayCalendar shipped(List<String> files, List<LocalDate> extra) {
        return new WorkingDayCalendar(new CalendarProperties(ZoneId.of("Europe/London"), files, extra), new ObjectMapper());
    }

    @ParameterizedTest(name = "{1} WD after {0} is {2}")
    @CsvSource({
            // the worked examples of timescales.md
            "2026-12-17, 15, 2027-01-12",
            "2026-03-02, 45, 2026-05-07",
            "2026-05-22, 1, 2026-05-26",
            // day 0 may itself be a weekend or a holiday
            "2026-05-23, 1, 2026-05-26",
            "2026-12-25, 1, 2026-12-29",
            "2026-04-03, 2, 2026-04-08",
            // zero working days is the day itself
            "2026-03-07, 0, 2026-03-07",
    })
    void countsWorkingDaysForward(LocalDate from, int workingDays, LocalDate expected) {
        assertThat(calendar.addWorkingDays(from, workingDays)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{1} WD before {0} is {2}")
    @CsvSource({
            "2027-01-12, 2, 2027-01-08",
            "2026-05-26, 1, 2026-05-22",
            "2027-04-12, 20, 2027-03-11",
            "2026-12-29, 2, 2026-12-23",
    })
    void countsWorkingDaysBackForRemindersAndTargets(LocalDate from, int workingDays, LocalDate expected) {
        assertThat(calendar.subtractWorkingDays(from, workingDays)).isEqualTo(expected);
        assertThat(calendar.addWorkingDays(from, -workingDays)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{1} months after {0} is {2}")
    @CsvSource({
            "2026-11-30, 3, 2027-02-28",
            "2027-11-30, 3, 2028-02-29",
            "2028-02-29, 12, 2029-02-28",
            "2026-08-31, 6, 2027-02-28",
            "2027-01-12, 3, 2027-04-12",
            "2026-01-31, 1, 2026-02-28",
    })
    void monthsFallBackToTheLastDayOfAShortMonth(LocalDate from, int months, LocalDate expected) {
        assertThat(calendar.addMonths(from, months)).isEqualTo(expected);
    }

    @Test
    void weekendsAndBankHolidaysAreNotWorkingDays() {
        assertThat(calendar.isWorkingDay(LocalDate.parse("2026-12-25"))).isFalse();
        assertThat(calendar.isWorkingDay(LocalDate.parse("2026-12-28"))).as("Boxing Day substitute").isFalse();
        assertThat(calendar.isWorkingDay(LocalDate.parse("2026-12-26"))).as("Saturday").isFalse();
        assertThat(calendar.isWorkingDay(LocalDate.parse("2026-12-24"))).isTrue();
    }

    @Test
    void aCouncilsOwnClosureDaysAreAddedByConfiguration() {
        LocalDate closure = LocalDate.parse("2026-12-29");
        WorkingDayCalendar council = shipped(List.of(), List.of(closure));
        assertThat(council.isWorkingDay(closure)).isFalse();
        assertThat(council.addWorkingDays(LocalDate.parse("2026-12-24"), 1)).isEqualTo(LocalDate.parse("2026-12-30"));
        assertThat(calendar.addWorkingDays(LocalDate.parse("2026-12-24"), 1)).isEqualTo(closure);
    }

    @Test
    void aNewYearsHolidaysAreReadFromAGovUkFileWithoutARebuild(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("bank-holidays-2031.json");
        Files.writeString(file, """
                {"england-and-wales": {"division": "england-and-wales", "events": [
                  {"title": "New Year's Day", "date": "2031-01-01", "notes": ""},
                  {"title": "A proclaimed holiday", "date": "2031-01-02", "notes": ""}]}}""");
        WorkingDayCalendar extended = shipped(List.of(file.toString()), List.of());
        assertThat(extended.addWorkingDays(LocalDate.parse("2030-12-31"), 1)).isEqualTo(LocalDate.parse("2031-01-03"));
    }

    @Test
    void beyondTheKnownYearsWeekdaysAloneCount() {
        assertThat(calendar.addWorkingDays(LocalDate.parse("2031-12-24"), 1)).as("25 Dec 2031 unknown: a weekday")
                .isEqualTo(LocalDate.parse("2031-12-25"));
    }

    @Test
    void aFileThatIsNotGovUkBankHolidaysStopsStartUp(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("wrong.json");
        Files.writeString(file, "{\"scotland\": {\"events\": []}}");
        assertThatThrownBy(() -> shipped(List.of(file.toString()), List.of()))
                .hasMessageContaining("england-and-wales");
    }
}
