package app.casepath.dashboard;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import app.casepath.calendar.TimeSource;
import app.casepath.security.Caller;
import app.casepath.tasks.FieldError;
import app.casepath.tasks.InvalidInputException;

@RestController
class DashboardController {

    private final TimelinessDashboard dashboard;
    private final TimeSource time;

    DashboardController(TimelinessDashboard dashboard, TimeSource time) {
        this.dashboard = dashboard;
        this.time = time;
    }

    /** The figures of kpis.md for from–to (default: the last twelve months to today). */
    @GetMapping("/api/dashboard/timeliness")
    TimelinessDashboard.Dashboard timeliness(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                                             @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        LocalDate end = to == null ? time.today() : to;
        LocalDate start = from == null ? end.minusYears(1).plusDays(1) : from;
        List<FieldError> errors = new ArrayList<>();
        if (start.isAfter(end)) {
            errors.add(new FieldError("from", "must not be after to"));
        }
        if (start.isBefore(end.minusYears(10))) {
            errors.add(new FieldError("from", "a period may be at most ten years"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        return dashboard.timeliness(Caller.current(), start, end);
    }
}
