package app.casepath.exports;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.springframework.stereotype.Component;

import app.casepath.security.Groups;

/**
 * The returns' "Allocated Team" and "Allocated Worker", from the engine's identity service: the
 * worker's name as the tasklist shows it, and the service the worker works in, named.
 *
 * <p>Until teams exist ({@code teams.md}), a case is allocated to a worker only, and the team the
 * returns name is the worker's service: the role group that does the case's kind of work, in the
 * words of teams.md's services. A worker in several such groups is named by the first of
 * {@link #SERVICES}' order (social work before Early Help before the Front Door), the group whose
 * work an allocated case is.
 */
@Component
class AllocatedStaff {

    /** The groups a case can be allocated to a member of, and the service each names. */
    static final Map<String, String> SERVICES = orderedServices();

    private static Map<String, String> orderedServices() {
        Map<String, String> services = new java.util.LinkedHashMap<>();
        services.put(Groups.SOCIAL_WORKERS, "Children's social work");
        services.put(Groups.EARLY_HELP, "Early Help");
        services.put(Groups.FRONT_DOOR, "Family Front Door");
        return java.util.Collections.unmodifiableMap(services);
    }

    record Staff(String name, String service) {
    }

    private final IdentityService identity;

    AllocatedStaff(IdentityService identity) {
        this.identity = identity;
    }

    /**
     * Each worker's name and service, looked up once per return. A username the directory no
     * longer knows (a leaver removed from it) keeps its username as its name and has no service.
     */
    Map<String, Staff> of(Collection<String> usernames) {
        Set<String> wanted = usernames.stream().filter(u -> u != null && !u.isBlank()).collect(Collectors.toSet());
        Map<String, Staff> staff = new HashMap<>();
        if (wanted.isEmpty()) {
            return staff;
        }
        Map<String, User> users = identity.createUserQuery().userIdIn(wanted.toArray(String[]::new)).list().stream()
                .collect(Collectors.toMap(User::getId, u -> u));
        for (String username : wanted) {
            User user = users.get(username);
            String name = user == null ? username : (blankIfNull(user.getFirstName()) + " " + blankIfNull(user.getLastName())).strip();
            List<String> groups = identity.createGroupQuery().groupMember(username).list().stream().map(Group::getId).toList();
            String service = SERVICES.entrySet().stream().filter(s -> groups.contains(s.getKey())).map(Map.Entry::getValue)
                    .findFirst().orElse(null);
            staff.put(username, new Staff(name.isEmpty() ? username : name, service));
        }
        return staff;
    }

    private static String blankIfNull(String text) {
        return text == null ? "" : text;
    }
}
