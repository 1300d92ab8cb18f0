package app.casepath.people;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import com.fasterxml.jackson.databind.JsonNode;

import app.casepath.security.Caller;

@RestController
class RelationshipsController {

    private final Relationships relationships;

    RelationshipsController(Relationships relationships) {
        this.relationships = relationships;
    }

    /** Relates the person to someone on the record (otherPersonId) or to a new person (otherPerson), as "the other person is their …". */
    @PostMapping("/api/people/{personId}/relationships")
    ResponseEntity<Relationships.Relationship> add(@PathVariable String personId, @RequestBody(required = false) JsonNode body) {
        return ResponseEntity.status(HttpStatus.CREATED).body(relationships.add(Caller.current(), personId, body));
    }

    /** Ends (to) or corrects a relationship; nothing is deleted and each change is kept in its history. */
    @PatchMapping("/api/relationships/{relationshipId}")
    Relationships.Relationship correct(@PathVariable String relationshipId, @RequestBody(required = false) JsonNode body) {
        return relationships.correct(Caller.current(), relationshipId, body);
    }
}
