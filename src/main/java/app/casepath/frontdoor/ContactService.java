package app.casepath.frontdoor;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.camunda.bpm.engine.RuntimeService;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.fasterxml.jackson.databind.JsonNode;

import app.casepath.calendar.TimeSource;
import app.casepath.caserecord.CaseRecord;
import app.casepath.caserecord.ChildRecord;
import app.casepath.caserecord.Chronology;
import app.casepath.families.Families;
import app.casepath.people.People;
import app.casepath.process.Journey;
import app.casepath.process.Words;
import app.casepath.security.Caller;
import app.casepath.security.Groups;
import app.casepath.security.NotAllowedException;
import app.casepath.tasks.Form;
import app.casepath.tasks.InvalidInputException;

/** Records a contact and starts the child's journey at the Front Door. */
@Service
public class ContactService {

    /** The answer to a contact about one child: their case, and the child's family. */
    public record Recorded(String caseId, String reference, boolean reReferral, String familyId) {
    }

    /** The answer to a contact about several children: their family and each child's case, in the contact's order. */
    public record RecordedFamily(String familyId, List<OpenedCase> cases) {
    }

    public record OpenedCase(String caseId, String reference, boolean reReferral) {
    }

    /**
     * Who may record a contact: the Front Door, practitioners who learn of a new worry, and partner
     * agencies' systems with the integration role (which the security chain lets record contacts only).
     */
    public static final Set<String> RECORDERS = Set.of(Groups.FRONT_DOOR, Groups.FRONT_DOOR_MANAGERS, Groups.EARLY_HELP,
            Groups.SOCIAL_WORKERS, Groups.TEAM_MANAGERS, Groups.INTEGRATIONS);

    private final JdbcClient db;
    private final CaseRecord cases;
    private final Chronology chronology;
    private final RuntimeService runtime;
    private final TimeSource time;
    private final ChildRecord children;
    private final People people;
    private final Families families;

    public ContactService(JdbcClient db, CaseRecord cases, Chronology chronology, RuntimeService runtime, TimeSource time,
                          ChildRecord children, People people, Families families) {
        this.families = families;
        this.children = children;
        this.people = people;
        this.db = db;
        this.cases = cases;
        this.chronology = chronology;
        this.runtime = runtime;
        this.time = time;
    }

    /** A contact about one child (POST /api/contacts with {@code child}). */
    @Transactional
    public Recorded record(JsonNode body, Caller caller) {
        RecordedFamily recorded = recordFamily(body, caller);
        OpenedCase opened = recorded.cases().get(0);
        return new Recorded(opened.caseId(), opened.reference(), opened.reReferral(), recorded.familyId());
    }

    /**
     * A contact about one child or several: each child's own case and journey (the census counts
     * them per child), all of one family. Every child is checked before anything is written.
     */
    @Transactional
    public RecordedFamily recordFamily(JsonNode body, Caller caller) {
        if (!caller.inAny(RECORDERS)) {
            throw new NotAllowedException("Contacts are recorded by the Front Door and practitioners.");
        }
        String user = caller.username();
        Form form = Form.of(body, time.today());
        Contact contact = Contact.read(form, time.now(), time.zone());
        form.check();

        String familyId = familyOf(contact);
        List<OpenedCase> recorded = new ArrayList<>();
        for (Contact.Child child : contact.children()) {
            recorded.add(recordFor(contact, child, familyId, user));
        }
        return new RecordedFamily(familyId, List.copyOf(recorded));
    }

    /**
     * The contact's family: the one its familyGroup names; else the family of the first child it
     * names who is already known (a sibling referred later joins them); else a new one.
     */
    private String familyOf(Contact contact) {
        if (contact.familyGroup() != null) {
            return families.named(contact.familyGroup());
        }
        return contact.children().stream().map(this::knownChild).flatMap(Optional::stream).findFirst()
                .flatMap(families::of).orElseGet(families::create);
    }

    private OpenedCase recordFor(Contact contact, Contact.Child child, String familyId, String user) {
        String childId = recogniseChild(child, familyId).orElseGet(() -> newChild(child, familyId, user));
        families.join(familyId, childId);
        children.record(childId, child.census());
        LocalDate receivedOn = time.dateOf(contact.receivedAt());
        boolean reReferral = db.sql("""
                select count(*) from child_case
                where child_id = ? and referral_date is not null and closed_on is not null and closed_on >= ?""")
                .params(childId, receivedOn.minusMonths(12)).query(Integer.class).single() > 0;

        String caseId = UUID.randomUUID().toString();
        long caseNumber = cases.open(caseId, childId, contact.familyGroup(), reReferral);
        db.sql("""
                insert into contact (case_id, received_at, source, referrer_name, referrer_organisation,
                                     referrer_email, referrer_phone, concerns)
                values (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(caseId, Timestamp.from(contact.receivedAt()), contact.source(), contact.referrer().name(),
                        contact.referrer().organisation(), contact.referrer().email(), contact.referrer().phone(),
                        contact.concerns())
                .update();
        chronology.record(caseId, "CONTACT", "Contact received. Referral source: " + Words.source(contact.source())
                + (reReferral ? "; a re-referral within 12 months." : ".")
                + (contact.children().size() > 1 ? " One contact about " + contact.children().size() + " siblings." : ""),
                user);

        String reference = CaseRecord.CaseRow.reference(caseNumber);
        String processInstanceId = runtime.startProcessInstanceByKey(Journey.MAIN_PROCESS, reference,
                Map.of(Journey.CASE_ID, caseId)).getId();
        cases.processStarted(caseId, processInstanceId);
        return new OpenedCase(caseId, reference, reReferral);
    }

    /** A child already recorded whom the contact names: by id, or exactly the same names and date of birth. */
    private Optional<String> knownChild(Contact.Child child) {
        if (child.childId() != null) {
            return db.sql("select child_id from child where child_id = ?").param(child.childId()).query(String.class)
                    .optional();
        }
        if (child.dateOfBirth() == null) {
            return Optional.empty();
        }
        return db.sql("""
                select child_id from child
                where lower(first_name) = lower(?) and lower(last_name) = lower(?) and date_of_birth = ?
                order by created_at limit 1""")
                .params(child.firstName(), child.lastName(), child.dateOfBirth()).query(String.class).optional();
    }

    /** The same child: an explicit childId, or exactly the same first name, last name and date of birth. */
    private Optional<String> recogniseChild(Contact.Child child, String familyId) {
        if (child.childId() != null) {
            // A child on a case, or a person added as a child (POST /api/people) who becomes one now.
            Optional<String> known = people.childForContact(child.childId(), children::newChildNumber, familyId,
                    child.field() + "childId");
            if (known.isEmpty()) {
                throw InvalidInputException.of(child.field() + "childId", "no child with this id");
            }
            return known;
        }
        return knownChild(child);
    }

    private String newChild(Contact.Child child, String familyId, String user) {
        return people.newChild(new People.NewChild(child.firstName(), child.lastName(), child.dateOfBirth(),
                child.expectedDateOfBirth(), child.gender(), child.ethnicity(), child.address()), children.newChildNumber(),
                familyId, user);
    }
}
