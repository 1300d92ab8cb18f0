package app.casepath.security;

import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/** Who is asking: the services decide what they may see and do from this, never from the client. */
public record Caller(String username, Set<String> groups) {

    static final String GROUP_AUTHORITY = "GROUP_";

    public boolean in(String group) {
        return groups.contains(group);
    }

    public boolean inAny(Set<String> candidates) {
        return candidates.stream().anyMatch(groups::contains);
    }

    /** The signed-in user of this request. */
    public static Caller current() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null || !auth.isAuthenticated()) {
            throw new IllegalStateException("no signed-in user");
        }
        Set<String> groups = auth.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                .filter(a -> a.startsWith(GROUP_AUTHORITY)).map(a -> a.substring(GROUP_AUTHORITY.length()))
                .collect(Collectors.toUnmodifiableSet());
        return new Caller(auth.getName(), groups);
    }

    public static String authority(String group) {
        return GROUP_AUTHORITY + group;
    }
}
