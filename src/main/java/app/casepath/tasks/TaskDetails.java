package app.casepath.tasks;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import app.casepath.process.TaskKey;

/**
 * A task as its form shows it: the values the record already knows (the last time this form was
 * filled in for the case, or what the path suggests) and the context the worker decides with.
 */
@Service
public class TaskDetails {

    public record Detail(TaskInbox.Item task, Map<String, Object> values, Map<String, Object> context) {
    }

    private static final TypeReference<Map<String, Object>> OBJECT = new TypeReference<>() {
    };
    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {
    };

    private final JdbcClient db;
    private final ObjectMapper json;
    private final List<FormStartingValues> startingValues;

    public TaskDetails(JdbcClient db, ObjectMapper json, List<FormStartingValues> startingValues) {
        this.db = db;
        this.json = json;
        this.startingValues = startingValues;
    }

    public Detail of(TaskInbox.Item task) {
        TaskKey key = TaskKey.require(task.taskKey());
        String caseId = task.caseId();
        Map<String, Object> values = new LinkedHashMap<>(lastForm(caseId, key == TaskKey.COMPLETE_NETWORK_WORK
                ? List.of(key.key(), TaskKey.REQUEST_ENTRY_TO_CARE.key()) : List.of(key.key())));
        Map<String, Object> context = new LinkedHashMap<>();
        switch (key) {
            case SCREEN_CONTACT -> {
                context.put("contact", db.sql("""
                        select received_at as "receivedAt", source, referrer_name as "referrerName",
                               referrer_organisation as "referrerOrganisation", concerns
                        from contact where case_id = ? order by id desc limit 1""").param(caseId).query().singleRow());
                context.put("pastInvolvement", db.sql("""
                        select o.case_number as "caseNumber", o.referral_date as "referralDate", o.closed_on as "closedOn",
                               o.closure_reason as "closureReason", o.status
                        from child_case o join child_case c on c.child_id = o.child_id
                        where c.case_id = ? and o.case_id <> c.case_id order by o.case_number desc""")
                        .param(caseId).query().listOfRows());
            }
            case AUTHORISE_ASSESSMENT -> db.sql("""
                    select recommendation from assessment where case_id = ? and authorised_on is null
                    order by id desc limit 1""").param(caseId).query(String.class).optional()
                    .ifPresent(r -> {
                        context.put("recommendation", r);
                        values.putIfAbsent("decision", r);
                    });
            case AUTHORISE_CLOSURE -> db.sql("select suggested_reason from closure where case_id = ? order by id desc limit 1")
                    .param(caseId).query(String.class).optional().ifPresent(r -> values.putIfAbsent("reason", r));
            case REQUEST_ENTRY_TO_CARE, COMPLETE_NETWORK_WORK, DECIDE_ENTRY_TO_CARE, REVIEW_EMERGENCY_ENTRY ->
                    panelContext(caseId, key, values, context);
            default -> { }
        }
        // Every feature's starting values, after the kernel's own: a feature may read what the
        // kernel put in (the last form) and revise it with what its record knows now.
        if (caseId != null) {
            startingValues.forEach(s -> s.addTo(caseId, task.taskId(), key, values, context));
        }
        return new Detail(task, values, context);
    }

    private void panelContext(String caseId, TaskKey key, Map<String, Object> values, Map<String, Object> context) {
        Map<String, Object> request = db.sql("""
                select route, reason, requested_on, return_stage, evidence, check_passed, check_gaps, checks_run,
                       decision, conditions, review_on, emergency_entered_on
                from panel_request where case_id = ? order by id desc limit 1""").param(caseId).query().singleRow();
        if (key == TaskKey.REQUEST_ENTRY_TO_CARE) {
            if (request.get("route") != null) {
                values.putIfAbsent("route", request.get("route"));
            }
            if (request.get("reason") != null) {
                values.putIfAbsent("reason", request.get("reason"));
            }
            return;
        }
        Map<String, Object> panel = new LinkedHashMap<>();
        panel.put("route", request.get("route"));
        panel.put("reason", request.get("reason"));
        panel.put("requestedOn", request.get("requested_on"));
        panel.put("evidence", request.get("evidence") == null ? null : read(request.get("evidence").toString(), OBJECT));
        panel.put("checksRun", request.get("checks_run"));
        panel.put("emergencyEnteredOn", request.get("emergency_entered_on"));
        if ("DEFER".equals(request.get("decision"))) {
            panel.put("conditions", request.get("conditions"));
            panel.put("reviewOn", request.get("review_on"));
        }
        context.put("request", panel);
        context.put("networkCheck", Map.of(
                "passed", Boolean.TRUE.equals(request.get("check_passed")),
                "gaps", request.get("check_gaps") == null ? List.of() : read(request.get("check_gaps").toString(), STRINGS)));
    }

    private Map<String, Object> lastForm(String caseId, List<String> taskKeys) {
        for (String taskKey : taskKeys) {
            var form = db.sql("select form from form_submission where case_id = ? and task_key = ? order by id desc limit 1")
                    .params(caseId, taskKey).query(String.class).optional();
            if (form.isPresent()) {
                return read(form.get(), OBJECT);
            }
        }
        return Map.of();
    }

    private <T> T read(String text, TypeReference<T> type) {
        try {
            return json.readValue(text, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored JSON unreadable", e);
        }
    }
}
