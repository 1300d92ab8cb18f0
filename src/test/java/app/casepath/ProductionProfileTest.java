package app.casepath;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.test.context.ActiveProfiles;

/** Production: no demo users and no default passwords; the first administrator comes from configuration. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:casepath-prod;DB_CLOSE_DELAY=-1",
        "CASEPATH_ADMIN_USER=council.admin", "CASEPATH_ADMIN_PASSWORD=a-long-secret-from-the-vault"})
@ActiveProfiles({"prod", "test"})
class ProductionProfileTest {

    @Autowired
    TestRestTemplate http;

    @Autowired
    IdentityService identity;

    @Test
    void onlyTheConfiguredAdministratorExists() {
        assertThat(identity.createUserQuery().list()).extracting(u -> u.getId()).containsExactly("council.admin");
        assertThat(http.withBasicAuth("fd.practitioner", "demo").getForEntity("/api/me", String.class).getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(http.withBasicAuth("admin", "demo").getForEntity("/engine-rest/user/count", String.class).getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(http.withBasicAuth("council.admin", "a-long-secret-from-the-vault")
                .getForEntity("/engine-rest/user/count", String.class).getBody()).isEqualTo("{\"count\":1}");
    }
}
