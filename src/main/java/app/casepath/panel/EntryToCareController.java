package app.casepath.panel;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import com.fasterxml.jackson.databind.JsonNode;

import app.casepath.security.Caller;

@RestController
class EntryToCareController {

    private final EntryToCareService entryToCare;

    EntryToCareController(EntryToCareService entryToCare) {
        this.entryToCare = entryToCare;
    }

    /** {route, reason}: opens requestEntryToCare for the allocated worker; the plan goes on meanwhile. */
    @PostMapping("/api/cases/{caseId}/entry-to-care")
    ResponseEntity<Void> request(@PathVariable String caseId, @RequestBody JsonNode request) {
        entryToCare.request(Caller.current(), caseId, request);
        return ResponseEntity.noContent().build();
    }
}
