package app.casepath.demo;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.databind.ObjectMapper;

import app.casepath.calendar.TimeSource;
import app.casepath.caserecord.CaseRecord;
import app.casepath.caserecord.ChildIdentifiers;
import app.casepath.frontdoor.ContactService;
import app.casepath.panel.EntryToCareService;
import app.casepath.recording.CaseNotes;
import app.casepath.security.Caller;
import app.casepath.tasks.TaskCompletionService;

/**
 * A working caseload for the demo: about forty children of a diverse London borough at every
 * stage, some of them late. Each is carried there through the product's own services with the
 * engine's clock set back in time, so histories, due dates and escalations are real ones.
 * Loaded once, into an empty database, before the application is ready: until then /api answers
 * 503 (StartupGate), so no one works beside the loader's moved clock and stopped job executor,
 * and the loader touches only the cases it creates.
 */
@Component
@Profile("demo")
@ConditionalOnProperty(name = "casepath.demo.caseload", havingValue = "true", matchIfMissing = true)
class DemoCaseload {

    private static final Logger log = LoggerFactory.getLogger(DemoCaseload.class);
    private static final Set<String> SCHEDULING_TIMERS = Set.of("coreGroupComesDue", "visitComesDue", "reviewComesDue",
            "planReachesReviewPoint", "cinReviewComesDue", "familyPlanReviewOpens");

    private static final Map<String, String> SCREENING_RATIONALE = Map.of(
            "EARLY_HELP", "The family's needs can be met by early help with their agreement.",
            "ASSESSMENT", "The child may be in need: a social worker should assess.",
            "STRATEGY_DISCUSSION", "There is reasonable cause to suspect the child is suffering significant harm.");

    private record Child(String firstName, String lastName, String dateOfBirth, String gender, String ethnicity) {
    }

    private static final List<Child> CHILDREN = List.of(
            new Child("Amani", "Okafor", "2016-04-01", "F", "BAFR"), new Child("Bilal", "Rahman", "2017-05-14", "M", "ABAN"),
            new Child("Chloe", "Campbell", "2012-09-23", "F", "BCRB"), new Child("Dariusz", "Nowak", "2014-02-11", "M", "WOTH"),
            new Child("Ebere", "Adeyemi", "2019-07-30", "F", "BAFR"), new Child("Fatima", "Hussain", "2011-12-03", "F", "APKN"),
            new Child("Gabriel", "Santos", "2015-03-19", "M", "WOTH"), new Child("Hana", "Warsame", "2018-10-08", "F", "BAFR"),
            new Child("Ibrahim", "Ali", "2013-06-27", "M", "BAFR"), new Child("Jada", "Clarke", "2020-01-15", "F", "MWBC"),
            new Child("Kwame", "Osei", "2010-08-09", "M", "BAFR"), new Child("Leila", "Ahmed", "2016-11-21", "F", "AOTH"),
            new Child("Mohammed", "Khan", "2012-04-04", "M", "APKN"), new Child("Nadia", "Popescu", "2017-09-12", "F", "WOTH"),
            new Child("Oluwaseun", "Bello", "2014-05-26", "M", "BAFR"), new Child("Priya", "Patel", "2015-08-17", "F", "AIND"),
            new Child("Qasim", "Shah", "2019-02-28", "M", "APKN"), new Child("Rosa", "Fernandes", "2011-10-30", "F", "WOTH"),
            new Child("Samira", "Haile", "2018-06-06", "F", "BOTH"), new Child("Tariq", "Ibrahim", "2013-01-22", "M", "AOTH"),
            new Child("Umar", "Demir", "2016-07-07", "M", "WOTH"), new Child("Valentina", "Kowalski", "2012-03-13", "F", "WOTH"),
            new Child("Wiktoria", "Wisniewska", "2019-12-01", "F", "WOTH"), new Child("Xavier", "Murphy", "2014-10-10", "M", "WIRI"),
            new Child("Yasmin", "Sharma", "2010-11-18", "F", "AIND"), new Child("Zainab", "Obi", "2017-02-02", "F", "BAFR"),
            new Child("Aaliyah", "Mensah", "2015-04-24", "F", "BAFR"), new Child("Bogdan", "Ionescu", "2013-08-31", "M", "WROM"),
            new Child("Chidi", "Eze", "2018-03-09", "M", "BAFR"), new Child("Dev", "Singh", "2011-07-16", "M", "AIND"),
            new Child("Elif", "Yilmaz", "2016-09-05", "F", "WOTH"), new Child("Farah", "Abdi", "2014-12-12", "F", "BAFR"),
            new Child("George", "Williams", "2012-01-29", "M", "WBRI"), new Child("Haruto", "Tanaka", "2017-06-20", "M", "AOTH"),
            new Child("Isabella", "Costa", "2019-04-14", "F", "WOTH"), new Child("Jamal", "Grant", "2013-11-25", "M", "BCRB"),
            new Child("Kofi", "Boateng", "2015-09-03", "M", "BAFR"), new Child("Lucia", "Moreno", "2020-08-08", "F", "OOTH"),
            new Child("Mariam", "Yusuf", "2011-05-05", "F", "BAFR"), new Child("Niamh", "O'Brien", "2016-02-17", "F", "WIRI"),
            new Child("Omar", "Farah", "2018-12-24", "M", "BOTH"), new Child("Aisha", "Bakr", "2014-07-01", "F", "AOTH"));

