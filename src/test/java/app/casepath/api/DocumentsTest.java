package app.casepath.api;

import static app.casepath.Forms.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.imageio.ImageIO;

import org.apache.commons.codec.digest.DigestUtils;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.fasterxml.jackson.databind.JsonNode;

import app.casepath.documents.DocumentSettings;
import app.casepath.documents.Documents;

/**
 * Uploads (documents.md "Uploads") over real HTTP, as the tasklist sends them (multipart), with a
 * real HTTP client so that what a client receives is what is checked (a 413, not a reset).
 */
class DocumentsTest extends HttpTest {

    @LocalServerPort
    int port;

    @Autowired
    DocumentSettings settings;

    @Autowired
    Documents documents;

    private final HttpClient client = HttpClient.newHttpClient();
    private String caseId;

    record Answer(int status, JsonNode body, HttpHeaders headers, byte[] bytes) {
    }

    @BeforeEach
    void anAllocatedCase() {
        journey.today(LocalDate.parse("2026-03-02"));
        caseId = journey.contact("Doc", "Uploads" + UUID.randomUUID().toString().substring(0, 6), "2016-01-01").caseId();
        journey.complete(caseId, "screenContact", screen("ASSESSMENT"), "fd.practitioner");
        journey.complete(caseId, "allocateCase", allocate("social.worker"), "team.manager");
    }

    // ---- the client

