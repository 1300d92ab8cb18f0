package app.casepath;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import app.casepath.caserecord.CaseRecord;
import app.casepath.frontdoor.ContactService;
import app.casepath.panel.EntryToCareService;
import app.casepath.protection.ConcernService;
import app.casepath.security.Caller;
import app.casepath.tasks.TaskCompletionService;

/**
 * Drives a child's journey through the product's own services, as the API will, and steps the
 * engine's timers one by one with the engine's clock: the job executor is off in tests.
 */
@Component
public class JourneyDriver {

    public static final ZoneId LONDON = ZoneId.of("Europe/London");

    private final ContactService contacts;
    private final TaskCompletionService completion;
    private final ConcernService concerns;
    private final EntryToCareService entryToCare;
    private final TaskService tasks;
    private final RuntimeService runtime;
    private final ManagementService management;
    private final CaseRecord cases;
    private final JdbcClient db;
    private final ObjectMapper json;
    private final IdentityService identity;
    private final List<String> references = new java.util.concurrent.CopyOnWriteArrayList<>();

    public JourneyDriver(ContactService contacts, TaskCompletionService completion, ConcernService concerns,
                         EntryToCareService entryToCare, TaskService tasks, RuntimeService runtime,
                         ManagementService management, CaseRecord cases, JdbcClient db, ObjectMapper json,
                         IdentityService identity) {
        this.identity = identity;
        this.contacts = contacts;
        this.completion = completion;
        this.concerns = concerns;
        this.entryToCare = entryToCare;
        this.tasks = tasks;
        this.runtime = runtime;
        this.management = management;
        this.cases = cases;
        this.db = db;
        this.json = json;
    }

    // ---- the clock

    public void today(LocalDate date) {
        today(date, LocalTime.of(10, 0));
    }

    public void today(LocalDate date, LocalTime time) {
        ClockUtil.setCurrentTime(Date.from(ZonedDateTime.of(date, time, LONDON).toInstant()));
    }

    public LocalDate today() {
        return LocalDate.ofInstant(ClockUtil.getCurrentTime().toInstant(), LONDON);
    }

    // ---- starting and moving a case

    public JsonNode json(String text) {
        try {
            return json.readTree(text);
        } catch (Exception e) {
            throw new IllegalArgumentException(text, e);
        }
    }

    public JsonNode json(Map<String, ?> fields) {
        return json.valueToTree(fields);
    }

    /** A contact about a new child (unique names per call unless given). */
    public ContactService.Recorded contact(String firstName, String lastName, String dateOfBirth) {
        ContactService.Recorded recorded = record(firstName, lastName, dateOfBirth);
        references.add(recorded.reference());
        return recorded;
    }

    /**
     * A contact received now from {@code source} about the child described by {@code child} (the
     * contact API's child object: names, dateOfBirth or expectedDateOfBirth, gender, ethnicity, or a
     * childId for a child already known).
     */
    public ContactService.Recorded contact(String source, Map<String, ?> child) {
        String receivedAt = ZonedDateTime.ofInstant(ClockUtil.getCurrentTime().toInstant(), LONDON)
                .toOffsetDateTime().toString();
        ContactService.Recorded recorded = contacts.record(json(Map.of(
                "receivedAt", receivedAt,
                "source", source,
                "referrer", Map.of("name", "A referrer", "organisation", "An agency"),
                "child", child,
                "concerns", "Worries about the child's care at home.")), as("fd.practitioner"));
        references.add(recorded.reference());
        return recorded;
    }

    /** The cases this driver started (one driver per Spring context, so per test context). */
    public List<String> references() {
        return List.copyOf(references);
    }

    private ContactService.Recorded record(String firstName, String lastName, String dateOfBirth) {
        String receivedAt = ZonedDateTime.ofInstant(ClockUtil.getCurrentTime().toInstant(), LONDON)
                .toOffsetDateTime().toString();
        return contacts.record(json(Map.of(
                "receivedAt", receivedAt,
                "source", "2A",
                "referrer", Map.of("name", "PC Ali Khan", "organisation", "Metropolitan Police"),
                "child", Map.of("firstName", firstName, "lastName", lastName, "dateOfBirth", dateOfBirth,
                        "gender", "F", "ethnicity", "BAFR"),
                "concerns", "Neighbours report shouting and a child crying late at night.")), as("fd.practitioner"));
    }

