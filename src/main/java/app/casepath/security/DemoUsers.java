package app.casepath.security;

import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import static org.camunda.bpm.engine.authorization.Groups.GROUP_TYPE_WORKFLOW;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The demo users of roles.md (password "demo"), in the engine's identity service so that the
 * product and Cockpit share them. Demo profile only: production has no default passwords.
 */
@Component
@Profile("demo")
class DemoUsers {

    static final String PASSWORD = "demo";

    private record Person(String id, String firstName, String lastName, String group) {
    }

    private static final List<Person> PEOPLE = List.of(
            new Person("fd.practitioner", "Amara", "Okafor", Groups.FRONT_DOOR),
            new Person("fd.manager", "Priya", "Shah", Groups.FRONT_DOOR_MANAGERS),
            new Person("eh.practitioner", "Tomasz", "Nowak", Groups.EARLY_HELP),
            new Person("social.worker", "Grace", "Mensah", Groups.SOCIAL_WORKERS),
            new Person("social.worker2", "Daniel", "Murphy", Groups.SOCIAL_WORKERS),
            new Person("social.worker3", "Sophie", "Bennett", Groups.SOCIAL_WORKERS),
            new Person("team.manager", "Fatima", "Hussain", Groups.TEAM_MANAGERS),
            new Person("cp.chair", "Ruth", "Campbell", Groups.CONFERENCE_CHAIRS),
            new Person("panel.member", "Kwame", "Asante", Groups.PANEL),
            new Person("service.manager", "Helen", "Clarke", Groups.SERVICE_MANAGERS));

    private final IdentityService identity;

    DemoUsers(IdentityService identity) {
        this.identity = identity;
    }

    @EventListener(ApplicationReadyEvent.class)
    @Order(1)
    void createDemoUsers() {
        Groups.NAMES.forEach((id, name) -> {
            if (identity.createGroupQuery().groupId(id).count() == 0) {
                Group group = identity.newGroup(id);
                group.setName(name);
                group.setType(GROUP_TYPE_WORKFLOW);
                identity.saveGroup(group);
            }
        });
        for (Person person : PEOPLE) {
            if (identity.createUserQuery().userId(person.id()).count() == 0) {
                User user = identity.newUser(person.id());
                user.setFirstName(person.firstName());
                user.setLastName(person.lastName());
                user.setEmail(person.id() + "@casepath.example");
                user.setPassword(PASSWORD);
                identity.saveUser(user);
                identity.createMembership(person.id(), person.group());
            }
        }
        if (identity.createUserQuery().userId("admin").memberOfGroup(Groups.ADMINS).count() == 0
                && identity.createUserQuery().userId("admin").count() > 0) {
            identity.createMembership("admin", Groups.ADMINS);
        }
    }
}
