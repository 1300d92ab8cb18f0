package app.casepath.audit;

import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import app.casepath.api.Paging;

/** The audit log, newest first, for administrators (enforced in the security configuration). */
@RestController
class AuditController {

    private final AuditLog audit;

    AuditController(AuditLog audit) {
        this.audit = audit;
    }

    @GetMapping("/api/audit")
    List<AuditLog.Entry> find(@RequestParam(required = false) String caseId,
                              @RequestParam(required = false) String username,
                              @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        Paging paging = Paging.of(page, size, 50);
        return audit.find(caseId, username, paging.page(), paging.size());
    }
}
