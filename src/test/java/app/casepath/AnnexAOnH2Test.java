package app.casepath;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.test.context.ActiveProfiles;

/**
 * Ofsted's Annex A lists on H2, the plain run's database: the same lists and workbook as on
 * PostgreSQL (AnnexAFixture), and every list over the demo caseload's last six months. The same
 * configuration as BootsOnH2Test, so the two share one application context.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.datasource.url=jdbc:h2:mem:casepath-boot;DB_CLOSE_DELAY=-1", "casepath.demo.caseload=true"})
@ActiveProfiles({"demo", "test"})
class AnnexAOnH2Test {

    @Autowired
    TestRestTemplate http;

    @Autowired
    JourneyDriver journey;

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void everyListAndTheWorkbookOnH2() {
        new AnnexAFixture(journey).drive().checkEveryList(http);
    }

    @Test
    void everyListOfTheDemoCaseloadOnH2() {
        for (String list : List.of("1", "3", "4", "5", "6", "7")) {
            List<List<String>> rows = AnnexAFixture.csv(http, list, null);
            assertThat(rows.get(0)).as("list %s", list).isEqualTo(AnnexAFixture.HEADERS.get(Integer.parseInt(list)));
            assertThat(rows).as("list %s has the demo caseload's children", list).hasSizeGreaterThan(1);
        }
        Map<String, List<List<String>>> sheets = AnnexAFixture.workbook(http, "service.manager", null);
        assertThat(sheets.keySet()).containsExactly("List 1", "List 3", "List 4", "List 5", "List 6", "List 7");
        assertThat(sheets.get("List 6")).hasSameSizeAs(AnnexAFixture.csv(http, "6", null));
    }
}
