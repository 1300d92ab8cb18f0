package app.casepath.security;

import java.util.Collection;
import java.util.List;
import java.util.stream.Stream;

import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.ClientRegistrations;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtDecoders;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.SupplierJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.util.function.SingletonSupplier;

/**
 * The council's identity provider as Casepath uses it: the client registration for signing people
 * in, and the decoder and reading of the bearer tokens its integrations carry. Both are discovered
 * from the issuer on first use, not at start-up, so Casepath starts (and its break-glass
 * administrator can sign in) while the provider is unreachable; a failed discovery is tried again.
 */
final class CouncilIdentityProvider {

    /** In the addresses of the sign-in: /api/oauth2/authorization/council and /api/login/oauth2/code/council. */
    static final String REGISTRATION_ID = "council";

    private final SecuritySettings.Oidc settings;
    private final ClientRegistrationRepository registrations;

    CouncilIdentityProvider(SecuritySettings.Oidc settings) {
        this.settings = settings;
        SingletonSupplier<ClientRegistration> registration = SingletonSupplier.of(() -> ClientRegistrations.fromIssuerLocation(settings.issuerUri())
                .registrationId(REGISTRATION_ID)
                .clientName("your council account")
                .clientId(settings.clientId())
                .clientSecret(settings.clientSecret())
                .scope("openid", "profile", "email")
                .userNameAttributeName(settings.usernameClaim())
                .redirectUri("{baseUrl}/api/login/oauth2/code/{registrationId}")
                .build());
        this.registrations = id -> REGISTRATION_ID.equals(id) ? registration.obtain() : null;
    }

    ClientRegistrationRepository registrations() {
        return registrations;
    }

    /** Tokens signed by the provider's keys, from its issuer, unexpired, and for Casepath when an audience is set. */
    JwtDecoder bearerTokens() {
        return new SupplierJwtDecoder(() -> {
            NimbusJwtDecoder decoder = (NimbusJwtDecoder) JwtDecoders.fromIssuerLocation(settings.issuerUri());
            if (settings.audience() != null && !settings.audience().isBlank()) {
                decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(
                        JwtValidators.createDefaultWithIssuer(settings.issuerUri()),
                        new JwtClaimValidator<List<String>>(JwtClaimNames.AUD,
                                audience -> audience != null && audience.contains(settings.audience()))));
            }
            return decoder;
        });
    }

    /**
     * A partner agency's system: named by its client id, and an integration (which may record
     * contacts) only if the token carries the integration role, in its roles claim (Entra ID's app
     * roles, Keycloak's realm roles mapped there) or as a scope.
     */
    Converter<Jwt, AbstractAuthenticationToken> integrations() {
        return jwt -> {
            boolean integration = values(jwt.getClaim("roles")).anyMatch(settings.integrationRole()::equals)
                    || Stream.concat(values(jwt.getClaim("scope")), values(jwt.getClaim("scp")))
                    .anyMatch(settings.integrationRole()::equals);
            String client = Stream.of("azp", "client_id", "appid", JwtClaimNames.SUB)
                    .map(jwt::getClaimAsString).filter(c -> c != null && !c.isBlank()).findFirst().orElse("unknown client");
            return new JwtAuthenticationToken(jwt, integration
                    ? List.of(new SimpleGrantedAuthority(Caller.authority(Groups.INTEGRATIONS))) : List.of(), client);
        };
    }

    private static Stream<String> values(Object claim) {
        if (claim instanceof Collection<?> many) {
            return many.stream().map(String::valueOf);
        }
        return claim instanceof String one ? Stream.of(one.split("\\s+")) : Stream.empty();
    }
}
