package app.casepath;

import static app.casepath.Forms.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * A small caseload in 2021 (no other test uses that year) and what Ofsted's Annex A lists must say
 * about it, field by field, in the template's headers and values; run on PostgreSQL (AnnexATest)
 * and on H2 (AnnexAOnH2Test). The period is the six months to Thu 30 Sep 2021.
 * <ul>
 * <li>Dan (boy, MWBC, autism): contact Tue 6 Apr from a family member (1A); assessment by Daniel
 *     Murphy, child seen Tue 20 Apr, authorised Tue 27 Apr to a Child in Need plan (N1).</li>
 * <li>Ava (boy, WBRI, disabled): contact Tue 4 May from the police (6) to a strategy discussion on
 *     Wed 5 May (Grace Mensah); s47 to an ICPC held Tue 25 May: CP plan (neglect); a visit, seen alone.</li>
 * <li>Ben (not stated, REFU, no disability): contact Tue 1 Jun from "other" (8); assessment by
 *     Daniel Murphy, child not seen, authorised NFA Tue 15 Jun (N4); closed Wed 16 Jun (RC8).
 *     Referred again Mon 2 Aug: at assessment, not yet allocated.</li>
 * <li>Cara (unborn, due Oct 2021, NOBT, disability not recorded): contact Thu 1 Jul from a health
 *     visitor (3B); allocated to Grace Mensah for assessment, still open.</li>
 * </ul>
 */
public class AnnexAFixture {

    public static final String TO = "2021-09-30";
    private static final DateTimeFormatter DMY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    /** The teams the cases are allocated to: by allocateCase in the worker's assessment team, by a strategy discussion in theirs for child protection. */
    static final String SOUTH = "Assessment Team South";
    static final String NORTH = "Assessment Team North";
    static final String EAST = "Safeguarding Team East";
    static final String GRACE = "Grace Mensah";
    static final String DANIEL = "Daniel Murphy";

    public static final Map<Integer, List<String>> HEADERS = Map.of(
            1, List.of("Child Unique ID", "Gender", "Ethnicity", "Date of Birth", "Age", "Date of Contact", "Contact Source"),
            3, List.of("Child Unique ID", "Gender", "Ethnicity", "Date of Birth", "Age", "Date of Referral", "Referral Source",
                    "Referral NFA?", "Number of Referrals in Last 12 Months", "Allocated Team", "Allocated Worker"),
            4, List.of("Child Unique ID", "Gender", "Ethnicity", "Date of Birth", "Age", "Does the Child have a Disability",
                    "Continuous Assessment Start Date", "Child Seen During Continuous Assessment",
                    "Continuous Assessment Date of Authorisation",
                    "Was the child assessed as requiring LA children's social care support?", "Allocated Team", "Allocated Worker"),
            5, List.of("Child Unique ID", "Gender", "Ethnicity", "Date of Birth", "Age", "Does the Child have a Disability",
                    "Strategy discussion initiating Section 47 Enquiry Start Date",
                    "Was an Initial Child Protection Conference deemed unnecessary?",
                    "Date of Initial Child Protection Conference",
                    "Did the Initial Child Protection Conference Result in a Child Protection Plan",
                    "Number of Section 47 Enquiries in the last 12 months", "Number of ICPCs in the last 12 months",
                    "Allocated Team", "Allocated Worker"),
            6, List.of("Child Unique ID", "Gender", "Ethnicity", "Date of Birth", "Age", "Does the Child have a Disability",
                    "CIN Start Date", "Primary Need Code", "Date Child Was Last Seen", "CIN Closure Date", "Reason for Closure",
                    "Case Status", "Allocated Team", "Allocated Worker"),
            7, List.of("Child Unique ID", "Gender", "Ethnicity", "Date of Birth", "Age", "Does the Child have a Disability",
                    "Child Protection Plan Start Date", "Initial Category of Abuse", "Latest Category of Abuse",
                    "Date of the Last Statutory Visit", "Was the Child Seen Alone?", "Date of latest review conference",
                    "Child Protection Plan End Date",
                    "Subject to Emergency Protection Order or Protected Under Police Powers in Last Six Months (Y/N)",
                    "Number of Previous Child Protection Plans", "Allocated Team", "Allocated Worker"));

    private final JourneyDriver journey;
    private final Map<String, String> childIds = new HashMap<>();
    private LocalDate visited;

    public AnnexAFixture(JourneyDriver journey) {
        this.journey = journey;
    }

