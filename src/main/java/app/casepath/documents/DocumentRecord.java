package app.casepath.documents;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import app.casepath.process.Words;

/**
 * What the documents read from the record, by SQL over the record's tables (the stage packages'
 * own classes are theirs): the child, the family and their addresses, the assessment, the plan,
 * its conferences and core groups.
 */
@Repository
class DocumentRecord {

    /** A person a document names; {@code address} is empty when there is none, or it must not be shown. */
    record Person(String name, String relationship, List<String> address) {
    }

    record Child(String personId, String firstName, String lastName, LocalDate dateOfBirth, String reference,
                 String allocatedWorker) {
        String name() {
            return firstName + " " + lastName;
        }
    }

    record Assessment(LocalDate completedOn, LocalDate authorisedOn, String decision, String sharedMethod,
                      String sharedEmail) {
    }

    record Conference(String kind, LocalDate heldOn, String decision, String category, Integer safetyScale) {
    }

    /** Someone in the child's safety network and what they do in the plan. */
    record Helper(String name, String relationship, String role) {
    }

    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {
    };

    private final JdbcClient db;
    private final ObjectMapper json;
    private final IdentityService identities;

    DocumentRecord(JdbcClient db, ObjectMapper json, IdentityService identities) {
        this.db = db;
        this.json = json;
        this.identities = identities;
    }

    Child child(String caseId) {
        return db.sql("""
                select ch.child_id, ch.first_name, ch.last_name, ch.date_of_birth, c.case_number, c.allocated_worker
                from child_case c join child ch on ch.child_id = c.child_id where c.case_id = ?""")
                .param(caseId)
                .query((rs, n) -> new Child(rs.getString("child_id"), rs.getString("first_name"), rs.getString("last_name"),
                        rs.getObject("date_of_birth", LocalDate.class),
                        app.casepath.caserecord.CaseRecord.CaseRow.reference(rs.getLong("case_number")),
                        rs.getString("allocated_worker")))
                .single();
    }

    /**
     * The child and the adults with parental responsibility for them, as a letter to the family is
     * addressed. An address is left out when it is marked confidential or the person has a current
     * "do not disclose address" warning (casework.md): a document can reach someone it must not.
     */
    List<Person> family(Child child) {
        List<Person> people = new ArrayList<>();
        people.add(person(child.personId(), "Child"));
        db.sql("""
                select r.other_person_id as person_id, r.relationship_type from relationship r
                where r.person_id = ? and r.parental_responsibility = true and r.to_date is null
                union
                select r.person_id, null from relationship r
                where r.other_person_id = ? and r.parental_responsibility = true and r.to_date is null""")
                .params(child.personId(), child.personId())
                .query((rs, n) -> new String[] {rs.getString(1), rs.getString(2)}).list()
                .forEach(row -> people.add(person(row[0], row[1] == null ? "Parent or carer"
                        : Words.list("relationshipTypes").getOrDefault(row[1], "Parent or carer"))));
        return people;
    }

    private Person person(String personId, String relationship) {
        return db.sql("""
                select p.first_name, p.last_name, p.address_lines, p.postcode,
                       (p.address_confidential or exists (select 1 from warning w where w.person_id = p.person_id
                                                          and w.type = 'DO_NOT_DISCLOSE_ADDRESS' and w.ended_at is null))
                           as withheld
                from person p where p.person_id = ?""")
                .param(personId)
                .query((rs, n) -> {
                    List<String> address = new ArrayList<>();
                    if (!rs.getBoolean("withheld")) {
                        address.addAll(strings(rs.getString("address_lines")));
                        if (rs.getString("postcode") != null) {
                            address.add(rs.getString("postcode"));
                        }
                    }
                    return new Person(rs.getString("first_name") + " " + rs.getString("last_name"), relationship, address);
                }).single();
    }

    /** The assessment just authorised (the case's latest). */
    Assessment latestAssessment(String caseId) {
        return db.sql("""
                select completed_on, authorised_on, decision, shared_method, shared_email from assessment
                where case_id = ? order by id desc limit 1""")
                .param(caseId).query(Assessment.class).single();
    }

    /** The conference just held (the case's latest). */
    Conference latestConference(String caseId) {
        return db.sql("select kind, held_on, decision, category, safety_scale from conference where case_id = ? order by id desc limit 1")
                .param(caseId).query(Conference.class).single();
    }

    /** The category of the case's current plan, if it has one open. */
    Optional<String> openPlanCategory(String caseId) {
        return db.sql("select latest_category from cp_plan where case_id = ? and ended_on is null order by id desc limit 1")
                .param(caseId).query(String.class).optional();
    }

    /** Who came to the plan's latest core group, as the chair wrote them; none before the first. */
    List<String> latestCoreGroupMembers(String caseId) {
        return db.sql("""
                select g.attendees from core_group g where g.cp_plan_id =
                    (select max(id) from cp_plan where case_id = ?) order by g.held_on desc, g.id desc limit 1""")
                .param(caseId).query(String.class).optional().map(this::strings).orElse(List.of());
    }

    /** The child's safety network (relationships marked so), with what each does in the plan. */
    List<Helper> safetyNetwork(Child child) {
        return db.sql("""
                select p.first_name, p.last_name, r.relationship_type, r.described_as, r.role_in_plan
                from relationship r join person p on p.person_id = r.other_person_id
                where r.person_id = ? and r.safety_network = true and r.to_date is null
                order by p.last_name, p.first_name""")
                .param(child.personId())
                .query((rs, n) -> new Helper(rs.getString("first_name") + " " + rs.getString("last_name"),
                        rs.getString("described_as") != null ? rs.getString("described_as")
                                : Words.list("relationshipTypes").getOrDefault(rs.getString("relationship_type"), ""),
                        rs.getString("role_in_plan")))
                .list();
    }

    /** A member of staff by name, as the identity store knows them; the username where it has no name. */
    String staffName(String username) {
        if (username == null) {
            return null;
        }
        User user = identities.createUserQuery().userId(username).singleResult();
        if (user == null || user.getFirstName() == null) {
            return username;
        }
        return user.getFirstName() + (user.getLastName() == null ? "" : " " + user.getLastName());
    }

    private List<String> strings(String text) {
        if (text == null) {
            return List.of();
        }
        try {
            return json.readValue(text, STRINGS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored list unreadable", e);
        }
    }
}
