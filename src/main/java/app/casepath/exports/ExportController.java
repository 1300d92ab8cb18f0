package app.casepath.exports;

import java.time.LocalDate;
import java.util.Set;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import app.casepath.calendar.TimeSource;
import app.casepath.security.Caller;
import app.casepath.security.Groups;
import app.casepath.security.NotAllowedException;
import app.casepath.tasks.InvalidInputException;

/** Returns for inspectors and the DfE, for team and service managers. */
@RestController
class ExportController {

    static final Set<String> LISTS = Set.of("1", "3", "4", "5", "6", "7");

    private final AnnexA annexA;
    private final CinCensus census;
    private final TimeSource time;

    ExportController(AnnexA annexA, CinCensus census, TimeSource time) {
        this.annexA = annexA;
        this.census = census;
        this.time = time;
    }

    /** Annex A list 1, 3, 4, 5, 6 or 7 over the six months up to {@code to} (default today), as CSV. */
    @GetMapping(value = "/api/exports/annex-a/{list}.csv", produces = "text/csv")
    ResponseEntity<String> annexA(@PathVariable String list,
                                  @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        allowed();
        if (!LISTS.contains(list)) {
            throw InvalidInputException.of("list", "must be one of 1, 3, 4, 5, 6, 7");
        }
        LocalDate end = to == null ? time.today() : to;
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"annex-a-list-" + list + "-" + end + ".csv\"")
                .contentType(new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8))
                .body(AnnexAFiles.csv(annexA.list(Integer.parseInt(list), end)));
    }

    /** Every Annex A list over the six months up to {@code to} (default today), as one workbook: a sheet per list. */
    @GetMapping(value = "/api/exports/annex-a.xlsx", produces = AnnexAFiles.XLSX)
    ResponseEntity<byte[]> annexAWorkbook(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        allowed();
        LocalDate end = to == null ? time.today() : to;
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"annex-a-" + end + ".xlsx\"")
                .contentType(MediaType.parseMediaType(AnnexAFiles.XLSX))
                .body(AnnexAFiles.workbook(annexA.all(end)));
    }

    /**
     * The Children in Need census for the collection year ending 31 March {@code year} (2026 is
     * 2025-26), as DfE's schema has it; 503 while the council's DfE LA number is not configured.
     */
    @GetMapping(value = "/api/exports/cin-census/{year}.xml", produces = MediaType.APPLICATION_XML_VALUE)
    ResponseEntity<?> cinCensus(@PathVariable int year) {
        allowed();
        if (year < 2018 || year > time.today().getYear() + 1) {
            throw InvalidInputException.of("year", "must be a collection year from 2018 to next year");
        }
        String xml;
        try {
            xml = census.xml(year);
        } catch (CinCensus.NotConfiguredException e) {
            return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .body(ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, e.getMessage()));
        }
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"cin-census-" + year + ".xml\"")
                .contentType(MediaType.APPLICATION_XML).body(xml);
    }

    private static void allowed() {
        if (!Caller.current().inAny(Set.of(Groups.TEAM_MANAGERS, Groups.SERVICE_MANAGERS))) {
            throw new NotAllowedException("Returns are for team and service managers.");
        }
    }
}
