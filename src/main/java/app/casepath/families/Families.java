package app.casepath.families;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import app.casepath.calendar.TimeSource;
import app.casepath.caserecord.CaseNotFoundException;
import app.casepath.caserecord.CaseRecord;
import app.casepath.caserecord.CaseWarnings;
import app.casepath.people.Relationships;
import app.casepath.security.CaseAccess;
import app.casepath.security.Caller;
import app.casepath.tasks.TaskInbox;

/**
 * Families of children (casework.md, "Families and siblings"): siblings referred on one contact,
 * or named as one by a contact's familyGroup, share a familyId. A family is read through its
 * children's cases: whoever may read one of them sees the family, and only the cases they may read.
 */
@Service
public class Families {

    public record OpenTask(String taskId, String taskKey, String name, String assignee, List<String> candidateGroups,
                           LocalDate dueOn, boolean overdue) {
    }

    public record FamilyCase(String caseId, String reference, String stage, String status, String allocatedWorker,
                             LocalDate closedOn, List<OpenTask> openTasks, LocalDate nextDueOn) {
    }

    public record Child(String childId, String personId, String childNumber, String firstName, String lastName,
                        LocalDate dateOfBirth, LocalDate expectedDateOfBirth, List<FamilyCase> cases) {
    }

    /** Someone around the children (an adult, or a child not of this family) and how they are related to each child. */
    public record Adult(String personId, String kind, String firstName, String lastName, List<RelatedTo> relationships) {
    }

    /** One relationship of an adult to one of the family's children: the type reads "the adult is the child's …". */
    public record RelatedTo(String relationshipId, String childId, String childName, String type, boolean parentalResponsibility,
                            boolean livesWithChild, boolean safetyNetwork, String roleInPlan, String organisation,
                            LocalDate from, LocalDate to, boolean current) {
    }

    public record Family(String familyId, List<Child> children, List<Adult> adults, List<CaseWarnings.Warning> warnings,
                         LocalDate nextDueOn) {
    }

    private final JdbcClient db;
    private final CaseAccess access;
    private final TaskInbox inbox;
    private final TimeSource time;
    private final Relationships relationships;
    private final CaseWarnings caseWarnings;

    Families(JdbcClient db, CaseAccess access, TaskInbox inbox, TimeSource time, Relationships relationships,
             CaseWarnings caseWarnings) {
        this.caseWarnings = caseWarnings;
        this.db = db;
        this.access = access;
        this.inbox = inbox;
        this.time = time;
        this.relationships = relationships;
    }

    // ---- a contact's family

    /** The family a contact's familyGroup names: the one it named before, or a new one by that name. */
    public String named(String familyGroup) {
        // Two contacts naming the same new family at once: the second insert does nothing (waiting for the
        // first to commit) and both read the one family, rather than one failing on the unique name.
        db.sql("insert into family (family_id, family_group, created_at) values (?, ?, ?) on conflict do nothing")
                .params(UUID.randomUUID().toString(), familyGroup, Timestamp.from(time.now())).update();
        return db.sql("select family_id from family where family_group = ?").param(familyGroup).query(String.class).single();
    }

    /** A new family, for children not yet in one. */
    public String create() {
        String familyId = UUID.randomUUID().toString();
        db.sql("insert into family (family_id, created_at) values (?, ?)").params(familyId, Timestamp.from(time.now())).update();
        return familyId;
    }

    /** The family of a child already recorded. */
    public Optional<String> of(String childId) {
        return db.sql("select family_id from child where child_id = ?").param(childId).query(String.class).optional();
    }

    /** The child is now of this family (siblings referred together, or a family named by a later contact). */
    public void join(String familyId, String childId) {
        db.sql("update child set family_id = ? where child_id = ?").params(familyId, childId).update();
    }

    /** The family of the child whose case this is: siblings' tasks are worked together within one family. */
    public Optional<String> ofCase(String caseId) {
        return db.sql("select ch.family_id from child_case c join child ch on ch.child_id = c.child_id where c.case_id = ?")
                .param(caseId).query(String.class).optional();
    }

    // ---- reading a family