    public AnnexAFixture drive() {
        try {
            journey.today(LocalDate.parse("2021-04-06"), LocalTime.of(10, 0));
            String dan = journey.contact("1A", Map.of("firstName", "Dan", "lastName", "Annex", "dateOfBirth", "2010-01-15",
                    "gender", "M", "ethnicity", "MWBC", "disabilities", List.of("AUT"))).caseId();
            journey.complete(dan, "screenContact", screen("ASSESSMENT"), "fd.practitioner");
            journey.complete(dan, "allocateCase", allocate("social.worker2"), "team.manager");
            journey.today(LocalDate.parse("2021-04-20"));
            journey.complete(dan, "completeAssessment", with(assessment("CIN_PLAN"), "childSeenOn", "2021-04-20"),
                    "social.worker2");
            journey.today(LocalDate.parse("2021-04-27"));
            journey.complete(dan, "authoriseAssessment", with(authorise("CIN_PLAN"), "primaryNeed", "N1"), "team.manager");

            journey.today(LocalDate.parse("2021-05-04"));
            String ava = journey.contact("6", Map.of("firstName", "Ava", "lastName", "Annex", "dateOfBirth", "2012-03-10",
                    "gender", "M", "ethnicity", "WBRI", "disabilities", List.of("MOB", "HEAR"))).caseId();
            journey.complete(ava, "screenContact", screen("STRATEGY_DISCUSSION"), "fd.practitioner");
            journey.today(LocalDate.parse("2021-05-05"));
            journey.complete(ava, "holdStrategyDiscussion", strategy("S47"), "social.worker");
            journey.today(LocalDate.parse("2021-05-20"));
            journey.complete(ava, "completeSection47Enquiry", section47("CONVENE_ICPC", null), "social.worker");
            journey.today(LocalDate.parse("2021-05-25"));
            journey.complete(ava, "holdInitialConference", initialConference("CP_PLAN"), "cp.chair");
            journey.fire(ava, "visitComesDue");
            visited = journey.today();
            journey.complete(ava, "recordVisit", visit(), "social.worker");

            journey.today(LocalDate.parse("2021-06-01"));
            String ben = journey.contact("8", Map.of("firstName", "Ben", "lastName", "Annex", "dateOfBirth", "2015-11-20",
                    "gender", "U", "ethnicity", "REFU", "disabilities", List.of("NONE"))).caseId();
            journey.complete(ben, "screenContact", screen("ASSESSMENT"), "fd.practitioner");
            journey.complete(ben, "allocateCase", allocate("social.worker2"), "team.manager");
            journey.today(LocalDate.parse("2021-06-14"));
            journey.complete(ben, "completeAssessment", assessment("NFA"), "social.worker2");
            journey.today(LocalDate.parse("2021-06-15"));
            journey.complete(ben, "authoriseAssessment", with(authorise("NFA"), "primaryNeed", "N4"), "team.manager");
            journey.today(LocalDate.parse("2021-06-16"));
            journey.complete(ben, "authoriseClosure", closure("RC8"), "team.manager");

            journey.today(LocalDate.parse("2021-07-01"));
            String cara = journey.contact("3B", Map.of("firstName", "Cara", "lastName", "Annex",
                    "expectedDateOfBirth", "2021-10-15", "ethnicity", "NOBT")).caseId();
            journey.complete(cara, "screenContact", screen("ASSESSMENT"), "fd.practitioner");
            journey.complete(cara, "allocateCase", allocate("social.worker"), "team.manager");

            journey.today(LocalDate.parse("2021-08-02"));
            String benAgain = journey.contact("8", Map.of("childId", journey.record(ben).childId(), "firstName", "Ben",
                    "lastName", "Annex", "dateOfBirth", "2015-11-20")).caseId();
            journey.complete(benAgain, "screenContact", screen("ASSESSMENT"), "fd.practitioner");

            childIds.put("Dan", journey.record(dan).childId());
            childIds.put("Ava", journey.record(ava).childId());
            childIds.put("Ben", journey.record(ben).childId());
            childIds.put("Cara", journey.record(cara).childId());
            return this;
        } finally {
            org.camunda.bpm.engine.impl.util.ClockUtil.reset();
        }
    }

    /** The child's number, as the record holds it (the census's LAchildID). */
    String number(String child) {
        String number = journey.db().sql("select child_number from child where child_id = ?").param(childIds.get(child))
                .query(String.class).single();
        assertThat(number).as("the child number (the census's LAchildID)").matches("C\\d{7}");
        return number;
    }

