package app.casepath.frontdoor;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import app.casepath.caserecord.ChildIdentifiers;
import app.casepath.tasks.Form;

/**
 * A contact as api.md defines it, read and checked field by field: about one {@code child}, or
 * several {@code children} (siblings, each checked as the one child is, errors naming
 * children[i].field). {@code several} says which the client sent, so each gets its own answer.
 */
public record Contact(Instant receivedAt, String source, Referrer referrer, List<Child> children, boolean several,
                      String concerns, String familyGroup) {

    record Referrer(String name, String organisation, String email, String phone) {
    }

    /** @param field the child's path in the form ("child." or "children[1]."), for errors found when recording */
    record Child(String field, String childId, String firstName, String lastName, LocalDate dateOfBirth,
                 LocalDate expectedDateOfBirth, String gender, String ethnicity, String address,
                 ChildIdentifiers.CensusItems census) {

        /** The same child named twice: by id, or by the names and date of birth a contact recognises a child by. */
        boolean sameAs(Child other) {
            if (childId != null || other.childId != null) {
                return childId != null && childId.equalsIgnoreCase(other.childId);
            }
            return dateOfBirth != null && dateOfBirth.equals(other.dateOfBirth) && firstName != null && lastName != null
                    && firstName.equalsIgnoreCase(other.firstName) && lastName.equalsIgnoreCase(other.lastName);
        }
    }

    /** CIN census referral sources. */
    static final Set<String> SOURCES = Set.of("1A", "1B", "1C", "1D", "2A", "2B", "3A", "3B", "3C", "3D", "3E", "3F",
            "4", "5A", "5B", "5C", "5D", "6", "7", "8", "9", "10");
    /** CIN census gender: M, F, U (unknown / not recorded). */
    public static final Set<String> GENDERS = Set.of("M", "F", "U");
    /** DfE ethnicity codes. */
    public static final Set<String> ETHNICITIES = Set.of("WBRI", "WIRI", "WIRT", "WOTH", "WROM", "MWBC", "MWBA", "MWAS",
            "MOTH", "AIND", "APKN", "ABAN", "AOTH", "BCRB", "BAFR", "BOTH", "CHNE", "OOTH", "REFU", "NOBT");
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");
    private static final Pattern UUID = Pattern.compile("^[0-9a-fA-F-]{36}$");
    /** Siblings referred together; more than this on one contact is a mistake, not a family. */
    static final int MAX_CHILDREN = 20;

    static Contact read(Form form, Instant now, java.time.ZoneId zone) {
        Instant receivedAt = form.happenedAt("receivedAt", true, now);
        String source = form.choice("source", SOURCES);
        Form r = form.object("referrer");
        Referrer referrer = new Referrer(r.text("name", false, 200), r.text("organisation", false, 200),
                r.text("email", false, 320), r.text("phone", false, 50));
        if (referrer.email() != null && !EMAIL.matcher(referrer.email()).matches()) {
            r.error("email", "must be an email address");
        }
        LocalDate receivedOn = receivedAt == null ? form.today() : LocalDate.ofInstant(receivedAt, zone);
        boolean several = form.has("children");
        List<Child> children;
        if (several) {
            if (form.has("child")) {
                form.error("child", "give either child or children, not both");
            }
            List<Form> given = form.objects("children");
            if (given.isEmpty() && form.valid()) {
                form.error("children", "must name at least one child");
            } else if (given.size() > MAX_CHILDREN) {
                form.error("children", "must have at most " + MAX_CHILDREN + " children");
            }
            children = given.stream().map(c -> child(c, form.today(), receivedOn)).toList();
            for (int i = 0; i < children.size(); i++) {
                for (int j = 0; j < i; j++) {
                    if (children.get(i).sameAs(children.get(j))) {
                        form.error("children[" + i + "]", "is the same child as children[" + j + "]");
                    }
                }
            }
        } else {
            children = List.of(child(form.object("child"), form.today(), receivedOn));
        }
        String concerns = form.requiredText("concerns");
        String familyGroup = form.text("familyGroup", false, 100);
        return new Contact(receivedAt, source, referrer, children, several, concerns, familyGroup);
    }

    /** One child, {@code c} being the child's part of the form (so errors name child.field or children[i].field). */
    private static Child child(Form c, LocalDate today, LocalDate receivedOn) {
        String childId = c.text("childId", false, 36);
        if (childId != null && !UUID.matcher(childId).matches()) {
            c.error("childId", "must be a child id given by this service");
        }
        LocalDate dateOfBirth = c.optionalDate("dateOfBirth");
        LocalDate expected = c.optionalDate("expectedDateOfBirth");
        // Only while nothing else is wrong, as a contact about one child always did: an empty form
        // is told what it lacks, not also that it lacks a date.
        if ((dateOfBirth == null) == (expected == null) && c.valid()) {
            c.error("dateOfBirth", "give exactly one of dateOfBirth and expectedDateOfBirth (for an unborn child)");
        }
        if (dateOfBirth != null) {
            if (dateOfBirth.isAfter(today)) {
                c.error("dateOfBirth", "must not be in the future");
            } else if (!dateOfBirth.plusYears(18).isAfter(receivedOn)) {
                c.error("dateOfBirth", "the child must be under 18 when the contact was received");
            }
        }
        return new Child(c.path(""), childId, c.text("firstName", true, 100), c.text("lastName", true, 100), dateOfBirth,
                expected, c.optionalChoice("gender", GENDERS), c.optionalChoice("ethnicity", ETHNICITIES),
                c.text("address", false, 500), ChildIdentifiers.read(c));
    }
}
