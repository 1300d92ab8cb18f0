package app.casepath.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.http.HttpStatus;

import app.casepath.AnnexAFixture;

/** Ofsted's Annex A lists on PostgreSQL: every list as CSV and as the workbook, and who may have them. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AnnexATest extends HttpTest {

    private AnnexAFixture fixture;

    @BeforeAll
    void caseload() {
        fixture = new AnnexAFixture(journey).drive();
    }

    @Test
    void everyListAndTheWorkbookSayWhatTheTemplateSays() {
        fixture.checkEveryList(http);
    }

    @Test
    void theListsAreForTeamAndServiceManagers() {
        for (String user : List.of("fd.practitioner", "fd.manager", "eh.practitioner", "social.worker", "social.worker2",
                "team.manager", "cp.chair", "panel.member", "service.manager", "admin")) {
            HttpStatus expected = user.equals("team.manager") || user.equals("service.manager") ? HttpStatus.OK
                    : HttpStatus.FORBIDDEN;
            for (String path : List.of("/api/exports/annex-a/1.csv?to=" + AnnexAFixture.TO,
                    "/api/exports/annex-a/7.csv?to=" + AnnexAFixture.TO, "/api/exports/annex-a.xlsx?to=" + AnnexAFixture.TO)) {
                assertThat(http.withBasicAuth(user, "demo").getForEntity(path, byte[].class).getStatusCode())
                        .as("%s by %s", path, user).isEqualTo(expected);
            }
        }
        assertThat(http.getForEntity("/api/exports/annex-a.xlsx", byte[].class).getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    @Test
    void aListTheTemplateDoesNotHaveIsNamedAsBadInput() {
        for (String list : List.of("2", "8", "x")) {
            var answer = as("team.manager").get("/api/exports/annex-a/" + list + ".csv");
            assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
            assertThat(answer.getBody().get("errors").get(0).get("field").asText()).isEqualTo("list");
        }
        assertThat(as("team.manager").get("/api/exports/annex-a.xlsx?to=not-a-date").getStatusCode())
                .isEqualTo(HttpStatus.BAD_REQUEST);
    }
}
