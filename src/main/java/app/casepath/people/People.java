package app.casepath.people;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import app.casepath.calendar.TimeSource;
import app.casepath.caserecord.CaseNotFoundException;
import app.casepath.caserecord.CaseRecord;
import app.casepath.caserecord.ChildIdentifiers;
import app.casepath.frontdoor.ContactService;
import app.casepath.security.CaseAccess;
import app.casepath.security.Caller;
import app.casepath.security.Groups;
import app.casepath.security.NotAllowedException;
import app.casepath.tasks.Form;
import app.casepath.tasks.InvalidInputException;

/**
 * People (casework.md): the record of everyone the case record knows, children and adults, their
 * corrections kept as history, and finding them by name, date of birth or NHS number.
 *
 * <p>Who may do what:
 * <ul>
 * <li><b>Read</b> a person: whoever may read one of their cases ({@link CaseAccess}, the one rule
 * for cases). A person on no case yet (an adult or a sibling just added) is read by whoever
 * recorded them and by those who see every case (team and service managers): the recorder is
 * about to link them to a case they are working, and no one else has a reason to see them
 * before that. Anyone else gets 404, as for a case, so a person's existence is not confirmed.</li>
 * <li><b>Correct</b> (PATCH): whoever may work one of their cases (its allocated worker or early
 * help worker, the holder of one of its open tasks or a member of those tasks' groups), the
 * recorder of a person on no case, and the managers who direct that work (team managers; Front
 * Door managers, for the people they may read). Service managers read everything but change
 * nothing (roles.md). A reader who may not correct gets 403.</li>
 * <li><b>Add</b> (POST): those who record contacts ({@link ContactService#RECORDERS}).</li>
 * </ul>
 *
 * <p>A child's personId is their childId: their row in `child` (the child number, the former
 * UPN) has the same id, and the columns both tables hold are written here, together.
 */
@Service
public class People {

    public record Address(List<String> lines, String postcode, boolean confidential) {
    }

    /** One of the person's cases (those the caller may read). */
    public record PersonCase(String caseId, String reference, String stage, String status, LocalDate closedOn) {
    }

    public record Person(String personId, String kind, String childNumber, String firstName, String lastName,
                         List<String> otherNames, LocalDate dateOfBirth, LocalDate expectedDateOfBirth, String gender,
                         String ethnicity, String nhsNumber, String upn, String upnUnknown, String formerUpn,
                         List<String> disabilities, String firstLanguage, Boolean interpreterNeeded, Address address,
                         String phone, String email, LocalDate diedOn,
                         @JsonInclude(JsonInclude.Include.NON_NULL) List<PersonCase> cases) {
    }

    public record OpenCase(String caseId, String reference, String stage) {
    }

    /** A search hit: the person, their open case and its stage (null if none), and whether the record is restricted. */
    public record Hit(Person person, OpenCase openCase, boolean restricted) {
    }

    public record Change(OffsetDateTime changedAt, String changedBy, String field, JsonNode oldValue, JsonNode newValue) {
    }

    /** A likely existing child for the contact form: who they are, never what their record says. */
    public record Match(String personId, String childNumber, String firstName, String lastName, LocalDate dateOfBirth,
                        LocalDate expectedDateOfBirth, boolean sameDateOfBirth) {
    }

    /** The child's part of a contact, for a child recorded for the first time. */
    public record NewChild(String firstName, String lastName, LocalDate dateOfBirth, LocalDate expectedDateOfBirth,
                           String gender, String ethnicity, String address) {
    }

    static final int MAX_HITS = 50;
    static final int MAX_MATCHES = 10;
    private static final int MAX_QUERY_WORDS = 5;
    private static final Set<String> CORRECTING_MANAGERS = Set.of(Groups.TEAM_MANAGERS, Groups.FRONT_DOOR_MANAGERS);
    private static final String SELECT = """
            select p.*, ch.child_number, ch.former_upn, case when ch.child_id is null then false else true end as has_child
            from person p left join child ch on ch.child_id = p.person_id""";

    private final JdbcClient db;
    private final CaseAccess access;
    private final TimeSource time;
    private final ObjectMapper json;
    private final Restrictions restrictions;

