package app.casepath.security;

import java.io.IOException;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.Authentication;
import org.springframework.security.config.ObjectPostProcessor;
import org.springframework.security.oauth2.client.web.DefaultOAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestRedirectFilter;
import org.springframework.security.oauth2.client.web.HttpSessionOAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestCustomizers;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.csrf.CsrfTokenRequestAttributeHandler;

import com.fasterxml.jackson.databind.ObjectMapper;

import app.casepath.audit.AuditFilter;
import app.casepath.audit.AuditLog;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Three doors. The engine's REST API: HTTP Basic, administrators only. The product's /api: a
 * browser session (signed in with a password at /api/login, or through the council's identity
 * provider at /api/oauth2/authorization/council; CSRF token in the XSRF-TOKEN cookie echoed in the
 * X-XSRF-TOKEN header), or, for integrations and scripts, HTTP Basic or the provider's bearer tokens
 * (no CSRF token: a browser never sends either on its own, as /api never asks it to). A bearer token
 * may record contacts and nothing else. Everything else: the Camunda webapps (their own sign-in, open
 * to admins only by engine authorizations), docs and static files.
 */
@Configuration
class SecurityConfig {

    private static final Logger log = LoggerFactory.getLogger(SecurityConfig.class);
    private static final String SIGN_IN_PAGE = SignOut.SIGN_IN_PAGE;
    private static final String REFUSED_PAGE = "/sign-in/refused";

    private final ObjectMapper json;
    private final SecuritySettings settings;
    /** The council's identity provider, where one is configured; null where only passwords sign people in. */
    private final CouncilIdentityProvider council;
    private final CookieCsrfTokenRepository csrfTokens = CookieCsrfTokenRepository.withHttpOnlyFalse();

    SecurityConfig(ObjectMapper json, SecuritySettings settings) {
        this.json = json;
        this.settings = settings;
        this.council = settings.oidc().configured() ? new CouncilIdentityProvider(settings.oidc()) : null;
    }

    @Bean
    SignOut signOut(AuditLog audit) {
        return new SignOut(council, csrfTokens, audit, json);
    }

    @Bean
    AuthenticationManager authenticationManager(EngineIdentityAuthentication engineIdentity) {
        return new ProviderManager(engineIdentity);
    }

    @Bean
    SecurityContextRepository securityContextRepository() {
        return new HttpSessionSecurityContextRepository();
    }