    private final ContactService contacts;
    private final TaskCompletionService completion;
    private final EntryToCareService entryToCare;
    private final IdentityService identity;
    private final RuntimeService runtime;
    private final ManagementService management;
    private final ProcessEngineConfigurationImpl engine;
    private final JdbcClient db;
    private final ObjectMapper json;
    private final TimeSource time;
    private final CaseRecord cases;
    private final CaseNotes notes;
    private int next;

    DemoCaseload(ContactService contacts, TaskCompletionService completion, EntryToCareService entryToCare,
                 IdentityService identity, RuntimeService runtime, ManagementService management,
                 ProcessEngineConfigurationImpl engine, JdbcClient db, ObjectMapper json, TimeSource time,
                 CaseRecord cases, CaseNotes notes) {
        this.cases = cases;
        this.notes = notes;
        this.contacts = contacts;
        this.completion = completion;
        this.entryToCare = entryToCare;
        this.identity = identity;
        this.runtime = runtime;
        this.management = management;
        this.engine = engine;
        this.db = db;
        this.json = json;
        this.time = time;
    }

    @EventListener(ApplicationReadyEvent.class)
    @Order(2)
    void load() {
        if (db.sql("select count(*) from child_case").query(Long.class).single() > 0) {
            return;
        }
        JobExecutor executor = engine.getJobExecutor();
        boolean running = executor != null && executor.isActive();
        if (running) {
            executor.shutdown();
        }
        LocalDate today = time.today();
        try {
            build(today);
        } finally {
            ClockUtil.reset();
            if (running) {
                executor.start();
            }
        }
        log.info("Demo caseload loaded: {} cases", db.sql("select count(*) from child_case").query(Long.class).single());
    }