    People(JdbcClient db, CaseAccess access, TimeSource time, ObjectMapper json, Restrictions restrictions) {
        this.restrictions = restrictions;
        this.db = db;
        this.access = access;
        this.time = time;
        this.json = json;
    }

    // ---- the API

    @Transactional
    public Person create(Caller caller, JsonNode body) {
        if (!caller.inAny(ContactService.RECORDERS)) {
            throw new NotAllowedException("People are added by the Front Door and practitioners.");
        }
        Form form = Form.of(body, time.today());
        Map<String, Object> fields = PersonForm.readNew(form);
        form.check();
        String personId = UUID.randomUUID().toString();
        insert(personId, fields, caller.username());
        return get(caller, personId);
    }

    public Person get(Caller caller, String personId) {
        Map<String, Object> fields = readable(caller, personId);
        return view(personId, fields, cases(caller, personId));
    }

    /** Corrections: each field changed is a history row (who, when, the old and the new value); nothing is written on any error. */
    @Transactional
    public Person correct(Caller caller, String personId, JsonNode body) {
        Map<String, Object> current = readable(caller, personId);
        if (!mayCorrect(caller, personId)) {
            throw new NotAllowedException("Only those who may work one of this person's cases, and their managers, may correct them.");
        }
        Form form = Form.of(body, time.today());
        Map<String, Object> given = PersonForm.read(form, false);
        if (given.containsKey("formerUpn") && !Boolean.TRUE.equals(current.get("hasChild"))) {
            form.error("formerUpn", "is recorded once the child has a case");
        }
        if (given.get("dateOfBirth") != null) {
            given.put("expectedDateOfBirth", null); // born: the expected date gives way
        } else if (given.get("expectedDateOfBirth") != null && current.get("dateOfBirth") != null) {
            form.error("expectedDateOfBirth", "this person's date of birth is recorded");
        }
        form.check();
        if (given.isEmpty()) {
            throw InvalidInputException.of("person", "give at least one field to correct");
        }
        Map<String, Object> fields = new LinkedHashMap<>(current);
        fields.putAll(given);
        Timestamp now = Timestamp.from(time.now());
        for (Map.Entry<String, Object> change : given.entrySet()) {
            Object old = current.get(change.getKey());
            if (!Objects.equals(old, change.getValue())) {
                db.sql("""
                        insert into person_history (person_id, changed_at, changed_by, field, old_value, new_value)
                        values (?, ?, ?, ?, ?, ?)""")
                        .params(personId, now, caller.username(), change.getKey(), jsonText(old), jsonText(change.getValue()))
                        .update();
            }
        }
        update(personId, fields);
        return get(caller, personId);
    }

    public List<Change> history(Caller caller, String personId) {
        readable(caller, personId);
        return db.sql("""
                select changed_at, changed_by, field, old_value, new_value from person_history
                where person_id = ? order by changed_at, id""")
                .param(personId)
                .query((rs, n) -> new Change(rs.getObject("changed_at", OffsetDateTime.class), rs.getString("changed_by"),
                        rs.getString("field"), jsonNode(rs.getString("old_value")), jsonNode(rs.getString("new_value"))))
                .list();
    }

