package app.casepath.audit;

import java.io.IOException;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.HandlerMapping;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Every request to /api leaves one audit row when it completes, whatever its answer: a refused
 * or failed access is as much a fact for an auditor as a successful one. It sits in the /api
 * security chain after authentication and around authorization, so refusals are seen too.
 */
public class AuditFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(AuditFilter.class);

    private final AuditLog audit;

    public AuditFilter(AuditLog audit) {
        this.audit = audit;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            chain.doFilter(request, response);
        } finally {
            record(request, response);
        }
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return request.getRequestURI().equals("/api/csrf");
    }

    private void record(HttpServletRequest request, HttpServletResponse response) {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        String username = auth == null || auth instanceof AnonymousAuthenticationToken ? null : auth.getName();
        @SuppressWarnings("unchecked")
        Map<String, String> pathVariables =
                (Map<String, String>) request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
        String caseId = (String) request.getAttribute(Audited.CASE);
        if (caseId == null && pathVariables != null) {
            caseId = pathVariables.get("caseId");
        }
        String taskId = pathVariables == null ? null : pathVariables.get("taskId");
        String action = "GET".equals(request.getMethod()) ? "READ" : "WRITE";
        String path = request.getRequestURI() + (request.getQueryString() == null ? "" : "?" + request.getQueryString());
        try {
            audit.append(username, action, request.getMethod(), path, caseId, taskId, response.getStatus(),
                    request.getRemoteAddr(), (String) request.getAttribute(Audited.DETAIL));
        } catch (RuntimeException e) {
            // Never the request's content in the log: method and status are enough to investigate.
            log.error("Audit row could not be written for {} (status {}): {}", request.getMethod(), response.getStatus(),
                    e.getClass().getName());
            // An answer that disclosed something must not go out unaudited. A refusal or failure
            // (the database being down, say) disclosed nothing, and keeps its own status.
            if (response.getStatus() < 400) {
                throw e;
            }
        }
    }
}
