package app.casepath.people;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import app.casepath.calendar.TimeSource;
import app.casepath.caserecord.CaseNotFoundException;
import app.casepath.process.Words;
import app.casepath.security.Caller;
import app.casepath.security.NotAllowedException;
import app.casepath.tasks.Form;
import app.casepath.tasks.InvalidInputException;

/**
 * Relationships (casework.md): "the other person is this person's &lt;type&gt;", two-way. One row
 * per relationship, read from either side: the other person's record shows the inverse type.
 * Nothing is deleted; a relationship ends with its {@code to} date and every correction is kept in
 * relationship_history.
 *
 * <p>Who may do what is the person's rule ({@link People}): whoever may read the person reads
 * their relationships (others get 404); whoever may correct them adds, ends and corrects their
 * relationships (a reader who may not gets 403). A relationship is reached from either side.
 *
 * <p>The safety network is the relationships flagged safetyNetwork, with their roleInPlan; the
 * Entry to Care Panel's form opens with it and adds to it ({@link #safetyNetwork}, {@link #joinSafetyNetwork}).
 */
@Service
public class Relationships {

    /** The types a worker gives, each "the other person is the child's …". */
    static final Set<String> TYPES = Set.of("MOTHER", "FATHER", "STEP_PARENT", "PARTNER_OF_PARENT", "CARER",
            "FOSTER_CARER", "GRANDPARENT", "AUNT_UNCLE", "SIBLING", "HALF_SIBLING", "STEP_SIBLING", "COUSIN",
            "OTHER_RELATIVE", "FAMILY_FRIEND", "NEIGHBOUR", "GP", "HEALTH_VISITOR", "SCHOOL", "POLICE",
            "OTHER_PROFESSIONAL");

    /** The child's relationship as the other person's record shows it ("the child is my …"). */
    static String inverse(String type) {
        return switch (type) {
            case "MOTHER", "FATHER", "STEP_PARENT", "PARTNER_OF_PARENT", "CARER", "FOSTER_CARER" -> "CHILD";
            case "GRANDPARENT" -> "GRANDCHILD";
            case "AUNT_UNCLE" -> "NIECE_NEPHEW";
            // Kin both ways; a relative of no named kind is, seen from them, a relative of no named kind too.
            case "SIBLING", "HALF_SIBLING", "STEP_SIBLING", "COUSIN", "OTHER_RELATIVE" -> type;
            default -> "KNOWN_CHILD"; // friends, neighbours and professionals know the child
        };
    }

    public record OtherPerson(String personId, String kind, String firstName, String lastName) {
    }

    /** A relationship as one side's record shows it: type, from that side; current: begun and not yet ended. */
    public record Relationship(String relationshipId, OtherPerson otherPerson, String type, boolean parentalResponsibility,
                               boolean livesWithChild, boolean safetyNetwork, String roleInPlan, String organisation,
                               String describedAs, LocalDate from, LocalDate to, boolean current) {
    }

    /** A member of the safety network as the panel's form has them: name, relationship in words, role in the plan. */
    public record NetworkMember(String name, String relationship, String role) {
    }

    private static final String SELECT = """
            select r.*, o.person_id as o_id, o.kind as o_kind, o.first_name as o_first, o.last_name as o_last
            from relationship r join person o on o.person_id = case when r.person_id = :personId
                                                                    then r.other_person_id else r.person_id end
            """;

    private final JdbcClient db;
    private final People people;
    private final TimeSource time;
    private final ObjectMapper json;

    Relationships(JdbcClient db, People people, TimeSource time, ObjectMapper json) {
        this.db = db;
        this.people = people;
        this.time = time;
        this.json = json;
    }

    // ---- the API

    /**
     * The person's relationships, both ways, current first (then the newest). Readers of the person
     * only, and only with the people the caller may read: a mother's record does not name to the
     * worker of one of her children a child whose case they may not see.
     */
    public List<Relationship> of(Caller caller, String personId) {
        people.readable(caller, personId);
        return of(personId).stream().filter(r -> readableBy(caller, r.otherPerson().personId())).toList();
    }

