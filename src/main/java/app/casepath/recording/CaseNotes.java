package app.casepath.recording;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.camunda.bpm.engine.IdentityService;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import app.casepath.calendar.TimeSource;
import app.casepath.caserecord.CaseNotFoundException;
import app.casepath.caserecord.Chronology;
import app.casepath.process.TaskKey;
import app.casepath.security.CaseAccess;
import app.casepath.security.Caller;
import app.casepath.security.Groups;
import app.casepath.security.NotAllowedException;
import app.casepath.tasks.EngineRaces;
import app.casepath.tasks.FieldError;
import app.casepath.tasks.Form;
import app.casepath.tasks.InvalidInputException;
import app.casepath.tasks.TaskCompletionService;
import app.casepath.tasks.TaskConflictException;
import app.casepath.tasks.TaskInbox;
import app.casepath.tasks.TaskWork;

/**
 * Case notes (casework.md "Case notes"): written as a draft that is saved as its author types,
 * made final once, then only amended. Whoever may read a case reads its final notes; whoever may
 * work it writes them; only team and service managers write management oversight, whose actions
 * become tasks. A final visit note where the child was seen completes the case's open statutory
 * visit, so a visit is recorded once.
 */
@Service
public class CaseNotes {

    public record Person(String personId, String name) {
    }

    public record Amendment(String text, String reason, String amendedBy, OffsetDateTime amendedAt) {
    }

    /**
     * A drafted action (not yet set) has no actionId. {@code reference} and {@code childName} are
     * of the first of its cases, so a list of drafts says whose each one is.
     */
    public record Note(String noteId, List<String> caseIds, String reference, String childName, String kind, String status, OffsetDateTime occurredAt,
                       String subject, String text, List<Person> people, Boolean childSeen, Boolean childSeenAlone,
                       boolean significant, NoteForm.ThreeHouses threeHouses, String wishesAndFeelings, String author,
                       OffsetDateTime savedAt, OffsetDateTime finalisedAt, List<Amendment> amendments,
                       List<CaseActions.ActionView> actions, boolean visitTaskCompleted) {
    }

    public record NotePage(List<Note> items, long total) {
    }

    /** The child's own words: the latest Three Houses and the latest wishes and feelings, each with its note. */
    public record ChildSays(HousesSaid threeHouses, WishesSaid wishesAndFeelings) {
    }

    public record HousesSaid(List<String> worries, List<String> goodThings, List<String> dreams, LocalDate recordedOn,
                             String noteId) {
    }

    public record WishesSaid(String text, LocalDate recordedOn, String noteId) {
    }

    /** The most cases one note may be written on at once: a family's children. */
    static final int MAX_CASES = TaskCompletionService.MAX_TOGETHER;
    private static final Set<String> OVERSIGHT_WRITERS = Set.of(Groups.TEAM_MANAGERS, Groups.SERVICE_MANAGERS);
    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {
    };

    private final JdbcClient db;
    private final NoteRecord notes;
    private final CaseActions actions;
    private final CaseAccess access;
    private final TaskInbox inbox;
    private final TaskCompletionService completion;
    private final EngineRaces races;
    private final IdentityService identities;
    private final TimeSource time;
    private final ObjectMapper json;
    private final Chronology chronology;

    CaseNotes(JdbcClient db, NoteRecord notes, CaseActions actions, CaseAccess access, TaskInbox inbox,
              TaskCompletionService completion, EngineRaces races, IdentityService identities, TimeSource time,
              ObjectMapper json, Chronology chronology) {
        this.chronology = chronology;
        this.db = db;
        this.notes = notes;
        this.actions = actions;
        this.access = access;
        this.inbox = inbox;
        this.completion = completion;
        this.races = races;
        this.identities = identities;
        this.time = time;
        this.json = json;
    }

    // ---- writing

    /** POST /api/cases/{caseId}/notes: a case the caller may not read is not there. */
    public Note write(Caller caller, String caseId, JsonNode body) {
        if (!access.canRead(caller, caseId)) {
            throw new CaseNotFoundException(caseId);
        }
        return races.inFreshTransaction(() -> writeOnce(caller, List.of(caseId), body, false));
    }

