package app.casepath.api;

import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Calls /api over real HTTP as a demo user (HTTP Basic, password "demo"), as an integration would. */
public final class Api {

    private final TestRestTemplate http;
    private final ObjectMapper json;
    private final String user;

    public Api(TestRestTemplate http, ObjectMapper json, String user) {
        this.http = http;
        this.json = json;
        this.user = user;
    }

    public Api as(String otherUser) {
        return new Api(http, json, otherUser);
    }

    public ResponseEntity<JsonNode> get(String path) {
        return exchange(HttpMethod.GET, path, null);
    }

    public ResponseEntity<JsonNode> post(String path, Object body) {
        return exchange(HttpMethod.POST, path, body instanceof String text ? text : write(body));
    }

    public ResponseEntity<JsonNode> exchange(HttpMethod method, String path, String body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        ResponseEntity<String> response = (user == null ? http : http.withBasicAuth(user, "demo"))
                .exchange(path, method, new HttpEntity<>(body, headers), String.class);
        return new ResponseEntity<>(read(response.getBody()), response.getHeaders(), response.getStatusCode());
    }

    private String write(Object body) {
        try {
            return body == null ? null : json.writeValueAsString(body);
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }

    private JsonNode read(String body) {
        try {
            return body == null || body.isEmpty() ? json.nullNode() : json.readTree(body);
        } catch (Exception e) {
            return json.getNodeFactory().textNode(body);
        }
    }
}
