package testidp;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.http.HttpMessageConvertersAutoConfiguration;
import org.springframework.boot.autoconfigure.jackson.JacksonAutoConfiguration;
import org.springframework.boot.autoconfigure.web.servlet.DispatcherServletAutoConfiguration;
import org.springframework.boot.autoconfigure.web.servlet.ServletWebServerFactoryAutoConfiguration;
import org.springframework.boot.autoconfigure.web.servlet.WebMvcAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.servlet.context.ServletWebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.core.session.SessionRegistry;
import org.springframework.security.core.session.SessionRegistryImpl;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.oidc.OidcScopes;
import org.springframework.security.oauth2.core.oidc.endpoint.OidcParameterNames;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.config.annotation.web.configuration.OAuth2AuthorizationServerConfiguration;
import org.springframework.security.oauth2.server.authorization.client.InMemoryRegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.config.annotation.web.configurers.OAuth2AuthorizationServerConfigurer;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.session.HttpSessionEventPublisher;
import org.springframework.security.web.util.matcher.MediaTypeRequestMatcher;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;

/**
 * A council's identity provider for the tests: a real OpenID Connect provider (Spring Authorization
 * Server) in its own Spring application on a random port, outside Casepath's packages so that
 * nothing of Casepath's (engine, database) starts in it. Its staff sign in with a password at its
 * own sign-in page; their ID tokens carry preferred_username, names, email and the provider's group
 * names in "groups", as Entra ID or Keycloak would. Partner agencies' systems get tokens by client
 * credentials: the police portal with the integration role in "roles" (as Entra ID app roles), the
 * health portal with it as a scope, the library's portal with neither. Each provider started has
 * keys of its own, so a second one is "another issuer".
 */
@SpringBootConfiguration
@EnableWebSecurity
@ImportAutoConfiguration({ServletWebServerFactoryAutoConfiguration.class, DispatcherServletAutoConfiguration.class,
        WebMvcAutoConfiguration.class, HttpMessageConvertersAutoConfiguration.class, JacksonAutoConfiguration.class})
public class CouncilProvider {

    public static final String PASSWORD = "council-password";
    public static final String CASEPATH_CLIENT = "casepath";
    public static final String CASEPATH_SECRET = "casepath-client-secret";
    public static final String INTEGRATION_ROLE = "casepath.contacts";

    /** A member of the council's staff as the provider holds them. */
    public record Account(String username, String givenName, String familyName, List<String> groups) {
        public String email() {
            return username + "@council.example";
        }
    }

    public static final Account SOCIAL_WORKER = new Account("amira.rahman", "Amira", "Rahman",
            List.of("All staff", "Casepath Social Workers"));
    public static final Account NO_CASEPATH_GROUP = new Account("ian.finance", "Ian", "Ledger", List.of("All staff", "Finance"));

    /** The mapping Casepath is configured with: provider group name to Casepath group. */
    public static final Map<String, String> GROUP_MAPPING = Map.of(
            "Casepath Social Workers", "social-workers",
            "Casepath Team Managers", "team-managers",
            "Casepath Front Door", "front-door");

    private static final Map<String, Account> ACCOUNTS = List.of(SOCIAL_WORKER, NO_CASEPATH_GROUP).stream()
            .collect(Collectors.toMap(Account::username, Function.identity()));

    private static final Map<String, List<String>> CLIENT_ROLES = Map.of("police-portal", List.of(INTEGRATION_ROLE));

    private static CouncilProvider.Running shared;

    /** The provider all of a JVM's Casepath test contexts sign in through. */
    public static synchronized Running shared() {
        if (shared == null) {
            shared = start();
        }
        return shared;
    }

    public static Running start() {
        ConfigurableApplicationContext context = new SpringApplicationBuilder(CouncilProvider.class)
                .web(WebApplicationType.SERVLET)
                // Its own configuration only: not Casepath's application.yml.
                .properties("spring.config.name=council-provider", "server.port=0", "spring.main.banner-mode=off",
                        "logging.level.org.springframework.security=warn")
                .run();
        return new Running(context);
    }

    /** A provider running, and what the tests ask of it. */
    public static final class Running implements AutoCloseable {
        private final ConfigurableApplicationContext context;
        private final HttpClient http = HttpClient.newHttpClient();

        Running(ConfigurableApplicationContext context) {
            this.context = context;
        }

        /** The issuer, as Casepath is configured with it: "localhost", so that Casepath at 127.0.0.1 is another site. */
        public String issuer() {
            return "http://localhost:" + ((ServletWebServerApplicationContext) context).getWebServer().getPort();
        }

        /** Registers a Casepath at this address: its redirect back after sign-in, and after sign-out. */
        public synchronized void allowCasepathAt(String baseUrl) {
            InMemoryRegisteredClientRepository clients = context.getBean(InMemoryRegisteredClientRepository.class);
            RegisteredClient casepath = clients.findByClientId(CASEPATH_CLIENT);
            clients.save(RegisteredClient.from(casepath)
                    .redirectUri(baseUrl + "/api/login/oauth2/code/council")
                    .postLogoutRedirectUri(baseUrl + "/sign-in")
                    .build());
        }

