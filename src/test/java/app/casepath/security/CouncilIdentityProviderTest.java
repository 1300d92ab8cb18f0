package app.casepath.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtValidationException;

import testidp.CouncilProvider;

/**
 * Reading the provider's bearer tokens, against a real provider: where an audience is configured, a
 * token for another audience is refused; the integration role counts as a role or as a scope; the
 * client is named by its id. A mistyped group in the mapping stops start-up, naming the setting.
 */
class CouncilIdentityProviderTest {

    static CouncilProvider.Running provider;

    @BeforeAll
    static void start() {
        provider = CouncilProvider.start();
    }

    @AfterAll
    static void stop() {
        provider.close();
    }

    private static SecuritySettings.Oidc settings(String audience, Map<String, String> mapping) {
        return new SecuritySettings.Oidc(provider.issuer(), "casepath", "secret", "groups", mapping, "preferred_username",
                "casepath.contacts", audience);
    }

    @Test
    void aTokenForAnotherAudienceIsRefusedWhereAnAudienceIsSet() throws Exception {
        // Spring Authorization Server's client-credentials tokens are for the client itself.
        String token = provider.clientCredentialsToken("police-portal", null);

        Jwt forThePortal = new CouncilIdentityProvider(settings("police-portal", Map.of())).bearerTokens().decode(token);
        assertThat(forThePortal.getAudience()).containsExactly("police-portal");
        assertThatThrownBy(() -> new CouncilIdentityProvider(settings("api://casepath", Map.of())).bearerTokens().decode(token))
                .isInstanceOf(JwtValidationException.class).hasMessageContaining("aud");
        assertThat(new CouncilIdentityProvider(settings(null, Map.of())).bearerTokens().decode(token).getSubject())
                .as("no audience set: any of the provider's tokens").isEqualTo("police-portal");
    }

    @Test
    void theIntegrationRoleCountsAsARoleOrAScopeAndTheClientIsNamedByItsId() throws Exception {
        CouncilIdentityProvider council = new CouncilIdentityProvider(settings(null, Map.of()));
        AbstractAuthenticationToken police = council.integrations().convert(council.bearerTokens()
                .decode(provider.clientCredentialsToken("police-portal", null)));
        AbstractAuthenticationToken health = council.integrations().convert(council.bearerTokens()
                .decode(provider.clientCredentialsToken("health-portal", "casepath.contacts")));
        AbstractAuthenticationToken library = council.integrations().convert(council.bearerTokens()
                .decode(provider.clientCredentialsToken("library-portal", "library.loans")));

        assertThat(police.getName()).isEqualTo("police-portal");
        assertThat(police.getAuthorities()).extracting(a -> a.getAuthority()).containsExactly("GROUP_integrations");
        assertThat(health.getAuthorities()).extracting(a -> a.getAuthority()).containsExactly("GROUP_integrations");
        assertThat(library.getAuthorities()).isEmpty();
    }

    @Test
    void aMappingToAGroupCasepathDoesNotHaveStopsStartUpNamingTheSetting() {
        assertThatThrownBy(() -> settings(null, Map.of("Casepath Social Workers", "social-worker")))
                .hasMessageContaining("casepath.security.oidc.group-mapping").hasMessageContaining("social-worker ");
        assertThatThrownBy(() -> new SecuritySettings.Oidc(provider.issuer(), null, "secret", "groups", Map.of(),
                "preferred_username", "casepath.contacts", null)).hasMessageContaining("casepath.security.oidc.client-id");
    }
}
