package app.casepath.notify;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.stereotype.Component;

/**
 * Who an email goes to, from the engine's identity service: a user, or the members of groups,
 * with an email address. Remembered for a while ({@code casepath.mail.recipients-refresh}, a
 * minute): every new task emails someone, and the directory changes rarely; a change made in the
 * admin app reaches emails within that time.
 */
@Component
class Recipients {

    record Recipient(String username, String firstName, String email) {
    }

    private record Remembered(List<Recipient> recipients, long until) {
    }

    private final IdentityService identity;
    private final long refreshNanos;
    private final Map<String, Remembered> byUser = new ConcurrentHashMap<>();
    private final Map<String, Remembered> byGroup = new ConcurrentHashMap<>();

    Recipients(IdentityService identity, MailSettings settings) {
        this.identity = identity;
        this.refreshNanos = settings.recipientsRefresh().toNanos();
    }

    List<Recipient> users(Collection<String> usernames) {
        return distinct(usernames.stream().flatMap(id -> remembered(byUser, id,
                () -> withEmail(identity.createUserQuery().userId(id).list())).stream()).toList());
    }

    List<Recipient> members(Collection<String> groups) {
        return distinct(groups.stream().flatMap(group -> remembered(byGroup, group,
                () -> withEmail(identity.createUserQuery().memberOfGroup(group).list())).stream()).toList());
    }

    private List<Recipient> remembered(Map<String, Remembered> cache, String key, Supplier<List<Recipient>> lookUp) {
        long now = System.nanoTime();
        Remembered known = cache.get(key);
        if (known == null || now - known.until() > 0) {
            known = new Remembered(lookUp.get(), now + refreshNanos);
            cache.put(key, known);
        }
        return known.recipients();
    }

    private static List<Recipient> withEmail(List<User> users) {
        return users.stream().filter(u -> u.getEmail() != null && !u.getEmail().isBlank())
                .map(u -> new Recipient(u.getId(), u.getFirstName(), u.getEmail())).toList();
    }

    private static List<Recipient> distinct(List<Recipient> recipients) {
        Map<String, Recipient> once = new LinkedHashMap<>();
        recipients.forEach(r -> once.putIfAbsent(r.username(), r));
        return List.copyOf(once.values());
    }
}