    /**
     * GET /api/people: the people the caller may see whose names (first, last, other) hold every
     * word of q, spelled the same once case and accents are set aside, or sounding alike (Double
     * Metaphone); and/or of that exact date of birth or NHS number. Exact spellings first. Each
     * word is an index lookup on person_name.
     */
    public List<Hit> find(Caller caller, String q, LocalDate dateOfBirth, String nhsNumber) {
        List<PersonNames.Key> words = q == null ? List.of() : PersonNames.keys(List.of(q));
        String nhs = nhsNumber == null ? null : nhsNumber.replace(" ", "");
        if (nhs != null && nhs.isEmpty()) {
            nhs = null;
        }
        if (words.isEmpty() && dateOfBirth == null && nhs == null) {
            throw InvalidInputException.of("q", "give a name, a date of birth or an NHS number");
        }
        if (words.size() > MAX_QUERY_WORDS) {
            throw InvalidInputException.of("q", "at most " + MAX_QUERY_WORDS + " words");
        }
        if (nhs != null && !ChildIdentifiers.validNhsNumber(nhs)) {
            throw InvalidInputException.of("nhsNumber", "is not a valid NHS number");
        }
        Map<String, Object> params = new HashMap<>();
        List<String> where = new ArrayList<>();
        String from = SELECT;
        String score = "";
        if (!words.isEmpty()) {
            // One pass over the index entries of the words: the people with every word, and how many spelled exactly.
            List<String> any = new ArrayList<>();
            List<String> every = new ArrayList<>();
            List<String> exact = new ArrayList<>();
            for (int i = 0; i < words.size(); i++) {
                PersonNames.Key word = words.get(i);
                params.put("n" + i, word.normalised());
                params.put("k" + i, List.copyOf(new LinkedHashSet<>(List.of(word.phonetic(), word.phoneticAlt()))));
                String matches = "(n.normalised = :n" + i + " or n.phonetic in (:k" + i + ") or n.phonetic_alt in (:k" + i + "))";
                any.add(matches);
                every.add("max(case when " + matches + " then 1 else 0 end) = 1");
                exact.add("max(case when n.normalised = :n" + i + " then 1 else 0 end)");
            }
            from = "with m as (select n.person_id, " + String.join(" + ", exact) + " as exact from person_name n where "
                    + String.join(" or ", any) + " group by n.person_id having " + String.join(" and ", every) + ") "
                    + SELECT.replace("from person p", "from m join person p on p.person_id = m.person_id");
            score = "m.exact desc, ";
        }
        if (dateOfBirth != null) {
            where.add("p.date_of_birth = :dateOfBirth");
            params.put("dateOfBirth", dateOfBirth);
        }
        if (nhs != null) {
            where.add("p.nhs_number = :nhsNumber");
            params.put("nhsNumber", nhs);
        }
        where.add(readableCondition(caller, params));
        List<Map<String, Object>> found = db.sql(from + " where " + String.join(" and ", where)
                        + " order by " + score + "p.last_name, p.first_name, p.person_id fetch first " + MAX_HITS + " rows only")
                .params(params).query((rs, n) -> fields(rs)).list();
        Map<String, OpenCase> open = openCases(found.stream().map(f -> (String) f.get("personId")).toList());
        return restrictions.asSeenBy(caller, found.stream().map(f -> new Hit(view((String) f.get("personId"), f, null),
                open.get((String) f.get("personId")), false)).toList());
    }

