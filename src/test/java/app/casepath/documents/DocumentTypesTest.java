package app.casepath.documents;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The type of an upload from its content alone, and the name's extension held to it. */
class DocumentTypesTest {

    @TempDir
    Path folder;

    private Path file(byte[] content) throws IOException {
        return Files.write(Files.createTempFile(folder, "upload", ".bin"), content);
    }

    @Test
    void anEmailIsRecognisedByItsHeadersWithoutItsName() throws IOException {
        Path eml = file(("From: School Office <office@school.example>\r\nTo: duty@council.example\r\nSubject: Attendance\r\n"
                + "Date: Mon, 2 Mar 2026 09:00:00 +0000\r\nMessage-ID: <1@school.example>\r\nMIME-Version: 1.0\r\n\r\nHello\r\n")
                .getBytes(StandardCharsets.UTF_8));
        assertThat(DocumentTypes.ofContent(eml)).isEqualTo(DocumentTypes.EMAIL);
        assertThat(DocumentTypes.judge(eml, "school.eml")).hasValue(DocumentTypes.EMAIL);
        assertThat(DocumentTypes.judge(eml, "school.pdf")).isEmpty();
    }

    @Test
    void textIsTextAndHtmlIsNot() throws IOException {
        assertThat(DocumentTypes.ofContent(file("Seen on Monday.\n".getBytes(StandardCharsets.UTF_8)))).isEqualTo(DocumentTypes.TEXT);
        Path html = file("<html><body><script>alert(1)</script></body></html>".getBytes(StandardCharsets.UTF_8));
        assertThat(DocumentTypes.judge(html, "notes.txt")).isEmpty();
    }

    @Test
    void aZipThatIsNotAnOfficeDocumentIsNothingAccepted() throws IOException {
        Path zip = folder.resolve("plain.zip");
        try (var out = new java.util.zip.ZipOutputStream(Files.newOutputStream(zip))) {
            out.putNextEntry(new java.util.zip.ZipEntry("word/document.xml"));
            out.write("<w/>".getBytes(StandardCharsets.UTF_8));
            out.closeEntry();
        }
        assertThat(DocumentTypes.judge(zip, "report.docx")).as("no [Content_Types].xml").isEmpty();
    }

    @Test
    void namesAreKeptWithoutFoldersOrControlCharacters() {
        assertThat(DocumentTypes.cleanName("C:\\Users\\sw\\Desktop\\report.pdf")).isEqualTo("report.pdf");
        assertThat(DocumentTypes.cleanName("../../etc/passwd")).isEqualTo("passwd");
        assertThat(DocumentTypes.cleanName("re\u0000port\n.pdf")).isEqualTo("report.pdf");
        assertThat(DocumentTypes.cleanName("x".repeat(300) + ".pdf")).hasSize(255).endsWith(".pdf");
        assertThat(DocumentTypes.cleanName("  ")).isNull();
    }
}
