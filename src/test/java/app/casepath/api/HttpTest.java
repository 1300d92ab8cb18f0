package app.casepath.api;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.fasterxml.jackson.databind.ObjectMapper;

import app.casepath.EmbeddedPostgres;
import testidp.CouncilProvider;
import app.casepath.JourneyDriver;

/**
 * The whole app on a random port over the embedded PostgreSQL, signing people in through a real
 * identity provider as well as by password; one Spring context for all HTTP tests.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"demo", "test"})
abstract class HttpTest {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        EmbeddedPostgres.register(registry);
        // The council's identity provider, real and running: sign-in by OpenID Connect is on beside passwords (demo profile).
        CouncilProvider.Running provider = CouncilProvider.shared();
        registry.add("casepath.security.oidc.issuer-uri", provider::issuer);
        registry.add("casepath.security.oidc.client-id", () -> CouncilProvider.CASEPATH_CLIENT);
        registry.add("casepath.security.oidc.client-secret", () -> CouncilProvider.CASEPATH_SECRET);
        CouncilProvider.GROUP_MAPPING.forEach((value, group) ->
                registry.add("casepath.security.oidc.group-mapping[" + value + "]", () -> group));
    }

    @Autowired
    TestRestTemplate http;

    @Autowired
    ObjectMapper json;

    @Autowired
    JourneyDriver journey;

    Api api;

    @BeforeEach
    void api() {
        api = new Api(http, json, null);
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    Api as(String user) {
        return api.as(user);
    }
}
