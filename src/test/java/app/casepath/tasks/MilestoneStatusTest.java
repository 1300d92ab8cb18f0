package app.casepath.tasks;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** timescales.md: met on or before the due date, missed after it; overdue when not done and past it. */
class MilestoneStatusTest {

    @ParameterizedTest(name = "due {0}, done {1}, today {2}: {3}")
    @CsvSource(nullValues = "-", value = {
            "2026-05-07, 2026-05-07, 2026-06-01, MET",
            "2026-05-07, 2026-05-06, 2026-05-06, MET",
            "2026-05-07, 2026-05-08, 2026-05-08, MISSED",
            "2026-05-07, -, 2026-05-07, DUE",
            "2026-05-07, -, 2026-05-08, OVERDUE",
            "2026-05-07, -, 2026-04-01, DUE",
    })
    void status(LocalDate due, LocalDate done, LocalDate today, Milestones.Status expected) {
        assertThat(Milestones.status(due, done, today)).isEqualTo(expected);
    }
}
