package app.casepath.exports;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/** The same census contract on H2 (the plain local run's database). */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.MOCK,
        properties = "spring.datasource.url=jdbc:h2:mem:casepath-census;DB_CLOSE_DELAY=-1")
@ActiveProfiles({"demo", "test"})
class CinCensusOnH2Test extends CinCensusContract {

    @Override
    String database() {
        return "h2";
    }
}
