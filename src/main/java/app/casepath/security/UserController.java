package app.casepath.security;

import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import app.casepath.tasks.InvalidInputException;

/** Colleagues by group, so that a manager picks a social worker by name rather than typing a username. */
@RestController
class UserController {

    record Person(String username, String displayName) {
    }

    private final IdentityService identity;

    UserController(IdentityService identity) {
        this.identity = identity;
    }

    @GetMapping("/api/users")
    List<Person> members(@RequestParam String group) {
        if (!Groups.ALL.contains(group)) {
            throw InvalidInputException.of("group", "must be one of " + String.join(", ", Groups.ALL));
        }
        return identity.createUserQuery().memberOfGroup(group).orderByUserLastName().asc().list().stream()
                .map(u -> new Person(u.getId(), (u.getFirstName() + " " + u.getLastName()).strip())).toList();
    }
}