    private static String d(String isoDate) {
        return LocalDate.parse(isoDate).format(DMY);
    }

    /** The child's first columns: number, gender, ethnicity, date of birth, age on 30 Sep 2021 (or {@code on}). */
    private List<String> child(String name, boolean disability) {
        List<String> cells = new ArrayList<>(switch (name) {
            case "Dan" -> List.of(number(name), "a) Male", "f) MWBC", "15/01/2010", "11");
            case "Ava" -> List.of(number(name), "a) Male", "a) WBRI", "10/03/2012", "9");
            case "Ben" -> List.of(number(name), "c) Not stated/recorded (or unborn)", "s) REFU", "20/11/2015", "5");
            case "Cara" -> List.of(number(name), "c) Not stated/recorded (or unborn)", "s) NOBT", "", "");
            default -> throw new IllegalArgumentException(name);
        });
        if (disability) {
            cells.add(switch (name) {
                case "Dan", "Ava" -> "a) Yes";
                case "Ben" -> "b) No";
                default -> "c) Unknown";
            });
        }
        return cells;
    }

    private List<String> row(String name, boolean disability, String... rest) {
        List<String> row = child(name, disability);
        row.addAll(List.of(rest));
        return row;
    }

    /** Every list's expected rows over the six months to 30 Sep 2021, in order. */
    Map<Integer, List<List<String>>> expected() {
        String visit = visited.format(DMY);
        return Map.of(
                1, List.of(
                        row("Dan", false, d("2021-04-06"), "a) 1A: Individual"),
                        row("Ava", false, d("2021-05-04"), "q) 6: Police"),
                        row("Ben", false, d("2021-06-01"), "s) 8: Other"),
                        row("Cara", false, d("2021-07-01"), "h) 3B: Health services"),
                        row("Ben", false, d("2021-08-02"), "s) 8: Other")),
                3, List.of(
                        row("Dan", false, d("2021-04-06"), "a) 1A: Individual", "b) No", "0", SOUTH, DANIEL),
                        row("Ava", false, d("2021-05-04"), "q) 6: Police", "b) No", "0", EAST, GRACE),
                        row("Ben", false, d("2021-06-01"), "s) 8: Other", "b) No", "0", SOUTH, DANIEL),
                        row("Cara", false, d("2021-07-01"), "h) 3B: Health services", "b) No", "0", NORTH, GRACE),
                        row("Ben", false, d("2021-08-02"), "s) 8: Other", "b) No", "1", "", "")),
                4, List.of(
                        row("Dan", true, d("2021-04-06"), "a) Yes", d("2021-04-27"), "a) Yes", SOUTH, DANIEL),
                        row("Ben", true, d("2021-06-01"), "b) No", d("2021-06-15"), "b) No", SOUTH, DANIEL),
                        row("Cara", true, d("2021-07-01"), "c) Unknown", "", "", NORTH, GRACE),
                        row("Ben", true, d("2021-08-02"), "c) Unknown", "", "", "", "")),
                5, List.of(
                        row("Ava", true, d("2021-05-05"), "b) No", d("2021-05-25"), "a) Yes", "0", "0", EAST, GRACE)),
                6, List.of(
                        row("Dan", true, d("2021-04-06"), "N1 - Abuse or neglect", d("2021-04-20"), "", "",
                                "c) Child in need plan", SOUTH, DANIEL),
                        row("Ava", true, d("2021-05-04"), "N0 - Not stated", visit, "", "", "b) Child Protection plan", EAST, GRACE),
                        row("Cara", true, d("2021-07-01"), "N0 - Not stated", "", "", "", "d) Open assessment", NORTH, GRACE),
                        row("Ben", true, d("2021-08-02"), "N0 - Not stated", "", "", "", "d) Open assessment", "", "")),
                7, List.of(
                        row("Ava", true, d("2021-05-25"), "a) Neglect", "a) Neglect", visit, "a) Yes", "", "", "b) No", "0",
                                EAST, GRACE)));
    }

    /** Ben's list 6 row over the six months to 31 Jul 2021, before he was referred again: his closed episode. */
    List<String> benClosedEpisode() {
        return row("Ben", true, d("2021-06-01"), "N4 - Family in acute stress", "", d("2021-06-16"),
                "RC8 - Case closed after assessment, no further action", "e) Closed episode", SOUTH, DANIEL);
    }

    // ---- reading the answers

