package app.casepath.people;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import app.casepath.process.TaskKey;
import app.casepath.tasks.FormStartingValues;

/**
 * The safety network the Entry to Care Panel's evidence forms open with: the members last written
 * on the form, then the child's network on their record (current relationships flagged
 * safetyNetwork) not among them by name, so the worker writes no one twice and loses no one
 * written before.
 */
@Component
class SafetyNetworkStartingValues implements FormStartingValues {

    private static final Set<TaskKey> PANEL_EVIDENCE = Set.of(TaskKey.REQUEST_ENTRY_TO_CARE, TaskKey.COMPLETE_NETWORK_WORK);

    private final JdbcClient db;
    private final Relationships relationships;

    SafetyNetworkStartingValues(JdbcClient db, Relationships relationships) {
        this.db = db;
        this.relationships = relationships;
    }

    @Override
    public void addTo(String caseId, String taskId, TaskKey key, Map<String, Object> values, Map<String, Object> context) {
        if (caseId == null || !PANEL_EVIDENCE.contains(key)) {
            return;
        }
        List<Object> network = new ArrayList<>(values.get("safetyNetwork") instanceof List<?> l ? l : List.of());
        Set<String> named = new HashSet<>();
        network.forEach(m -> {
            if (m instanceof Map<?, ?> member && member.get("name") instanceof String name) {
                named.add(Relationships.nameKey(name));
            }
        });
        String childId = db.sql("select child_id from child_case where case_id = ?").param(caseId).query(String.class).single();
        for (Relationships.NetworkMember member : relationships.safetyNetwork(childId)) {
            if (named.add(Relationships.nameKey(member.name()))) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("name", member.name());
                m.put("relationship", member.relationship());
                m.put("role", member.role());
                network.add(m);
            }
        }
        if (!network.isEmpty()) {
            values.put("safetyNetwork", network);
        }
    }
}
