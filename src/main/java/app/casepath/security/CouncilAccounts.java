package app.casepath.security;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngineException;
import static org.camunda.bpm.engine.authorization.Groups.GROUP_TYPE_WORKFLOW;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;

/**
 * Who a council account is in Casepath, on each sign-in through the provider: the username from
 * the configured claim, the groups from the configured claim through the mapping, and the engine's
 * identity service brought in step (name, email, groups), so that Cockpit, the inbox, allocation and
 * emails know the person. Nobody is ever deleted here: someone the provider no longer signs in keeps
 * their history. An account in no mapped group is refused ({@link NoCasepathGroup}).
 */
class CouncilAccounts implements OAuth2UserService<OidcUserRequest, OidcUser> {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final OidcUserService provider = new OidcUserService();
    private final SecuritySettings.Oidc settings;
    private final IdentityService identity;

    CouncilAccounts(SecuritySettings.Oidc settings, IdentityService identity) {
        this.settings = settings;
        this.identity = identity;
    }

    @Override
    public OidcUser loadUser(OidcUserRequest request) {
        OidcUser account = provider.loadUser(request);
        Map<String, Object> claims = account.getClaims();
        if (!(claims.get(settings.usernameClaim()) instanceof String claimed) || claimed.isBlank()) {
            throw new OAuth2AuthenticationException(new OAuth2Error("casepath_no_username",
                    "The council account carries no " + settings.usernameClaim() + " claim", null));
        }
        // One person, one username, however the provider capitalises it on the day.
        String username = claimed.strip().toLowerCase(Locale.ROOT);
        Set<String> groups = mappedGroups(claims.get(settings.groupsClaim()));
        if (groups.isEmpty()) {
            throw new NoCasepathGroup(username);
        }
        keepInStep(username, account.getGivenName(), account.getFamilyName(), account.getEmail(), groups);
        List<GrantedAuthority> authorities = groups.stream()
                .<GrantedAuthority>map(g -> new SimpleGrantedAuthority(Caller.authority(g))).toList();
        return new CouncilUser(authorities, account, settings.usernameClaim(), username);
    }

    /** The Casepath groups of the provider's values, in the mapping's order; unmapped values are ignored. */
    Set<String> mappedGroups(Object claim) {
        Collection<?> values = claim instanceof Collection<?> many ? many
                : claim instanceof String one ? List.of(one.split("[\\s,]+")) : List.of();
        Set<String> groups = new LinkedHashSet<>();
        for (Object value : values) {
            String group = settings.groupMapping().get(String.valueOf(value));
            if (group != null) {
                groups.add(group);
            }
        }
        return groups;
    }

    private void keepInStep(String username, String firstName, String lastName, String email, Set<String> groups) {
        try {
            saveUser(username, firstName, lastName, email);
        } catch (ProcessEngineException firstSignInAtOnce) {
            // Two first sign-ins of one person at the same moment (two tabs): the other created them; update.
            saveUser(username, firstName, lastName, email);
        }
        Set<String> memberOf = identity.createGroupQuery().groupMember(username).list().stream()
                .map(Group::getId).collect(java.util.stream.Collectors.toSet());
        for (String group : Groups.ALL) {
            boolean member = memberOf.contains(group);
            if (groups.contains(group) && !member) {
                ensureGroup(group);
                identity.createMembership(username, group);
            } else if (!groups.contains(group) && member) {
                identity.deleteMembership(username, group);
            }
        }
    }

    private void saveUser(String username, String firstName, String lastName, String email) {
        User user = identity.createUserQuery().userId(username).singleResult();
        if (user == null) {
            user = identity.newUser(username);
            // Never used to sign in (password sign-in is for local accounts); set so that no account is without one.
            byte[] secret = new byte[32];
            RANDOM.nextBytes(secret);
            user.setPassword(Base64.getEncoder().encodeToString(secret));
        }
        if (firstName != null) {
            user.setFirstName(firstName);
        }
        if (lastName != null) {
            user.setLastName(lastName);
        }
        if (email != null) {
            user.setEmail(email);
        }
        identity.saveUser(user);
    }

    private void ensureGroup(String id) {
        if (identity.createGroupQuery().groupId(id).count() == 0) {
            Group group = identity.newGroup(id);
            group.setName(Groups.NAMES.get(id));
            group.setType(GROUP_TYPE_WORKFLOW);
            identity.saveGroup(group);
        }
    }

    /** A council account that signed in but is in none of Casepath's groups: refused with a page that says why. */
    static final class NoCasepathGroup extends OAuth2AuthenticationException {
        static final String CODE = "casepath_no_group";
        private final String username;

        NoCasepathGroup(String username) {
            super(new OAuth2Error(CODE, "The council account is in none of Casepath's groups", null));
            this.username = username;
        }

        String username() {
            return username;
        }
    }

    /** The provider's account as Casepath knows it: the name is the Casepath username, lower case. */
    static final class CouncilUser extends DefaultOidcUser {
        private static final long serialVersionUID = 1L;
        private final String username;

        CouncilUser(Collection<? extends GrantedAuthority> authorities, OidcUser account, String nameClaim, String username) {
            super(authorities, account.getIdToken(), account.getUserInfo(), nameClaim);
            this.username = username;
        }

        @Override
        public String getName() {
            return username;
        }
    }
}
