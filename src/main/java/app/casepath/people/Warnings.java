package app.casepath.people;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.camunda.bpm.engine.IdentityService;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;

import app.casepath.calendar.TimeSource;
import app.casepath.security.Caller;
import app.casepath.security.Groups;
import app.casepath.security.NotAllowedException;
import app.casepath.tasks.Form;

/**
 * Warnings on a person (casework.md): raised by whoever may work one of the person's cases (the
 * rule that lets them correct the person, {@link People#mayCorrect}), agreed by a team manager,
 * reviewed on their review date; an ended warning stays in the person's history. The case page
 * and the inbox read the current ones through caserecord.CaseWarnings.
 */
@Service
public class Warnings {

    public static final Set<String> TYPES = Set.of("RISK_TO_WORKER", "DO_NOT_DISCLOSE_ADDRESS", "DOMESTIC_ABUSE_MARAC",
            "ALLEGATION_AGAINST_PROFESSIONAL", "OTHER");

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Warning(String warningId, String personId, String type, String details, LocalDate startsOn,
                          LocalDate reviewOn, String agreedBy, String raisedBy, OffsetDateTime raisedAt, boolean current,
                          LocalDate endedOn, String endedBy, OffsetDateTime endedAt, String endReason) {
    }

    private final JdbcClient db;
    private final People people;
    private final IdentityService identities;
    private final TimeSource time;
    private final WarningReviews reviews;

    Warnings(JdbcClient db, People people, IdentityService identities, TimeSource time, WarningReviews reviews) {
        this.reviews = reviews;
        this.db = db;
        this.people = people;
        this.identities = identities;
        this.time = time;
    }

    /** Raises a warning; nothing is written on any error. */
    @Transactional
    public Warning raise(Caller caller, String personId, JsonNode body) {
        people.readable(caller, personId);
        if (!people.mayCorrect(caller, personId)) {
            throw new NotAllowedException("Warnings are raised by those who may work one of this person's cases.");
        }
        Form form = Form.of(body, time.today());
        String type = form.choice("type", TYPES);
        String details = form.text("details", true, 4000);
        LocalDate startsOn = form.requiredDate("startsOn");
        LocalDate reviewOn = form.requiredDate("reviewOn");
        if (reviewOn != null && startsOn != null && !reviewOn.isAfter(startsOn)) {
            form.error("reviewOn", "must be after startsOn (" + startsOn + ")");
        }
        form.notBefore("reviewOn", reviewOn, time.today(), "today");
        String agreedBy = form.text("agreedBy", true, 100);
        if (agreedBy != null && !teamManager(agreedBy)) {
            form.error("agreedBy", "must be a team manager");
        }
        form.check();
        String warningId = UUID.randomUUID().toString();
        db.sql("""
                insert into warning (warning_id, person_id, type, details, starts_on, review_on, agreed_by, raised_by, raised_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(warningId, personId, type, details, startsOn, reviewOn, agreedBy, caller.username(),
                        Timestamp.from(time.now()))
                .update();
        reviews.start(warningId, personId);
        return find(warningId);
    }

    /** The person's warnings, current and ended, newest first; for those who may read the person. */
    public List<Warning> forPerson(String personId) {
        return db.sql(SELECT + " where w.person_id = ? order by w.starts_on desc, w.raised_at desc").param(personId)
                .query((rs, n) -> warning(rs)).list();
    }

    Warning find(String warningId) {
        return db.sql(SELECT + " where w.warning_id = ?").param(warningId).query((rs, n) -> warning(rs)).single();
    }

    private boolean teamManager(String username) {
        return identities.createUserQuery().userId(username).memberOfGroup(Groups.TEAM_MANAGERS).count() > 0;
    }

    private static final String SELECT = """
            select w.warning_id, w.person_id, w.type, w.details, w.starts_on, w.review_on, w.agreed_by, w.raised_by,
                   w.raised_at, w.ended_on, w.ended_by, w.ended_at, w.end_reason from warning w""";

    private static Warning warning(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new Warning(rs.getString("warning_id"), rs.getString("person_id"), rs.getString("type"),
                rs.getString("details"), rs.getObject("starts_on", LocalDate.class), rs.getObject("review_on", LocalDate.class),
                rs.getString("agreed_by"), rs.getString("raised_by"), rs.getObject("raised_at", OffsetDateTime.class),
                rs.getObject("ended_at") == null, rs.getObject("ended_on", LocalDate.class), rs.getString("ended_by"),
                rs.getObject("ended_at", OffsetDateTime.class), rs.getString("end_reason"));
    }
}