    /** POST /api/notes {caseIds[], …}: one note on several siblings' cases. */
    public Note writeOnSeveral(Caller caller, JsonNode body) {
        Form form = Form.of(body, time.today());
        List<String> caseIds = new ArrayList<>(new LinkedHashSet<>(form.texts("caseIds")));
        if (!form.has("caseIds") || (form.valid() && caseIds.isEmpty())) {
            form.error("caseIds", "must name at least one case");
        } else if (caseIds.size() > MAX_CASES) {
            form.error("caseIds", "must name at most " + MAX_CASES + " cases");
        }
        form.check();
        return races.inFreshTransaction(() -> writeOnce(caller, caseIds, body, true));
    }

    private Note writeOnce(Caller caller, List<String> caseIds, JsonNode sent, boolean named) {
        JsonNode body = sent == null ? json.createObjectNode() : sent;
        Instant now = time.now();
        Form form = Form.of(body, time.today());
        String status = form.choice("status", Set.of(NoteRecord.DRAFT, NoteRecord.FINAL));
        boolean complete = NoteRecord.FINAL.equals(status);
        NoteForm note = NoteForm.read(form, complete, now);
        checkCases(caller, caseIds, note, form, named);
        checkPeopleAndAssignees(note, form);
        form.check();
        String noteId = UUID.randomUUID().toString();
        notes.insert(noteId, caseIds, note, NoteRecord.DRAFT, body.toString(), caller.username(), now);
        if (complete) {
            finaliseWritten(caller, noteId, note, now);
        }
        return view(notes.find(noteId).orElseThrow());
    }

    /** PUT /api/notes/{noteId}: the draft as its author's screen now holds it, saved whole. */
    public Note save(Caller caller, String noteId, JsonNode sent) {
        JsonNode body = sent == null ? json.createObjectNode() : sent;
        return races.inFreshTransaction(() -> {
            NoteRecord.Row row = ownDraft(caller, noteId);
            Instant now = time.now();
            Form form = Form.of(body, time.today());
            if (form.has("status") && !NoteRecord.DRAFT.equals(form.text("status", false, 10))) {
                form.error("status", "a draft is made final with POST /api/notes/{noteId}/finalise");
            }
            NoteForm note = NoteForm.read(form, false, now);
            checkCases(caller, notes.caseIds(noteId), note, form, false);
            checkPeopleAndAssignees(note, form);
            form.check();
            notes.update(noteId, note, body.toString(), now);
            return view(notes.find(row.noteId()).orElseThrow());
        });
    }

    /** POST /api/notes/{noteId}/finalise: the draft, complete, becomes part of the record. */
    public Note finalise(Caller caller, String noteId) {
        return races.inFreshTransaction(() -> {
            NoteRecord.Row row = ownDraft(caller, noteId);
            Instant now = time.now();
            Form form = Form.of(read(row.body()), time.today());
            NoteForm note = NoteForm.read(form, true, now);
            checkCases(caller, notes.caseIds(noteId), note, form, false);
            checkPeopleAndAssignees(note, form);
            form.check();
            finaliseWritten(caller, noteId, note, now);
            return view(notes.find(noteId).orElseThrow());
        });
    }

    /** DELETE /api/notes/{noteId}: its author discards a draft; what is final is never deleted. */
    @Transactional
    public void discard(Caller caller, String noteId) {
        ownDraft(caller, noteId);
        notes.delete(noteId);
    }