    /** POST /api/people/{personId}/relationships: with a person on the record, or a new one, in one transaction. */
    @Transactional
    public Relationship add(Caller caller, String personId, JsonNode body) {
        mayChange(caller, personId);
        Form form = Form.of(body, time.today());
        String otherPersonId = form.text("otherPersonId", false, 36);
        boolean newPerson = form.has("otherPerson");
        Map<String, Object> otherPerson = null;
        if (otherPersonId != null && newPerson) {
            form.error("otherPerson", "give otherPersonId (a person on the record) or otherPerson (a new person), not both");
        } else if (otherPersonId == null && !newPerson) {
            form.error("otherPersonId", "give otherPersonId (a person on the record) or otherPerson (a new person)");
        } else if (newPerson) {
            otherPerson = PersonForm.readNew(form.object("otherPerson"));
        } else if (otherPersonId.equals(personId)) {
            form.error("otherPersonId", "is this person: a person is not related to themself");
        } else if (!readableBy(caller, otherPersonId)) {
            form.error("otherPersonId", "is not a person on the record"); // nor one the caller may know of
        }
        Map<String, Object> fields = read(form, true);
        if (otherPersonId != null && fields.get("type") != null && recorded(personId, otherPersonId, (String) fields.get("type"))) {
            form.error("type", "this relationship is already recorded: correct or end that one");
        }
        fields.putIfAbsent("parentalResponsibility", false);
        fields.putIfAbsent("livesWithChild", false);
        fields.putIfAbsent("safetyNetwork", false);
        datesInOrder(form, fields, fields);
        form.check();
        if (otherPerson != null) {
            otherPersonId = UUID.randomUUID().toString();
            people.insert(otherPersonId, otherPerson, caller.username());
        }
        fields.put("describedAs", null);
        String relationshipId = insert(personId, otherPersonId, fields, caller.username());
        return view(personId, relationshipId);
    }

    /** PATCH /api/relationships/{relationshipId}: ends (to) or corrects it; each field changed is kept in its history. */
    @Transactional
    public Relationship correct(Caller caller, String relationshipId, JsonNode body) {
        Map<String, Object> current = row(relationshipId).orElseThrow(() -> new CaseNotFoundException("relationship " + relationshipId));
        String personId = (String) current.get("personId");
        String otherPersonId = (String) current.get("otherPersonId");
        boolean readsPerson = readableBy(caller, personId);
        if (!readsPerson && !readableBy(caller, otherPersonId)) {
            throw new CaseNotFoundException("relationship " + relationshipId);
        }
        if (!people.mayCorrect(caller, personId) && !people.mayCorrect(caller, otherPersonId)) {
            throw new NotAllowedException("Only those who may work one of these people's cases, and their managers, may change "
                    + "their relationships.");
        }
        Form form = Form.of(body, time.today());
        for (String fixed : List.of("otherPersonId", "otherPerson")) {
            if (form.has(fixed)) {
                form.error(fixed, "cannot be changed: end this relationship and record the right one");
            }
        }
        Map<String, Object> given = read(form, false);
        Map<String, Object> fields = new LinkedHashMap<>(current);
        fields.putAll(given);
        datesInOrder(form, given, fields);
        form.check();
        if (given.isEmpty()) {
            throw InvalidInputException.of("relationship", "give at least one field to change, such as to (the date it ended)");
        }
        change(relationshipId, current, given, caller.username());
        return view(readsPerson ? personId : otherPersonId, relationshipId);
    }

    // ---- the safety network, for the Entry to Care Panel's form

    /** The child's current safety network, as the panel form's safetyNetwork[] has it. */
    public List<NetworkMember> safetyNetwork(String childId) {
        return of(childId).stream().filter(r -> r.current() && r.safetyNetwork())
                .map(r -> new NetworkMember(name(r.otherPerson()),
                        r.describedAs() != null ? r.describedAs() : Words.list("relationshipTypes").getOrDefault(r.type(),
                                Words.humanise(r.type())),
                        r.roleInPlan()))
                .toList();
    }

    /**
     * The members of the panel form's safety network join the child's network: one the child
     * already has a current relationship with (by name, case and accents aside) is flagged, with
     * their role; anyone else becomes a person (an adult) with a relationship of the nearest type
     * to the words given, kept as the worker wrote them. Runs in the task's completing transaction.
     */
    public void joinSafetyNetwork(String childId, List<NetworkMember> members, String user) {
        for (NetworkMember member : members) {
            List<Relationship> known = of(childId).stream().filter(Relationship::current).toList();
            String name = nameKey(member.name());
            Optional<Relationship> match = known.stream().filter(r -> nameKey(name(r.otherPerson())).equals(name)).findFirst();
            if (match.isPresent()) {
                Relationship r = match.get();
                Map<String, Object> given = new LinkedHashMap<>();
                given.put("safetyNetwork", true);
                given.put("roleInPlan", member.role());
                change(r.relationshipId(), row(r.relationshipId()).orElseThrow(), given, user);
                continue;
            }
            String[] words = member.name().strip().split("\\s+");
            Map<String, Object> person = new LinkedHashMap<>();
            person.put("kind", "ADULT");
            // Only the name the worker wrote is known: its last word as the last name (none for a single word),
            // each cut to what a person's name holds (the panel form allows a longer name than a person has).
            person.put("firstName", atMost(100, words.length == 1 ? words[0]
                    : String.join(" ", List.of(words).subList(0, words.length - 1))));
            person.put("lastName", atMost(100, words.length == 1 ? "" : words[words.length - 1]));
            String personId = UUID.randomUUID().toString();
            people.insert(personId, person, user);
            Map<String, Object> fields = new LinkedHashMap<>();
            fields.put("type", nearestType(member.relationship()));
            fields.put("parentalResponsibility", false);
            fields.put("livesWithChild", false);
            fields.put("safetyNetwork", true);
            fields.put("roleInPlan", member.role());
            fields.put("describedAs", member.relationship());
            insert(childId, personId, fields, user);
        }
    }

