package app.casepath.supervision;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.stereotype.Component;

import app.casepath.process.TaskKey;
import app.casepath.tasks.FormStartingValues;

/**
 * Beside a recordSupervision form, what the manager supervises against: when the cycle counts from
 * (the allocation), when the last supervision was held, and whether the worker is newly qualified
 * (supervised more often).
 */
@Component
class SupervisionStartingValues implements FormStartingValues {

    private final Supervisions supervisions;

    SupervisionStartingValues(Supervisions supervisions) {
        this.supervisions = supervisions;
    }

    @Override
    public void addTo(String caseId, String taskId, TaskKey key, Map<String, Object> values, Map<String, Object> context) {
        if (key != TaskKey.RECORD_SUPERVISION) {
            return;
        }
        Map<String, Object> supervision = new LinkedHashMap<>();
        supervision.put("allocatedOn", supervisions.allocatedOn(caseId));
        supervision.put("lastHeldOn", supervisions.lastHeldOn(caseId).orElse(null));
        supervision.put("newlyQualifiedWorker", supervisions.newlyQualifiedWorker(caseId));
        context.put("supervision", supervision);
    }
}