        /** An access token for a partner agency's system, by client credentials. */
        public String clientCredentialsToken(String clientId, String scope) throws IOException, InterruptedException {
            String form = "grant_type=client_credentials" + (scope == null ? "" : "&scope=" + scope);
            HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(issuer() + "/oauth2/token"))
                    .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                            (clientId + ":" + clientId + "-secret").getBytes(StandardCharsets.UTF_8)))
                    .header("Content-Type", MediaType.APPLICATION_FORM_URLENCODED_VALUE)
                    .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() != 200) {
                throw new IllegalStateException("token endpoint answered " + answer.statusCode() + ": " + answer.body());
            }
            return new ObjectMapper().readTree(answer.body()).get("access_token").asText();
        }

        @Override
        public void close() {
            context.close();
        }
    }

    @Bean
    @Order(1)
    SecurityFilterChain authorizationServer(HttpSecurity http) throws Exception {
        OAuth2AuthorizationServerConfigurer server = OAuth2AuthorizationServerConfigurer.authorizationServer();
        http.securityMatcher(server.getEndpointsMatcher())
                .with(server, s -> s.oidc(Customizer.withDefaults()))
                .authorizeHttpRequests(a -> a.anyRequest().authenticated())
                .exceptionHandling(e -> e.defaultAuthenticationEntryPointFor(new LoginUrlAuthenticationEntryPoint("/login"),
                        new MediaTypeRequestMatcher(MediaType.TEXT_HTML)))
                // The userinfo endpoint takes the access tokens it issued.
                .oauth2ResourceServer(r -> r.jwt(Customizer.withDefaults()));
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain staffSignIn(HttpSecurity http) throws Exception {
        return http.authorizeHttpRequests(a -> a.anyRequest().authenticated())
                .formLogin(Customizer.withDefaults())
                .build();
    }

    @Bean
    UserDetailsService staff() {
        return new InMemoryUserDetailsManager(ACCOUNTS.keySet().stream()
                .map(u -> User.withUsername(u).password("{noop}" + PASSWORD).roles("STAFF").build()).toList());
    }

    @Bean
    InMemoryRegisteredClientRepository clients() {
        RegisteredClient casepath = RegisteredClient.withId(UUID.randomUUID().toString())
                .clientId(CASEPATH_CLIENT).clientSecret("{noop}" + CASEPATH_SECRET)
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .authorizationGrantType(AuthorizationGrantType.REFRESH_TOKEN)
                .redirectUri("http://127.0.0.1/unused")
                .scope(OidcScopes.OPENID).scope(OidcScopes.PROFILE).scope(OidcScopes.EMAIL)
                // Casepath must send a PKCE challenge, as roles.md says; no consent screen for the council's own app.
                .clientSettings(ClientSettings.builder().requireProofKey(true).requireAuthorizationConsent(false).build())
                .build();
        return new InMemoryRegisteredClientRepository(casepath, portal("police-portal"), portal("health-portal"),
                portal("library-portal"));
    }

    private static RegisteredClient portal(String clientId) {
        return RegisteredClient.withId(UUID.randomUUID().toString())
                .clientId(clientId).clientSecret("{noop}" + clientId + "-secret")
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                .authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
                .scope(INTEGRATION_ROLE).scope("library.loans")
                .build();
    }

    @Bean
    OAuth2TokenCustomizer<JwtEncodingContext> claims() {
        return context -> {
            if (OidcParameterNames.ID_TOKEN.equals(context.getTokenType().getValue())) {
                Account account = ACCOUNTS.get(context.getPrincipal().getName());
                context.getClaims().claim("preferred_username", account.username())
                        .claim("given_name", account.givenName()).claim("family_name", account.familyName())
                        .claim("email", account.email()).claim("groups", account.groups());
            } else if (OAuth2TokenType.ACCESS_TOKEN.equals(context.getTokenType())
                    && AuthorizationGrantType.CLIENT_CREDENTIALS.equals(context.getAuthorizationGrantType())) {
                List<String> roles = CLIENT_ROLES.get(context.getRegisteredClient().getClientId());
                if (roles != null) {
                    context.getClaims().claim("roles", roles);
                }
            }
        };
    }

    /** Keys of its own, made as it starts. */
    @Bean
    JWKSource<SecurityContext> keys() throws Exception {
        java.security.KeyPairGenerator generator = java.security.KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        java.security.KeyPair pair = generator.generateKeyPair();
        RSAKey key = new RSAKey.Builder((java.security.interfaces.RSAPublicKey) pair.getPublic())
                .privateKey(pair.getPrivate()).keyID(UUID.randomUUID().toString()).build();
        return new ImmutableJWKSet<>(new JWKSet(key));
    }

    @Bean
    JwtDecoder accessTokens(JWKSource<SecurityContext> keys) {
        return OAuth2AuthorizationServerConfiguration.jwtDecoder(keys);
    }

    @Bean
    AuthorizationServerSettings authorizationServerSettings() {
        return AuthorizationServerSettings.builder().build();
    }

    /** Sessions tracked, so that ID tokens carry "sid" and sign-out (RP-initiated logout) ends the right one. */
    @Bean
    SessionRegistry sessions() {
        return new SessionRegistryImpl();
    }

    @Bean
    HttpSessionEventPublisher sessionEvents() {
        return new HttpSessionEventPublisher();
    }
}
