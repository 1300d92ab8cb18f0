package app.casepath.teams;

import java.net.URI;
import java.util.List;
import java.util.Map;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.fasterxml.jackson.databind.JsonNode;

import app.casepath.api.Paging;
import app.casepath.audit.Audited;
import app.casepath.security.Caller;
import jakarta.servlet.http.HttpServletRequest;

@RestController
class TeamsController {

    private final Teams teams;
    private final Reallocation reallocation;
    private final Caseloads caseloads;
    private final UnallocatedCases unallocated;

    TeamsController(Teams teams, Reallocation reallocation, Caseloads caseloads, UnallocatedCases unallocated) {
        this.teams = teams;
        this.reallocation = reallocation;
        this.caseloads = caseloads;
        this.unallocated = unallocated;
    }

    /** Who holds how many children, and whose work is late: for the team's managers and service managers. */
    @GetMapping("/api/teams/{teamId}/caseload")
    Caseloads.Caseload caseload(@PathVariable String teamId) {
        return caseloads.of(Caller.current(), teamId);
    }

    /** The cases behind one worker's figures, each with its last visit and last supervision. */
    @GetMapping("/api/teams/{teamId}/caseload/{username}")
    Caseloads.WorkerCases workerCaseload(@PathVariable String teamId, @PathVariable String username, HttpServletRequest request) {
        Caseloads.WorkerCases cases = caseloads.of(Caller.current(), teamId, username);
        Audited.cases(request, cases.cases().stream().map(Caseloads.WorkerCase::caseId).toList());
        return cases;
    }

    /** Moves the case to another worker (and team), with every open task they held; a manager of its team or a service manager. */
    @PostMapping("/api/cases/{caseId}/allocation")
    Reallocation.Moved reallocate(@PathVariable String caseId, @RequestBody(required = false) JsonNode body) {
        return reallocation.reallocate(Caller.current(), caseId, body);
    }

    /** A leaver's (or long-term absent worker's) cases, all or those named, each moved in its own transaction. */
    @PostMapping("/api/workers/{username}/reallocation")
    Reallocation.Bulk reallocateCaseload(@PathVariable String username, @RequestBody(required = false) JsonNode body,
                                         HttpServletRequest request) {
        Reallocation.Bulk result = reallocation.reallocateCaseload(Caller.current(), username, body);
        Audited.cases(request, result.moved());
        return result;
    }

    /** Open cases no worker holds, oldest first, with how long each has waited: for team and service managers. */
    @GetMapping("/api/unallocated-cases")
    UnallocatedCases.Listing unallocated(@RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size,
                                         HttpServletRequest request) {
        Paging paging = Paging.of(page, size, 50);
        UnallocatedCases.Listing listing = unallocated.list(Caller.current(), paging.page(), paging.size());
        Audited.cases(request, listing.items().stream().map(UnallocatedCases.Waiting::caseId).toList());
        return listing;
    }

    /** Every team, for anyone signed in: who works where is no secret inside the council. */
    @GetMapping("/api/teams")
    List<Teams.Team> all() {
        return teams.all();
    }

    @PostMapping("/api/teams")
    ResponseEntity<Teams.Team> create(@RequestBody(required = false) JsonNode body) {
        Teams.Team team = teams.create(Caller.current(), body);
        return ResponseEntity.created(URI.create("/api/teams/" + team.teamId())).body(team);
    }

    @PatchMapping("/api/teams/{teamId}")
    Teams.Team change(@PathVariable String teamId, @RequestBody(required = false) JsonNode body) {
        return teams.change(Caller.current(), teamId, body);
    }

    /** Marks a worker newly qualified (ASYE) or not: they are supervised more often while they are. */
    @PatchMapping("/api/users/{username}")
    Map<String, Object> user(@PathVariable String username, @RequestBody(required = false) JsonNode body) {
        return teams.newlyQualified(Caller.current(), username, body);
    }
}