    /** The type nearest to a relationship in words; one that names no kin is a family friend, claiming no family tie. */
    static String nearestType(String words) {
        String w = " " + nameKey(words).replaceAll("[^a-z]+", " ") + " ";
        if (w.contains("grand") || w.contains(" nan ") || w.contains(" nana ") || w.contains(" granny ")) {
            return "GRANDPARENT";
        }
        if (w.contains("foster")) {
            return "FOSTER_CARER";
        }
        if (w.contains(" step")) {
            return w.matches(".*(brother|sister|sibling).*") ? "STEP_SIBLING" : "STEP_PARENT";
        }
        if (w.contains(" half")) {
            return "HALF_SIBLING";
        }
        if (w.matches(".* (mother|mum|mom|mummy) .*")) {
            return "MOTHER";
        }
        if (w.matches(".* (father|dad|daddy) .*")) {
            return "FATHER";
        }
        if (w.contains("partner")) {
            return "PARTNER_OF_PARENT";
        }
        if (w.matches(".* (aunt|auntie|aunty|uncle) .*")) {
            return "AUNT_UNCLE";
        }
        if (w.matches(".* (brother|sister|sibling) .*")) {
            return "SIBLING";
        }
        if (w.contains("cousin")) {
            return "COUSIN";
        }
        if (w.contains("neighbour")) {
            return "NEIGHBOUR";
        }
        if (w.matches(".* (niece|nephew|relative|family member) .*")) {
            return "OTHER_RELATIVE";
        }
        if (w.contains(" carer ")) {
            return "CARER";
        }
        return "FAMILY_FRIEND";
    }

    // ---- access

    private void mayChange(Caller caller, String personId) {
        people.readable(caller, personId);
        if (!people.mayCorrect(caller, personId)) {
            throw new NotAllowedException("Only those who may work one of this person's cases, and their managers, may change "
                    + "their relationships.");
        }
    }

    private boolean readableBy(Caller caller, String personId) {
        try {
            people.readable(caller, personId);
            return true;
        } catch (CaseNotFoundException e) {
            return false;
        }
    }

    // ---- reading and checking the fields

    /** Whether the same relationship, not yet ended, is already recorded (twice would be counted twice). */
    private boolean recorded(String personId, String otherPersonId, String type) {
        return db.sql("""
                select count(*) from relationship where person_id = ? and other_person_id = ? and relationship_type = ?
                and (to_date is null or to_date > ?)""")
                .params(personId, otherPersonId, type, time.today()).query(Long.class).single() > 0;
    }

    /** The relationship's own fields given, checked; creating, the type is required. */
    private static Map<String, Object> read(Form form, boolean creating) {
        Map<String, Object> given = new LinkedHashMap<>();
        if (creating || form.has("type")) {
            given.put("type", form.choice("type", TYPES));
        }
        for (String flag : List.of("parentalResponsibility", "livesWithChild", "safetyNetwork")) {
            if (form.has(flag)) {
                given.put(flag, form.bool(flag, false));
            }
        }
        if (form.has("roleInPlan")) {
            given.put("roleInPlan", form.text("roleInPlan", false, 2000));
        }
        if (form.has("organisation")) {
            given.put("organisation", form.text("organisation", false, 200));
        }
        for (String date : List.of("from", "to")) {
            if (form.has(date)) {
                given.put(date, form.optionalDate(date));
            }
        }
        return given;
    }

    /** The relationship ends on or after it began; the error names the date given (a correction may give only one). */
    private static void datesInOrder(Form form, Map<String, Object> given, Map<String, Object> fields) {
        LocalDate from = (LocalDate) fields.get("from");
        LocalDate to = (LocalDate) fields.get("to");
        if (from != null && to != null && to.isBefore(from)) {
            if (given.containsKey("to")) {
                form.error("to", "must not be before from, the date it began (" + from + ")");
            } else {
                form.error("from", "must not be after to, the date it ended (" + to + ")");
            }
        }
    }

    private List<Relationship> of(String personId) {
        return db.sql(SELECT + " where r.person_id = :personId or r.other_person_id = :personId"
                        + " order by case when r.to_date is null then 0 else 1 end, r.created_at desc")
                .param("personId", personId)
                .query((rs, n) -> relationship(rs, personId)).list();
    }