    private void build(LocalDate today) {
        // Front Door: new today, yesterday, and one screening already late.
        for (int daysAgo : List.of(0, 0, 1, 1, 4, 6)) {
            contact(today.minusDays(daysAgo));
        }
        // A family: one contact about three siblings, screening open for each, to be screened together.
        family(today.minusDays(1), List.of(new Child("Kwame", "Mensah", "2012-11-08", "M", "BAFR"),
                new Child("Efua", "Mensah", "2016-03-19", "F", "BAFR"), new Child("Kojo", "Mensah", "2020-07-02", "M", "BAFR")));
        // Early Help: waiting for an assessment, one late; family plans under review.
        for (int daysAgo : List.of(10, 25, 60)) {
            String c = contact(today.minusDays(daysAgo));
            screen(c, "EARLY_HELP");
        }
        for (int daysAgo : List.of(70, 120)) {
            String c = contact(today.minusDays(daysAgo));
            screen(c, "EARLY_HELP");
            at(today.minusDays(daysAgo - 20));
            complete(c, "completeEarlyHelpAssessment", earlyHelpAssessment(), "eh.practitioner");
            openScheduled(c, today);
        }
        // Assessment: to allocate, in progress (one over 45 working days), to authorise.
        String unallocated = contact(today.minusDays(3));
        screen(unallocated, "ASSESSMENT");
        for (int daysAgo : List.of(5, 20, 40, 58, 75)) {
            allocated(contact(today.minusDays(daysAgo)), "social.worker" + (daysAgo % 2 == 0 ? "" : "2"));
        }
        for (int daysAgo : List.of(30, 50)) {
            String c = contact(today.minusDays(daysAgo));
            allocated(c, "social.worker");
            at(today.minusDays(2));
            complete(c, "completeAssessment", assessment("CIN_PLAN"), "social.worker");
        }
        // Strategy discussions and section 47 enquiries.
        for (int daysAgo : List.of(0, 2)) {
            screen(contact(today.minusDays(daysAgo)), "STRATEGY_DISCUSSION");
        }
        for (int daysAgo : List.of(4, 12)) {
            String c = contact(today.minusDays(daysAgo));
            screen(c, "STRATEGY_DISCUSSION");
            complete(c, "holdStrategyDiscussion", strategy(), "social.worker");
        }
        // Initial conferences to hold.
        for (int daysAgo : List.of(10, 16, 25)) {
            toConference(contact(today.minusDays(daysAgo)));
        }
        // Child protection plans: new, established, one late review, one over a year.
        List<String> plans = new ArrayList<>();
        for (int daysAgo : List.of(20, 60, 100, 200, 400, 420)) {
            String c = contact(today.minusDays(daysAgo));
            toConference(c);
            complete(c, "holdInitialConference", initialConference(), "cp.chair");
            openScheduled(c, today);
            plans.add(c);
            recordNotes(c, today, plans.size() == 1);
        }
        // Child in Need plans.
        for (int daysAgo : List.of(40, 90, 150, 200, 300)) {
            String c = contact(today.minusDays(daysAgo));
            allocated(c, "social.worker2");
            complete(c, "completeAssessment", assessment("CIN_PLAN"), "social.worker2");
            complete(c, "authoriseAssessment", authorise("CIN_PLAN"), "team.manager");
            openScheduled(c, today);
        }
        // Entry to Care Panel: one request with gaps in its network work, one before the panel.
        String gaps = contact(today.minusDays(35));
        allocated(gaps, "social.worker");
        complete(gaps, "completeAssessment", assessment("ENTRY_TO_CARE"), "social.worker");
        complete(gaps, "authoriseAssessment", authorise("ENTRY_TO_CARE"), "team.manager");
        complete(gaps, "requestEntryToCare", request(false), "social.worker");
        String planCase = plans.get(0);
        at(today.minusDays(3));
        entryToCare.request(caller("social.worker"), planCase, json.valueToTree(Map.of("route", "PRE_PROCEEDINGS",
                "reason", "The plan has not reduced the danger; pre-proceedings under the Public Law Outline.")));
        complete(planCase, "requestEntryToCare", request(true), "social.worker");
        // Closures to authorise.
        for (int daysAgo : List.of(30, 45)) {
            String c = contact(today.minusDays(daysAgo));
            allocated(c, "social.worker2");
            complete(c, "completeAssessment", assessment("NFA"), "social.worker2");
            complete(c, "authoriseAssessment", authorise("NFA"), "team.manager");
        }
    }

    // ---- steps

    private String contact(LocalDate day) {
        LocalDate receivedOn = receivedOn(day);
        Child child = CHILDREN.get(next++ % CHILDREN.size());
        return contacts.record(json.valueToTree(contactAbout(child.firstName(), "child", childDetails(child, receivedOn))),
                caller("fd.practitioner")).caseId();
    }

    /** One contact about several siblings: a case each, all of one family. */
    private void family(LocalDate day, List<Child> siblings) {
        LocalDate receivedOn = receivedOn(day);
        List<Map<String, Object>> children = new ArrayList<>();
        for (Child child : siblings) {
            next++;
            children.add(childDetails(child, receivedOn));
        }
        contacts.recordFamily(json.valueToTree(contactAbout("the children", "children", children)), caller("fd.practitioner"));
    }

    /**
     * The day a contact was received, and the demo's clock set to it. The demo's work that follows
     * at once (screening, strategy, a conference) happens on a working day, as a conference would
     * be held: a weekend's contact is taken as Friday's.
     */
    private LocalDate receivedOn(LocalDate day) {
        LocalDate receivedOn = switch (day.getDayOfWeek()) {
            case SATURDAY -> day.minusDays(1);
            case SUNDAY -> day.minusDays(2);
            default -> day;
        };
        at(receivedOn, LocalTime.of(9, 15).plusMinutes(7L * next));
        return receivedOn;
    }

