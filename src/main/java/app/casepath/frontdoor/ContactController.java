package app.casepath.frontdoor;

import java.net.URI;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import com.fasterxml.jackson.databind.JsonNode;

import app.casepath.audit.Audited;
import app.casepath.security.Caller;
import jakarta.servlet.http.HttpServletRequest;

@RestController
class ContactController {

    private final ContactService contacts;

    ContactController(ContactService contacts) {
        this.contacts = contacts;
    }

    /**
     * Records a contact and starts each child's journey at the Front Door: about one {@code child},
     * the answer is its case (as it always was); about several {@code children}, their family and cases.
     */
    @PostMapping("/api/contacts")
    ResponseEntity<Object> record(@RequestBody JsonNode contact, HttpServletRequest request) {
        Caller caller = Caller.current();
        if (contact != null && contact.has("children")) {
            ContactService.RecordedFamily recorded = contacts.recordFamily(contact, caller);
            Audited.cases(request, recorded.cases().stream().map(ContactService.OpenedCase::caseId).toList());
            return ResponseEntity.created(URI.create("/api/families/" + recorded.familyId())).body(recorded);
        }
        ContactService.Recorded recorded = contacts.record(contact, caller);
        Audited.caseId(request, recorded.caseId());
        return ResponseEntity.created(URI.create("/api/cases/" + recorded.caseId())).body(recorded);
    }
}
