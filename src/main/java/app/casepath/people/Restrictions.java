package app.casepath.people;

import java.sql.Timestamp;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.camunda.bpm.engine.IdentityService;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.fasterxml.jackson.databind.JsonNode;

import app.casepath.calendar.TimeSource;
import app.casepath.caserecord.CaseNotFoundException;
import app.casepath.security.CaseAccess;
import app.casepath.security.Caller;
import app.casepath.security.Groups;
import app.casepath.security.NotAllowedException;
import app.casepath.tasks.Form;
import app.casepath.tasks.TaskConflictException;

/**
 * Restricted records (casework.md): a service manager restricts a person (a member of staff or
 * their family, a high-profile child, an adoption) to the users who need the record. Who may then
 * read the person's cases and tasks is security.CaseAccess's one condition; here the restriction is
 * set and lifted (each with who, when and why, kept), and search shows a restricted person to
 * anyone else by name alone.
 */
@Service
public class Restrictions {

    public record Restriction(String personId, String reason, List<String> allowedUsers, String setBy, OffsetDateTime setAt) {
    }

    private static final int MAX_ALLOWED = 50;

    private final JdbcClient db;
    private final IdentityService identities;
    private final TimeSource time;

    Restrictions(JdbcClient db, IdentityService identities, TimeSource time) {
        this.db = db;
        this.identities = identities;
        this.time = time;
    }

    /** Sets the restriction, or replaces the current one (which is then lifted, for the same reason). Nothing is written on any error. */
    @Transactional
    public Restriction set(Caller caller, String personId, JsonNode body) {
        requireServiceManager(caller);
        lock(caller, personId);
        Form form = Form.of(body, time.today());
        String reason = form.text("reason", true, 4000);
        List<String> allowed = users(form, body);
        form.check();
        Timestamp now = Timestamp.from(time.now());
        lift(personId, caller, now, reason);
        String restrictionId = UUID.randomUUID().toString();
        db.sql("insert into restriction (restriction_id, person_id, reason, set_by, set_at) values (?, ?, ?, ?, ?)")
                .params(restrictionId, personId, reason, caller.username(), now).update();
        for (String user : allowed) {
            db.sql("insert into restriction_user (restriction_id, username) values (?, ?)").params(restrictionId, user).update();
        }
        return current(personId).orElseThrow();
    }

    /** Lifts the current restriction; 409 if there is none. */
    @Transactional
    public void lift(Caller caller, String personId, JsonNode body) {
        requireServiceManager(caller);
        lock(caller, personId);
        Form form = Form.of(body, time.today());
        String reason = form.text("reason", true, 4000);
        form.check();
        if (lift(personId, caller, Timestamp.from(time.now()), reason) == 0) {
            throw new TaskConflictException("This record is not restricted.");
        }
    }

    public java.util.Optional<Restriction> current(String personId) {
        return db.sql("select restriction_id, reason, set_by, set_at from restriction where person_id = ? and lifted_at is null")
                .param(personId)
                .query((rs, n) -> new Restriction(personId, rs.getString("reason"),
                        db.sql("select username from restriction_user where restriction_id = ? order by username")
                                .param(rs.getString("restriction_id")).query(String.class).list(),
                        rs.getString("set_by"), rs.getObject("set_at", OffsetDateTime.class)))
                .optional();
    }

    /**
     * Of the people given, those with a current restriction: true if the caller is one of its
     * allowed users or its setter (they see the record), false if it is closed to them.
     */
    public Map<String, Boolean> restrictedFor(Caller caller, List<String> personIds) {
        Map<String, Boolean> restricted = new HashMap<>();
        if (personIds.isEmpty()) {
            return restricted;
        }
        db.sql("""
                select r.person_id, case when r.set_by = :user or exists (select 1 from restriction_user u
                       where u.restriction_id = r.restriction_id and u.username = :user) then 1 else 0 end as allowed
                from restriction r where r.person_id in (:ids) and r.lifted_at is null""")
                .param("user", caller.username()).param("ids", personIds)
                .query((rs, n) -> Map.entry(rs.getString("person_id"), rs.getInt("allowed") == 1))
                .list().forEach(e -> restricted.put(e.getKey(), e.getValue()));
        return restricted;
    }

    /**
     * Search hits as the caller may see them: a person restricted from them by name alone
     * ("Restricted record"), no id, no case, no other detail; a restricted person they are allowed
     * to see in full, marked restricted.
     */
    public List<People.Hit> asSeenBy(Caller caller, List<People.Hit> hits) {
        Map<String, Boolean> restricted = restrictedFor(caller, hits.stream().map(h -> h.person().personId()).toList());
        return hits.stream().map(hit -> {
            Boolean allowed = restricted.get(hit.person().personId());
            if (allowed == null) {
                return hit;
            }
            if (allowed) {
                return new People.Hit(hit.person(), hit.openCase(), true);
            }
            People.Person p = hit.person();
            return new People.Hit(new People.Person(null, null, null, p.firstName(), p.lastName(), List.of(), null, null,
                    null, null, null, null, null, null, null, null, null, null, null, null, null, null), null, true);
        }).toList();
    }

    private int lift(String personId, Caller caller, Timestamp now, String reason) {
        return db.sql("update restriction set lifted_by = ?, lifted_at = ?, lift_reason = ? where person_id = ? and lifted_at is null")
                .params(caller.username(), now, reason, personId).update();
    }

    /**
     * Locks the person's row, so that of two service managers restricting the same person at once
     * the second waits and there is one current restriction; 404 if there is no such person, or
     * they are restricted by another service manager from this one.
     */
    private void lock(Caller caller, String personId) {
        CaseAccess.Condition open = CaseAccess.notRestrictedFrom(caller, "p.person_id");
        db.sql("select p.person_id from person p where p.person_id = :personId and " + open.sql() + " for update")
                .param("personId", personId).params(open.params()).query(String.class).optional()
                .orElseThrow(() -> new CaseNotFoundException("person " + personId));
    }

    private List<String> users(Form form, JsonNode body) {
        JsonNode given = body == null ? null : body.get("allowedUsers");
        if (given == null || given.isNull()) {
            form.error("allowedUsers", "is required: the users who may see the record");
            return List.of();
        }
        if (!given.isArray()) {
            form.error("allowedUsers", "must be a list of usernames");
            return List.of();
        }
        if (given.size() > MAX_ALLOWED) {
            form.error("allowedUsers", "at most " + MAX_ALLOWED + " users");
            return List.of();
        }
        LinkedHashSet<String> users = new LinkedHashSet<>();
        for (int i = 0; i < given.size(); i++) {
            JsonNode user = given.get(i);
            if (!user.isTextual() || user.asText().isBlank() || user.asText().length() > 100) {
                form.error("allowedUsers[" + i + "]", "must be a username");
            } else if (identities.createUserQuery().userId(user.asText()).count() == 0) {
                form.error("allowedUsers[" + i + "]", "is not a user: " + user.asText());
            } else {
                users.add(user.asText());
            }
        }
        return new ArrayList<>(users);
    }

    private static void requireServiceManager(Caller caller) {
        if (!caller.in(Groups.SERVICE_MANAGERS)) {
            throw new NotAllowedException("Only a service manager restricts a record or lifts a restriction.");
        }
    }
}