    /** A contact received now, about {@code who}: {@code childKey} is "child" or "children". */
    private Map<String, Object> contactAbout(String who, String childKey, Object children) {
        return Map.of(
                "receivedAt", ZonedDateTime.ofInstant(ClockUtil.getCurrentTime().toInstant(), time.zone()).toOffsetDateTime().toString(),
                "source", List.of("1B", "2A", "3A", "5A", "4", "8").get(next % 6),
                "referrer", Map.of("name", "Duty officer", "organisation", List.of("Metropolitan Police", "Northwick Park Hospital",
                        "Ark Academy", "GP surgery", "Housing").get(next % 5)),
                childKey, children,
                "concerns", "Reported worries about " + who + "'s care at home: " + List.of(
                        "missing school and arriving hungry", "bruising noticed by staff", "police called to a domestic incident",
                        "a parent's mental health crisis", "the home found in a poor state").get(next % 5) + ".");
    }

    /**
     * The child as the Front Door records them, with the census items a school or GP gives: a UPN
     * from a Brent school (LA 304) for a child of school age, "not of school age" (UN1) below it,
     * an NHS number, and disabilities (none for most).
     */
    private Map<String, Object> childDetails(Child child, LocalDate receivedOn) {
        Map<String, Object> details = new HashMap<>(Map.of("firstName", child.firstName(), "lastName", child.lastName(),
                "dateOfBirth", child.dateOfBirth(), "gender", child.gender(), "ethnicity", child.ethnicity(),
                "nhsNumber", nhsNumber(next), "disabilities", next % 9 == 0 ? List.of("LD", "COMM")
                        : next % 7 == 0 ? List.of("AUT") : List.of("NONE")));
        if (LocalDate.parse(child.dateOfBirth()).plusYears(5).isAfter(receivedOn)) {
            details.put("upnUnknown", "UN1");
        } else {
            String lastTwelve = String.format("304%04d%02d%03d", 2000 + next % 40, LocalDate.parse(child.dateOfBirth())
                    .plusYears(5).getYear() % 100, next);
            details.put("upn", ChildIdentifiers.upnCheckLetter(lastTwelve) + lastTwelve);
        }
        return details;
    }

    /** A well-formed NHS number for the demo: nine digits and the check digit that makes them valid. */
    private static String nhsNumber(int n) {
        for (long body = 400_000_000L + n * 1_009L; ; body++) {
            for (int check = 0; check <= 9; check++) {
                String number = Long.toString(body) + check;
                if (ChildIdentifiers.validNhsNumber(number)) {
                    return number;
                }
            }
        }
    }

    private void screen(String caseId, String decision) {
        complete(caseId, "screenContact", Map.of("decision", decision, "rationale", SCREENING_RATIONALE.get(decision),
                "worries", List.of("The worries reported by the referrer."), "workingWell", List.of("Family engaged with school."),
                "needsToHappen", List.of("Speak with the child and family.")), "fd.practitioner");
    }

    private void allocated(String caseId, String worker) {
        screen(caseId, "ASSESSMENT");
        complete(caseId, "allocateCase", Map.of("socialWorker", worker), "team.manager");
    }

    private void toConference(String caseId) {
        screen(caseId, "STRATEGY_DISCUSSION");
        complete(caseId, "holdStrategyDiscussion", strategy(), "social.worker");
        complete(caseId, "completeSection47Enquiry", Map.of("outcome", "CONVENE_ICPC",
                "rationale", "Significant harm substantiated; a conference is needed.",
                "dangerStatements", List.of(Map.of("statement", "The child could be hurt when the adults fight.",
                        "safetyGoal", "The child is safe at home and knows who to call."))), "social.worker");
    }

    private void complete(String caseId, String taskKey, Map<String, Object> form, String user) {
        String taskId = db.sql("select task_id from task_inbox where case_id = ? and task_key = ?")
                .params(caseId, taskKey).query(String.class).single();
        completion.complete(caller(user), taskId, json.valueToTree(form));
    }