    private Relationship view(String personId, String relationshipId) {
        return db.sql(SELECT + " where r.relationship_id = :relationshipId").param("personId", personId)
                .param("relationshipId", relationshipId).query((rs, n) -> relationship(rs, personId)).single();
    }

    private Relationship relationship(ResultSet rs, String personId) throws SQLException {
        String type = rs.getString("relationship_type");
        LocalDate from = rs.getObject("from_date", LocalDate.class);
        LocalDate to = rs.getObject("to_date", LocalDate.class);
        LocalDate today = time.today();
        return new Relationship(rs.getString("relationship_id"),
                new OtherPerson(rs.getString("o_id"), rs.getString("o_kind"), rs.getString("o_first"), rs.getString("o_last")),
                personId.equals(rs.getString("person_id")) ? type : inverse(type),
                rs.getBoolean("parental_responsibility"), rs.getBoolean("lives_with_child"), rs.getBoolean("safety_network"),
                rs.getString("role_in_plan"), rs.getString("organisation"), rs.getString("described_as"), from, to,
                (from == null || !from.isAfter(today)) && (to == null || to.isAfter(today)));
    }

    /** The stored relationship by the API's field names (and whose it is). */
    private Optional<Map<String, Object>> row(String relationshipId) {
        return db.sql("select * from relationship where relationship_id = ?").param(relationshipId).query((rs, n) -> {
            Map<String, Object> f = new LinkedHashMap<>();
            f.put("personId", rs.getString("person_id"));
            f.put("otherPersonId", rs.getString("other_person_id"));
            f.put("type", rs.getString("relationship_type"));
            f.put("parentalResponsibility", rs.getBoolean("parental_responsibility"));
            f.put("livesWithChild", rs.getBoolean("lives_with_child"));
            f.put("safetyNetwork", rs.getBoolean("safety_network"));
            f.put("roleInPlan", rs.getString("role_in_plan"));
            f.put("organisation", rs.getString("organisation"));
            f.put("describedAs", rs.getString("described_as"));
            f.put("from", rs.getObject("from_date", LocalDate.class));
            f.put("to", rs.getObject("to_date", LocalDate.class));
            return f;
        }).optional();
    }

    // ---- writing

    private String insert(String personId, String otherPersonId, Map<String, Object> f, String user) {
        String relationshipId = UUID.randomUUID().toString();
        db.sql("""
                insert into relationship (relationship_id, person_id, other_person_id, relationship_type, parental_responsibility,
                                          lives_with_child, safety_network, role_in_plan, organisation, described_as,
                                          from_date, to_date, created_by, created_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(relationshipId, personId, otherPersonId, f.get("type"), f.get("parentalResponsibility"),
                        f.get("livesWithChild"), f.get("safetyNetwork"), f.get("roleInPlan"), f.get("organisation"),
                        f.get("describedAs"), f.get("from"), f.get("to"), user, Timestamp.from(time.now()))
                .update();
        return relationshipId;
    }

    /** Writes the fields that differ, each a history row: who, when, the old and the new value. */
    private void change(String relationshipId, Map<String, Object> current, Map<String, Object> given, String user) {
        Timestamp now = Timestamp.from(time.now());
        Map<String, Object> fields = new LinkedHashMap<>(current);
        boolean changed = false;
        for (Map.Entry<String, Object> change : given.entrySet()) {
            Object old = current.get(change.getKey());
            if (!Objects.equals(old, change.getValue())) {
                changed = true;
                fields.put(change.getKey(), change.getValue());
                db.sql("""
                        insert into relationship_history (relationship_id, changed_at, changed_by, field, old_value, new_value)
                        values (?, ?, ?, ?, ?, ?)""")
                        .params(relationshipId, now, user, change.getKey(), jsonText(old), jsonText(change.getValue()))
                        .update();
            }
        }
        if (changed) {
            db.sql("""
                    update relationship set relationship_type = ?, parental_responsibility = ?, lives_with_child = ?,
                                            safety_network = ?, role_in_plan = ?, organisation = ?, from_date = ?, to_date = ?
                    where relationship_id = ?""")
                    .params(fields.get("type"), fields.get("parentalResponsibility"), fields.get("livesWithChild"),
                            fields.get("safetyNetwork"), fields.get("roleInPlan"), fields.get("organisation"),
                            fields.get("from"), fields.get("to"), relationshipId)
                    .update();
        }
    }

    private String jsonText(Object value) {
        try {
            return value == null ? null : json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String atMost(int length, String text) {
        return text.length() <= length ? text : text.substring(0, length);
    }

    private static String name(OtherPerson p) {
        return (p.firstName() + " " + p.lastName()).strip();
    }

    /** A name or words as a person compares them: case, accents and spacing aside. */
    public static String nameKey(String text) {
        return String.join(" ", List.of(text.strip().split("\\s+")).stream().map(PersonNames::normalise).toList());
    }
}
