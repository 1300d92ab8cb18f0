package app.casepath.documents;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import app.casepath.calendar.TimeSource;
import app.casepath.caserecord.CaseQueries;
import app.casepath.caserecord.SignsOfSafety;
import app.casepath.notify.Notifications;
import app.casepath.process.TaskKey;
import app.casepath.process.Words;
import app.casepath.security.Caller;
import app.casepath.tasks.Deadlines;

/**
 * The documents Casepath writes from the record (documents.md "Documents Casepath writes"), each
 * saved on the case in the transaction of what caused it. The stages call this once their own
 * record is written; everything a document says is read back from the record here, so a document
 * says what the record says, in words, never codes.
 */
@Service
public class GeneratedDocuments {

    /** Dates as people read them: 3 March 2026. */
    static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);

    /** What happens after an assessment, by its decision, in the family's words. */
    private static final Map<String, String> AFTER_ASSESSMENT = Map.of(
            "NFA", "We will not be doing any more work with your family, and we will close our record of this referral.",
            "EARLY_HELP", "We will close this referral and ask the early help service to work with your family.",
            "CIN_PLAN", "Your social worker will make a child in need plan with you, and will meet you regularly to review it.",
            "STRATEGY_DISCUSSION", "We will talk with the police and health services about how to keep your child safe."
                    + " Your social worker will tell you what is decided and what it means for you.",
            "ENTRY_TO_CARE", "We will ask the council's panel to consider whether your child needs to be looked after"
                    + " away from home. Your social worker will talk with you about this before the panel meets.");

    private final PdfTemplates templates;
    private final DocumentRecord record;
    private final Documents documents;
    private final SignsOfSafety signsOfSafety;
    private final Deadlines deadlines;
    private final CaseQueries cases;
    private final Notifications notifications;
    private final TimeSource time;

    GeneratedDocuments(PdfTemplates templates, DocumentRecord record, Documents documents, SignsOfSafety signsOfSafety,
                       Deadlines deadlines, CaseQueries cases, Notifications notifications, TimeSource time) {
        this.templates = templates;
        this.record = record;
        this.documents = documents;
        this.signsOfSafety = signsOfSafety;
        this.deadlines = deadlines;
        this.cases = cases;
        this.notifications = notifications;
        this.time = time;
    }

    /**
     * The family's copy of the assessment just authorised: saved on the case, ready to print, and
     * queued to the family as an attachment when they asked for it by email.
     *
     * @param authorisationKey names the authorisation (its task), so the email goes once however often it is replayed
     */
    @Transactional
    public Documents.Document assessmentAuthorised(String caseId, String authorisationKey, String user) {
        DocumentRecord.Child child = record.child(caseId);
        DocumentRecord.Assessment assessment = record.latestAssessment(caseId);
        LocalDate on = assessment.authorisedOn();
        Map<String, Object> values = common(child, "Assessment for the family – " + DATE.format(on));
        values.put("authorisedOn", DATE.format(on));
        values.put("completedOn", assessment.completedOn() == null ? null : DATE.format(assessment.completedOn()));
        values.put("decision", Words.choice(TaskKey.AUTHORISE_ASSESSMENT, "decision", assessment.decision()));
        values.put("whatHappensNext", AFTER_ASSESSMENT.get(assessment.decision()));
        map(caseId, values);
        Documents.Document document = save(caseId, Documents.Kind.FAMILY_ASSESSMENT, "family-assessment", values,
                "assessment-for-the-family-" + on + ".pdf", user);
        if ("EMAIL".equals(assessment.sharedMethod()) && assessment.sharedEmail() != null) {
            notifications.assessmentForParents(caseId, authorisationKey, assessment.sharedEmail(), child.firstName(),
                    document.documentId());
        }
        return document;
    }

    /**
     * The conference just held: its outcome letter, and the child protection plan when the
     * conference started or continued one.
     */
    @Transactional
    public List<Documents.Document> conferenceHeld(String caseId, String user) {
        DocumentRecord.Child child = record.child(caseId);
        DocumentRecord.Conference conference = record.latestConference(caseId);
        boolean initial = conference.kind().equals("ICPC");
        String heldOn = DATE.format(conference.heldOn());
        String category = conference.category() != null ? conference.category()
                : record.openPlanCategory(caseId).orElse(null);
        boolean plan = "CP_PLAN".equals(conference.decision()) || "CONTINUE".equals(conference.decision());

        Map<String, Object> letter = common(child, "Conference outcome letter – " + heldOn);
        letter.put("conference", initial ? "initial child protection conference" : "review child protection conference");
        letter.put("heldOn", heldOn);
        letter.put("decision", Words.choice(initial ? TaskKey.HOLD_INITIAL_CONFERENCE : TaskKey.HOLD_REVIEW_CONFERENCE,
                "decision", conference.decision()));
        letter.put("plan", plan);
        letter.put("category", plan && category != null ? Words.category(category) : null);
        letter.put("safetyScale", conference.safetyScale());
        if (plan) {
            letter.put("nextReview", DATE.format(deadlines.dueDate(caseId, TaskKey.HOLD_REVIEW_CONFERENCE)));
            letter.put("coreGroup", DATE.format(deadlines.dueDate(caseId, TaskKey.HOLD_CORE_GROUP)));
            letter.put("firstCoreGroup", record.latestCoreGroupMembers(caseId).isEmpty());
        }
        Documents.Document outcome = save(caseId, Documents.Kind.CONFERENCE_OUTCOME, "conference-outcome", letter,
                "conference-outcome-letter-" + conference.heldOn() + ".pdf", user);
        if (!plan) {
            return List.of(outcome);
        }

        Map<String, Object> cpPlan = common(child, "Child protection plan – " + heldOn);
        cpPlan.put("heldOn", heldOn);
        cpPlan.put("conference", letter.get("conference"));
        cpPlan.put("category", letter.get("category"));
        cpPlan.put("nextReview", letter.get("nextReview"));
        cpPlan.put("coreGroup", letter.get("coreGroup"));
        cpPlan.put("firstCoreGroup", letter.get("firstCoreGroup"));
        cpPlan.put("network", record.safetyNetwork(child));
        cpPlan.put("coreGroupMembers", record.latestCoreGroupMembers(caseId));
        map(caseId, cpPlan);
        Documents.Document planDocument = save(caseId, Documents.Kind.CP_PLAN, "cp-plan", cpPlan,
                "child-protection-plan-" + conference.heldOn() + ".pdf", user);
        return List.of(outcome, planDocument);
    }

    /**
     * The case's chronology, or its significant events only, as a document (for a court bundle or a
     * subject access request); only for those who may read the case (else it is not found).
     */
    @Transactional
    public Documents.Document chronology(Caller caller, String caseId, boolean significantOnly) {
        List<CaseQueries.ChronologyEntry> entries = cases.chronology(caller, caseId, null, significantOnly);
        DocumentRecord.Child child = record.child(caseId);
        LocalDate today = time.today();
        Map<String, Object> values = common(child, (significantOnly ? "Significant events – " : "Chronology – ")
                + DATE.format(today));
        values.put("significantOnly", significantOnly);
        values.put("entries", entries.stream().map(e -> Map.of(
                "date", DATE.format(time.dateOf(e.occurredAt().toInstant())),
                "what", Words.list("chronologyKinds").getOrDefault(e.kind(), ""),
                "summary", e.summary(),
                "by", e.actor() == null ? "" : e.actor())).toList());
        return save(caseId, Documents.Kind.CHRONOLOGY, "chronology", values,
                (significantOnly ? "significant-events-" : "chronology-") + today + ".pdf", caller.username());
    }

    /** The same renderer the saved documents use, for the benchmark and the council's checks. */
    byte[] render(String template, Map<String, Object> values) {
        return templates.pdf(template, values);
    }

    private Documents.Document save(String caseId, Documents.Kind kind, String template, Map<String, Object> values,
                                    String fileName, String user) {
        byte[] pdf = templates.pdf(template, values);
        return documents.saveGenerated(caseId, kind, (String) values.get("title"), fileName, pdf,
                user == null ? "casepath" : user);
    }

    private Map<String, Object> common(DocumentRecord.Child child, String title) {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("title", title);
        values.put("childName", child.name());
        values.put("childFirstName", child.firstName());
        values.put("dateOfBirth", child.dateOfBirth() == null ? null : DATE.format(child.dateOfBirth()));
        values.put("reference", child.reference());
        values.put("worker", record.staffName(child.allocatedWorker()));
        values.put("family", record.family(child));
        values.put("writtenOn", DATE.format(time.today()));
        return values;
    }

    /** The case's current Signs of Safety map: the latest of each part, as the record holds it. */
    private void map(String caseId, Map<String, Object> values) {
        SignsOfSafety.CurrentMap map = signsOfSafety.map(caseId).current();
        values.put("worries", map == null ? List.of() : map.worries());
        values.put("workingWell", map == null ? List.of() : map.workingWell());
        values.put("needsToHappen", map == null ? List.of() : map.needsToHappen());
        values.put("dangerStatements", map == null ? List.of() : map.dangerStatements());
        values.put("safetyScale", map == null ? null : map.safetyScale());
    }
}
