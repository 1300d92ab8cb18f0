package app.casepath.exports;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import app.casepath.caserecord.ChildIdentifiers;

/**
 * What DfE's Children in Need census asks for in one collection year (1 April to 31 March): the
 * one place the exporter's year-specific parts live. Every year from 2025-26 follows the 2025-26
 * specification (the schema Casepath holds, {@code CIN_schema_2026.xsd}) until a later year's is
 * added here: the 2026-27 specification's pre-proceedings and family group decision-making items
 * are not yet exported (returns.md: only when DfE's specification for the year names them).
 *
 * @param year the year the collection ends in: 2026 is 2025-26, census date 31 March 2026
 */
public record CensusYear(int year) {

    /** DfE's assessment factors (returns.md): 18A and 19A were replaced by 18B/C and 19B/C. */
    private static final Set<String> FACTORS = Set.of(
            "1A", "1B", "1C", "2A", "2B", "2C", "3A", "3B", "3C", "4A", "4B", "4C", "5A", "5B", "5C", "6A", "6B", "6C",
            "7A", "8B", "8C", "8D", "8E", "8F", "9A", "10A", "11A", "12A", "13A", "14A", "15A", "16A", "17A",
            "18B", "18C", "19B", "19C", "20", "21", "22A", "23A", "24A");

    /** "No factors identified": only on its own. */
    public static final String NO_FACTORS = "21";

    /** The schema's reasons a school-age child has no UPN. */
    private static final Set<String> UPN_UNKNOWN = Set.of("UN1", "UN2", "UN3", "UN4", "UN5", "UN6", "UN7");

    private static final Set<String> ETHNICITIES = Set.of(
            "WBRI", "WIRI", "WIRT", "WOTH", "WROM", "MWBC", "MWBA", "MWAS", "MOTH", "AIND", "APKN", "ABAN", "AOTH",
            "BCRB", "BAFR", "BOTH", "CHNE", "OOTH", "REFU", "NOBT");

    public CensusYear {
        if (year < 2018 || year > 9999) {
            throw new IllegalArgumentException("collection year " + year);
        }
    }

    /** The census date, 31 March of the year. */
    public LocalDate referenceDate() {
        return LocalDate.of(year, 3, 31);
    }

    /** The first day the collection covers, 1 April of the year before. */
    public LocalDate start() {
        return LocalDate.of(year - 1, 4, 1);
    }

    /** e.g. 2025-26. */
    public String label() {
        return (year - 1) + "-" + String.format("%02d", year % 100);
    }

    public boolean factor(String code) {
        return code != null && FACTORS.contains(code);
    }

    /** Disability codes in the order the census lists them. */
    public List<String> disabilities() {
        return ChildIdentifiers.DISABILITIES;
    }

    public boolean upnUnknownReason(String code) {
        return code != null && UPN_UNKNOWN.contains(code);
    }

    public boolean ethnicity(String code) {
        return code != null && ETHNICITIES.contains(code);
    }

    /** Sex as the census has it: M, F or U (an unborn child is always U). */
    public String sex(String gender, boolean unborn) {
        if (unborn || gender == null) {
            return "U";
        }
        return switch (gender) {
            case "M", "F" -> gender;
            default -> "U";
        };
    }
}
