package app.casepath.exports;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The values of Ofsted's Annex A template (ILACS, the layout of January 2024), as its drop-downs
 * have them, for the codes Casepath records. One place for the template's words, so that a new
 * template means changing this class and {@link AnnexA}'s headers, nothing else.
 *
 * <p>Where {@code returns.md} and the template differ, the template wins (returns.md says so). We
 * cannot reach Ofsted's workbook from here; the template's lists below agree with two independent
 * transcriptions of it that councils use to load and check Annex A returns (Social Finance's
 * {@code liia-tools} Annex A schema and data-to-insight's Standard Safeguarding Dataset Annex A
 * queries) and with values seen in councils' returns. The README's returns section lists where
 * this departs from returns.md's summary, and why.
 */
public final class AnnexAValues {

    private AnnexAValues() {
    }

    /** Census gender M/F/U; an unborn child's gender is not yet known and reads as U. */
    static final Map<String, String> GENDER = Map.of(
            "M", "a) Male",
            "F", "b) Female",
            "U", "c) Not stated/recorded (or unborn)");

    /**
     * The 18 ethnic groups and REFU/NOBT in the census order, lettered as the template letters
     * them. The template gives REFU and NOBT the same letter, {@code s)}: hence returns.md's
     * "a) WBRI … s) NOBT" (19 letters for 20 codes).
     */
    static final Map<String, String> ETHNICITY = lettered(List.of(
            "a) WBRI", "b) WIRI", "c) WIRT", "d) WOTH", "e) WROM", "f) MWBC", "g) MWBA", "h) MWAS", "i) MOTH",
            "j) AIND", "k) APKN", "l) ABAN", "m) AOTH", "n) BCRB", "o) BAFR", "p) BOTH", "q) CHNE", "r) OOTH",
            "s) REFU", "s) NOBT"));

    /**
     * Contact and referral sources: letter, census code and the template's short name. The template
     * predates 5D (early help, added to the census in 2018-19) and slots it in as {@code p1)}, so
     * that 6 stays {@code q)} and 8 {@code s)} as returns.md's examples have them.
     */
    static final Map<String, String> SOURCE = lettered(List.of(
            "a) 1A: Individual", "b) 1B: Individual", "c) 1C: Individual", "d) 1D: Individual",
            "e) 2A: Schools", "f) 2B: Education services",
            "g) 3A: Health services", "h) 3B: Health services", "i) 3C: Health services", "j) 3D: Health services",
            "k) 3E: Health services", "l) 3F: Health services",
            "m) 4: Housing",
            "n) 5A: LA services", "o) 5B: LA services", "p) 5C: LA services", "p1) 5D: LA services",
            "q) 6: Police", "r) 7: Other legal agency", "s) 8: Other", "t) 9: Anonymous", "u) 10: Unknown"));

    /** Every yes/no drop-down of lists 1–7 is lettered in the template (none is a bare Yes/No). */
    static final String YES = "a) Yes";
    static final String NO = "b) No";
    /** The third option of the template's yes/no/unknown drop-downs (disability, child seen, seen alone). */
    static final String UNKNOWN = "c) Unknown";

    /** Categories of abuse, in the template's words (the census's NEG, PHY, SAB, EMO, MUL). */
    static final Map<String, String> CATEGORY = Map.of(
            "NEG", "a) Neglect",
            "PHY", "b) Physical abuse",
            "SAB", "c) Sexual abuse",
            "EMO", "d) Emotional abuse",
            "MUL", "e) Multiple/not recommended");

    /** The census's primary need, as the template writes it: code, dash, words. */
    static final Map<String, String> PRIMARY_NEED = Map.of(
            "N0", "N0 - Not stated",
            "N1", "N1 - Abuse or neglect",
            "N2", "N2 - Child's disability",
            "N3", "N3 - Parental disability or illness",
            "N4", "N4 - Family in acute stress",
            "N5", "N5 - Family dysfunction",
            "N6", "N6 - Socially unacceptable behaviour",
            "N7", "N7 - Low income",
            "N8", "N8 - Absent parenting",
            "N9", "N9 - Cases other than children in need");

    /** The census's reasons for closure, as the template writes them. */
    static final Map<String, String> CLOSURE_REASON = Map.of(
            "RC1", "RC1 - Adopted",
            "RC2", "RC2 - Died",
            "RC3", "RC3 - Child arrangements order",
            "RC4", "RC4 - Special guardianship order",
            "RC5", "RC5 - Transferred to services of another local authority",
            "RC6", "RC6 - Transferred to adult social care services",
            "RC7", "RC7 - Services ceased for any other reason, including child no longer in need",
            "RC8", "RC8 - Case closed after assessment, no further action",
            "RC9", "RC9 - Case closed after assessment, referred to early help");

    /** List 6's case status. */
    enum CaseStatus {
        LOOKED_AFTER("a) Looked after child"),
        CP_PLAN("b) Child Protection plan"),
        CIN_PLAN("c) Child in need plan"),
        OPEN_ASSESSMENT("d) Open assessment"),
        CLOSED("e) Closed episode");

        final String value;

        CaseStatus(String value) {
            this.value = value;
        }
    }

    static String gender(String code) {
        return GENDER.get(code == null ? "U" : code);
    }

    static String ethnicity(String code) {
        return code == null ? null : ETHNICITY.get(code);
    }

    static String source(String code) {
        return code == null ? null : SOURCE.get(code);
    }

    static String yesNo(Boolean value) {
        return value == null ? null : value ? YES : NO;
    }

    static String category(String code) {
        return code == null ? null : CATEGORY.get(code);
    }

    static String primaryNeed(String code) {
        return PRIMARY_NEED.get(code == null ? "N0" : code);
    }

    static String closureReason(String code) {
        return code == null ? null : CLOSURE_REASON.get(code);
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * "Does the Child have a Disability", from the child's census disability codes (a JSON array
     * as stored): yes for any code but NONE, no for NONE alone (or none at all), unknown when the
     * record does not say. The template's drop-down has all three and the cell is never blank.
     */
    static String disability(String codes) {
        if (codes == null || codes.isBlank()) {
            return UNKNOWN;
        }
        try {
            JsonNode list = JSON.readTree(codes);
            if (!list.isArray()) {
                return UNKNOWN;
            }
            for (JsonNode code : list) {
                if (!code.asText().equals("NONE")) {
                    return YES;
                }
            }
            return NO;
        } catch (java.io.IOException e) {
            return UNKNOWN;
        }
    }

    /** "a) WBRI" is keyed by "WBRI": the code is what follows the letter (and, for sources, ends at the colon). */
    private static Map<String, String> lettered(List<String> values) {
        Map<String, String> byCode = new LinkedHashMap<>();
        for (String value : values) {
            String rest = value.substring(value.indexOf(") ") + 2);
            int colon = rest.indexOf(':');
            byCode.put(colon < 0 ? rest : rest.substring(0, colon), value);
        }
        return java.util.Collections.unmodifiableMap(byCode);
    }
}
