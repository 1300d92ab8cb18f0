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
import app.casepath.JourneyDriver;

/** The whole app on a random port over the embedded PostgreSQL; one Spring context for all HTTP tests. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"demo", "test"})
abstract class HttpTest {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        EmbeddedPostgres.register(registry);
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