    public Task task(String caseId, String taskKey) {
        List<Task> open = openTasks(caseId).stream().filter(t -> t.getTaskDefinitionKey().equals(taskKey)).toList();
        assertThat(open).as("open %s tasks of case %s (open: %s)", taskKey, caseId, openTaskKeys(caseId)).hasSize(1);
        return open.get(0);
    }

    public List<Task> openTasks(String caseId) {
        return tasks.createTaskQuery().processVariableValueEquals("caseId", caseId).list();
    }

    public List<String> openTaskKeys(String caseId) {
        return openTasks(caseId).stream().map(Task::getTaskDefinitionKey).sorted().toList();
    }

    public LocalDate dueOn(String caseId, String taskKey) {
        return LocalDate.ofInstant(task(caseId, taskKey).getDueDate().toInstant(), LONDON);
    }

    /** A demo user as the services see them: their groups come from the engine's identity service. */
    public Caller as(String username) {
        return new Caller(username, identity.createGroupQuery().groupMember(username).list().stream()
                .map(Group::getId).collect(Collectors.toUnmodifiableSet()));
    }

    public void complete(String caseId, String taskKey, Map<String, ?> form, String user) {
        completion.complete(as(user), task(caseId, taskKey).getId(), json(form));
    }

    public void raiseConcern(String caseId, String description) {
        raiseConcern(caseId, description, "social.worker");
    }

    public void raiseConcern(String caseId, String description, String user) {
        concerns.raise(as(user), caseId, json(Map.of("raisedOn", today().toString(), "description", description)));
    }

    public void requestEntryToCare(String caseId, String route) {
        entryToCare.request(as("social.worker"), caseId,
                json(Map.of("route", route, "reason", "The plan is not keeping the child safe.")));
    }

    // ---- timers

    public List<Job> timers(String caseId) {
        String reference = cases.get(caseId).reference();
        return runtime.createProcessInstanceQuery().processInstanceBusinessKey(reference).list().stream()
                .map(ProcessInstance::getId)
                .flatMap(id -> management.createJobQuery().processInstanceId(id).timers().list().stream())
                .toList();
    }

    public Job timer(String caseId, String activityId) {
        List<Job> jobs = timers(caseId).stream()
                .filter(job -> activityId.equals(management.createJobDefinitionQuery()
                        .jobDefinitionId(job.getJobDefinitionId()).singleResult().getActivityId()))
                .toList();
        assertThat(jobs).as("timers %s of case %s", activityId, caseId).hasSize(1);
        return jobs.get(0);
    }

    public boolean hasTimer(String caseId, String activityId) {
        return timers(caseId).stream().anyMatch(job -> activityId.equals(management.createJobDefinitionQuery()
                .jobDefinitionId(job.getJobDefinitionId()).singleResult().getActivityId()));
    }

    /** Moves the clock to the timer's due time (never backwards) and fires it. */
    public void fire(String caseId, String activityId) {
        Job job = timer(caseId, activityId);
        if (job.getDuedate().after(ClockUtil.getCurrentTime())) {
            ClockUtil.setCurrentTime(new Date(job.getDuedate().getTime() + 60_000));
        }
        management.executeJob(job.getId());
    }

    public LocalDate timerDate(String caseId, String activityId) {
        return LocalDate.ofInstant(timer(caseId, activityId).getDuedate().toInstant(), LONDON);
    }

    // ---- the record

    public CaseRecord.CaseRow record(String caseId) {
        return cases.get(caseId);
    }

    public List<Map<String, Object>> milestones(String caseId) {
        return db.sql("select milestone_key, due_on, completed_on, cancelled from milestone where case_id = ? order by id")
                .param(caseId).query().listOfRows();
    }

    public List<String> alerts(String caseId) {
        return db.sql("select task_key || ':' || kind from task_alert where case_id = ? order by id")
                .param(caseId).query(String.class).list();
    }

    public List<String> chronologyKinds(String caseId) {
        return db.sql("select kind from chronology where case_id = ? order by id").param(caseId).query(String.class).list();
    }

    public boolean ended(String caseId) {
        return runtime.createProcessInstanceQuery().processInstanceBusinessKey(record(caseId).reference()).count() == 0;
    }

    public JdbcClient db() {
        return db;
    }
}