    /** POST /api/notes/{noteId}/amendments {text, reason}: appended beside a final note, which stays as it was. */
    @Transactional
    public Amendment amend(Caller caller, String noteId, JsonNode body) {
        NoteRecord.Row row = notes.lock(noteId).filter(r -> readable(caller, r)).orElseThrow(() -> new CaseNotFoundException(noteId));
        if (!row.isFinal()) {
            throw new TaskConflictException("A draft is changed by saving it again; amendments are for finished notes.");
        }
        List<String> caseIds = notes.caseIds(noteId);
        if (caseIds.stream().noneMatch(caseId -> access.mayWorkOn(caller, caseId))) {
            throw new NotAllowedException("Only those who work with the child may amend their notes.");
        }
        Form form = Form.of(body, time.today());
        String text = form.text("text", true, NoteForm.MAX_TEXT);
        String reason = form.text("reason", true, 2000);
        form.check();
        Instant now = time.now();
        db.sql("insert into note_amendment (note_id, text, reason, amended_by, amended_at) values (?, ?, ?, ?, ?)")
                .params(noteId, text, reason, caller.username(), java.sql.Timestamp.from(now)).update();
        for (String caseId : caseIds) {
            chronology.recordNote(caseId, now, "NOTE_AMENDED", "A note was amended: " + reason, caller.username(), false, noteId);
        }
        return new Amendment(text, reason, caller.username(), OffsetDateTime.ofInstant(now, time.zone()));
    }

    private void finaliseWritten(Caller caller, String noteId, NoteForm note, Instant now) {
        Instant occurredAt = note.occurredAt() == null ? now : note.occurredAt();
        notes.makeFinal(noteId, occurredAt, now);
        notes.enterChronology(noteId);
        List<String> caseIds = notes.caseIds(noteId);
        if (!note.actions().isEmpty()) {
            // An oversight note's actions are set on the case it was written on (the first, for siblings).
            actions.set(noteId, caseIds.get(0), note.actions(), caller.username(), now);
        }
        if (note.isVisit() && Boolean.TRUE.equals(note.childSeen())) {
            LocalDate seenOn = time.dateOf(occurredAt);
            boolean completed = false;
            for (String caseId : caseIds) {
                completed |= completeVisit(caller, caseId, noteId, note, seenOn);
            }
            if (completed) {
                notes.visitTaskCompleted(noteId);
            }
        }
    }

    /**
     * The case's open statutory visit, completed by this note when its writer may work it and the
     * visit falls within the plan; otherwise the note stands on its own and the task stays open.
     */
    private boolean completeVisit(Caller caller, String caseId, String noteId, NoteForm note, LocalDate seenOn) {
        var task = inbox.forCase(caseId, time.today()).stream()
                .filter(t -> TaskKey.RECORD_VISIT.key().equals(t.taskKey())).findFirst();
        if (task.isEmpty() || !TaskWork.mayWork(caller, task.get())) {
            return false;
        }
        var plan = RecordVisitHandler.currentPlan(db, caseId);
        if (seenOn.isBefore(((java.sql.Date) plan.get("started_on")).toLocalDate())) {
            return false;
        }
        Map<String, Object> form = new java.util.LinkedHashMap<>();
        form.put("seenOn", seenOn.toString());
        form.put("seenAlone", Boolean.TRUE.equals(note.childSeenAlone()));
        form.put("notes", note.text());
        form.put("noteId", noteId);
        completion.complete(caller, task.get().taskId(), json.valueToTree(form));
        return true;
    }

    /**
     * Every case named must be one the caller may write on (read it, and work it; oversight is
     * the managers'), and several cases must be one family's children.
     */
    private void checkCases(Caller caller, List<String> caseIds, NoteForm note, Form form, boolean named) {
        boolean oversight = NoteForm.OVERSIGHT.equals(note.kind());
        if (oversight && !caller.inAny(OVERSIGHT_WRITERS)) {
            throw new NotAllowedException("Only team and service managers write management oversight.");
        }
        String family = null;
        for (int i = 0; i < caseIds.size(); i++) {
            String caseId = caseIds.get(i);
            String field = "caseIds[" + i + "]";
            if (!access.canRead(caller, caseId)) {
                if (!named) {
                    throw new CaseNotFoundException(caseId);
                }
                form.error(field, "is not a case you may see");
                continue;
            }
            boolean mayWrite = access.mayWorkOn(caller, caseId) || oversight && caller.in(Groups.SERVICE_MANAGERS);
            if (!mayWrite) {
                if (!named) {
                    throw new NotAllowedException("Only those who work with the child (or their managers) write notes on the case.");
                }
                form.error(field, "is not a case you work on");
                continue;
            }
            if (caseIds.size() > 1) {
                String familyId = db.sql("select ch.family_id from child_case c join child ch on ch.child_id = c.child_id where c.case_id = ?")
                        .param(caseId).query(String.class).optional().orElse(null);
                if (familyId == null || family != null && !family.equals(familyId)) {
                    form.error(field, "is not a case of the same family as caseIds[0]");
                } else {
                    family = familyId;
                }
            }
        }
    }