    /**
     * GET /api/people/matches: children whose first and last names sound like those given (any
     * word of each), those born on the given date first. For those who record contacts only: the
     * Front Door must check whether a child is known before recording them again, and needs to
     * for children whose cases it may not read; so a match names who the child is (names, date
     * of birth, child number) and nothing of their record.
     */
    public List<Match> matches(Caller caller, String firstName, String lastName, LocalDate dateOfBirth) {
        if (!caller.inAny(ContactService.RECORDERS)) {
            throw new NotAllowedException("Matches are for those who record contacts.");
        }
        List<PersonNames.Key> first = firstName == null ? List.of() : PersonNames.keys(List.of(firstName));
        List<PersonNames.Key> last = lastName == null ? List.of() : PersonNames.keys(List.of(lastName));
        List<app.casepath.tasks.FieldError> errors = new ArrayList<>();
        if (first.isEmpty()) {
            errors.add(new app.casepath.tasks.FieldError("firstName", "is required"));
        }
        if (last.isEmpty()) {
            errors.add(new app.casepath.tasks.FieldError("lastName", "is required"));
        }
        if (first.size() > MAX_QUERY_WORDS || last.size() > MAX_QUERY_WORDS) {
            errors.add(new app.casepath.tasks.FieldError("lastName", "at most " + MAX_QUERY_WORDS + " words a name"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        Map<String, Object> params = new HashMap<>();
        String sql = SELECT + " where p.kind = 'CHILD' and " + anyWord("f", first, params) + " and " + anyWord("l", last, params);
        String order = "p.last_name, p.first_name, p.person_id";
        if (dateOfBirth != null) {
            params.put("dateOfBirth", dateOfBirth);
            order = "case when p.date_of_birth = :dateOfBirth then 0 else 1 end, " + order;
        }
        return db.sql(sql + " order by " + order + " fetch first " + MAX_MATCHES + " rows only").params(params)
                .query((rs, n) -> {
                    LocalDate born = rs.getObject("date_of_birth", LocalDate.class);
                    return new Match(rs.getString("person_id"), rs.getString("child_number"), rs.getString("first_name"),
                            rs.getString("last_name"), born, rs.getObject("expected_date_of_birth", LocalDate.class),
                            dateOfBirth != null && dateOfBirth.equals(born));
                }).list();
    }

    // ---- children, as the Front Door records them

    /** A child recorded for the first time by a contact: their person and child rows, one id, in the contact's family. */
    @Transactional
    public String newChild(NewChild child, String childNumber, String familyId, String recordedBy) {
        String childId = UUID.randomUUID().toString();
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("kind", "CHILD");
        fields.put("firstName", child.firstName());
        fields.put("lastName", child.lastName());
        fields.put("dateOfBirth", child.dateOfBirth());
        fields.put("expectedDateOfBirth", child.expectedDateOfBirth());
        fields.put("gender", child.gender());
        fields.put("ethnicity", child.ethnicity());
        if (child.address() != null) {
            fields.put("address", new Address(List.of(child.address()), null, false));
        }
        insert(childId, fields, recordedBy);
        db.sql("""
                insert into child (child_id, child_number, first_name, last_name, family_id, created_at)
                values (?, ?, ?, ?, ?, ?)""")
                .params(childId, childNumber, child.firstName(), child.lastName(), familyId, Timestamp.from(time.now()))
                .update();
        mirror(childId, fields);
        return childId;
    }

    /**
     * The child a contact names by id: a child already on a case, or a person added as a child
     * (POST /api/people, kind CHILD), who becomes a child of the record now (a child number, a
     * row in `child`, in the contact's family). Empty if there is no such person; an adult is
     * refused, the error naming {@code field} (child.childId, or children[i].childId).
     */
    @Transactional
    public java.util.Optional<String> childForContact(String personId, java.util.function.Supplier<String> childNumber,
                                                      String familyId, String field) {
        if (db.sql("select count(*) from child where child_id = ?").param(personId).query(Long.class).single() > 0) {
            return java.util.Optional.of(personId);
        }
        java.util.Optional<Map<String, Object>> person = load(personId);
        if (person.isEmpty()) {
            return java.util.Optional.empty();
        }
        if (!"CHILD".equals(person.get().get("kind"))) {
            throw InvalidInputException.of(field, "is an adult, not a child");
        }
        db.sql("""
                insert into child (child_id, child_number, first_name, last_name, family_id, created_at)
                values (?, ?, ?, ?, ?, ?)""")
                .params(personId, childNumber.get(), person.get().get("firstName"), person.get().get("lastName"), familyId,
                        Timestamp.from(time.now())).update();
        mirror(personId, person.get());
        return java.util.Optional.of(personId);
    }

    // ---- access

    Map<String, Object> readable(Caller caller, String personId) {
        Map<String, Object> params = new HashMap<>();
        params.put("personId", personId);
        // A restricted record: its allowed users (and setter) only, whoever else could read it.
        CaseAccess.Condition open = CaseAccess.notRestrictedFrom(caller, "p.person_id");
        CaseAccess.Condition allowed = CaseAccess.allowedOnRestriction(caller, "p.person_id");
        params.putAll(open.params());
        String condition = "((" + readableCondition(caller, params) + " and " + open.sql() + ") or " + allowed.sql() + ")";
        return db.sql(SELECT + " where p.person_id = :personId and " + condition).params(params)
                .query((rs, n) -> fields(rs)).optional()
                .orElseThrow(() -> new CaseNotFoundException("person " + personId));
    }

    /**
     * A condition on person aliased "p": one of their cases is readable, or they are on none and the caller recorded them.
     * An adult's cases are those of the children they are related to (either way round): the child's worker reads the
     * mother they recorded on the child's record.
     */
    private String readableCondition(Caller caller, Map<String, Object> params) {
        if (caller.inAny(CaseAccess.SEE_EVERY_CASE)) {
            return "1 = 1";
        }
        CaseAccess.Condition visible = access.ordinarilyVisibleTo(caller); // restrictions: readable() and Restrictions
        params.putAll(visible.params());
        params.put("personUser", caller.username());
        return "(exists (select 1 from child_case c where c.child_id = p.person_id and " + visible.sql() + ")"
                + " or exists (select 1 from relationship rel join child_case c on c.child_id = rel.person_id"
                + " where rel.other_person_id = p.person_id and " + visible.sql() + ")"
                + " or exists (select 1 from relationship rel join child_case c on c.child_id = rel.other_person_id"
                + " where rel.person_id = p.person_id and " + visible.sql() + ")"
                + " or (p.created_by = :personUser and not exists (select 1 from child_case o where o.child_id = p.person_id))"
                + " or " + CaseAccess.allowedOnRestriction(caller, "p.person_id").sql() + ")";
    }

    /** Whether the caller may work one of the person's cases (an adult's: those of the children they are related to). */
    boolean mayCorrect(Caller caller, String personId) {
        if (caller.inAny(CORRECTING_MANAGERS)) {
            return true; // and they may read them: checked first
        }
        List<String> groups = caller.groups().isEmpty() ? List.of("") : List.copyOf(caller.groups());
        String works = """
                (c.allocated_worker = :user or c.early_help_worker = :user
                 or exists (select 1 from task_inbox t where t.case_id = c.case_id and (t.assignee = :user
                            or exists (select 1 from task_inbox_group g where g.task_id = t.task_id and g.group_id in (:groups)))))""";
        return db.sql("select count(*) from person p where p.person_id = :personId and ("
                        + " exists (select 1 from child_case c where c.child_id = p.person_id and " + works + ")"
                        + " or exists (select 1 from relationship rel join child_case c on c.child_id = rel.person_id"
                        + " where rel.other_person_id = p.person_id and " + works + ")"
                        + " or exists (select 1 from relationship rel join child_case c on c.child_id = rel.other_person_id"
                        + " where rel.person_id = p.person_id and " + works + ")"
                        + " or (p.created_by = :user and not exists (select 1 from child_case o where o.child_id = p.person_id)))")
                .param("personId", personId).param("user", caller.username()).param("groups", groups)
                .query(Long.class).single() > 0;
    }

    // ---- reading

    private java.util.Optional<Map<String, Object>> load(String personId) {
        return db.sql(SELECT + " where p.person_id = ?").param(personId).query((rs, n) -> fields(rs)).optional();
    }

    /** A person's row as the API names its fields (and hasChild: whether they have a row in child). */
    private Map<String, Object> fields(ResultSet rs) throws SQLException {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("personId", rs.getString("person_id"));
        f.put("kind", rs.getString("kind"));
        f.put("childNumber", rs.getString("child_number"));
        f.put("firstName", rs.getString("first_name"));
        f.put("lastName", rs.getString("last_name"));
        f.put("otherNames", list(rs.getString("other_names")));
        f.put("dateOfBirth", rs.getObject("date_of_birth", LocalDate.class));
        f.put("expectedDateOfBirth", rs.getObject("expected_date_of_birth", LocalDate.class));
        f.put("gender", rs.getString("gender"));
        f.put("ethnicity", rs.getString("ethnicity"));
        f.put("nhsNumber", rs.getString("nhs_number"));
        f.put("upn", rs.getString("upn"));
        f.put("upnUnknown", rs.getString("upn_unknown"));
        f.put("formerUpn", rs.getString("former_upn"));
        f.put("disabilities", list(rs.getString("disabilities")));
        f.put("firstLanguage", rs.getString("first_language"));
        f.put("interpreterNeeded", (Boolean) rs.getObject("interpreter_needed"));
        List<String> lines = list(rs.getString("address_lines"));
        String postcode = rs.getString("postcode");
        boolean confidential = rs.getBoolean("address_confidential");
        f.put("address", lines == null && postcode == null && !confidential ? null
                : new Address(lines == null ? List.of() : lines, postcode, confidential));
        f.put("phone", rs.getString("phone"));
        f.put("email", rs.getString("email"));
        f.put("diedOn", rs.getObject("died_on", LocalDate.class));
        f.put("hasChild", rs.getBoolean("has_child"));
        return f;
    }

    @SuppressWarnings("unchecked")
    private static Person view(String personId, Map<String, Object> f, List<PersonCase> cases) {
        return new Person(personId, (String) f.get("kind"), (String) f.get("childNumber"), (String) f.get("firstName"),
                (String) f.get("lastName"), f.get("otherNames") == null ? List.of() : (List<String>) f.get("otherNames"),
                (LocalDate) f.get("dateOfBirth"), (LocalDate) f.get("expectedDateOfBirth"), (String) f.get("gender"),
                (String) f.get("ethnicity"), (String) f.get("nhsNumber"), (String) f.get("upn"), (String) f.get("upnUnknown"),
                (String) f.get("formerUpn"), (List<String>) f.get("disabilities"), (String) f.get("firstLanguage"),
                (Boolean) f.get("interpreterNeeded"), (Address) f.get("address"), (String) f.get("phone"),
                (String) f.get("email"), (LocalDate) f.get("diedOn"), cases);
    }

    private List<PersonCase> cases(Caller caller, String personId) {
        CaseAccess.Condition visible = access.visibleTo(caller);
        return db.sql("select c.case_id, c.case_number, c.stage, c.status, c.closed_on from child_case c where c.child_id = :personId and "
                        + visible.sql() + " order by c.opened_at desc")
                .param("personId", personId).params(visible.params())
                .query((rs, n) -> new PersonCase(rs.getString("case_id"), CaseRecord.CaseRow.reference(rs.getLong("case_number")),
                        rs.getString("stage"), rs.getString("status"), rs.getObject("closed_on", LocalDate.class)))
                .list();
    }

    private Map<String, OpenCase> openCases(List<String> personIds) {
        if (personIds.isEmpty()) {
            return Map.of();
        }
        Map<String, OpenCase> open = new HashMap<>();
        db.sql("""
                select c.child_id, c.case_id, c.case_number, c.stage from child_case c
                where c.child_id in (:ids) and c.closed_on is null order by c.opened_at""")
                .param("ids", personIds)
                .query((rs, n) -> Map.entry(rs.getString("child_id"), new OpenCase(rs.getString("case_id"),
                        CaseRecord.CaseRow.reference(rs.getLong("case_number")), rs.getString("stage"))))
                .list().forEach(e -> open.put(e.getKey(), e.getValue())); // the newest open case wins
        return open;
    }

    private static String anyWord(String prefix, List<PersonNames.Key> words, Map<String, Object> params) {
        List<String> normalised = words.stream().map(PersonNames.Key::normalised).distinct().toList();
        List<String> keys = words.stream().flatMap(w -> java.util.stream.Stream.of(w.phonetic(), w.phoneticAlt()))
                .distinct().collect(Collectors.toList());
        params.put(prefix + "n", normalised);
        params.put(prefix + "k", keys);
        return "p.person_id in (select n.person_id from person_name n where n.normalised in (:" + prefix + "n)"
                + " or n.phonetic in (:" + prefix + "k) or n.phonetic_alt in (:" + prefix + "k))";
    }

    // ---- writing: person, its names' keys, and the child's copy of the shared columns

    void insert(String personId, Map<String, Object> f, String createdBy) {
        Address address = (Address) f.get("address");
        db.sql("""
                insert into person (person_id, kind, first_name, last_name, other_names, date_of_birth, expected_date_of_birth,
                                    gender, ethnicity, nhs_number, upn, upn_unknown, disabilities, first_language,
                                    interpreter_needed, address_lines, postcode, address_confidential, phone, email, died_on,
                                    created_by, created_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(personId, f.get("kind"), f.get("firstName"), f.get("lastName"), listText(f.get("otherNames")),
                        f.get("dateOfBirth"), f.get("expectedDateOfBirth"), f.get("gender"), f.get("ethnicity"),
                        f.get("nhsNumber"), f.get("upn"), f.get("upnUnknown"), listText(f.get("disabilities")),
                        f.get("firstLanguage"), f.get("interpreterNeeded"),
                        address == null ? null : listText(address.lines()), address == null ? null : address.postcode(),
                        address != null && address.confidential(), f.get("phone"), f.get("email"), f.get("diedOn"),
                        createdBy, Timestamp.from(time.now()))
                .update();
        names(personId, f);
    }

    private void update(String personId, Map<String, Object> f) {
        Address address = (Address) f.get("address");
        db.sql("""
                update person set first_name = ?, last_name = ?, other_names = ?, date_of_birth = ?, expected_date_of_birth = ?,
                                  gender = ?, ethnicity = ?, nhs_number = ?, upn = ?, upn_unknown = ?, disabilities = ?,
                                  first_language = ?, interpreter_needed = ?, address_lines = ?, postcode = ?,
                                  address_confidential = ?, phone = ?, email = ?, died_on = ?
                where person_id = ?""")
                .params(f.get("firstName"), f.get("lastName"), listText(f.get("otherNames")),
                        f.get("dateOfBirth"), f.get("expectedDateOfBirth"), f.get("gender"), f.get("ethnicity"),
                        f.get("nhsNumber"), f.get("upn"), f.get("upnUnknown"), listText(f.get("disabilities")),
                        f.get("firstLanguage"), f.get("interpreterNeeded"),
                        address == null ? null : listText(address.lines()), address == null ? null : address.postcode(),
                        address != null && address.confidential(), f.get("phone"), f.get("email"), f.get("diedOn"),
                        personId)
                .update();
        db.sql("delete from person_name where person_id = ?").param(personId).update();
        names(personId, f);
        mirror(personId, f);
    }

    @SuppressWarnings("unchecked")
    private void names(String personId, Map<String, Object> f) {
        List<String> all = new ArrayList<>();
        all.add((String) f.get("firstName"));
        all.add((String) f.get("lastName"));
        if (f.get("otherNames") != null) {
            all.addAll((List<String>) f.get("otherNames"));
        }
        for (PersonNames.Key key : PersonNames.keys(all)) {
            db.sql("insert into person_name (person_id, word, normalised, phonetic, phonetic_alt) values (?, ?, ?, ?, ?)")
                    .params(personId, key.word(), key.normalised(), key.phonetic(), key.phoneticAlt()).update();
        }
    }

    /** The child's copy of what the person holds (cases, exports and figures read `child`); nothing if not a child of the record. */
    private void mirror(String personId, Map<String, Object> f) {
        Address address = (Address) f.get("address");
        String line = null;
        if (address != null) {
            List<String> parts = new ArrayList<>(address.lines());
            if (address.postcode() != null) {
                parts.add(address.postcode());
            }
            line = parts.isEmpty() ? null : String.join(", ", parts);
            if (line != null && line.length() > 500) {
                line = line.substring(0, 500);
            }
        }
        List<Object> params = new ArrayList<>(List.of());
        params.add(f.get("firstName"));
        params.add(f.get("lastName"));
        params.add(f.get("dateOfBirth"));
        params.add(f.get("expectedDateOfBirth"));
        params.add(f.get("gender"));
        params.add(f.get("ethnicity"));
        params.add(line);
        params.add(f.get("upn"));
        params.add(f.get("upnUnknown"));
        params.add(f.get("nhsNumber"));
        params.add(listText(f.get("disabilities")));
        String formerUpn = "";
        if (f.containsKey("formerUpn") && f.get("formerUpn") != null) {
            formerUpn = ", former_upn = ?";
            params.add(f.get("formerUpn"));
        }
        params.add(personId);
        db.sql("update child set first_name = ?, last_name = ?, date_of_birth = ?, expected_date_of_birth = ?, gender = ?,"
                        + " ethnicity = ?, address = ?, upn = ?, upn_unknown = ?, nhs_number = ?, disabilities = ?" + formerUpn
                        + " where child_id = ?")
                .params(params).update();
    }

    // ---- JSON text columns

    private String listText(Object list) {
        return list == null ? null : jsonText(list);
    }

    private String jsonText(Object value) {
        if (value == null) {
            return null;
        }
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private JsonNode jsonNode(String text) {
        try {
            return text == null ? null : json.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private List<String> list(String text) {
        if (text == null) {
            return null;
        }
        try {
            return json.readValue(text, new TypeReference<List<String>>() { });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("not a JSON list: " + text, e);
        }
    }
}
