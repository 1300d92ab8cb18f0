package app.casepath.notify;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import app.casepath.caserecord.CaseRecord;
import app.casepath.security.Groups;

/**
 * What Casepath tells people by email, in plain English. Staff emails carry the case reference,
 * the task and a link – never a child's name or the record's content, which stay behind sign-in.
 * The one email with content goes to parents: their own child's assessment, when shared by email.
 * Every email is queued in the caller's transaction and keyed so that it is sent once.
 */
@Service
public class Notifications {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", Locale.UK);

    private final EmailOutbox outbox;
    private final Recipients recipients;
    private final JdbcClient db;
    private final MailSettings settings;
    private final CaseRecord cases;

    public Notifications(EmailOutbox outbox, Recipients recipients, JdbcClient db, MailSettings settings,
                         CaseRecord cases) {
        this.cases = cases;
        this.outbox = outbox;
        this.recipients = recipients;
        this.db = db;
        this.settings = settings;
    }

    /** A new task: to its assignee, or else to everyone in its groups. */
    public void taskOpened(String caseId, String taskId, String taskName, String assignee, Set<String> groups, LocalDate dueOn) {
        String reference = reference(caseId);
        for (Recipients.Recipient user : assignee != null ? recipients.users(List.of(assignee)) : recipients.members(groups)) {
            outbox.enqueue("task:" + taskId + ":" + user.username(), "NEW_TASK", caseId, user.email(),
                    "New task for " + reference + ": " + taskName,
                    greeting(user) + "There is a new task " + (assignee != null ? "for you" : "for your team") + ":\n\n"
                            + "  " + taskName + " (case " + reference + ")\n  Due: " + DAY.format(dueOn) + "\n\n"
                            + "Open it in Casepath: " + settings.baseUrl() + "/tasks/" + taskId + "\n" + FOOTER);
        }
    }

    public void reminder(String caseId, String taskId, String taskName, String assignee, Set<String> groups, LocalDate dueOn) {
        String reference = reference(caseId);
        for (Recipients.Recipient user : assignee != null ? recipients.users(List.of(assignee)) : recipients.members(groups)) {
            outbox.enqueue("reminder:" + taskId + ":" + user.username(), "REMINDER", caseId, user.email(),
                    "Reminder: " + taskName + " for " + reference + " is due on " + DAY.format(dueOn),
                    greeting(user) + "This is a reminder that \"" + taskName + "\" for case " + reference
                            + " is due on " + DAY.format(dueOn) + ".\n\nOpen it in Casepath: " + settings.baseUrl()
                            + "/tasks/" + taskId + "\n" + FOOTER);
        }
    }

    /** The case's reference; a task with no case (a warning review on an adult) names none, and no person either: mail leaves the building. */
    private String reference(String caseId) {
        return caseId == null ? "(no case)" : cases.reference(caseId);
    }

    /** A task past its due date: to the managers of its group (team managers for an allocated worker's task). */
    public void escalation(String caseId, String taskId, String taskName, String assignee, Set<String> groups, LocalDate dueOn) {
        String reference = reference(caseId);
        Set<String> managers = groups.isEmpty() ? Set.of(Groups.TEAM_MANAGERS)
                : groups.stream().map(Groups::managersOf).collect(java.util.stream.Collectors.toSet());
        for (Recipients.Recipient user : recipients.members(managers)) {
            outbox.enqueue("escalation:" + taskId + ":" + user.username(), "ESCALATION", caseId, user.email(),
                    "Overdue: " + taskName + " for " + reference + " was due on " + DAY.format(dueOn),
                    greeting(user) + "\"" + taskName + "\" for case " + reference + " was due on " + DAY.format(dueOn)
                            + " and has not been done." + (assignee != null ? " It is with " + assignee + "." : " Nobody has claimed it.")
                            + "\n\nSee it in Casepath: " + settings.baseUrl() + (caseId == null ? "/tasks/" + taskId : "/cases/" + caseId)
                            + "\n" + FOOTER);
        }
    }

    /**
     * A case moved to a worker (a reallocation): to the new worker, once per move, naming how many
     * open tasks came with it. The case's details stay in Casepath.
     */
    public void caseReallocated(String caseId, String worker, String movedBy, int tasksMoved, String moveKey) {
        String reference = reference(caseId);
        for (Recipients.Recipient user : recipients.users(List.of(worker))) {
            outbox.enqueue("reallocation:" + moveKey + ":" + user.username(), "REALLOCATION", caseId, user.email(),
                    "Case " + reference + " is now allocated to you",
                    greeting(user) + movedBy + " has allocated case " + reference + " to you"
                            + (tasksMoved == 0 ? "." : ", with " + tasksMoved + (tasksMoved == 1 ? " open task." : " open tasks."))
                            + "\n\nSee the case in Casepath: " + settings.baseUrl() + "/cases/" + caseId + "\n" + FOOTER);
        }
    }

    /** A conference to hold: the allocated worker is invited to attend and prepare the report. */
    public void conferenceInvitation(String caseId, String taskId, String conference, LocalDate heldBy) {
        String worker = db.sql("select allocated_worker from child_case where case_id = ?").param(caseId)
                .query(String.class).optional().orElse(null);
        if (worker == null) {
            return;
        }
        String reference = reference(caseId);
        for (Recipients.Recipient user : recipients.users(List.of(worker))) {
            outbox.enqueue("invitation:" + taskId + ":" + user.username(), "INVITATION", caseId, user.email(),
                    "Invitation: " + conference + " for " + reference + " by " + DAY.format(heldBy),
                    greeting(user) + "You are invited to the " + conference + " for case " + reference
                            + ", to be held by " + DAY.format(heldBy) + ". Please share your report with the family "
                            + "beforehand.\n\nSee the case in Casepath: " + settings.baseUrl() + "/cases/" + caseId + "\n" + FOOTER);
        }
    }

    /**
     * The family's copy of their assessment, once authorised, to the address they gave for it: a
     * short covering note, with the assessment itself as the attached PDF (the document saved on
     * the case), so the words they receive are the ones on the record. Keyed by the authorisation,
     * so it is sent once however often the authorisation is replayed.
     */
    public void assessmentForParents(String caseId, String authorisationKey, String email, String childFirstName,
                                     String documentId) {
        outbox.enqueue("assessment:" + authorisationKey, "ASSESSMENT_TO_PARENTS", caseId, email,
                "Your child's assessment",
                "Dear parent or carer,\n\nAttached is the assessment of " + childFirstName
                        + " that we talked about with you. It sets out what we are worried about, what is working well,"
                        + " what needs to happen, and what happens next.\n\nIf anything in it is wrong, or you want to"
                        + " talk about it, please contact your social worker.\n",
                documentId);
    }

    private static final String FOOTER = "\nThis email is from Casepath. Details of the case are in Casepath, not in email.\n";

    private static String greeting(Recipients.Recipient user) {
        return "Dear " + (user.firstName() == null ? user.username() : user.firstName()) + ",\n\n";
    }
}
