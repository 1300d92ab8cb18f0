package app.casepath.security;

import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * casepath.security.*: the council's identity provider (roles.md, "Signing in with the council's
 * identity provider") and the break-glass administrator who may still sign in with a password in
 * production when the provider is down. Checked as the application starts, so a mistyped group in
 * the mapping stops it with the property named, rather than refusing every sign-in later.
 */
@ConfigurationProperties("casepath.security")
public record SecuritySettings(String breakGlassUser, @DefaultValue Oidc oidc) {

    /**
     * The provider. Sign-in by OpenID Connect is on when {@code issuer-uri} is set. The mapping's keys
     * are the provider's values (a group's name or object id, an Entra ID app role); keys with dots or
     * slashes go in brackets: {@code group-mapping: {"[Casepath.SocialWorkers]": social-workers}}.
     */
    public record Oidc(String issuerUri, String clientId, String clientSecret,
                       @DefaultValue("groups") String groupsClaim,
                       Map<String, String> groupMapping,
                       @DefaultValue("preferred_username") String usernameClaim,
                       @DefaultValue("casepath.contacts") String integrationRole,
                       String audience) {

        public Oidc {
            groupMapping = groupMapping == null ? Map.of() : Map.copyOf(groupMapping);
            if (issuerUri != null && !issuerUri.isBlank()) {
                require("client-id", clientId);
                require("client-secret", clientSecret);
                Set<String> unknown = new TreeSet<>(groupMapping.values());
                unknown.removeAll(Groups.ALL);
                if (!unknown.isEmpty()) {
                    throw new IllegalArgumentException("casepath.security.oidc.group-mapping names groups Casepath does not have: "
                            + String.join(", ", unknown) + " (the groups are " + String.join(", ", Groups.ALL) + ")");
                }
            }
        }

        public boolean configured() {
            return issuerUri != null && !issuerUri.isBlank();
        }

        private static void require(String property, String value) {
            if (value == null || value.isBlank()) {
                throw new IllegalArgumentException("casepath.security.oidc." + property
                        + " must be set when casepath.security.oidc.issuer-uri is");
            }
        }
    }
}