    private void checkPeopleAndAssignees(NoteForm note, Form form) {
        for (int i = 0; i < note.people().size(); i++) {
            if (db.sql("select count(*) from person where person_id = ?").param(note.people().get(i)).query(Long.class).single() == 0) {
                form.error("people[" + i + "]", "is not a person on the record");
            }
        }
        for (int i = 0; i < note.actions().size(); i++) {
            String assignee = note.actions().get(i).assignee();
            if (assignee != null && identities.createUserQuery().userId(assignee).count() == 0) {
                form.error("actions[" + i + "].assignee", "is not a user of Casepath");
            }
        }
    }

    // ---- reading

    /** A draft is its author's alone: to anyone else it does not exist. A final note is read by whoever may read one of its cases. */
    private boolean readable(Caller caller, NoteRecord.Row row) {
        if (!row.isFinal()) {
            return row.author().equals(caller.username());
        }
        return notes.caseIds(row.noteId()).stream().anyMatch(caseId -> access.canRead(caller, caseId));
    }

    private NoteRecord.Row ownDraft(Caller caller, String noteId) {
        NoteRecord.Row row = notes.lock(noteId).filter(r -> readable(caller, r)).orElseThrow(() -> new CaseNotFoundException(noteId));
        if (row.isFinal()) {
            throw new TaskConflictException("This note is finished and part of the record: add an amendment instead.");
        }
        return row;
    }

    public Note get(Caller caller, String noteId) {
        return notes.find(noteId).filter(r -> readable(caller, r)).map(this::view)
                .orElseThrow(() -> new CaseNotFoundException(noteId));
    }

    /** The first case of the note the caller may read, for the audit row. */
    public String caseOf(Caller caller, String noteId) {
        return notes.caseIds(noteId).stream().filter(caseId -> access.canRead(caller, caseId)).findFirst().orElse(null);
    }

    /** A case's notes, newest first: its final notes, and the caller's own drafts. */
    public NotePage forCase(Caller caller, String caseId, String kind, Boolean significant, int page, int size) {
        if (!access.canRead(caller, caseId)) {
            throw new CaseNotFoundException(caseId);
        }
        if (kind != null && !NoteForm.KINDS.contains(kind)) {
            throw new InvalidInputException(List.of(new FieldError("kind", "must be one of "
                    + String.join(", ", new java.util.TreeSet<>(NoteForm.KINDS)))));
        }
        String where = """
                 from case_note n join case_note_case c on c.note_id = n.note_id
                 where c.case_id = :caseId and (n.status = 'FINAL' or n.author = :user)
                   and (cast(:kind as varchar(30)) is null or n.kind = :kind)
                   and (cast(:significant as boolean) is null or n.significant = :significant)""";
        long total = db.sql("select count(*) " + where).param("caseId", caseId).param("user", caller.username())
                .param("kind", kind).param("significant", significant).query(Long.class).single();
        List<Note> items = db.sql("select " + NoteRecord.COLUMNS + " " + where
                        + " order by coalesce(n.occurred_at, n.saved_at) desc, n.note_id limit :size offset :offset")
                .param("caseId", caseId).param("user", caller.username()).param("kind", kind).param("significant", significant)
                .param("size", size).param("offset", (long) page * size)
                .query((rs, n) -> NoteRecord.row(rs)).list().stream().map(this::view).toList();
        return new NotePage(items, total);
    }

    /** GET /api/notes/drafts: what the caller has not finished, on every case, newest saved first. */
    public List<Note> drafts(Caller caller) {
        return db.sql("select " + NoteRecord.COLUMNS + " from case_note n where n.author = ? and n.status = 'DRAFT'"
                        + " order by n.saved_at desc fetch first 50 rows only")
                .param(caller.username()).query((rs, n) -> NoteRecord.row(rs)).list().stream()
                .filter(row -> notes.caseIds(row.noteId()).stream().anyMatch(caseId -> access.canRead(caller, caseId)))
                .map(this::view).toList();
    }

