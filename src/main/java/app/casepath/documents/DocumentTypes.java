package app.casepath.documents;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.zip.ZipFile;

import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.tika.io.TikaInputStream;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.mime.MediaType;
import org.apache.tika.mime.MimeTypes;

/**
 * What an uploaded file is, judged from its content (documents.md): Tika's magic bytes first,
 * without the name, so a renamed file cannot pass for what it is not; then, for the two
 * container formats, a look inside (an OLE2 file's streams, a zip's parts), because Word and
 * Excel share a container each. tika-core's detection is enough for the rest; its Microsoft
 * module would bring parsers and libraries Casepath never uses for this, POI is already here.
 * The name's extension must then agree with the content.
 */
final class DocumentTypes {

    static final String DOC = "application/msword";
    static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    static final String XLS = "application/vnd.ms-excel";
    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    static final String TEXT = "text/plain";
    static final String EMAIL = "message/rfc822";
    static final String JPEG = "image/jpeg";
    static final String PNG = "image/png";

    /** Each accepted type, with the extensions its name may end in. */
    static final Map<String, Set<String>> EXTENSIONS = Map.of(
            Documents.PDF, Set.of("pdf"),
            DOC, Set.of("doc"), DOCX, Set.of("docx"),
            XLS, Set.of("xls"), XLSX, Set.of("xlsx"),
            TEXT, Set.of("txt", "text"),
            EMAIL, Set.of("eml"),
            JPEG, Set.of("jpg", "jpeg"), PNG, Set.of("png"));

    static final String ACCEPTED = "a PDF, Word (.doc, .docx), Excel (.xls, .xlsx), plain text (.txt), email (.eml),"
            + " JPEG or PNG file";

    private static final MimeTypes MAGIC = MimeTypes.getDefaultMimeTypes();

    private DocumentTypes() {
    }

    /** The accepted type of the file at {@code path} named {@code fileName}, or empty when it is not one, or not what its name says. */
    static Optional<String> judge(Path path, String fileName) {
        String content;
        try {
            content = ofContent(path);
        } catch (IOException | RuntimeException e) {
            // A damaged container (a zip that is not one) is simply not an accepted file.
            return Optional.empty();
        }
        String extension = extension(fileName);
        if (content == null || extension == null) {
            return Optional.empty();
        }
        // An email is text: one whose first lines Tika does not recognise as headers is still one by name.
        if (TEXT.equals(content) && EXTENSIONS.get(EMAIL).contains(extension)) {
            return Optional.of(EMAIL);
        }
        return EXTENSIONS.get(content).contains(extension) ? Optional.of(content) : Optional.empty();
    }

    /** One of the accepted types, from the content alone; null for anything else. */
    static String ofContent(Path path) throws IOException {
        MediaType detected;
        try (InputStream in = TikaInputStream.get(path)) {
            detected = MAGIC.detect(in, new Metadata());
        }
        String type = detected.getBaseType().toString();
        return switch (type) {
            case Documents.PDF, JPEG, PNG, TEXT, EMAIL -> type;
            case "application/x-tika-msoffice" -> inOle2(path);
            case "application/zip", "application/x-tika-ooxml" -> inZip(path);
            default -> null;
        };
    }

    /** Word keeps its text in a "WordDocument" stream, Excel its sheets in "Workbook" (or "Book", before 97). */
    private static String inOle2(Path path) throws IOException {
        try (POIFSFileSystem fs = new POIFSFileSystem(path.toFile(), true)) {
            var root = fs.getRoot();
            if (root.hasEntry("WordDocument")) {
                return DOC;
            }
            if (root.hasEntry("Workbook") || root.hasEntry("WORKBOOK") || root.hasEntry("Book")) {
                return XLS;
            }
            return null;
        }
    }

    /** An Office Open XML package has its content types part, and its main part where the format puts it. */
    private static String inZip(Path path) throws IOException {
        try (ZipFile zip = new ZipFile(path.toFile())) {
            if (zip.getEntry("[Content_Types].xml") == null) {
                return null;
            }
            if (zip.getEntry("word/document.xml") != null) {
                return DOCX;
            }
            if (zip.getEntry("xl/workbook.xml") != null) {
                return XLSX;
            }
            return null;
        }
    }

    static String extension(String fileName) {
        int dot = fileName == null ? -1 : fileName.lastIndexOf('.');
        return dot < 0 || dot == fileName.length() - 1 ? null : fileName.substring(dot + 1).toLowerCase(Locale.ROOT);
    }

    /** The name as kept: no folders (some browsers send them), no control characters, at most 255 characters. */
    static String cleanName(String original) {
        if (original == null) {
            return null;
        }
        String name = original.replace('\\', '/');
        name = name.substring(name.lastIndexOf('/') + 1).replaceAll("\\p{Cntrl}", "").strip();
        if (name.length() > 255) {
            String extension = extension(name);
            name = extension == null || extension.length() > 20 ? name.substring(0, 255)
                    : name.substring(0, 254 - extension.length()) + "." + extension;
        }
        return name.isEmpty() ? null : name;
    }
}