    /** Fires the timers that open scheduled work (core groups, visits, reviews) up to today. */
    private void openScheduled(String caseId, LocalDate today) {
        String reference = cases.reference(caseId);
        for (int guard = 0; guard < 200; guard++) {
            Job due = timers(caseId).stream()
                    .filter(j -> !j.getDuedate().toInstant().isAfter(time.endOf(today).toInstant()))
                    .filter(j -> SCHEDULING_TIMERS.contains(activityOf(j)))
                    .min(java.util.Comparator.comparing(Job::getDuedate)).orElse(null);
            if (due == null) {
                return;
            }
            ClockUtil.setCurrentTime(new Date(Math.max(due.getDuedate().getTime(), ClockUtil.getCurrentTime().getTime())));
            management.executeJob(due.getId());
            completeOpenedWork(caseId, activityOf(due), today);
        }
        log.warn("Demo case {} kept opening work", reference);
    }

    /** Scheduled work in the demo is done on time, except in about one case in four, where it is late. */
    private void completeOpenedWork(String caseId, String timer, LocalDate today) {
        String task = switch (timer) {
            case "coreGroupComesDue" -> "holdCoreGroup";
            case "visitComesDue" -> "recordVisit";
            case "cinReviewComesDue" -> "reviewChildInNeedPlan";
            case "familyPlanReviewOpens" -> "reviewFamilyPlan";
            case "reviewComesDue" -> "holdReviewConference";
            default -> null;
        };
        if (task == null) {
            return;
        }
        LocalDate dueOn = db.sql("select due_on from task_inbox where case_id = ? and task_key = ?")
                .params(caseId, task).query(LocalDate.class).single();
        long caseNumber = db.sql("select case_number from child_case where case_id = ?").param(caseId).query(Long.class).single();
        if (!dueOn.isBefore(today) || caseNumber % 4 == 0) {
            return;
        }
        Map<String, Object> form = switch (task) {
            case "holdCoreGroup" -> Map.of("safetyPlanAgreed", true, "attendees", List.of("Social worker", "Parent", "School"));
            case "recordVisit" -> Map.of("seenAlone", true, "notes", "Seen in their bedroom; said things are calmer.");
            case "reviewChildInNeedPlan" -> Map.of("decision", "CONTINUE", "notes", "Plan continues.");
            case "holdReviewConference" -> Map.of("decision", "CONTINUE", "safetyScale", 5, "parentFeedbackScore", 9);
            default -> Map.of("outcome", "CONTINUE", "notes", "Good progress.");
        };
        String user = switch (task) {
            case "reviewFamilyPlan" -> "eh.practitioner";
            case "holdReviewConference" -> "cp.chair";
            default -> db.sql("select allocated_worker from child_case where case_id = ?").param(caseId).query(String.class).single();
        };
        complete(caseId, task, form, user);
    }

    /**
     * A plan's recent casework: a call with the school, direct work in the child's words (so the
     * summary has "What the child says") and, on the first plan, a manager's oversight with an
     * action for the worker (a completeAction task in their inbox).
     */
    private void recordNotes(String caseId, LocalDate today, boolean oversight) {
        at(today);
        String worker = db.sql("select allocated_worker from child_case where case_id = ?").param(caseId).query(String.class).single();
        notes.write(caller(worker), caseId, json.valueToTree(Map.of("kind", "PHONE_CALL", "status", "FINAL",
                "occurredAt", ZonedDateTime.of(today.minusDays(3), LocalTime.of(14, 10), time.zone()).toOffsetDateTime().toString(),
                "subject", "Call with the school", "text", "The head of year says attendance is up and the child seems settled.")));
        notes.write(caller(worker), caseId, json.valueToTree(Map.of("kind", "DIRECT_WORK", "status", "FINAL",
                "occurredAt", ZonedDateTime.of(today.minusDays(2), LocalTime.of(16, 0), time.zone()).toOffsetDateTime().toString(),
                "subject", "Three Houses", "text", "Three Houses at the kitchen table, with mum in the next room.",
                "childSeen", true, "childSeenAlone", true,
                "threeHouses", Map.of("worries", List.of("When the grown-ups shout"), "goodThings", List.of("My nan", "Football"),
                        "dreams", List.of("Everyone is kind at home")),
                "wishesAndFeelings", "I want to stay at home and for mum's boyfriend to stop shouting.")));
        if (oversight) {
            notes.write(caller("team.manager"), caseId, json.valueToTree(Map.of("kind", "MANAGEMENT_OVERSIGHT", "status", "FINAL",
                    "subject", "Oversight at the start of the plan", "text", "The plan is right; the school must be in the core group.",
                    "actions", List.of(Map.of("text", "Invite the school nurse to the next core group.", "assignee", worker,
                            "dueOn", today.plusDays(7).toString())))));
        }
    }

