package app.casepath.api;


import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

import jakarta.servlet.Filter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/** A form is a few kilobytes; a body of megabytes is refused before it is read (413). */
@Configuration
class RequestSizeLimit {

    static final long MAX_BODY_BYTES = 1024 * 1024;

    @Bean
    FilterRegistrationBean<Filter> apiBodySizeLimit() {
        Filter filter = (request, response, chain) -> {
            long length = ((HttpServletRequest) request).getContentLengthLong();
            if (length > MAX_BODY_BYTES) {
                HttpServletResponse http = (HttpServletResponse) response;
                http.setStatus(HttpStatus.PAYLOAD_TOO_LARGE.value());
                http.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
                http.getWriter().write("{\"status\":413,\"title\":\"Too large\",\"detail\":\"A request body may be at most 1 MB.\"}");
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
