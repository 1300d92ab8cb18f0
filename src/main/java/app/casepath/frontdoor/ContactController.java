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

    /** Records a contact and starts the journey at the Front Door. */
    @PostMapping("/api/contacts")
    ResponseEntity<ContactService.Recorded> record(@RequestBody JsonNode contact, HttpServletRequest request) {
        ContactService.Recorded recorded = contacts.record(contact, Caller.current());
        Audited.caseId(request, recorded.caseId());
        return ResponseEntity.created(URI.create("/api/cases/" + recorded.caseId())).body(recorded);
    }
}
