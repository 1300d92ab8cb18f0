package app.casepath.api;

import java.io.IOException;

import org.springframework.boot.availability.ApplicationAvailability;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.filter.OncePerRequestFilter;

import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The web server answers before start-up has finished (Spring Boot opens the port, then runs the
 * application-ready work, such as loading the demo caseload). Until the application is ready,
 * /api answers 503 with Retry-After and does nothing, so no one's work meets a half-loaded
 * record or a start-up task's clock; the health check says OUT_OF_SERVICE meanwhile.
 */
@Configuration
class StartupGate {

    static final String RETRY_AFTER_SECONDS = "5";

    @Bean
    FilterRegistrationBean<OncePerRequestFilter> startupGateFilter(ApplicationAvailability availability, ObjectMapper json) {
        OncePerRequestFilter filter = new OncePerRequestFilter() {
            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                    throws ServletException, IOException {
                if (availability.getReadinessState() == ReadinessState.ACCEPTING_TRAFFIC) {
                    chain.doFilter(request, response);
                    return;
                }
                ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
                        "Casepath is starting. Nothing was saved; try again in a few seconds.");
                problem.setTitle("Starting");
                ProblemResponse.write(response, json, ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                        .header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS).body(problem));
            }
        };
        FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(filter);
        registration.addUrlPatterns("/api/*");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }
}
