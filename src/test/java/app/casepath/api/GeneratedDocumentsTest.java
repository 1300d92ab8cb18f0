package app.casepath.api;

import static app.casepath.Forms.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;

import com.fasterxml.jackson.databind.JsonNode;

import app.casepath.Jargon;
import app.casepath.caserecord.SignsOfSafety;
import app.casepath.documents.GeneratedDocuments;

/** The documents Casepath writes (documents.md): what they say, that they are tagged, and whose address they leave out. */
class GeneratedDocumentsTest extends HttpTest {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);

    @Autowired
    GeneratedDocuments generated;

    @Autowired
    SignsOfSafety signsOfSafety;

    @Value("${casepath.documents.templates}")
    Path councilTemplates;

    /** A case taken from assessment to a child protection plan, with a family of three adults around the child. */
    private String planCase(String lastName) {
        journey.today(LocalDate.parse("2026-03-02"));
        String caseId = journey.contact("Amani", lastName, "2016-04-01").caseId();
        journey.complete(caseId, "screenContact", screen("ASSESSMENT"), "fd.practitioner");
        journey.complete(caseId, "allocateCase", allocate("social.worker"), "team.manager");
        String childId = childId(caseId);
        adult(childId, "Hidden", "Mother", "MOTHER", List.of("7 Secret Close", "Brent"), "NW10 7SC", true, false);
        adult(childId, "Warned", "Father", "FATHER", List.of("9 Warning Way", "Brent"), "NW10 9WW", false, true);
        adult(childId, "Open", "Carer", "CARER", List.of("3 Open Street", "Brent"), "NW10 3OS", false, false);
        journey.complete(caseId, "completeAssessment", assessment("STRATEGY_DISCUSSION"), "social.worker");
        journey.complete(caseId, "authoriseAssessment", authorise("STRATEGY_DISCUSSION"), "team.manager");
        journey.complete(caseId, "holdStrategyDiscussion", strategy("S47"), "social.worker");
        journey.complete(caseId, "completeSection47Enquiry", section47("CONVENE_ICPC", null), "social.worker");
        journey.complete(caseId, "holdInitialConference", initialConference("CP_PLAN"), "cp.chair");
        return caseId;
    }

    @Test
    void eachDocumentIsTaggedAndSaysWhatTheRecordSaysWithoutAConfidentialAddress() throws Exception {
        String caseId = planCase("Documentson");
        ResponseEntity<JsonNode> chronology = as("social.worker").post("/api/cases/" + caseId + "/documents/chronology",
                Map.of("significantOnly", false));
        assertThat(chronology.getStatusCode().value()).as(String.valueOf(chronology.getBody())).isEqualTo(201);
        assertThat(chronology.getHeaders().getLocation().toString())
                .isEqualTo("/api/documents/" + chronology.getBody().get("documentId").asText() + "/content");
        assertThat(chronology.getBody().get("kind").asText()).isEqualTo("CHRONOLOGY");
        assertThat(chronology.getBody().get("generated").asBoolean()).isTrue();

        Map<String, String> texts = new java.util.LinkedHashMap<>();
        for (Map<String, Object> row : journey.db().sql("select document_id, kind, title from case_document where case_id = ?")
                .param(caseId).query().listOfRows()) {
            byte[] pdf = journey.db().sql("select content from document_content where document_id = ?")
                    .param(row.get("document_id")).query((rs, n) -> rs.getBytes(1)).single();
            texts.put((String) row.get("kind"), taggedText(pdf, (String) row.get("title")));
        }
        assertThat(texts).containsOnlyKeys("FAMILY_ASSESSMENT", "CONFERENCE_OUTCOME", "CP_PLAN", "CHRONOLOGY");

        String danger = "Social workers are worried Amani could be hurt when adults fight at home.";
        String goal = "Amani is safe when the adults disagree, and knows who to call.";
        String heldOn = DATE.format(LocalDate.parse("2026-03-02"));
        String nextReview = DATE.format(LocalDate.parse("2026-03-02").plusMonths(3));
        texts.forEach((kind, text) -> {
            assertThat(text).as(kind).contains("Amani Documentson");
            assertThat(text).as(kind + ": no confidential address").doesNotContain("Secret Close", "NW10 7SC",
                    "Warning Way", "NW10 9WW");
            assertThat(Jargon.in(text)).as(kind + ": words, not codes").isEmpty();
        });
        assertThat(texts.get("FAMILY_ASSESSMENT")).contains(danger, goal, "Mum's partner shouts", "Grandmother visits",
                "A safety plan with grandmother.", "we put things at 4", "Strategy discussion", "What happens next",
                "3 Open Street");
        assertThat(texts.get("CONFERENCE_OUTCOME")).contains("Child protection plan", "Neglect", heldOn,
                "The next review conference will be held by " + nextReview, "first core group meeting will be held by");
        // The plan shows the map as the record now holds it: the strategy discussion's danger statements, the latest.
        SignsOfSafety.CurrentMap map = signsOfSafety.map(caseId).current();
        assertThat(map.dangerStatements()).isNotEmpty();
        for (SignsOfSafety.DangerStatement d : map.dangerStatements()) {
            assertThat(texts.get("CP_PLAN")).contains(d.statement(), d.safetyGoal());
        }
        assertThat(texts.get("CP_PLAN")).contains(map.needsToHappen().get(0),
                "The next review conference will be held by " + nextReview, "Neglect");
        assertThat(texts.get("CHRONOLOGY")).contains("Assessment authorised");
    }

    @Test
    void aCouncilsTemplateChangesTheLetterWithoutARebuild() throws Exception {
        String caseId = planCase("Councilson");
        Path override = councilTemplates.resolve("conference-outcome.html");
        Files.createDirectories(councilTemplates);
        try {
            Files.writeString(override, """
                    <!DOCTYPE html>
                    <html lang="en-GB" xmlns:th="http://www.thymeleaf.org">
                    <head><meta charset="UTF-8"/><title th:text="${title}">t</title><style th:replace="~{parts :: style}"></style></head>
                    <body><h1>Brent Council: outcome of the conference</h1>
                    <p th:text="${childName} + ': ' + ${decision}">x</p></body>
                    </html>""");
            String council = text(latest(generated.conferenceHeld(caseId, "cp.chair").get(0).documentId()));
            assertThat(council).contains("Brent Council: outcome of the conference", "Amani Councilson");
            Files.delete(override);
            String product = text(latest(generated.conferenceHeld(caseId, "cp.chair").get(0).documentId()));
            assertThat(product).contains("Conference outcome letter").doesNotContain("Brent Council");
        } finally {
            Files.deleteIfExists(override);
        }
    }

    @Test
    void theChronologyIsForThoseWhoMayReadTheCase() {
        journey.today(LocalDate.parse("2026-03-02"));
        String caseId = journey.contact("Amani", "Chronoton", "2016-04-01").caseId();
        journey.complete(caseId, "screenContact", screen("ASSESSMENT"), "fd.practitioner");
        String path = "/api/cases/" + caseId + "/documents/chronology";
        ResponseEntity<JsonNode> bad = as("team.manager").post(path, Map.of("significantOnly", "sometimes"));
        assertThat(bad.getStatusCode().value()).isEqualTo(400);
        assertThat(bad.getBody().get("errors").findValuesAsText("field")).containsExactly("significantOnly");
        assertThat(as("team.manager").post(path, Map.of("significantOnly", true)).getStatusCode().value()).isEqualTo(201);
        assertThat(as("team.manager").post("/api/cases/no-such-case/documents/chronology", Map.of()).getStatusCode().value())
                .isEqualTo(404);

        assertThat(as("service.manager").exchange(HttpMethod.PUT, "/api/people/" + childId(caseId) + "/restriction",
                "{\"reason\": \"The child's mother works in the service.\", \"allowedUsers\": [\"social.worker\"]}")
                .getStatusCode().is2xxSuccessful()).isTrue();
        assertThat(as("team.manager").post(path, Map.of()).getStatusCode().value()).as("restricted").isEqualTo(404);
        assertThat(as("social.worker").post(path, Map.of()).getStatusCode().value()).as("an allowed user").isEqualTo(201);
    }

    private String childId(String caseId) {
        return journey.db().sql("select child_id from child_case where case_id = ?").param(caseId).query(String.class).single();
    }

    private void adult(String childId, String first, String last, String type, List<String> lines, String postcode,
                       boolean confidential, boolean warned) {
        String personId = UUID.randomUUID().toString();
        Timestamp now = Timestamp.from(Instant.now());
        journey.db().sql("""
                insert into person (person_id, kind, first_name, last_name, address_lines, postcode, address_confidential, created_at)
                values (?, 'ADULT', ?, ?, ?, ?, ?, ?)""")
                .params(personId, first, last, "[\"" + String.join("\",\"", lines) + "\"]", postcode, confidential, now).update();
        journey.db().sql("""
                insert into relationship (relationship_id, person_id, other_person_id, relationship_type, parental_responsibility,
                                          lives_with_child, safety_network, created_by, created_at)
                values (?, ?, ?, ?, true, false, false, 'social.worker', ?)""")
                .params(UUID.randomUUID().toString(), childId, personId, type, now).update();
        if (warned) {
            journey.db().sql("""
                    insert into warning (warning_id, person_id, type, details, starts_on, review_on, agreed_by, raised_by, raised_at)
                    values (?, ?, 'DO_NOT_DISCLOSE_ADDRESS', 'Fled domestic abuse.', ?, ?, 'team.manager', 'social.worker', ?)""")
                    .params(UUID.randomUUID().toString(), personId, LocalDate.parse("2026-01-01"), LocalDate.parse("2026-12-01"), now)
                    .update();
        }
    }

    private byte[] latest(String documentId) {
        return journey.db().sql("select content from document_content where document_id = ?").param(documentId)
                .query((rs, n) -> rs.getBytes(1)).single();
    }

    private static String text(byte[] pdf) throws Exception {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document);
        }
    }

    /** The text of a tagged PDF: marked content, a structure tree, its title and language set. */
    private static String taggedText(byte[] pdf, String title) throws Exception {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            assertThat(document.getDocumentCatalog().getMarkInfo()).isNotNull();
            assertThat(document.getDocumentCatalog().getMarkInfo().isMarked()).as("marked").isTrue();
            assertThat(document.getDocumentCatalog().getStructureTreeRoot()).as("structure tree").isNotNull();
            assertThat(document.getDocumentInformation().getTitle()).isEqualTo(title);
            assertThat(document.getDocumentCatalog().getLanguage()).isEqualTo("en-GB");
            return new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
        }
    }
}
