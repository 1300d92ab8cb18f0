package app.casepath.documents;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;
import org.thymeleaf.templateresolver.FileTemplateResolver;
import org.thymeleaf.templateresolver.ITemplateResolver;

import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;

/**
 * Fills an HTML template (Thymeleaf: natural HTML that a council can open in a browser, and
 * escaping of everything from the record) and renders it to a tagged PDF (PDF/UA) with
 * openhtmltopdf.
 * <p>
 * The product's templates are in the jar under {@code documents/}. A council may point
 * {@code casepath.documents.templates} at a folder of its own: a template there overrides the
 * jar's of the same name (a fragment too: {@code parts.html} holds the styles and the family's
 * block). The folder is read at every render, never cached, so a council's change shows in the
 * next document without a rebuild or a restart; the files are small and a document is written
 * a few times a day per case, so reading them is nothing beside rendering the PDF.
 * <p>
 * Fonts: PDF/UA needs every font embedded, so the standard PDF fonts (which are not) are never
 * used. The one font is Liberation Sans, which PDFBox's own jar carries (metric-compatible with
 * Arial, SIL Open Font License): nothing is downloaded at build or run time. It is registered as
 * regular and bold, so a bold heading is the same embedded face rather than a fallback to a
 * font that is not embedded.
 */
@Component
class PdfTemplates {

    static final String FONT_FAMILY = "Casepath Sans";
    private static final String FONT = "/org/apache/pdfbox/resources/ttf/LiberationSans-Regular.ttf";

    private final TemplateEngine engine;
    private final Path councilFolder;
    private final byte[] font;

    PdfTemplates(@Value("${casepath.documents.templates:}") String councilFolder) {
        this.councilFolder = councilFolder == null || councilFolder.isBlank() ? null : Path.of(councilFolder);
        this.engine = new TemplateEngine();
        Set<ITemplateResolver> resolvers = new LinkedHashSet<>();
        if (this.councilFolder != null) {
            FileTemplateResolver council = new FileTemplateResolver();
            council.setPrefix(this.councilFolder.toAbsolutePath() + "/");
            council.setSuffix(".html");
            council.setTemplateMode(TemplateMode.HTML);
            council.setCharacterEncoding("UTF-8");
            council.setCheckExistence(true); // a template the council has not written falls through to the jar's
            council.setCacheable(false);
            council.setOrder(1);
            resolvers.add(council);
        }
        ClassLoaderTemplateResolver product = new ClassLoaderTemplateResolver();
        product.setPrefix("documents/");
        product.setSuffix(".html");
        product.setTemplateMode(TemplateMode.HTML);
        product.setCharacterEncoding("UTF-8");
        product.setCheckExistence(true);
        // Thymeleaf's cache is keyed by the template's name and consulted before any resolver, so a
        // cached jar template would hide a council's file written later under the same name: with
        // a council folder configured, nothing is cached (parsing a template is small beside the PDF).
        product.setCacheable(this.councilFolder == null);
        product.setOrder(2);
        resolvers.add(product);
        engine.setTemplateResolvers(resolvers);
        try (InputStream in = PdfTemplates.class.getResourceAsStream(FONT)) {
            if (in == null) {
                throw new IllegalStateException("the documents' font is not on the classpath: " + FONT);
            }
            this.font = in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The template filled with the values, as HTML (XHTML: openhtmltopdf parses it as XML). */
    String html(String template, Map<String, Object> values) {
        Context context = new Context(java.util.Locale.UK, values);
        return engine.process(template, context);
    }

    /** The template filled and rendered: a tagged PDF, its title the template's {@code <title>}, its language the {@code lang}. */
    byte[] pdf(String template, Map<String, Object> values) {
        String html = html(template, values);
        ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
        PdfRendererBuilder builder = new PdfRendererBuilder();
        builder.useFastMode();
        builder.usePdfUaAccessibility(true);
        builder.useFont(() -> new ByteArrayInputStream(font), FONT_FAMILY, 400, FontStyle.NORMAL, true);
        builder.useFont(() -> new ByteArrayInputStream(font), FONT_FAMILY, 700, FontStyle.NORMAL, true);
        // Relative links (a council's logo) are found beside the council's templates, else in the jar's folder.
        builder.withHtmlContent(html, baseUri());
        builder.toStream(out);
        try {
            builder.run();
        } catch (IOException e) {
            throw new UncheckedIOException("could not render " + template, e);
        }
        return out.toByteArray();
    }

    private String baseUri() {
        if (councilFolder != null && Files.isDirectory(councilFolder)) {
            return councilFolder.toAbsolutePath().toUri().toString();
        }
        java.net.URL jar = PdfTemplates.class.getResource("/documents/");
        return jar == null ? null : jar.toString();
    }
}
