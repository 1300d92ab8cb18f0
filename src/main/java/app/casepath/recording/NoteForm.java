package app.casepath.recording;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import app.casepath.tasks.Form;

/**
 * A case note's body as sent (casework.md "Case notes"). A draft is checked only for what it
 * holds (the right kinds of value, no more than the limits), so saving as one types never
 * refuses half a sentence; a FINAL note must be complete. One reader for both, so a draft that
 * saved is refused on finalising only for what is missing.
 */
record NoteForm(String kind, Instant occurredAt, String subject, String text, List<String> people, Boolean childSeen,
                Boolean childSeenAlone, boolean significant, ThreeHouses threeHouses, String wishesAndFeelings,
                List<Action> actions) {

    static final Set<String> KINDS = Set.of("HOME_VISIT", "OFFICE_VISIT", "SCHOOL_VISIT", "PHONE_CALL", "EMAIL", "LETTER",
            "MEETING", "DIRECT_WORK", "MULTI_AGENCY", "MANAGEMENT_OVERSIGHT", "OTHER");
    /** The kinds where the child may be seen: a visit note is the statutory visit when the child was. */
    static final Set<String> VISITS = Set.of("HOME_VISIT", "OFFICE_VISIT", "SCHOOL_VISIT");
    static final String DIRECT_WORK = "DIRECT_WORK";
    static final String OVERSIGHT = "MANAGEMENT_OVERSIGHT";

    static final int MAX_TEXT = 50_000;
    static final int MAX_PEOPLE = 50;
    static final int MAX_ACTIONS = 20;

    record ThreeHouses(List<String> worries, List<String> goodThings, List<String> dreams) {
    }

    record Action(String text, String assignee, LocalDate dueOn) {
    }

    boolean isVisit() {
        return kind != null && VISITS.contains(kind);
    }

    /**
     * @param complete whether the note is being made FINAL: then kind, text and (for a visit)
     *                 whether the child was seen are required, and an action must be whole
     */
    static NoteForm read(Form form, boolean complete, Instant now) {
        String kind = complete ? form.choice("kind", KINDS) : form.optionalChoice("kind", KINDS);
        Instant occurredAt = form.happenedAt("occurredAt", false, now);
        String subject = form.text("subject", false, 200);
        String text = form.text("text", complete, MAX_TEXT);
        List<String> people = new ArrayList<>(new LinkedHashSet<>(form.texts("people")));
        if (people.size() > MAX_PEOPLE) {
            form.error("people", "must name at most " + MAX_PEOPLE + " people");
        }
        boolean visit = kind != null && VISITS.contains(kind);
        Boolean seen = form.bool("childSeen", complete && visit);
        Boolean seenAlone = form.bool("childSeenAlone", complete && visit && Boolean.TRUE.equals(seen));
        if (Boolean.FALSE.equals(seen) && Boolean.TRUE.equals(seenAlone)) {
            form.error("childSeenAlone", "cannot be yes when the child was not seen");
        }
        if (kind != null && !visit && (seen != null || seenAlone != null) && !DIRECT_WORK.equals(kind)) {
            form.error(seen != null ? "childSeen" : "childSeenAlone", "is recorded on visits and direct work only");
        }
        Boolean significant = form.bool("significant", false);

        ThreeHouses houses = null;
        String wishes = form.text("wishesAndFeelings", false, Form.MAX_TEXT);
        if (form.has("threeHouses")) {
            Form h = form.object("threeHouses");
            houses = new ThreeHouses(h.texts("worries"), h.texts("goodThings"), h.texts("dreams"));
        }
        if (kind != null && !DIRECT_WORK.equals(kind)) {
            if (houses != null) {
                form.error("threeHouses", "is recorded on direct work notes only");
            }
            if (wishes != null) {
                form.error("wishesAndFeelings", "is recorded on direct work notes only");
            }
        }

        List<Action> actions = new ArrayList<>();
        List<Form> items = form.objects("actions");
        if (items.size() > MAX_ACTIONS) {
            form.error("actions", "must have at most " + MAX_ACTIONS + " actions");
        }
        if (!items.isEmpty() && kind != null && !OVERSIGHT.equals(kind)) {
            form.error("actions", "are set on management oversight notes only");
        }
        for (Form item : items) {
            String actionText = item.text("text", complete, 2000);
            String assignee = item.text("assignee", complete, 100);
            LocalDate dueOn = complete ? item.requiredDate("dueOn") : item.optionalDate("dueOn");
            if (complete && dueOn != null && dueOn.isBefore(form.today())) {
                item.error("dueOn", "must not be in the past");
            }
            actions.add(new Action(actionText, assignee, dueOn));
        }
        return new NoteForm(kind, occurredAt, subject, text, people, seen, seenAlone, Boolean.TRUE.equals(significant),
                houses, wishes, actions);
    }
}
