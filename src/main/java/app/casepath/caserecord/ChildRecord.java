package app.casepath.caserecord;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import app.casepath.calendar.TimeSource;
import app.casepath.security.Caller;
import app.casepath.tasks.Form;

/**
 * The child's number and census items: drawn and recorded at the contact, corrected afterwards
 * by anyone who may read the case (the correction in the chronology, the request in the audit).
 */
@Service
public class ChildRecord {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final JdbcClient db;
    private final CaseQueries cases;
    private final Chronology chronology;
    private final TimeSource time;
    private final PersonHistory history;

    ChildRecord(JdbcClient db, CaseQueries cases, Chronology chronology, TimeSource time, PersonHistory history) {
        this.db = db;
        this.cases = cases;
        this.chronology = chronology;
        this.time = time;
        this.history = history;
    }

    /** A new child number: C and at least seven digits, from a sequence, so never reused. */
    public String newChildNumber() {
        long next = db.sql("select nextval('child_number_seq')").query(Long.class).single();
        return String.format("C%07d", next);
    }

    /** Records the items given (a field left out keeps what the record has). */
    public void record(String childId, ChildIdentifiers.CensusItems items) {
        Map<String, Object> columns = new LinkedHashMap<>();
        if (items.upn() != null) {
            columns.put("upn", items.upn());
            columns.put("upn_unknown", null);
        }
        if (items.upnUnknown() != null) {
            columns.put("upn_unknown", items.upnUnknown());
            columns.put("upn", null);
        }
        if (items.formerUpn() != null) {
            columns.put("former_upn", items.formerUpn());
        }
        if (items.nhsNumber() != null) {
            columns.put("nhs_number", items.nhsNumber());
        }
        if (items.disabilities() != null) {
            columns.put("disabilities", text(items.disabilities()));
        }
        if (columns.isEmpty()) {
            return;
        }
        // Column names come from the fixed list above, never from the request.
        String set = String.join(", ", columns.keySet().stream().map(c -> c + " = ?").toList());
        List<Object> params = new ArrayList<>(columns.values());
        params.add(childId);
        db.sql("update child set " + set + " where child_id = ?").params(params).update();
        // The person holds the same items (but the former UPN, which is the child's alone): V14.
        columns.remove("former_upn");
        if (!columns.isEmpty()) {
            String personSet = String.join(", ", columns.keySet().stream().map(c -> c + " = ?").toList());
            List<Object> personParams = new ArrayList<>(columns.values());
            personParams.add(childId);
            db.sql("update person set " + personSet + " where person_id = ?").params(personParams).update();
        }
    }

    /** PATCH /api/cases/{caseId}/child: corrects the census items; nothing is written on any error. */
    @Transactional
    public CaseQueries.Child correct(Caller caller, String caseId, JsonNode body) {
        cases.requireVisible(caller, caseId);
        Form form = Form.of(body, time.today());
        ChildIdentifiers.CensusItems items = ChildIdentifiers.read(form);
        form.check();
        List<String> changed = new ArrayList<>();
        if (items.upn() != null) {
            changed.add("UPN");
        }
        if (items.upnUnknown() != null) {
            changed.add("reason the UPN is unknown");
        }
        if (items.formerUpn() != null) {
            changed.add("former UPN");
        }
        if (items.nhsNumber() != null) {
            changed.add("NHS number");
        }
        if (items.disabilities() != null) {
            changed.add("disabilities");
        }
        if (changed.isEmpty()) {
            throw app.casepath.tasks.InvalidInputException.of("child",
                    "give at least one of upn, upnUnknown, formerUpn, nhsNumber, disabilities");
        }
        String childId = db.sql("select child_id from child_case where case_id = ?").param(caseId).query(String.class).single();
        Map<String, Object> current = items(childId);
        record(childId, items);
        // The person's history, as PATCH /api/people/{personId} keeps it: a UPN given clears the reason it was unknown, and the reverse.
        history.record(childId, caller.username(), current, items(childId));
        chronology.record(caseId, "CHILD_DETAILS", "The child's details were corrected: " + String.join(", ", changed) + ".",
                caller.username());
        return cases.get(caller, caseId).child();
    }

    /** The census items as the person's API names them (People: its fields and its history). */
    private Map<String, Object> items(String childId) {
        return db.sql("""
                select p.upn, p.upn_unknown, p.nhs_number, p.disabilities, c.former_upn
                from child c join person p on p.person_id = c.child_id where c.child_id = ?""")
                .param(childId)
                .query((rs, n) -> {
                    Map<String, Object> items = new LinkedHashMap<>();
                    items.put("upn", rs.getString("upn"));
                    items.put("upnUnknown", rs.getString("upn_unknown"));
                    items.put("formerUpn", rs.getString("former_upn"));
                    items.put("nhsNumber", rs.getString("nhs_number"));
                    items.put("disabilities", disabilities(rs.getString("disabilities")));
                    return items;
                }).single();
    }

    private static String text(List<String> codes) {
        try {
            return JSON.writeValueAsString(codes);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The recorded disabilities, or null where none were recorded. */
    public static List<String> disabilities(String text) {
        if (text == null) {
            return null;
        }
        try {
            return JSON.readValue(text, new TypeReference<List<String>>() { });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("disabilities not a JSON list", e);
        }
    }
}
