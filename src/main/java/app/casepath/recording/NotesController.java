package app.casepath.recording;

import java.net.URI;
import java.util.List;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.fasterxml.jackson.databind.JsonNode;

import app.casepath.api.Paging;
import app.casepath.audit.Audited;
import app.casepath.security.Caller;
import jakarta.servlet.http.HttpServletRequest;

/** Case notes over HTTP (casework.md "Case notes"); every request's audit row names the case it touched. */
@RestController
class NotesController {

    private final CaseNotes notes;

    NotesController(CaseNotes notes) {
        this.notes = notes;
    }

    @PostMapping("/api/cases/{caseId}/notes")
    ResponseEntity<CaseNotes.Note> write(@PathVariable String caseId, @RequestBody(required = false) JsonNode body) {
        return created(notes.write(Caller.current(), caseId, body));
    }

    /** One note on several siblings' cases ({@code caseIds[]}): it appears once on each. */
    @PostMapping("/api/notes")
    ResponseEntity<CaseNotes.Note> writeOnSeveral(@RequestBody(required = false) JsonNode body, HttpServletRequest request) {
        CaseNotes.Note note = notes.writeOnSeveral(Caller.current(), body);
        Audited.cases(request, note.caseIds());
        return created(note);
    }

    @GetMapping("/api/cases/{caseId}/notes")
    CaseNotes.NotePage forCase(@PathVariable String caseId, @RequestParam(required = false) String kind,
                               @RequestParam(required = false) Boolean significant,
                               @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        Paging paging = Paging.of(page, size, 20);
        return notes.forCase(Caller.current(), caseId, kind, significant, paging.page(), paging.size());
    }

    /** The caller's own unfinished notes, so a draft left when a tab closed is found again. */
    @GetMapping("/api/notes/drafts")
    List<CaseNotes.Note> drafts(HttpServletRequest request) {
        List<CaseNotes.Note> drafts = notes.drafts(Caller.current());
        Audited.cases(request, drafts.stream().flatMap(n -> n.caseIds().stream()).distinct().toList());
        return drafts;
    }

    @GetMapping("/api/notes/{noteId}")
    CaseNotes.Note get(@PathVariable String noteId, HttpServletRequest request) {
        CaseNotes.Note note = notes.get(Caller.current(), noteId);
        Audited.caseId(request, notes.caseOf(Caller.current(), noteId));
        return note;
    }

    /** A draft saved again as its author types (the tasklist sends it every few seconds). */
    @PutMapping("/api/notes/{noteId}")
    CaseNotes.Note save(@PathVariable String noteId, @RequestBody(required = false) JsonNode body, HttpServletRequest request) {
        CaseNotes.Note note = notes.save(Caller.current(), noteId, body);
        Audited.caseId(request, note.caseIds().get(0));
        return note;
    }

    @DeleteMapping("/api/notes/{noteId}")
    ResponseEntity<Void> discard(@PathVariable String noteId, HttpServletRequest request) {
        Audited.caseId(request, notes.caseOf(Caller.current(), noteId)); // before the draft and its cases are gone
        notes.discard(Caller.current(), noteId);
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/api/notes/{noteId}/finalise")
    CaseNotes.Note finalise(@PathVariable String noteId, HttpServletRequest request) {
        CaseNotes.Note note = notes.finalise(Caller.current(), noteId);
        Audited.caseId(request, note.caseIds().get(0));
        Audited.cases(request, note.caseIds());
        return note;
    }

    @PostMapping("/api/notes/{noteId}/amendments")
    ResponseEntity<CaseNotes.Amendment> amend(@PathVariable String noteId, @RequestBody(required = false) JsonNode body,
                                              HttpServletRequest request) {
        CaseNotes.Amendment amendment = notes.amend(Caller.current(), noteId, body);
        Audited.caseId(request, notes.caseOf(Caller.current(), noteId));
        return ResponseEntity.created(URI.create("/api/notes/" + noteId)).body(amendment);
    }

    /** The child's own words: the latest Three Houses and wishes and feelings. */
    @GetMapping("/api/cases/{caseId}/child-says")
    CaseNotes.ChildSays childSays(@PathVariable String caseId) {
        return notes.childSays(Caller.current(), caseId);
    }

    private static ResponseEntity<CaseNotes.Note> created(CaseNotes.Note note) {
        return ResponseEntity.created(URI.create("/api/notes/" + note.noteId())).body(note);
    }
}