    @Bean
    @Order(1)
    SecurityFilterChain engineRest(HttpSecurity http, AuthenticationManager authentication) throws Exception {
        // The engine's REST API is Jersey's own servlet, not Spring MVC's: match on the raw path.
        return http.securityMatcher(PathPatternRequestMatcher.withDefaults().matcher("/engine-rest/**"))
                .authenticationManager(authentication)
                .authorizeHttpRequests(a -> a.anyRequest().hasAnyAuthority(
                        Caller.authority(Groups.ADMINS), Caller.authority("camunda-admin")))
                .httpBasic(b -> { })
                .csrf(c -> c.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain api(HttpSecurity http, EngineIdentityAuthentication passwords,
                            SecurityContextRepository contexts, AuditLog audit, IdentityService identity) throws Exception {
        CsrfTokenRequestAttributeHandler plainToken = new CsrfTokenRequestAttributeHandler();
        plainToken.setCsrfRequestAttributeName(null);
        // Providers, not one manager: the provider's sign-in and bearer tokens add theirs beside passwords.
        http.securityMatcher("/api/**")
                .authenticationProvider(passwords)
                .securityContext(c -> c.securityContextRepository(contexts))
                .authorizeHttpRequests(a -> a
                        .requestMatchers(HttpMethod.POST, "/api/login").permitAll()
                        .requestMatchers(HttpMethod.GET, "/api/csrf", "/api/sign-in-options").permitAll()
                        .requestMatchers("/api/audit/**").hasAuthority(Caller.authority(Groups.ADMINS))
                        .requestMatchers(HttpMethod.POST, "/api/contacts").access(peopleOr(Groups.INTEGRATIONS))
                        .anyRequest().access(peopleOr(null)))
                .httpBasic(b -> b.authenticationEntryPoint(this::unauthorised))
                .csrf(c -> c.csrfTokenRepository(csrfTokens)
                        .csrfTokenRequestHandler(plainToken)
                        .ignoringRequestMatchers(SecurityConfig::carriesCredentials))
                .addFilterAfter(new AuditFilter(audit), BasicAuthenticationFilter.class)
                .exceptionHandling(e -> e.authenticationEntryPoint(this::unauthorised)
                        .accessDeniedHandler((request, response, denied) ->
                                problem(response, HttpStatus.FORBIDDEN, "You may not do this.")));
        if (council != null) {
            DefaultOAuth2AuthorizationRequestResolver withPkce = new DefaultOAuth2AuthorizationRequestResolver(
                    council.registrations(), "/api/oauth2/authorization");
            withPkce.setAuthorizationRequestCustomizer(OAuth2AuthorizationRequestCustomizers.withPkce());
            http.oauth2Login(o -> o.loginPage(SIGN_IN_PAGE)
                            .clientRegistrationRepository(council.registrations())
                            .authorizedClientRepository(new HttpSessionOAuth2AuthorizedClientRepository())
                            .authorizationEndpoint(e -> e.authorizationRequestResolver(withPkce))
                            .withObjectPostProcessor(providerUnreachable())
                            .redirectionEndpoint(r -> r.baseUri("/api/login/oauth2/code/*"))
                            .userInfoEndpoint(u -> u.oidcUserService(new CouncilAccounts(settings.oidc(), identity)))
                            .successHandler((request, response, signedIn) -> {
                                audit.session(signedIn.getName(), "SIGN_IN", request, HttpStatus.FOUND.value(),
                                        "signed in with the council's account");
                                response.sendRedirect("/");
                            })
                            .failureHandler((request, response, failed) -> {
                                boolean noGroup = failed instanceof CouncilAccounts.NoCasepathGroup;
                                audit.session(noGroup ? ((CouncilAccounts.NoCasepathGroup) failed).username() : null, "SIGN_IN",
                                        request, HttpStatus.UNAUTHORIZED.value(), noGroup
                                                ? "refused: the council account is in none of Casepath's groups"
                                                : "refused: the provider's sign-in did not complete");
                                response.sendRedirect(noGroup ? REFUSED_PAGE : SIGN_IN_PAGE + "?failed");
                            }))
                    .oauth2ResourceServer(o -> o.authenticationEntryPoint(this::unauthorised)
                            .jwt(j -> j.decoder(council.bearerTokens()).jwtAuthenticationConverter(council.integrations())));
        }
        return http.build();
    }

    /**
     * Starting a sign-in when the provider cannot be reached (its discovery document fails): back to
     * the sign-in page, which says so, rather than an error page.
     */
    private static ObjectPostProcessor<OAuth2AuthorizationRequestRedirectFilter> providerUnreachable() {
        return new ObjectPostProcessor<>() {
            @Override
            public <F extends OAuth2AuthorizationRequestRedirectFilter> F postProcess(F filter) {
                filter.setAuthenticationFailureHandler((request, response, failed) -> {
                    log.warn("The identity provider could not be reached to start a sign-in: {}",
                            failed.getCause() == null ? failed.getClass().getName() : failed.getCause().getClass().getName());
                    response.sendRedirect(SIGN_IN_PAGE + "?unavailable");
                });
                return filter;
            }
        };
    }

    /**
     * Signed-in people may go on (each service decides what they may see); a partner agency's bearer
     * token only where it says, and only with the integration role.
     */
    private static AuthorizationManager<RequestAuthorizationContext> peopleOr(String integrationGroup) {
        return (Supplier<Authentication> who, RequestAuthorizationContext request) -> {
            Authentication auth = who.get();
            if (auth == null || !auth.isAuthenticated() || auth instanceof AnonymousAuthenticationToken) {
                return new AuthorizationDecision(false);
            }
            if (auth instanceof JwtAuthenticationToken) {
                return new AuthorizationDecision(integrationGroup != null && auth.getAuthorities().stream()
                        .anyMatch(a -> a.getAuthority().equals(Caller.authority(integrationGroup))));
            }
            return new AuthorizationDecision(true);
        };
    }

    @Bean
    @Order(3)
    SecurityFilterChain everythingElse(HttpSecurity http, PasswordSignIn passwords) throws Exception {
        return http
                .addFilterBefore(new CockpitPasswordSignIn(passwords), BasicAuthenticationFilter.class)
                .authorizeHttpRequests(a -> a
                        .requestMatchers("/actuator/health/**").permitAll()
                        .requestMatchers("/actuator/**").hasAuthority(Caller.authority(Groups.ADMINS))
                        .anyRequest().permitAll())
                // The Camunda webapps run their own sign-in and CSRF protection.
                .csrf(c -> c.ignoringRequestMatchers("/camunda/**"))
                .httpBasic(b -> { })
                .build();
    }

    /** Basic credentials or a bearer token: sent by scripts and integrations, never by a browser on its own. */
    private static boolean carriesCredentials(HttpServletRequest request) {
        String header = request.getHeader("Authorization");
        return header != null && (header.regionMatches(true, 0, "Basic ", 0, 6) || header.regionMatches(true, 0, "Bearer ", 0, 7));
    }

    private void unauthorised(HttpServletRequest request, HttpServletResponse response,
                              org.springframework.security.core.AuthenticationException e) throws IOException {
        // No WWW-Authenticate challenge: browsers must never cache Basic credentials for /api.
        problem(response, HttpStatus.UNAUTHORIZED, "Sign in first.");
    }

    private void problem(HttpServletResponse response, HttpStatus status, String detail) throws IOException {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(response.getOutputStream(), problem);
    }
}
