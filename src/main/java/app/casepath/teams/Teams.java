package app.casepath.teams;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.camunda.bpm.engine.IdentityService;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.fasterxml.jackson.databind.JsonNode;

import app.casepath.calendar.TimeSource;
import app.casepath.caserecord.CaseNotFoundException;
import app.casepath.process.Stage;
import app.casepath.security.Caller;
import app.casepath.security.Groups;
import app.casepath.security.NotAllowedException;
import app.casepath.tasks.Form;

/**
 * Teams (teams.md): which children, where a role group says what kind of work. Administrators
 * make and change them; a person may be in several, as a member or a manager. A case is
 * allocated to a team and a worker who is one of its members.
 */
@Service
public class Teams {

    public static final Set<String> SERVICES = Set.of("FRONT_DOOR", "EARLY_HELP", "ASSESSMENT", "CHILD_PROTECTION",
            "CHILDREN_IN_NEED", "DISABILITIES");
    static final String MANAGER = "MANAGER";
    static final String MEMBER = "MEMBER";

    public record Team(String teamId, String name, String service, List<String> managers, List<String> members) {
    }

    private final JdbcClient db;
    private final IdentityService identities;
    private final TimeSource time;

    Teams(JdbcClient db, IdentityService identities, TimeSource time) {
        this.db = db;
        this.identities = identities;
        this.time = time;
    }

    /** Staff by name, as people read them; a username the identity service does not know is shown as it is. */
    public Map<String, String> namesOf(java.util.Collection<String> usernames) {
        Map<String, String> names = new java.util.LinkedHashMap<>();
        if (usernames.isEmpty()) {
            return names;
        }
        for (org.camunda.bpm.engine.identity.User u : identities.createUserQuery().userIdIn(usernames.toArray(String[]::new)).list()) {
            names.put(u.getId(), ((u.getFirstName() == null ? "" : u.getFirstName()) + " "
                    + (u.getLastName() == null ? "" : u.getLastName())).strip());
        }
        return names;
    }

    public String nameOf(String username) {
        return namesOf(List.of(username)).getOrDefault(username, username);
    }

    public List<Team> all() {
        return db.sql("select team_id from team order by name").query(String.class).list().stream()
                .map(id -> find(id).orElseThrow()).toList();
    }

    public Optional<Team> find(String teamId) {
        return db.sql("select team_id, name, service from team where team_id = ?").param(teamId)
                .query((rs, n) -> new Team(rs.getString("team_id"), rs.getString("name"), rs.getString("service"),
                        people(teamId, MANAGER), people(teamId, MEMBER)))
                .optional();
    }

    private List<String> people(String teamId, String role) {
        return db.sql("select username from team_member where team_id = ? and role = ? order by username")
                .params(teamId, role).query(String.class).list();
    }

    public boolean isMember(String teamId, String username) {
        return db.sql("select count(*) from team_member where team_id = ? and username = ? and role = ?")
                .params(teamId, username, MEMBER).query(Long.class).single() > 0;
    }

    public boolean manages(String teamId, String username) {
        return db.sql("select count(*) from team_member where team_id = ? and username = ? and role = ?")
                .params(teamId, username, MANAGER).query(Long.class).single() > 0;
    }

    /**
     * The worker's team for a case at this stage: the one of theirs whose service does that
     * stage's work (a strategy discussion's is child protection), else their first, else none.
     */
    public Optional<String> teamOf(String username, Stage stage) {
        List<Map<String, Object>> theirs = db.sql("""
                select t.team_id, t.service from team t join team_member m on m.team_id = t.team_id
                where m.username = ? and m.role = ? order by t.name""").params(username, MEMBER).query().listOfRows();
        String fitting = serviceFor(stage);
        return theirs.stream().filter(t -> fitting.equals(t.get("service"))).findFirst()
                .or(() -> theirs.stream().findFirst())
                .map(t -> (String) t.get("team_id"));
    }

    static String serviceFor(Stage stage) {
        return switch (stage) {
            case FRONT_DOOR -> "FRONT_DOOR";
            case EARLY_HELP -> "EARLY_HELP";
            case ASSESSMENT -> "ASSESSMENT";
            case CIN_PLAN -> "CHILDREN_IN_NEED";
            default -> "CHILD_PROTECTION";
        };
    }

    // ---- administration