    /** GET /api/families/{familyId}: 404 unless the caller may read at least one of its children's cases. */
    public Family get(Caller caller, String familyId) {
        CaseAccess.Condition visible = access.visibleTo(caller);
        LocalDate today = time.today();
        record Row(Child child, FamilyCase familyCase) {
        }
        List<Row> rows = db.sql("""
                select ch.child_id, ch.child_number, ch.first_name, ch.last_name, ch.date_of_birth, ch.expected_date_of_birth,
                       c.case_id, c.case_number, c.stage, c.status, c.allocated_worker, c.closed_on
                from child ch join child_case c on c.child_id = ch.child_id
                where ch.family_id = :familyId and\s""" + visible.sql()
                        + " order by ch.date_of_birth, ch.expected_date_of_birth, ch.child_id, c.case_number")
                .param("familyId", familyId).params(visible.params())
                .query((rs, n) -> new Row(
                        new Child(rs.getString("child_id"), rs.getString("child_id"), rs.getString("child_number"),
                                rs.getString("first_name"), rs.getString("last_name"), rs.getObject("date_of_birth", LocalDate.class),
                                rs.getObject("expected_date_of_birth", LocalDate.class), List.of()),
                        new FamilyCase(rs.getString("case_id"), CaseRecord.CaseRow.reference(rs.getLong("case_number")),
                                rs.getString("stage"), rs.getString("status"), rs.getString("allocated_worker"),
                                rs.getObject("closed_on", LocalDate.class), List.of(), null)))
                .list();
        Map<String, Child> children = new LinkedHashMap<>();
        for (Row row : rows) {
            FamilyCase c = row.familyCase();
            List<OpenTask> tasks = inbox.forCase(c.caseId(), today).stream()
                    .map(t -> new OpenTask(t.taskId(), t.taskKey(), t.name(), t.assignee(), t.candidateGroups(), t.dueOn(),
                            t.overdue()))
                    .toList();
            FamilyCase withTasks = new FamilyCase(c.caseId(), c.reference(), c.stage(), c.status(), c.allocatedWorker(),
                    c.closedOn(), tasks, nextDue(tasks.stream().map(OpenTask::dueOn).toList()));
            Child child = children.getOrDefault(row.child().childId(), row.child());
            List<FamilyCase> cases = new ArrayList<>(child.cases());
            cases.add(withTasks);
            children.put(child.childId(), new Child(child.childId(), child.personId(), child.childNumber(), child.firstName(),
                    child.lastName(), child.dateOfBirth(), child.expectedDateOfBirth(), List.copyOf(cases)));
        }
        if (children.isEmpty()) {
            throw new CaseNotFoundException("family " + familyId);
        }
        List<Child> listed = List.copyOf(children.values());
        LocalDate nextDue = nextDue(listed.stream().flatMap(c -> c.cases().stream()).map(FamilyCase::nextDueOn).toList());
        return new Family(familyId, listed, adults(caller, listed), warnings(listed, today), nextDue);
    }

    /** The case ids the family view listed, for its audit row. */
    public static List<String> caseIds(Family family) {
        return family.children().stream().flatMap(c -> c.cases().stream()).map(FamilyCase::caseId).toList();
    }

    /**
     * The people related to the children listed (as the caller may read them, through Relationships' own rule), each
     * once with their relationships to each child: current ones first, ended ones kept, as on the person's record.
     */
    private List<Adult> adults(Caller caller, List<Child> listed) {
        Map<String, String> childNames = new LinkedHashMap<>();
        listed.forEach(c -> childNames.put(c.childId(), c.firstName() + " " + c.lastName()));
        Map<String, Adult> adults = new LinkedHashMap<>();
        for (Child child : listed) {
            for (Relationships.Relationship r : relationships.of(caller, child.childId())) {
                Relationships.OtherPerson other = r.otherPerson();
                if (childNames.containsKey(other.personId())) {
                    continue; // a brother or sister of this family is listed as a child already
                }
                Adult adult = adults.getOrDefault(other.personId(),
                        new Adult(other.personId(), other.kind(), other.firstName(), other.lastName(), List.of()));
                List<RelatedTo> related = new ArrayList<>(adult.relationships());
                related.add(new RelatedTo(r.relationshipId(), child.childId(), childNames.get(child.childId()), r.type(),
                        r.parentalResponsibility(), r.livesWithChild(), r.safetyNetwork(), r.roleInPlan(), r.organisation(),
                        r.from(), r.to(), r.current()));
                adults.put(other.personId(), new Adult(adult.personId(), adult.kind(), adult.firstName(), adult.lastName(),
                        List.copyOf(related)));
            }
        }
        return List.copyOf(adults.values());
    }

    /** The current warnings across the family: those that show on the listed cases (CaseWarnings' one rule), each once. */
    private List<CaseWarnings.Warning> warnings(List<Child> listed, LocalDate today) {
        List<String> caseIds = listed.stream().flatMap(c -> c.cases().stream()).map(FamilyCase::caseId).toList();
        Map<String, CaseWarnings.Warning> once = new LinkedHashMap<>();
        caseWarnings.forCases(caseIds, today).values().forEach(list -> list.forEach(w -> once.putIfAbsent(w.warningId(), w)));
        return List.copyOf(once.values());
    }

    private static LocalDate nextDue(List<LocalDate> dates) {
        return dates.stream().filter(Objects::nonNull).min(Comparator.naturalOrder()).orElse(null);
    }
}
