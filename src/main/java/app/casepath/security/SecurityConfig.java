package app.casepath.security;

import java.io.IOException;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
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
 * browser session (signed in at /api/login, CSRF token in the XSRF-TOKEN cookie echoed in the
 * X-XSRF-TOKEN header) or HTTP Basic for integrations and scripts (no CSRF token: a browser never
 * sends Basic credentials on its own, as /api never asks it to). Everything else: the Camunda
 * webapps (their own sign-in, open to admins only by engine authorizations), docs and static files.
 */
@Configuration
class SecurityConfig {

    private final ObjectMapper json;

    SecurityConfig(ObjectMapper json) {
        this.json = json;
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
    SecurityFilterChain api(HttpSecurity http, AuthenticationManager authentication,
                            SecurityContextRepository contexts, AuditLog audit) throws Exception {
        CsrfTokenRequestAttributeHandler plainToken = new CsrfTokenRequestAttributeHandler();
        plainToken.setCsrfRequestAttributeName(null);
        return http.securityMatcher("/api/**")
                .authenticationManager(authentication)
                .securityContext(c -> c.securityContextRepository(contexts))
                .authorizeHttpRequests(a -> a
                        .requestMatchers(HttpMethod.POST, "/api/login").permitAll()
                        .requestMatchers(HttpMethod.GET, "/api/csrf").permitAll()
                        .requestMatchers("/api/audit/**").hasAuthority(Caller.authority(Groups.ADMINS))
                        .anyRequest().authenticated())
                .httpBasic(b -> b.authenticationEntryPoint(this::unauthorised))
                .csrf(c -> c.csrfTokenRepository(CookieCsrfTokenRepository.withHttpOnlyFalse())
                        .csrfTokenRequestHandler(plainToken)
                        .ignoringRequestMatchers(SecurityConfig::usesBasicAuthentication))
                .addFilterAfter(new AuditFilter(audit), BasicAuthenticationFilter.class)
                .exceptionHandling(e -> e.authenticationEntryPoint(this::unauthorised)
                        .accessDeniedHandler((request, response, denied) ->
                                problem(response, HttpStatus.FORBIDDEN, "You may not do this.")))
                .build();
    }

    @Bean
    @Order(3)
    SecurityFilterChain everythingElse(HttpSecurity http) throws Exception {
        return http
                .authorizeHttpRequests(a -> a
                        .requestMatchers("/actuator/health/**").permitAll()
                        .requestMatchers("/actuator/**").hasAuthority(Caller.authority(Groups.ADMINS))
                        .anyRequest().permitAll())
                // The Camunda webapps run their own sign-in and CSRF protection.
                .csrf(c -> c.ignoringRequestMatchers("/camunda/**"))
                .httpBasic(b -> { })
                .build();
    }

    private static boolean usesBasicAuthentication(HttpServletRequest request) {
        String header = request.getHeader("Authorization");
        return header != null && header.regionMatches(true, 0, "Basic ", 0, 6);
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
