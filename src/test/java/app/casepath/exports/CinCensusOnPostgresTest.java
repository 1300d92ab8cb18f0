package app.casepath.exports;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import app.casepath.EmbeddedPostgres;

/** The census contract on PostgreSQL, in a database of its own (no other test's children in its years). */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"demo", "test"})
class CinCensusOnPostgresTest extends CinCensusContract {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> EmbeddedPostgres.jdbcUrl("census"));
        registry.add("spring.datasource.username", () -> "postgres");
        registry.add("spring.datasource.password", () -> "postgres");
    }

    @Autowired
    TestRestTemplate http;

    @Override
    String database() {
        return "postgres";
    }

    @Test
    void theEndpointServesTheCensusToManagers() {
        ResponseEntity<String> answer = http.withBasicAuth("service.manager", "demo")
                .getForEntity("/api/exports/cin-census/2026.xml", String.class);
        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(answer.getHeaders().getContentType().toString()).startsWith("application/xml");
        assertThat(answer.getHeaders().getFirst("Content-Disposition")).contains("cin-census-2026.xml");
        assertThat(answer.getBody()).contains("<LAchildID>" + numbers.get("Cal") + "</LAchildID>");
        assertThat(http.withBasicAuth("social.worker", "demo").getForEntity("/api/exports/cin-census/2026.xml", String.class)
                .getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    }
}
