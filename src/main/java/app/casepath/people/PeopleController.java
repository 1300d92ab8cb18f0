package app.casepath.people;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import com.fasterxml.jackson.databind.JsonNode;

import app.casepath.audit.Audited;
import app.casepath.security.Caller;
import jakarta.servlet.http.HttpServletRequest;

@RestController
class PeopleController {

    private final People people;
    private final Relationships relationships;
    private final Warnings warnings;
    private final Restrictions restrictions;

    PeopleController(People people, Relationships relationships, Warnings warnings, Restrictions restrictions) {
        this.people = people;
        this.relationships = relationships;
        this.warnings = warnings;
        this.restrictions = restrictions;
    }

    /**
     * A person's record as GET shows it: the person, their relationships both ways, and their warnings, current and
     * ended (the ended ones are the history of what was known).
     */
    record PersonRecord(@JsonUnwrapped People.Person person, List<Relationships.Relationship> relationships,
                        List<Warnings.Warning> warnings, boolean restricted) {
    }

    /** Finds the people the caller may see by name (sounds-alike, other names too), exact date of birth or NHS number. */
    @GetMapping("/api/people")
    List<People.Hit> find(@RequestParam(required = false) String q,
                          @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate dateOfBirth,
                          @RequestParam(required = false) String nhsNumber) {
        return people.find(Caller.current(), q, dateOfBirth, nhsNumber);
    }

    /** The contact form's "is this a child we know?": likely existing children, by sounds-alike names and date of birth. */
    @GetMapping("/api/people/matches")
    List<People.Match> matches(@RequestParam(required = false) String firstName, @RequestParam(required = false) String lastName,
                               @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate dateOfBirth) {
        return people.matches(Caller.current(), firstName, lastName, dateOfBirth);
    }

    /** Adds a person not yet on any case (an adult, a sibling not referred). */
    @PostMapping("/api/people")
    ResponseEntity<People.Person> create(@RequestBody(required = false) JsonNode body) {
        People.Person person = people.create(Caller.current(), body);
        return ResponseEntity.created(URI.create("/api/people/" + person.personId())).body(person);
    }

    @GetMapping("/api/people/{personId}")
    PersonRecord get(@PathVariable String personId) {
        Caller caller = Caller.current();
        // Read first: a restricted record's existence is told only to those who may read it.
        People.Person person = people.get(caller, personId);
        return new PersonRecord(person, relationships.of(caller, personId), warnings.forPerson(personId),
                restrictions.current(personId).isPresent());
    }

    /** Raises a warning on the person, agreed by a team manager; it shows on their cases and beside their tasks. */
    @PostMapping("/api/people/{personId}/warnings")
    ResponseEntity<Warnings.Warning> raiseWarning(@PathVariable String personId, @RequestBody(required = false) JsonNode body) {
        Warnings.Warning warning = warnings.raise(Caller.current(), personId, body);
        return ResponseEntity.created(URI.create("/api/people/" + personId)).body(warning);
    }

    /** Corrects the person; each field changed is kept in their history. */
    @PatchMapping("/api/people/{personId}")
    People.Person correct(@PathVariable String personId, @RequestBody(required = false) JsonNode body) {
        return people.correct(Caller.current(), personId, body);
    }

    /** Restricts the record to the users given (and the service manager setting it); replaces a current restriction. */
    @PutMapping("/api/people/{personId}/restriction")
    Restrictions.Restriction restrict(@PathVariable String personId, @RequestBody(required = false) JsonNode body,
                                      HttpServletRequest request) {
        Restrictions.Restriction set = restrictions.set(Caller.current(), personId, body);
        Audited.detail(request, "restricted person " + personId + " to " + String.join(",", set.allowedUsers())
                + " and " + set.setBy() + ": " + set.reason());
        return set;
    }

    /** Lifts the restriction, with the reason; kept on record beside it. */
    @DeleteMapping("/api/people/{personId}/restriction")
    ResponseEntity<Void> lift(@PathVariable String personId, @RequestBody(required = false) JsonNode body,
                              HttpServletRequest request) {
        restrictions.lift(Caller.current(), personId, body);
        Audited.detail(request, "lifted the restriction of person " + personId + ": " + body.path("reason").asText());
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/api/people/{personId}/history")
    List<People.Change> history(@PathVariable String personId) {
        return people.history(Caller.current(), personId);
    }
}
