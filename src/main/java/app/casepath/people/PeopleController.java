package app.casepath.people;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import com.fasterxml.jackson.databind.JsonNode;

import app.casepath.security.Caller;

@RestController
class PeopleController {

    private final People people;
    private final Relationships relationships;

    PeopleController(People people, Relationships relationships) {
        this.people = people;
        this.relationships = relationships;
    }

    /** A person's record as GET shows it: the person and their relationships, both ways. */
    record PersonRecord(@JsonUnwrapped People.Person person, List<Relationships.Relationship> relationships) {
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
        return new PersonRecord(people.get(caller, personId), relationships.of(caller, personId));
    }

    /** Corrects the person; each field changed is kept in their history. */
    @PatchMapping("/api/people/{personId}")
    People.Person correct(@PathVariable String personId, @RequestBody(required = false) JsonNode body) {
        return people.correct(Caller.current(), personId, body);
    }

    @GetMapping("/api/people/{personId}/history")
    List<People.Change> history(@PathVariable String personId) {
        return people.history(Caller.current(), personId);
    }
}