    @Transactional
    public Team create(Caller caller, JsonNode body) {
        requireAdmin(caller);
        Form form = Form.of(body, time.today());
        String name = form.text("name", true, 200);
        String service = form.choice("service", SERVICES);
        List<String> managers = users(form, "managers");
        List<String> members = users(form, "members");
        if (name != null && db.sql("select count(*) from team where lower(name) = lower(?)").param(name).query(Long.class).single() > 0) {
            form.error("name", "is the name of another team");
        }
        form.check();
        String teamId = UUID.randomUUID().toString();
        db.sql("insert into team (team_id, name, service, created_at) values (?, ?, ?, ?)")
                .params(teamId, name, service, Timestamp.from(time.now())).update();
        replace(teamId, MANAGER, managers);
        replace(teamId, MEMBER, members);
        return find(teamId).orElseThrow();
    }

    /** Changes what is given: the name, the service, and the whole list of managers or of members. */
    @Transactional
    public Team change(Caller caller, String teamId, JsonNode body) {
        requireAdmin(caller);
        Team team = find(teamId).orElseThrow(() -> new CaseNotFoundException(teamId));
        Form form = Form.of(body, time.today());
        String name = form.has("name") ? form.text("name", true, 200) : team.name();
        String service = form.has("service") ? form.choice("service", SERVICES) : team.service();
        List<String> managers = form.has("managers") ? users(form, "managers") : team.managers();
        List<String> members = form.has("members") ? users(form, "members") : team.members();
        if (name != null && db.sql("select count(*) from team where lower(name) = lower(?) and team_id <> ?")
                .params(name, teamId).query(Long.class).single() > 0) {
            form.error("name", "is the name of another team");
        }
        if (!form.has("name") && !form.has("service") && !form.has("managers") && !form.has("members") && form.valid()) {
            form.error("body", "must change at least one of name, service, managers, members");
        }
        form.check();
        db.sql("update team set name = ?, service = ? where team_id = ?").params(name, service, teamId).update();
        replace(teamId, MANAGER, managers);
        replace(teamId, MEMBER, members);
        return find(teamId).orElseThrow();
    }

    /** PATCH /api/users/{username} {newlyQualified}: by an administrator or one of the worker's team managers. */
    @Transactional
    public Map<String, Object> newlyQualified(Caller caller, String username, JsonNode body) {
        if (identities.createUserQuery().userId(username).count() == 0) {
            throw new CaseNotFoundException(username);
        }
        boolean theirManager = db.sql("""
                select count(*) from team_member w join team_member m on m.team_id = w.team_id
                where w.username = ? and w.role = 'MEMBER' and m.username = ? and m.role = 'MANAGER'""")
                .params(username, caller.username()).query(Long.class).single() > 0;
        if (!caller.in(Groups.ADMINS) && !theirManager) {
            throw new NotAllowedException("Only an administrator or one of the worker's team managers may change this.");
        }
        Form form = Form.of(body, time.today());
        Boolean newlyQualified = form.bool("newlyQualified", true);
        form.check();
        int changed = db.sql("update staff set newly_qualified = ?, changed_by = ?, changed_at = ? where username = ?")
                .params(newlyQualified, caller.username(), Timestamp.from(time.now()), username).update();
        if (changed == 0) {
            db.sql("insert into staff (username, newly_qualified, changed_by, changed_at) values (?, ?, ?, ?)")
                    .params(username, newlyQualified, caller.username(), Timestamp.from(time.now())).update();
        }
        return Map.of("username", username, "newlyQualified", newlyQualified);
    }

    private List<String> users(Form form, String field) {
        List<String> names = new ArrayList<>(new LinkedHashSet<>(form.texts(field)));
        for (int i = 0; i < names.size(); i++) {
            if (identities.createUserQuery().userId(names.get(i)).count() == 0) {
                form.error(field + "[" + i + "]", "is not a user of Casepath");
            }
        }
        return names;
    }

    private void replace(String teamId, String role, List<String> usernames) {
        db.sql("delete from team_member where team_id = ? and role = ?").params(teamId, role).update();
        for (String username : usernames) {
            db.sql("insert into team_member (team_id, username, role) values (?, ?, ?)").params(teamId, username, role).update();
        }
    }

    private static void requireAdmin(Caller caller) {
        if (!caller.in(Groups.ADMINS)) {
            throw new NotAllowedException("Only administrators make and change teams.");
        }
    }

    /** For the demo profile: a team as given, without the checks of the administrators' form. */
    void load(String name, String service, List<String> managers, List<String> members) {
        String teamId = UUID.randomUUID().toString();
        db.sql("insert into team (team_id, name, service, created_at) values (?, ?, ?, ?)")
                .params(teamId, name, service, Timestamp.from(time.now())).update();
        replace(teamId, MANAGER, managers);
        replace(teamId, MEMBER, members);
    }
}
