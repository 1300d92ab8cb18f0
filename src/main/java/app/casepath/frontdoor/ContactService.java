package app.casepath.frontdoor;

import java.sql.Timestamp;
import java.time.LocalDate;
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

    public record Recorded(String caseId, String reference, boolean reReferral) {
    }

    /** Who may record a contact: the Front Door, and practitioners who learn of a new worry. */
    public static final Set<String> RECORDERS = Set.of(Groups.FRONT_DOOR, Groups.FRONT_DOOR_MANAGERS, Groups.EARLY_HELP,
            Groups.SOCIAL_WORKERS, Groups.TEAM_MANAGERS);

    private final JdbcClient db;
    private final CaseRecord cases;
    private final Chronology chronology;
    private final RuntimeService runtime;
    private final TimeSource time;
    private final ChildRecord children;
    private final People people;

    public ContactService(JdbcClient db, CaseRecord cases, Chronology chronology, RuntimeService runtime, TimeSource time,
                          ChildRecord children, People people) {
        this.children = children;
        this.people = people;
        this.db = db;
        this.cases = cases;
        this.chronology = chronology;
        this.runtime = runtime;
        this.time = time;
    }

    @Transactional
    public Recorded record(JsonNode body, Caller caller) {
        if (!caller.inAny(RECORDERS)) {
            throw new NotAllowedException("Contacts are recorded by the Front Door and practitioners.");
        }
        String user = caller.username();
        Form form = Form.of(body, time.today());
        Contact contact = Contact.read(form, time.now(), time.zone());
        form.check();

        String childId = recogniseChild(contact.child())
                .orElseGet(() -> newChild(contact.child(), user));
        children.record(childId, contact.child().census());
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
                + (reReferral ? "; a re-referral within 12 months." : "."), user);

        String reference = CaseRecord.CaseRow.reference(caseNumber);
        String processInstanceId = runtime.startProcessInstanceByKey(Journey.MAIN_PROCESS, reference,
                Map.of(Journey.CASE_ID, caseId)).getId();
        cases.processStarted(caseId, processInstanceId);
        return new Recorded(caseId, reference, reReferral);
    }

    /** The same child: an explicit childId, or exactly the same first name, last name and date of birth. */
    private Optional<String> recogniseChild(Contact.Child child) {
        if (child.childId() != null) {
            // A child on a case, or a person added as a child (POST /api/people) who becomes one now.
            Optional<String> known = people.childForContact(child.childId(), children::newChildNumber);
            if (known.isEmpty()) {
                throw InvalidInputException.of("child.childId", "no child with this id");
            }
            return known;
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

    private String newChild(Contact.Child child, String user) {
        return people.newChild(new People.NewChild(child.firstName(), child.lastName(), child.dateOfBirth(),
                child.expectedDateOfBirth(), child.gender(), child.ethnicity(), child.address()), children.newChildNumber(), user);
    }
}