    public ChildSays childSays(Caller caller, String caseId) {
        if (!access.canRead(caller, caseId)) {
            throw new CaseNotFoundException(caseId);
        }
        return childSays(caseId);
    }

    /** The latest of each, from the case's final direct work notes. */
    ChildSays childSays(String caseId) {
        String latest = """
                select n.note_id, n.occurred_at, n.three_houses, n.wishes_and_feelings
                from case_note n join case_note_case c on c.note_id = n.note_id
                where c.case_id = ? and n.status = 'FINAL' and n.kind = 'DIRECT_WORK' and n.%s is not null
                order by n.occurred_at desc, n.note_id fetch first 1 rows only""";
        HousesSaid houses = db.sql(latest.formatted("three_houses")).param(caseId).query((rs, n) -> {
            NoteForm.ThreeHouses h = readHouses(rs.getString("three_houses"));
            return new HousesSaid(h.worries(), h.goodThings(), h.dreams(),
                    time.dateOf(rs.getObject("occurred_at", OffsetDateTime.class).toInstant()), rs.getString("note_id"));
        }).optional().orElse(null);
        WishesSaid wishes = db.sql(latest.formatted("wishes_and_feelings")).param(caseId).query((rs, n) ->
                new WishesSaid(rs.getString("wishes_and_feelings"),
                        time.dateOf(rs.getObject("occurred_at", OffsetDateTime.class).toInstant()), rs.getString("note_id")))
                .optional().orElse(null);
        return new ChildSays(houses, wishes);
    }

    private Note view(NoteRecord.Row row) {
        List<String> personIds = row.people() == null ? List.of() : read(row.people(), STRINGS);
        List<Person> people = personIds.stream().map(id -> new Person(id, db.sql(
                        "select first_name || ' ' || last_name from person where person_id = ?").param(id)
                .query(String.class).optional().orElse("Unknown person"))).toList();
        List<Amendment> amendments = db.sql("""
                select text, reason, amended_by, amended_at from note_amendment where note_id = ? order by id""")
                .param(row.noteId()).query(Amendment.class).list();
        List<CaseActions.ActionView> noteActions = row.isFinal() ? actions.ofNote(row.noteId()) : drafted(row);
        List<String> caseIds = notes.caseIds(row.noteId());
        Map<String, Object> first = db.sql("""
                select c.case_number, ch.first_name || ' ' || ch.last_name as child_name
                from child_case c join child ch on ch.child_id = c.child_id where c.case_id = ?""")
                .param(caseIds.get(0)).query().singleRow();
        return new Note(row.noteId(), caseIds,
                app.casepath.caserecord.CaseRecord.CaseRow.reference(((Number) first.get("case_number")).longValue()),
                (String) first.get("child_name"), row.kind(), row.status(), row.occurredAt(), row.subject(),
                row.text(), people, row.childSeen(), row.childSeenAlone(), row.significant(),
                row.threeHouses() == null ? null : readHouses(row.threeHouses()), row.wishesAndFeelings(), row.author(),
                row.savedAt(), row.finalisedAt(), amendments, noteActions, row.visitTaskCompleted());
    }

    /** A draft's actions as drafted: not yet set, so no id or task. */
    private List<CaseActions.ActionView> drafted(NoteRecord.Row row) {
        Form form = Form.of(read(row.body()), time.today());
        return NoteForm.read(form, false, time.now()).actions().stream()
                .map(a -> new CaseActions.ActionView(null, a.text(), a.assignee(), a.dueOn(), null, null, null, null, null))
                .toList();
    }

    private NoteForm.ThreeHouses readHouses(String text) {
        return read(text, new TypeReference<NoteForm.ThreeHouses>() {
        });
    }

    private JsonNode read(String text) {
        try {
            return json.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored note unreadable", e);
        }
    }

    private <T> T read(String text, TypeReference<T> type) {
        try {
            return json.readValue(text, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored note unreadable", e);
        }
    }
}
