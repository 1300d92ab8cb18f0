package app.casepath.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import testidp.CouncilProvider;

/**
 * The council's identity provider over HTTP (the browser's sign-in is in BrowserJourneyTest): a
 * partner agency's system records a contact with a bearer token carrying the integration role, as a
 * role or as a scope; a token without it, a token from another provider and a forged token are
 * refused and write nothing; a bearer token does nothing but record contacts; and sign-in starts at
 * the provider with a PKCE challenge.
 */
class CouncilSignInTest extends HttpTest {

    private static final String CONTACT = """
            {"receivedAt":"2026-11-30T09:00:00Z","source":"2A","child":{"firstName":"%s","lastName":"Portalby",
             "dateOfBirth":"2016-03-04"},"concerns":"Police attended a domestic incident at the home overnight."}""";

    @LocalServerPort
    int port;

    private final HttpClient client = HttpClient.newHttpClient();
    private final CouncilProvider.Running provider = CouncilProvider.shared();

    private HttpResponse<String> withToken(String method, String path, String token, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json");
        request.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private long contactsAbout(String firstName) {
        return journey.db().sql("select count(*) from child_case c join person p on p.person_id = c.child_id"
                + " where p.first_name = ? and p.last_name = 'Portalby'").param(firstName).query(Long.class).single();
    }

    @Test
    void aPolicePortalWithTheIntegrationRoleRecordsAContactAndItsNameIsInTheAudit() throws Exception {
        String token = provider.clientCredentialsToken("police-portal", null);

        HttpResponse<String> recorded = withToken("POST", "/api/contacts", token, CONTACT.formatted("Ayo"));

        assertThat(recorded.statusCode()).as(recorded.body()).isEqualTo(201);
        String caseId = json.readTree(recorded.body()).get("caseId").asText();
        assertThat(journey.openTaskKeys(caseId)).containsExactly("screenContact");
        assertThat(journey.db().sql("select count(*) from audit_log where username = 'police-portal' and path = '/api/contacts'"
                + " and status = 201 and case_id = ?").param(caseId).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void theIntegrationRoleMayComeAsAScope() throws Exception {
        String token = provider.clientCredentialsToken("health-portal", CouncilProvider.INTEGRATION_ROLE);

        assertThat(withToken("POST", "/api/contacts", token, CONTACT.formatted("Bola")).statusCode()).isEqualTo(201);
        assertThat(contactsAbout("Bola")).isEqualTo(1);
    }

    @Test
    void aTokenWithoutTheRoleIsRefusedAndRecordsNothing() throws Exception {
        String token = provider.clientCredentialsToken("library-portal", "library.loans");

        HttpResponse<String> refused = withToken("POST", "/api/contacts", token, CONTACT.formatted("Chidi"));

        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.body()).contains("You may not do this.");
        assertThat(contactsAbout("Chidi")).isZero();
    }

    @Test
    void aBearerTokenRecordsContactsAndReadsNothing() throws Exception {
        String token = provider.clientCredentialsToken("police-portal", null);

        assertThat(withToken("GET", "/api/cases", token, null).statusCode()).isEqualTo(403);
        assertThat(withToken("GET", "/api/people?name=Portalby", token, null).statusCode()).isEqualTo(403);
        assertThat(withToken("GET", "/api/me", token, null).statusCode()).isEqualTo(403);
    }

    @Test
    void aTokenFromAnotherProviderOrForgedIsRefusedWith401AndRecordsNothing() throws Exception {
        try (CouncilProvider.Running another = CouncilProvider.start()) {
            String foreign = another.clientCredentialsToken("police-portal", null);
            HttpResponse<String> refused = withToken("POST", "/api/contacts", foreign, CONTACT.formatted("Dami"));
            assertThat(refused.statusCode()).isEqualTo(401);
            assertThat(refused.body()).contains("Sign in first.");
        }
        // The right provider's token with its payload changed: the signature no longer matches.
        String[] parts = provider.clientCredentialsToken("library-portal", "library.loans").split("\\.");
        String forged = parts[0] + "." + java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(
                new String(java.util.Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                        .replace("\"library.loans\"", "\"casepath.contacts\"").getBytes(StandardCharsets.UTF_8)) + "." + parts[2];
        assertThat(withToken("POST", "/api/contacts", forged, CONTACT.formatted("Dami")).statusCode()).isEqualTo(401);
        assertThat(contactsAbout("Dami")).isZero();
    }

    @Test
    void signingInStartsAtTheProviderWithAPkceChallengeAndTheWayBackHere() throws Exception {
        assertThat(api.get("/api/sign-in-options").getBody().toString())
                .isEqualTo("{\"councilAccount\":true,\"passwordsForBreakGlassOnly\":false}");

        HttpResponse<String> start = client.send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + port + "/api/oauth2/authorization/council")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(start.statusCode()).isEqualTo(302);
        String location = URLDecoder.decode(start.headers().firstValue("Location").orElseThrow(), StandardCharsets.UTF_8);
        assertThat(location).startsWith(provider.issuer() + "/oauth2/authorize?")
                .contains("response_type=code", "client_id=" + CouncilProvider.CASEPATH_CLIENT, "scope=openid profile email",
                        "code_challenge_method=S256", "code_challenge=", "nonce=",
                        "redirect_uri=http://127.0.0.1:" + port + "/api/login/oauth2/code/council");
    }
}
