package app.casepath.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The tasklist in a real browser (Chromium driven by Playwright: CHROMIUM if set, the system's
 * Chromium if installed, otherwise the one the frontend's devDependency @sparticuz/chromium ships,
 * so a fresh machine runs these too and they are never skipped) against the real app on
 * PostgreSQL: frontend/e2e/journey.mjs signs in as each role and works through the UI alone, runs
 * axe on every page and saves screenshots under target/e2e-screenshots. Only timers are stepped here.
 */
class BrowserJourneyTest extends HttpTest {

    @LocalServerPort
    int port;

    private String run(String phase, String child) throws Exception {
        Path frontend = Path.of("frontend").toAbsolutePath();
        Path node = Path.of("target/node/node");
        ProcessBuilder process = new ProcessBuilder(Files.exists(node) ? node.toAbsolutePath().toString() : "node",
                "e2e/journey.mjs", "http://localhost:" + port, phase,
                Path.of("target/e2e-screenshots").toAbsolutePath().toString(), child)
                .directory(frontend.toFile()).redirectErrorStream(true);
        File log = Files.createTempFile("e2e-" + phase, ".log").toFile();
        process.redirectOutput(log);
        Process running = process.start();
        boolean finished = running.waitFor(5, TimeUnit.MINUTES);
        if (!finished) {
            running.destroyForcibly();
        }
        String output = Files.readString(log.toPath(), StandardCharsets.UTF_8);
        assertThat(finished && running.exitValue() == 0).as("browser phase %s:%n%s", phase, output).isTrue();
        return output;
    }

    @Test
    void aChildIsCarriedFromContactToAPlanItsFirstVisitWrittenUpAndItsFirstReviewConferenceThroughTheUi() throws Exception {
        String output = run("protect", "Bilal Browserton");
        String caseId = output.lines().filter(l -> l.startsWith("CASE ")).findFirst().orElseThrow().substring(5).strip();
        assertThat(journey.record(caseId).stage().name()).isEqualTo("CP_PLAN");

        // The first statutory visit falls due; the worker writes it up as a home visit note.
        journey.fire(caseId, "visitComesDue");
        run("visit", "Bilal Browserton");
        assertThat(journey.openTaskKeys(caseId)).doesNotContain("recordVisit");
        assertThat(journey.milestones(caseId)).anySatisfy(m -> assertThat(m).containsEntry("milestone_key", "VISIT")
                .doesNotContainEntry("completed_on", null));
        assertThat(journey.db().sql("select count(*) from visit v join case_note n on n.note_id = v.note_id"
                + " where n.kind = 'HOME_VISIT' and n.status = 'FINAL'").query(Long.class).single()).isPositive();

        journey.fire(caseId, "reviewComesDue");
        run("review", "Bilal Browserton");
        assertThat(journey.milestones(caseId)).anySatisfy(m -> assertThat(m).containsEntry("milestone_key", "RCPC")
                .containsKey("completed_on").doesNotContainEntry("completed_on", null));
    }

    @Test
    void aPanelRequestFailsTheNetworkCheckThenPassesAndIsApprovedThroughTheUi() throws Exception {
        String output = run("refer", "Yusuf Panelford");
        String caseId = output.lines().filter(l -> l.startsWith("CASE ")).findFirst().orElseThrow().substring(5).strip();
        assertThat(journey.openTaskKeys(caseId)).containsExactly("allocateCase");
        run("allocate", "Yusuf Panelford");
        assertThat(journey.record(caseId).allocatedWorker()).isEqualTo("social.worker");
        run("assess", "Yusuf Panelford");
        assertThat(journey.openTaskKeys(caseId)).containsExactly("requestEntryToCare");

        run("panel", "Yusuf Panelford");

        assertThat(journey.openTaskKeys(caseId)).containsExactly("confirmCareEntry");
        assertThat(journey.db().sql("select first_check_passed from panel_request where case_id = ?").param(caseId)
                .query(Boolean.class).single()).isFalse();
    }

    @Test
    void threeSiblingsAreScreenedTogetherTheirMotherCarriesAWarningOnAllTheirCasesAndTheMiddleChildIsFoundMisspelt() throws Exception {
        String output = run("siblings", "Siblingsby");
        java.util.List<String> caseIds = output.lines().filter(l -> l.startsWith("CASE ")).map(l -> l.substring(5).strip())
                .distinct().toList();
        assertThat(caseIds).hasSize(3);
        for (String caseId : caseIds) {
            assertThat(journey.openTaskKeys(caseId)).as("case %s", caseId).containsExactly("holdStrategyDiscussion");
        }
    }
}
