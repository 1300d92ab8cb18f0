package app.casepath.api;


import java.util.regex.Pattern;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.util.unit.DataSize;

import jakarta.servlet.Filter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * A form is a few kilobytes; a body of megabytes is refused before it is read (413). The one
 * exception is a document's upload (documents.md), allowed its file's limit
 * (casepath.documents.max-size) and room for the form's other parts and the multipart framing.
 * What is refused here is answered before the body is read; Tomcat then reads and discards the
 * rest (server.tomcat.max-swallow-size), so the client gets the 413 rather than a reset connection.
 */
@Configuration
class RequestSizeLimit {

    static final long MAX_BODY_BYTES = 1024 * 1024;
    /** The title, category, date and the multipart boundaries and headers around the file. */
    static final long UPLOAD_OVERHEAD_BYTES = 64 * 1024;
    private static final Pattern UPLOAD = Pattern.compile("/api/cases/[^/]+/documents");

    @Bean
    FilterRegistrationBean<Filter> apiBodySizeLimit(@Value("${casepath.documents.max-size:20MB}") DataSize maxDocument) {
        long maxUpload = maxDocument.toBytes() + UPLOAD_OVERHEAD_BYTES;
        String tooLargeUpload = "{\"status\":413,\"title\":\"Too large\",\"detail\":\"The file is too large: a document may be at most "
                + maxDocument.toMegabytes() + " MB.\"}";
        Filter filter = (request, response, chain) -> {
            HttpServletRequest http = (HttpServletRequest) request;
            long length = http.getContentLengthLong();
            boolean upload = "POST".equals(http.getMethod()) && UPLOAD.matcher(http.getRequestURI()).matches();
            if (length > (upload ? maxUpload : MAX_BODY_BYTES)) {
                HttpServletResponse answer = (HttpServletResponse) response;
                answer.setStatus(HttpStatus.PAYLOAD_TOO_LARGE.value());
                answer.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
                answer.getWriter().write(upload ? tooLargeUpload
                        : "{\"status\":413,\"title\":\"Too large\",\"detail\":\"A request body may be at most 1 MB.\"}");
                return;
            }
            chain.doFilter(request, response);
        };
        FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>(filter);
        registration.addUrlPatterns("/api/*");
        registration.setOrder(Integer.MIN_VALUE);
        return registration;
    }

}