    private List<Job> timers(String caseId) {
        String reference = cases.reference(caseId);
        List<Job> jobs = new ArrayList<>();
        for (ProcessInstance instance : runtime.createProcessInstanceQuery().processInstanceBusinessKey(reference).list()) {
            jobs.addAll(management.createJobQuery().processInstanceId(instance.getId()).timers().list());
        }
        return jobs;
    }

    private String activityOf(Job job) {
        return management.createJobDefinitionQuery().jobDefinitionId(job.getJobDefinitionId()).singleResult().getActivityId();
    }

    private void at(LocalDate day) {
        at(day, LocalTime.of(11, 0));
    }

    private void at(LocalDate day, LocalTime at) {
        ClockUtil.setCurrentTime(Date.from(ZonedDateTime.of(day, at, time.zone()).toInstant()));
    }

    private final Map<String, Caller> callers = new HashMap<>();

    private Caller caller(String username) {
        return callers.computeIfAbsent(username, u -> new Caller(u, identity.createGroupQuery().groupMember(u).list().stream()
                .map(Group::getId).collect(Collectors.toUnmodifiableSet())));
    }

    // ---- forms

    private static Map<String, Object> earlyHelpAssessment() {
        return Map.of("outcome", "FAMILY_PLAN", "rationale", "The family want support with routines.",
                "familyGoals", List.of("School attendance above 95%", "Bedtime routine every school night"),
                "worries", List.of("Attendance 81% this term"), "workingWell", List.of("Dad walks the children to school on Fridays"));
    }

    private static Map<String, Object> assessment(String recommendation) {
        return Map.of("recommendation", recommendation, "safetyScale", 4, "childSeenAlone", true,
                "assessmentFactors", List.of("3A", "21"), "sharedWithFamily", Map.of("method", "IN_PERSON"),
                "worries", List.of("Adults fight at home and the child is frightened."),
                "workingWell", List.of("Grandmother is a safe adult the child trusts."),
                "needsToHappen", List.of("A safety plan with the grandmother."),
                "dangerStatements", List.of(Map.of("statement", "The child could be hurt when the adults fight.",
                        "safetyGoal", "The child is safe when the adults disagree, and knows who to call.")));
    }

    private static Map<String, Object> authorise(String decision) {
        return Map.of("decision", decision, "comments", "Agreed.");
    }

    private static Map<String, Object> strategy() {
        return Map.of("decision", "S47", "rationale", "Reasonable cause to suspect significant harm.",
                "attendees", List.of(Map.of("name", "Social worker", "agency", "CSC"), Map.of("name", "DC on duty", "agency", "POLICE"),
                        Map.of("name", "Named nurse", "agency", "HEALTH")));
    }

    private Map<String, Object> initialConference() {
        return Map.of("decision", "CP_PLAN", "category", List.of("NEG", "EMO", "PHY", "NEG", "MUL").get(next % 5),
                "safetyScale", 3, "parentFeedbackScore", 8, "professionalFeedbackScores", List.of(9, 8),
                "parentsReceivedReport", true);
    }

    private Map<String, Object> request(boolean networkExplored) {
        Map<String, Object> form = new HashMap<>(Map.of("route", "PRE_PROCEEDINGS",
                "reason", "Neglect has not improved over two plans.", "genogramComplete", networkExplored,
                "safetyPlanTried", Map.of("tried", true, "outcome", "Held for six weeks, then broke down.")));
        form.put("safetyNetwork", networkExplored ? List.of(Map.of("name", "Grandmother", "relationship", "maternal grandmother",
                "role", "Daily check-ins and weekend stays")) : List.of());
        form.put("familyMeeting", networkExplored ? Map.of("offeredOn", time.today().minusDays(20).toString(),
                "offeredTo", List.of("Mother", "Grandmother"), "heldOn", time.today().minusDays(12).toString())
                : Map.of());
        return form;
    }
}
