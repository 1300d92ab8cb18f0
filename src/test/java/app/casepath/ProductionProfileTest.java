package app.casepath;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

import testidp.CouncilProvider;

/**
 * Production: no demo users and no default passwords; the first administrator comes from
 * configuration. With the council's identity provider configured, password sign-in is off
 * everywhere (the sign-in page, HTTP Basic on /api and /engine-rest, Cockpit) except for the
 * break-glass administrator, who signs in while the provider is down (Casepath started without it).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:casepath-prod;DB_CLOSE_DELAY=-1",
        "CASEPATH_ADMIN_USER=council.admin", "CASEPATH_ADMIN_PASSWORD=a-long-secret-from-the-vault",
        "casepath.security.break-glass-user=council.admin"})
@ActiveProfiles({"prod", "test"})
class ProductionProfileTest {

    private static final String BREAK_GLASS_PASSWORD = "a-long-secret-from-the-vault";

    /** The council's provider is down (nothing listens there): the break-glass administrator is what it is for. */
    @DynamicPropertySource
    static void provider(DynamicPropertyRegistry registry) {
        registry.add("casepath.security.oidc.issuer-uri", () -> "http://127.0.0.1:9/realms/council");
        registry.add("casepath.security.oidc.client-id", () -> CouncilProvider.CASEPATH_CLIENT);
        registry.add("casepath.security.oidc.client-secret", () -> CouncilProvider.CASEPATH_SECRET);
    }

    @Autowired
    TestRestTemplate http;

    @org.springframework.boot.test.web.server.LocalServerPort
    int port;

    @Autowired
    IdentityService identity;

    @Test
    void onlyTheConfiguredAdministratorExistsAndOnlyThatBreakGlassAccountSignsInWithAPassword() throws Exception {
        assertThat(identity.createUserQuery().list()).extracting(u -> u.getId()).containsExactly("council.admin");
        assertThat(http.withBasicAuth("fd.practitioner", "demo").getForEntity("/api/me", String.class).getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(http.withBasicAuth("admin", "demo").getForEntity("/engine-rest/user/count", String.class).getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(http.withBasicAuth("council.admin", BREAK_GLASS_PASSWORD)
                .getForEntity("/engine-rest/user/count", String.class).getBody()).isEqualTo("{\"count\":1}");
        assertThat(http.getForEntity("/api/sign-in-options", String.class).getBody())
                .isEqualTo("{\"councilAccount\":true,\"passwordsForBreakGlassOnly\":true}");
        java.net.http.HttpResponse<String> councilSignIn = java.net.http.HttpClient.newHttpClient().send(
                java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:" + port + "/api/oauth2/authorization/council"))
                        .build(), java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(councilSignIn.statusCode()).as("the provider unreachable").isEqualTo(302);
        assertThat(councilSignIn.headers().firstValue("Location")).hasValue("http://127.0.0.1:" + port + "/sign-in?unavailable");

        // A second administrator with a password of their own, added in Camunda Admin before the provider came.
        User second = identity.newUser("second.admin");
        second.setPassword("another-long-secret");
        identity.saveUser(second);
        identity.createMembership("second.admin", "camunda-admin");
        try {
            ResponseEntity<String> signIn = http.postForEntity("/api/login",
                    json("{\"username\":\"second.admin\",\"password\":\"another-long-secret\"}"), String.class);
            assertThat(signIn.getStatusCode()).as("the sign-in page").isEqualTo(HttpStatus.UNAUTHORIZED);
            assertThat(signIn.getBody()).contains("Sign in with your council account");
            assertThat(http.withBasicAuth("second.admin", "another-long-secret").getForEntity("/api/me", String.class)
                    .getStatusCode()).as("Basic on /api").isEqualTo(HttpStatus.UNAUTHORIZED);
            assertThat(http.withBasicAuth("second.admin", "another-long-secret")
                    .getForEntity("/engine-rest/user/count", String.class).getStatusCode()).as("Basic on /engine-rest")
                    .isEqualTo(HttpStatus.UNAUTHORIZED);
            assertThat(cockpitSignIn("second.admin", "another-long-secret")).as("Cockpit").isEqualTo(HttpStatus.UNAUTHORIZED);

            assertThat(cockpitSignIn("council.admin", BREAK_GLASS_PASSWORD)).as("Cockpit, break-glass").isEqualTo(HttpStatus.OK);
            // (The break-glass account is an administrator: the tasklist's /api answers who they are.)
            assertThat(http.withBasicAuth("council.admin", BREAK_GLASS_PASSWORD).getForEntity("/api/me", String.class)
                    .getStatusCode()).isEqualTo(HttpStatus.OK);
        } finally {
            identity.deleteUser("second.admin");
        }
    }

    /** Cockpit's sign-in as its page does it: its CSRF token (and the session holding it) fetched first. */
    private HttpStatus cockpitSignIn(String username, String password) {
        ResponseEntity<String> page = http.getForEntity("/camunda/app/cockpit/default/", String.class);
        String cookies = String.join("; ", page.getHeaders().getOrEmpty(HttpHeaders.SET_COOKIE).stream()
                .map(c -> c.split(";", 2)[0]).toList());
        MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        form.add("username", username);
        form.add("password", password);
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
        headers.add(HttpHeaders.COOKIE, cookies);
        headers.add("X-XSRF-TOKEN", page.getHeaders().getFirst("X-XSRF-TOKEN"));
        return HttpStatus.valueOf(http.postForEntity("/camunda/api/admin/auth/user/default/login/cockpit",
                new HttpEntity<>(form, headers), String.class).getStatusCode().value());
    }

    /** A JSON body as the sign-in page sends it: with the CSRF token, from its cookie. */
    private HttpEntity<String> json(String body) {
        String token = http.getForEntity("/api/csrf", com.fasterxml.jackson.databind.JsonNode.class).getBody().get("token").asText();
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        headers.add("Cookie", "XSRF-TOKEN=" + token);
        headers.add("X-XSRF-TOKEN", token);
        return new HttpEntity<>(body, headers);
    }
}
