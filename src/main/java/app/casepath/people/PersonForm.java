package app.casepath.people;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import app.casepath.caserecord.ChildIdentifiers;
import app.casepath.frontdoor.Contact;
import app.casepath.tasks.Form;

/**
 * A person as POST /api/people and PATCH /api/people/{personId} give it: the fields given, by
 * their API names, each checked (errors name their field). The identifiers and census items are
 * checked by ChildIdentifiers, the codes are the contact's (Contact.GENDERS, ETHNICITIES).
 */
final class PersonForm {

    static final Set<String> KINDS = Set.of("CHILD", "ADULT");
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");
    private static final Pattern POSTCODE = Pattern.compile("^[A-Z]{1,2}[0-9][0-9A-Z]? ?[0-9][A-Z]{2}$");

    private PersonForm() {
    }

    /** A new person as POST /api/people takes them (and a relationship's otherPerson): the former UPN comes with a case. */
    static Map<String, Object> readNew(Form f) {
        Map<String, Object> given = read(f, true);
        if (given.containsKey("formerUpn")) {
            f.error("formerUpn", "is recorded once the child has a case");
        }
        return given;
    }

    /** The fields given; creating, kind and the names are required. A UPN given clears the reason it was unknown, and back. */
    static Map<String, Object> read(Form f, boolean creating) {
        Map<String, Object> given = new LinkedHashMap<>();
        if (creating) {
            given.put("kind", f.choice("kind", KINDS));
        } else if (f.has("kind")) {
            f.error("kind", "cannot be changed");
        }
        text(f, given, "firstName", creating, 100);
        text(f, given, "lastName", creating, 100);
        if (f.has("otherNames")) {
            given.put("otherNames", f.texts("otherNames").stream().filter(n -> n.length() <= 200).distinct().toList());
        }
        date(f, given, "dateOfBirth");
        date(f, given, "expectedDateOfBirth");
        if (f.has("dateOfBirth") && f.has("expectedDateOfBirth")) {
            f.error("expectedDateOfBirth", "give either dateOfBirth or expectedDateOfBirth (for an unborn child), not both");
        }
        if (given.get("dateOfBirth") instanceof LocalDate born && born.isAfter(f.today())) {
            f.error("dateOfBirth", "must not be in the future");
        }
        if (f.has("gender")) {
            given.put("gender", f.optionalChoice("gender", Contact.GENDERS));
        }
        if (f.has("ethnicity")) {
            given.put("ethnicity", f.optionalChoice("ethnicity", Contact.ETHNICITIES));
        }
        ChildIdentifiers.CensusItems items = ChildIdentifiers.read(f);
        if (items.nhsNumber() != null) {
            given.put("nhsNumber", items.nhsNumber());
        }
        if (items.upn() != null) {
            given.put("upn", items.upn());
            given.put("upnUnknown", null);
        }
        if (items.upnUnknown() != null) {
            given.put("upnUnknown", items.upnUnknown());
            given.put("upn", null);
        }
        if (items.formerUpn() != null) {
            given.put("formerUpn", items.formerUpn());
        }
        if (items.disabilities() != null) {
            given.put("disabilities", items.disabilities());
        }
        text(f, given, "firstLanguage", false, 100);
        if (f.has("interpreterNeeded")) {
            given.put("interpreterNeeded", f.bool("interpreterNeeded", false));
        }
        if (f.has("address")) {
            Form a = f.object("address");
            List<String> lines = a.texts("lines");
            if (lines.size() > 6) {
                a.error("lines", "at most 6 lines");
            }
            for (int i = 0; i < lines.size(); i++) {
                if (lines.get(i).length() > 150) {
                    a.error("lines[" + i + "]", "must be at most 150 characters");
                }
            }
            String postcode = a.text("postcode", false, 10);
            if (postcode != null) {
                postcode = postcode.toUpperCase(Locale.ROOT);
                if (!POSTCODE.matcher(postcode).matches()) {
                    a.error("postcode", "must be a UK postcode");
                }
            }
            Boolean confidential = a.bool("confidential", false);
            given.put("address", new People.Address(lines, postcode, Boolean.TRUE.equals(confidential)));
        }
        text(f, given, "phone", false, 50);
        text(f, given, "email", false, 320);
        if (given.get("email") instanceof String email && !EMAIL.matcher(email).matches()) {
            f.error("email", "must be an email address");
        }
        date(f, given, "diedOn");
        if (given.get("diedOn") instanceof LocalDate died && died.isAfter(f.today())) {
            f.error("diedOn", "must not be in the future");
        }
        return given;
    }

    private static void text(Form f, Map<String, Object> given, String field, boolean required, int max) {
        if (required || f.has(field)) {
            String value = f.text(field, required, max);
            if (value != null || !required) {
                given.put(field, value);
            }
        }
    }

    private static void date(Form f, Map<String, Object> given, String field) {
        if (f.has(field)) {
            given.put(field, f.optionalDate(field));
        }
    }
}