    public static List<List<String>> csv(TestRestTemplate http, String list, String to) {
        ResponseEntity<String> answer = http.withBasicAuth("service.manager", "demo")
                .getForEntity("/api/exports/annex-a/" + list + ".csv" + (to == null ? "" : "?to=" + to), String.class);
        assertThat(answer.getStatusCode()).as("list %s", list).isEqualTo(HttpStatus.OK);
        assertThat(answer.getHeaders().getContentType().toString()).isEqualTo("text/csv;charset=UTF-8");
        assertThat(answer.getBody()).as("RFC 4180 line ends").contains("\r\n");
        try {
            List<List<String>> rows = new ArrayList<>();
            for (CSVRecord record : CSVFormat.RFC4180.parse(new StringReader(answer.getBody()))) {
                rows.add(record.toList());
            }
            return rows;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The workbook's sheets, each as rows of text: a date as dd/mm/yyyy, a number as a whole number, a blank as "". */
    public static Map<String, List<List<String>>> workbook(TestRestTemplate http, String user, String to) {
        ResponseEntity<byte[]> answer = http.withBasicAuth(user, "demo")
                .getForEntity("/api/exports/annex-a.xlsx" + (to == null ? "" : "?to=" + to), byte[].class);
        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(answer.getHeaders().getContentType().toString())
                .isEqualTo("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        assertThat(answer.getHeaders().getFirst("Content-Disposition")).contains(".xlsx");
        Map<String, List<List<String>>> sheets = new java.util.LinkedHashMap<>();
        try (Workbook workbook = new XSSFWorkbook(new ByteArrayInputStream(answer.getBody()))) {
            for (Sheet sheet : workbook) {
                int width = sheet.getRow(0).getLastCellNum();
                List<List<String>> rows = new ArrayList<>();
                for (Row row : sheet) {
                    List<String> cells = new ArrayList<>();
                    for (int i = 0; i < width; i++) {
                        cells.add(text(row.getCell(i), row.getRowNum() == 0));
                    }
                    rows.add(cells);
                }
                sheets.put(sheet.getSheetName(), rows);
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return sheets;
    }

    private static String text(Cell cell, boolean header) {
        if (cell == null || cell.getCellType() == CellType.BLANK) {
            return "";
        }
        if (cell.getCellType() == CellType.STRING) {
            return cell.getStringCellValue();
        }
        assertThat(header).as("the header row is text").isFalse();
        assertThat(cell.getCellType()).isEqualTo(CellType.NUMERIC);
        if (DateUtil.isCellDateFormatted(cell)) {
            assertThat(cell.getCellStyle().getDataFormatString()).as("a real date, shown dd/mm/yyyy").isEqualTo("dd/mm/yyyy");
            return cell.getLocalDateTimeCellValue().toLocalDate().format(DMY);
        }
        double number = cell.getNumericCellValue();
        assertThat(number).as("ages and counts are whole numbers").isEqualTo(Math.rint(number));
        return String.valueOf((long) number);
    }

    // ---- the checks both databases run

    /** Every list as CSV and the workbook: headers exactly as the template, then every row, field by field. */
    public void checkEveryList(TestRestTemplate http) {
        Map<Integer, List<List<String>>> expected = expected();
        for (int list : List.of(1, 3, 4, 5, 6, 7)) {
            List<List<String>> rows = csv(http, String.valueOf(list), TO);
            assertThat(rows.get(0)).as("list %s header", list).containsExactlyElementsOf(HEADERS.get(list));
            assertThat(rows.subList(1, rows.size())).as("list %s rows", list).containsExactlyElementsOf(expected.get(list));
        }
        List<List<String>> july = csv(http, "6", "2021-07-31");
        assertThat(july.subList(1, july.size())).as("list 6 to 31 Jul: Ben's episode was closed then")
                .contains(benClosedEpisode());

        Map<String, List<List<String>>> sheets = workbook(http, "team.manager", TO);
        assertThat(sheets.keySet()).containsExactly("List 1", "List 3", "List 4", "List 5", "List 6", "List 7");
        for (int list : List.of(1, 3, 4, 5, 6, 7)) {
            List<List<String>> sheet = sheets.get("List " + list);
            assertThat(sheet.get(0)).as("sheet %s header", list).containsExactlyElementsOf(HEADERS.get(list));
            assertThat(sheet.subList(1, sheet.size())).as("sheet %s rows, as the CSV's", list)
                    .containsExactlyElementsOf(expected.get(list));
        }
    }
}
