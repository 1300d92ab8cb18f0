package app.casepath.protection;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import com.fasterxml.jackson.databind.JsonNode;

import app.casepath.security.Caller;

@RestController
class ConcernController {

    private final ConcernService concerns;

    ConcernController(ConcernService concerns) {
        this.concerns = concerns;
    }

    /** {raisedOn, description}: a significant-harm concern; the case moves to a strategy discussion. */
    @PostMapping("/api/cases/{caseId}/concerns")
    ResponseEntity<Void> raise(@PathVariable String caseId, @RequestBody JsonNode concern) {
        concerns.raise(Caller.current(), caseId, concern);
        return ResponseEntity.noContent().build();
    }
}
