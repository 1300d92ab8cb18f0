package app.casepath.caserecord;

import java.sql.Timestamp;
import java.time.LocalDate;

import org.springframework.jdbc.core.simple.JdbcClient;

import app.casepath.calendar.TimeSource;

/**
 * A period of the figures and returns, bound to a query over the case record: as dates
 * ({@code :from}, {@code :to}, for date columns) and as the instants that bound it in the council's
 * zone ({@code :fromStart}, {@code :toEnd}, for timestamps such as a contact's receipt), so that a
 * timestamp's index serves and the database session's time zone does not matter.
 */
public final class ReportingPeriod {

    private ReportingPeriod() {
    }

    public static JdbcClient.StatementSpec bind(JdbcClient.StatementSpec statement, TimeSource time, LocalDate from,
                                                LocalDate to) {
        return statement.param("from", from).param("to", to)
                .param("fromStart", Timestamp.from(time.startOf(from)))
                .param("toEnd", Timestamp.from(time.startOf(to.plusDays(1))));
    }
}
