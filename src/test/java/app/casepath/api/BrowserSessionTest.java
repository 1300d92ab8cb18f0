package app.casepath.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The browser's way in: a session cookie, and the CSRF token echoed on every change. */
class BrowserSessionTest extends HttpTest {

    @LocalServerPort
    int port;

    private final CookieManager cookies = new CookieManager();
    private final HttpClient browser = HttpClient.newBuilder().cookieHandler(cookies).build();

    private HttpResponse<String> send(String method, String path, String body, String csrf) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (csrf != null) {
            request.header("X-XSRF-TOKEN", csrf);
        }
        return browser.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private String csrfCookie() {
        return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("XSRF-TOKEN"))
                .findFirst().orElseThrow().getValue();
    }

    @Autowired
    JdbcClient db;

    @Test
    void signInWorkWithTheCsrfTokenAndSignOut() throws Exception {
        assertThat(send("GET", "/api/me", null, null).statusCode()).isEqualTo(401);
        assertThat(send("GET", "/api/csrf", null, null).statusCode()).isEqualTo(200);
        String token = csrfCookie();

        String credentials = "{\"username\":\"fd.practitioner\",\"password\":\"demo\"}";
        assertThat(send("POST", "/api/login", credentials, null).statusCode()).as("no token").isEqualTo(403);
        // Another user: after a wrong password the engine makes that user wait a few seconds (brute-force guard).
        assertThat(send("POST", "/api/login", "{\"username\":\"fd.manager\",\"password\":\"guess\"}", token)
                .statusCode()).isEqualTo(401);
        // Other tests' browsers may still hold sessions of their own for this user.
        long sessionsBefore = db.sql("select count(*) from spring_session where principal_name = 'fd.practitioner'")
                .query(Long.class).single();
        HttpResponse<String> signedIn = send("POST", "/api/login", credentials, token);
        assertThat(signedIn.statusCode()).isEqualTo(200);
        assertThat(signedIn.body()).contains("\"displayName\":\"Amara Okafor\"", "\"groups\":[\"front-door\"]");
        assertThat(signedIn.headers().allValues("Set-Cookie")).anySatisfy(c -> assertThat(c).startsWith("SESSION=")
                .containsIgnoringCase("HttpOnly").containsIgnoringCase("SameSite=Lax"));

        assertThat(send("GET", "/api/me", null, null).statusCode()).isEqualTo(200);
        assertThat(db.sql("select count(*) from spring_session where principal_name = 'fd.practitioner'")
                .query(Long.class).single()).as("the session is in the database, for every node").isEqualTo(sessionsBefore + 1);
        String contact = """
                {"receivedAt":"2026-01-05T09:00:00Z","source":"8","child":{"firstName":"Nia","lastName":"Session",
                 "dateOfBirth":"2019-09-09"},"concerns":"Parent asked for help."}""";
        assertThat(send("POST", "/api/contacts", contact, null).statusCode()).as("a change without the token").isEqualTo(403);
        assertThat(send("POST", "/api/contacts", contact, csrfCookie()).statusCode()).isEqualTo(201);

        HttpResponse<String> signedOut = send("POST", "/api/logout", null, csrfCookie());
        assertThat(signedOut.statusCode()).isEqualTo(200);
        assertThat(signedOut.body()).as("a password session goes back to the sign-in page").isEqualTo("{\"continueTo\":\"/sign-in\"}");
        assertThat(send("GET", "/api/me", null, null).statusCode()).isEqualTo(401);
    }
}
