package app.casepath.caserecord;

import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import app.casepath.tasks.Form;

/**
 * The child's identifiers and census items, checked as DfE and the NHS define them: the NHS
 * number's modulus-11 check digit, the UPN's check letter (DfE's "Unique pupil numbers"
 * guidance), the reasons a UPN can be unknown, and the census's disability codes.
 */
public final class ChildIdentifiers {

    /**
     * The reasons a child has no UPN, as casework.md and returns.md name them (UN1–UN10); the
     * census writes those its year's schema takes (exports.CensusYear).
     */
    public static final Set<String> UPN_UNKNOWN = Set.of("UN1", "UN2", "UN3", "UN4", "UN5", "UN6", "UN7", "UN8", "UN9",
            "UN10");
    /** The census's disability codes, in the census's order; NONE stands alone. */
    public static final List<String> DISABILITIES = List.of("MOB", "HAND", "PC", "INC", "COMM", "LD", "HEAR", "VIS", "BEH",
            "CON", "AUT", "DDA", "NONE");

    /** The UPN check letters, indexed by the weighted sum's remainder mod 23 (no I, O or S). */
    private static final String UPN_LETTERS = "ABCDEFGHJKLMNPQRTUVWXYZ";
    private static final Pattern UPN = Pattern.compile("^[A-Z][0-9]{11}[0-9A-Z]$");
    private static final Pattern NHS_NUMBER = Pattern.compile("^[0-9]{10}$");

    private ChildIdentifiers() {
    }

    /** What the census asks of a child, as given in a contact or a correction. */
    public record CensusItems(String upn, String formerUpn, String upnUnknown, String nhsNumber, List<String> disabilities) {
    }

    /**
     * Reads the census items from the child's part of a form, each error naming its field. A
     * field left out is null (not recorded); disabilities left out is null, an empty list too.
     */
    public static CensusItems read(Form child) {
        String upn = upn(child, "upn");
        String formerUpn = upn(child, "formerUpn");
        String upnUnknown = child.optionalChoice("upnUnknown", UPN_UNKNOWN);
        if (upn != null && upnUnknown != null) {
            child.error("upnUnknown", "give either upn or the reason it is unknown, not both");
        }
        String nhsNumber = normalised(child.text("nhsNumber", false, 20));
        if (nhsNumber != null && !validNhsNumber(nhsNumber)) {
            child.error("nhsNumber", NHS_NUMBER.matcher(nhsNumber).matches()
                    ? "is not a valid NHS number (its check digit is wrong)" : "must be 10 digits");
        }
        List<String> disabilities = null;
        if (child.has("disabilities")) {
            disabilities = child.texts("disabilities").stream().map(String::strip).distinct().toList();
            for (String code : disabilities) {
                if (!DISABILITIES.contains(code)) {
                    child.error("disabilities", "must be census disability codes: " + String.join(", ", DISABILITIES));
                    break;
                }
            }
            if (disabilities.contains("NONE") && disabilities.size() > 1) {
                child.error("disabilities", "NONE stands alone");
            }
            if (disabilities.isEmpty()) {
                disabilities = null;
            }
        }
        return new CensusItems(upn, formerUpn, upnUnknown, nhsNumber, disabilities);
    }

    private static String upn(Form child, String field) {
        String upn = normalised(child.text(field, false, 20));
        if (upn == null) {
            return null;
        }
        upn = upn.toUpperCase(java.util.Locale.ROOT);
        if (!UPN.matcher(upn).matches()) {
            child.error(field, "must be 13 characters: a check letter, 11 digits, and a digit or letter");
        } else if (!validUpn(upn)) {
            child.error(field, "is not a valid UPN (its check letter is wrong)");
        }
        return upn;
    }

    private static String normalised(String value) {
        return value == null ? null : value.replace(" ", "");
    }

    /** NHS number: 10 digits, the last a modulus-11 check digit over the first nine weighted 10 to 2. */
    public static boolean validNhsNumber(String number) {
        if (number == null || !NHS_NUMBER.matcher(number).matches()) {
            return false;
        }
        int sum = 0;
        for (int i = 0; i < 9; i++) {
            sum += (number.charAt(i) - '0') * (10 - i);
        }
        int check = 11 - sum % 11;
        if (check == 11) {
            check = 0;
        }
        return check != 10 && check == number.charAt(9) - '0';
    }

    /**
     * UPN: characters 2–13 weighted 2 to 13 (a letter in position 13, as in a temporary UPN,
     * counts as its index among the check letters), the sum's remainder mod 23 naming the check
     * letter in position 1.
     */
    public static boolean validUpn(String upn) {
        if (upn == null || !UPN.matcher(upn).matches()) {
            return false;
        }
        char last = upn.charAt(12);
        if (!Character.isDigit(last) && UPN_LETTERS.indexOf(last) < 0) {
            return false;
        }
        return upn.charAt(0) == upnCheckLetter(upn.substring(1));
    }

    /** The check letter for a UPN's last twelve characters (as a council issuing a temporary UPN works it). */
    public static char upnCheckLetter(String lastTwelve) {
        String upn = "A" + lastTwelve;
        if (!UPN.matcher(upn).matches()) {
            throw new IllegalArgumentException("not the last twelve characters of a UPN");
        }
        int sum = 0;
        for (int position = 2; position <= 13; position++) {
            char c = upn.charAt(position - 1);
            sum += (Character.isDigit(c) ? c - '0' : UPN_LETTERS.indexOf(c)) * position;
        }
        return UPN_LETTERS.charAt(sum % 23);
    }
}