    private Answer upload(String user, String fileName, byte[] content, Map<String, String> fields) {
        String boundary = "casepath" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        try {
            for (Map.Entry<String, String> field : fields.entrySet()) {
                body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field.getKey() + "\"\r\n\r\n"
                        + field.getValue() + "\r\n").getBytes(StandardCharsets.UTF_8));
            }
            if (content != null) {
                body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                        + "\"\r\nContent-Type: application/pdf\r\n\r\n").getBytes(StandardCharsets.UTF_8));
                body.write(content);
                body.write("\r\n".getBytes(StandardCharsets.UTF_8));
            }
            body.write(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return send(request(user, "/api/cases/" + caseId + "/documents")
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
    }

    private Answer upload(String user, String fileName, byte[] content) {
        return upload(user, fileName, content, fields("A letter from the school", "SCHOOL"));
    }

    private static Map<String, String> fields(String title, String category) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("title", title);
        fields.put("category", category);
        return fields;
    }

    private HttpRequest.Builder request(String user, String path) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).header("Authorization",
                "Basic " + Base64.getEncoder().encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8)));
    }

    private Answer send(HttpRequest.Builder request) {
        try {
            HttpResponse<byte[]> response = client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            JsonNode body = null;
            String type = response.headers().firstValue("Content-Type").orElse("");
            if (type.contains("json")) {
                body = json.readTree(response.body());
            }
            return new Answer(response.statusCode(), body, response.headers(), response.body());
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    private Answer get(String user, String path) {
        return send(request(user, path).GET());
    }

    private long rows() {
        return journey.db().sql("select (select count(*) from case_document) + (select count(*) from document_content)")
                .query(Long.class).single();
    }

    private static void refusedNaming(Answer answer, String... fields) {
        assertThat(answer.status()).as("%s", answer.body()).isEqualTo(400);
        assertThat(answer.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(answer.body().get("errors").findValuesAsText("field")).containsExactlyInAnyOrder(fields);
    }

    // ---- files, real ones, small

    static final byte[] PDF = ("%PDF-1.4\n1 0 obj <</Type /Catalog /Pages 2 0 R>> endobj\n"
            + "2 0 obj <</Type /Pages /Kids [] /Count 0>> endobj\ntrailer <</Root 1 0 R>>\n%%EOF\n").getBytes(StandardCharsets.US_ASCII);

    static byte[] image(String format) throws IOException {
        BufferedImage image = new BufferedImage(4, 4, BufferedImage.TYPE_INT_RGB);
        image.setRGB(1, 1, 0x336699);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertThat(ImageIO.write(image, format, out)).isTrue();
        return out.toByteArray();
    }

    static byte[] docx() throws IOException {
        try (XWPFDocument doc = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            doc.createParagraph().createRun().setText("School report");
            doc.write(out);
            return out.toByteArray();
        }
    }

    static byte[] xlsx() throws IOException {
        try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            book.createSheet("Attendance").createRow(0).createCell(0).setCellValue("92%");
            book.write(out);
            return out.toByteArray();
        }
    }

    static byte[] xls() throws IOException {
        try (HSSFWorkbook book = new HSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            book.createSheet("Attendance").createRow(0).createCell(0).setCellValue("92%");
            book.write(out);
            return out.toByteArray();
        }
    }

    static final byte[] TEXT = "Notes from the school nurse.\nSeen on Monday.\n".getBytes(StandardCharsets.UTF_8);

    static final byte[] EMAIL = ("From: School Office <office@school.example>\r\nTo: duty@council.example\r\n"
            + "Subject: Attendance\r\nDate: Mon, 2 Mar 2026 09:00:00 +0000\r\nMessage-ID: <1@school.example>\r\n"
            + "MIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\n\r\nAttendance has fallen this term.\r\n")
            .getBytes(StandardCharsets.UTF_8);

    /** A Windows executable's first bytes: "MZ", the DOS stub, the PE header. */
    static byte[] windowsExecutable() {
        byte[] exe = new byte[512];
        exe[0] = 'M';
        exe[1] = 'Z';
        exe[0x3c] = (byte) 0x80;
        byte[] stub = "This program cannot be run in DOS mode.".getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(stub, 0, exe, 0x4e, stub.length);
        exe[0x80] = 'P';
        exe[0x81] = 'E';
        return exe;
    }

    static byte[] elf() {
        byte[] elf = new byte[256];
        elf[0] = 0x7f;
        elf[1] = 'E';
        elf[2] = 'L';
        elf[3] = 'F';
        elf[4] = 2;
        elf[5] = 1;
        elf[6] = 1;
        return elf;
    }

    // ---- the tests

    @Test
    void anUploadIsDownloadedAsTheSameBytesWithItsNameTypeAndDigest() {
        byte[] pdf = PDF;
        Map<String, String> fields = fields("Police report", "POLICE");
        fields.put("documentDate", "2026-02-27");
        Answer uploaded = upload("social.worker", "Police report – Febr\u00fcary.pdf", pdf, fields);
        assertThat(uploaded.status()).as("%s", uploaded.body()).isEqualTo(201);
        JsonNode document = uploaded.body();
        String documentId = document.get("documentId").asText();
        assertThat(uploaded.headers().firstValue("Location")).hasValue("/api/documents/" + documentId + "/content");
        assertThat(document.get("caseId").asText()).isEqualTo(caseId);
        assertThat(document.get("title").asText()).isEqualTo("Police report");
        assertThat(document.get("category").asText()).isEqualTo("POLICE");
        assertThat(document.get("generated").asBoolean()).isFalse();
        assertThat(document.get("mediaType").asText()).isEqualTo("application/pdf");
        assertThat(document.get("size").asLong()).isEqualTo(pdf.length);
        assertThat(document.get("sha256").asText()).isEqualTo(DigestUtils.sha256Hex(pdf));
        assertThat(document.get("documentDate").asText()).isEqualTo("2026-02-27");
        assertThat(document.get("scanStatus").asText()).isEqualTo("NOT_SCANNED");
        assertThat(document.get("addedBy").asText()).isEqualTo("social.worker");

        Answer content = get("team.manager", "/api/documents/" + documentId + "/content");
        assertThat(content.status()).isEqualTo(200);
        assertThat(content.bytes()).isEqualTo(pdf);
        assertThat(DigestUtils.sha256Hex(content.bytes())).isEqualTo(document.get("sha256").asText());
        assertThat(content.headers().firstValue("Content-Type")).hasValue("application/pdf");
        assertThat(content.headers().firstValue("Content-Length")).hasValue(String.valueOf(pdf.length));
        assertThat(content.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(content.headers().firstValue("Content-Disposition").orElseThrow())
                .startsWith("attachment; filename=\"Police report _ Febr_ary.pdf\"")
                .contains("filename*=UTF-8''Police%20report%20%E2%80%93%20Febr%C3%BCary.pdf");

        // Listed with the case, the audit rows naming it.
        JsonNode listed = get("social.worker", "/api/cases/" + caseId + "/documents").body();
        assertThat(listed.findValuesAsText("documentId")).containsExactly(documentId);
        assertThat(journey.db().sql("select count(*) from audit_log where path = ? and case_id = ? and status = 200")
                .params("/api/documents/" + documentId + "/content", caseId).query(Long.class).single()).isEqualTo(1);
        assertThat(journey.db().sql("select count(*) from audit_log where path = ? and case_id = ? and status = 201")
                .params("/api/cases/" + caseId + "/documents", caseId).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void eachAcceptedKindOfFileIsKeptWithTheTypeOfItsContent() throws IOException {
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("scan.png", image("png"));
        files.put("photo.JPG", image("jpg"));
        files.put("report.pdf", PDF);
        files.put("report.docx", docx());
        files.put("attendance.xlsx", xlsx());
        files.put("attendance.xls", xls());
        files.put("nurse.txt", TEXT);
        files.put("school.eml", EMAIL);
        Map<String, String> expected = Map.of("scan.png", "image/png", "photo.JPG", "image/jpeg",
                "report.pdf", "application/pdf",
                "report.docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                "attendance.xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                "attendance.xls", "application/vnd.ms-excel", "nurse.txt", "text/plain", "school.eml", "message/rfc822");
        files.forEach((name, bytes) -> {
            Answer answer = upload("social.worker", name, bytes);
            assertThat(answer.status()).as("%s: %s", name, answer.body()).isEqualTo(201);
            assertThat(answer.body().get("mediaType").asText()).as(name).isEqualTo(expected.get(name));
        });
        JsonNode listed = get("social.worker", "/api/cases/" + caseId + "/documents").body();
        assertThat(listed.findValuesAsText("fileName")).containsExactlyInAnyOrderElementsOf(files.keySet());
    }

    @Test
    void documentsCasepathWroteAreListedWithTheUploads() {
        String uploaded = upload("social.worker", "report.pdf", PDF).body().get("documentId").asText();
        String generated = documents.saveGenerated(caseId, Documents.Kind.CHRONOLOGY, "Chronology", "chronology.pdf", PDF,
                "social.worker").documentId();
        JsonNode listed = get("social.worker", "/api/cases/" + caseId + "/documents").body();
        assertThat(listed.findValuesAsText("documentId")).containsExactlyInAnyOrder(uploaded, generated);
        for (JsonNode document : listed) {
            boolean isGenerated = document.get("documentId").asText().equals(generated);
            assertThat(document.get("generated").asBoolean()).isEqualTo(isGenerated);
            assertThat(document.get("kind").isNull()).isEqualTo(!isGenerated);
            assertThat(document.get("category").isNull()).isEqualTo(isGenerated);
        }
        assertThat(get("social.worker", "/api/documents/" + generated + "/content").bytes()).isEqualTo(PDF);
    }

    @Test
    void theListIsNewestDocumentDateFirst() {
        for (String date : List.of("2026-01-10", "2026-02-20", "2025-12-01")) {
            Map<String, String> fields = fields("Report of " + date, "HEALTH");
            fields.put("documentDate", date);
            assertThat(upload("social.worker", "report.pdf", PDF, fields).status()).isEqualTo(201);
        }
        Map<String, String> undated = fields("Undated letter", "CORRESPONDENCE");
        undated.put("documentDate", "");
        assertThat(upload("social.worker", "letter.txt", TEXT, undated).body().get("documentDate").asText())
                .as("left empty: today").isEqualTo("2026-03-02");
        assertThat(get("social.worker", "/api/cases/" + caseId + "/documents").body().findValuesAsText("documentDate"))
                .containsExactly("2026-03-02", "2026-02-20", "2026-01-10", "2025-12-01");
    }

    @Test
    void aFileThatIsNotWhatItsNameSaysOrNotAnAcceptedTypeIsRefusedAndNothingIsKept() throws IOException {
        long before = rows();
        refusedNaming(upload("social.worker", "report.pdf", windowsExecutable()), "file");
        refusedNaming(upload("social.worker", "report.pdf", elf()), "file");
        refusedNaming(upload("social.worker", "report.pdf", image("png")), "file");
        refusedNaming(upload("social.worker", "report.docx", xlsx()), "file");
        refusedNaming(upload("social.worker", "setup.exe", windowsExecutable()), "file");
        refusedNaming(upload("social.worker", "archive.zip", "PK\u0003\u0004rest".getBytes(StandardCharsets.ISO_8859_1)), "file");
        refusedNaming(upload("social.worker", "report", PDF), "file");
        refusedNaming(upload("social.worker", "empty.pdf", new byte[0]), "file");
        Answer exe = upload("social.worker", "report.pdf", windowsExecutable());
        assertThat(exe.body().get("errors").get(0).get("message").asText()).contains("PDF");
        assertThat(rows()).as("nothing kept").isEqualTo(before);
    }

    @Test
    void badFieldsAreRefusedFieldByFieldAndNothingIsKept() {
        long before = rows();
        refusedNaming(upload("social.worker", null, null, Map.of()), "file", "title", "category");
        refusedNaming(upload("social.worker", "report.pdf", PDF, fields("", "GOSSIP")), "title", "category");
        refusedNaming(upload("social.worker", "report.pdf", PDF, fields("x".repeat(301), "POLICE")), "title");
        Map<String, String> future = fields("Police report", "POLICE");
        future.put("documentDate", "2026-03-03");
        refusedNaming(upload("social.worker", "report.pdf", PDF, future), "documentDate");
        Map<String, String> notADate = fields("Police report", "POLICE");
        notADate.put("documentDate", "last week");
        refusedNaming(upload("social.worker", "report.pdf", PDF, notADate), "documentDate");
        // Not multipart at all, or broken multipart: still 400 naming the file, never a 500.
        Answer json = send(request("social.worker", "/api/cases/" + caseId + "/documents").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{}")));
        assertThat(json.status()).isEqualTo(400);
        Answer broken = send(request("social.worker", "/api/cases/" + caseId + "/documents")
                .header("Content-Type", "multipart/form-data; boundary=xyz")
                .POST(HttpRequest.BodyPublishers.ofString("--xyz\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.pdf\"\r\n\r\n%PDF")));
        assertThat(broken.status()).as("%s", broken.body()).isEqualTo(400);
        assertThat(rows()).as("nothing kept").isEqualTo(before);
    }

    @Test
    void aFileOverTheLimitIsRefusedWith413AndAClearMessageTheClientReceives() {
        long before = rows();
        byte[] big = new byte[21 * 1024 * 1024];
        System.arraycopy(PDF, 0, big, 0, PDF.length);
        Answer answer = upload("social.worker", "big.pdf", big);
        assertThat(answer.status()).isEqualTo(413);
        assertThat(answer.body().get("detail").asText()).isEqualTo("The file is too large: a document may be at most 20 MB.");

        // Sent without a length (chunked): refused by the multipart limit as it is read, the same answer.
        String boundary = "chunked";
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"title\"\r\n\r\nBig\r\n--" + boundary
                + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"big.pdf\"\r\n\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        Answer chunked = send(request("social.worker", "/api/cases/" + caseId + "/documents")
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.SequenceInputStream(java.util.Collections.enumeration(
                        List.of(new java.io.ByteArrayInputStream(head), new java.io.ByteArrayInputStream(big),
                                new java.io.ByteArrayInputStream(tail)))))));
        assertThat(chunked.status()).isEqualTo(413);
        assertThat(chunked.body().get("detail").asText()).contains("at most 20 MB");
        assertThat(rows()).as("nothing kept").isEqualTo(before);

        // Other requests keep their 1 MB limit.
        Answer note = send(request("social.worker", "/api/cases/" + caseId + "/notes").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(new byte[2 * 1024 * 1024])));
        assertThat(note.status()).isEqualTo(413);
    }

    @Test
    void aRestrictedRecordsDocumentsAreClosedToAllButItsAllowedUsers() {
        String documentId = upload("social.worker", "report.pdf", PDF).body().get("documentId").asText();
        String childId = journey.db().sql("select child_id from child_case where case_id = ?").param(caseId).query(String.class).single();
        assertThat(as("service.manager").exchange(org.springframework.http.HttpMethod.PUT, "/api/people/" + childId + "/restriction",
                "{\"reason\": \"The child's mother works in the service.\", \"allowedUsers\": [\"social.worker\"]}")
                .getStatusCode().value()).isEqualTo(200);
        for (String other : List.of("team.manager", "social.worker2", "cp.chair", "admin")) {
            assertThat(get(other, "/api/cases/" + caseId + "/documents").status()).as(other).isEqualTo(404);
            assertThat(get(other, "/api/documents/" + documentId + "/content").status()).as(other).isEqualTo(404);
            assertThat(upload(other, "report.pdf", PDF).status()).as(other).isEqualTo(404);
        }
        assertThat(get("social.worker", "/api/cases/" + caseId + "/documents").body().findValuesAsText("documentId"))
                .containsExactly(documentId);
        assertThat(get("social.worker", "/api/documents/" + documentId + "/content").bytes()).isEqualTo(PDF);
        assertThat(get("social.worker", "/api/documents/no-such-document/content").status()).isEqualTo(404);
    }

    @Test
    void onlyThoseWhoWorkTheCaseUploadOthersWhoReadItAreRefused() {
        long before = rows();
        assertThat(upload("service.manager", "report.pdf", PDF).status()).isEqualTo(403);
        assertThat(upload("fd.practitioner", "report.pdf", PDF).status()).isEqualTo(404);
        assertThat(upload("admin", "report.pdf", PDF).status()).isEqualTo(404);
        assertThat(rows()).isEqualTo(before);
        assertThat(upload("team.manager", "report.pdf", PDF).status()).isEqualTo(201);
    }

    @Test
    void aServiceManagerWithdrawsADocumentWithAReasonAndItIsHidden() {
        String documentId = upload("social.worker", "wrong-child.pdf", PDF).body().get("documentId").asText();
        String path = "/api/documents/" + documentId + "/withdrawal";
        Map<String, String> reason = Map.of("reason", "Uploaded to the wrong child's case.");
        assertThat(as("social.worker").post(path, reason).getStatusCode().value()).isEqualTo(403);
        assertThat(as("team.manager").post(path, reason).getStatusCode().value()).isEqualTo(403);
        assertThat(as("fd.practitioner").post(path, reason).getStatusCode().value()).isEqualTo(404);
        assertThat(as("service.manager").post(path, Map.of()).getBody().get("errors").findValuesAsText("field"))
                .containsExactly("reason");

        var withdrawn = as("service.manager").post(path, reason);
        assertThat(withdrawn.getStatusCode().value()).as("%s", withdrawn.getBody()).isEqualTo(200);
        assertThat(withdrawn.getBody().get("withdrawnBy").asText()).isEqualTo("service.manager");
        assertThat(withdrawn.getBody().get("withdrawalReason").asText()).isEqualTo("Uploaded to the wrong child's case.");
        assertThat(withdrawn.getBody().get("withdrawnAt").isNull()).isFalse();
        assertThat(as("service.manager").post(path, reason).getStatusCode().value()).as("once").isEqualTo(409);

        for (String user : List.of("social.worker", "team.manager", "service.manager")) {
            assertThat(get(user, "/api/cases/" + caseId + "/documents").body().findValuesAsText("documentId")).as(user)
                    .doesNotContain(documentId);
        }
        assertThat(get("social.worker", "/api/documents/" + documentId + "/content").status()).isEqualTo(404);
        assertThat(get("service.manager", "/api/cases/" + caseId + "/documents?withdrawn=true").body()
                .findValuesAsText("documentId")).containsExactly(documentId);
        assertThat(get("social.worker", "/api/cases/" + caseId + "/documents?withdrawn=true").status()).isEqualTo(403);
        assertThat(journey.db().sql("select count(*) from document_content where document_id = ?").param(documentId)
                .query(Long.class).single()).as("kept").isEqualTo(1);
        assertThat(journey.db().sql("select count(*) from audit_log where path = ? and case_id = ? and status = 200")
                .params(path, caseId).query(Long.class).single()).as("audited").isEqualTo(1);
    }

    // ---- ClamAV

    static final String EICAR = "X5O!P%@AP[4\\PZX54(P^)7CC)7}$EICAR-STANDARD-ANTIVIRUS-TEST-FILE!$H+H*";

    /** clamd's INSTREAM as a tiny server: "stream: OK", or the EICAR test signature found. */
    static final class FakeClamd implements AutoCloseable {
        final ServerSocket server;
        volatile int scans;

        FakeClamd() throws IOException {
            server = new ServerSocket(0);
            Thread thread = new Thread(() -> {
                while (!server.isClosed()) {
                    try (Socket socket = server.accept()) {
                        answer(socket);
                    } catch (IOException e) {
                        // closed
                    }
                }
            }, "fake-clamd");
            thread.setDaemon(true);
            thread.start();
        }

        private void answer(Socket socket) throws IOException {
            DataInputStream in = new DataInputStream(socket.getInputStream());
            byte[] command = new byte[10];
            in.readFully(command);
            assertThat(new String(command, StandardCharsets.US_ASCII)).isEqualTo("zINSTREAM\0");
            ByteArrayOutputStream content = new ByteArrayOutputStream();
            for (int length; (length = in.readInt()) > 0; ) {
                content.write(in.readNBytes(length));
            }
            scans++;
            String reply = content.toString(StandardCharsets.ISO_8859_1).contains("EICAR-STANDARD-ANTIVIRUS-TEST-FILE")
                    ? "stream: Eicar-Signature FOUND\0" : "stream: OK\0";
            socket.getOutputStream().write(reply.getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
        }

        @Override
        public void close() throws IOException {
            server.close();
        }
    }

    @Test
    void withAScannerConfiguredACleanFileIsKeptAsCleanAndAnInfectedOneIsRefused() throws IOException {
        try (FakeClamd clamd = new FakeClamd()) {
            settings.getClamav().setHost("127.0.0.1");
            settings.getClamav().setPort(clamd.server.getLocalPort());
            Answer clean = upload("social.worker", "nurse.txt", TEXT);
            assertThat(clean.status()).as("%s", clean.body()).isEqualTo(201);
            assertThat(clean.body().get("scanStatus").asText()).isEqualTo("CLEAN");
            assertThat(clamd.scans).isEqualTo(1);

            long before = rows();
            Answer infected = upload("social.worker", "eicar.txt", EICAR.getBytes(StandardCharsets.US_ASCII));
            refusedNaming(infected, "file");
            assertThat(infected.body().get("errors").get(0).get("message").asText()).startsWith("The file contains a virus");
            assertThat(clamd.scans).isEqualTo(2);
            // Bad input is refused before the scanner is asked.
            refusedNaming(upload("social.worker", "report.pdf", windowsExecutable()), "file");
            assertThat(clamd.scans).isEqualTo(2);
            assertThat(rows()).as("nothing kept").isEqualTo(before);
        } finally {
            settings.getClamav().setHost(null);
            settings.getClamav().setPort(3310);
        }
    }

    @Test
    void withAScannerConfiguredButUnreachableNothingIsKeptUnscanned() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        long before = rows();
        try {
            settings.getClamav().setHost("127.0.0.1");
            settings.getClamav().setPort(closedPort);
            Answer answer = upload("social.worker", "nurse.txt", TEXT);
            assertThat(answer.status()).isEqualTo(503);
            assertThat(answer.body().get("detail").asText()).contains("virus scanner cannot be reached");
        } finally {
            settings.getClamav().setHost(null);
            settings.getClamav().setPort(3310);
        }
        assertThat(rows()).as("nothing kept").isEqualTo(before);
    }
}
