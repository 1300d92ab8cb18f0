package app.casepath.process;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.management.JobDefinition;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.IntermediateCatchEvent;
import org.springframework.stereotype.Service;

/**
 * The work a case's processes have scheduled and not yet opened: the timers its models wait on
 * between tasks ("Visit comes due", "Review conference comes due"), each named in words with the
 * moment it fires. A task's own reminder and escalation timers (boundary events) are not work of
 * their own, only alarms on a task the case page already lists, so they are left out. The engine
 * stays behind here, as in CaseDiagrams.
 */
@Service
public class ScheduledWork {

    /** What comes due, in the model's words, and when its timer fires. */
    public record Waiting(String what, Instant dueAt) {
    }

    private final RuntimeService runtime;
    private final ManagementService management;
    private final RepositoryService repository;

    public ScheduledWork(RuntimeService runtime, ManagementService management, RepositoryService repository) {
        this.runtime = runtime;
        this.management = management;
        this.repository = repository;
    }

    /** The case's waiting timers, soonest first; the case's processes are those of its reference (business key). */
    public List<Waiting> of(String reference) {
        Set<String> instances = runtime.createProcessInstanceQuery().processInstanceBusinessKey(reference).active().list()
                .stream().map(ProcessInstance::getId).collect(Collectors.toSet());
        if (instances.isEmpty()) {
            return List.of();
        }
        List<Job> timers = management.createJobQuery().processInstanceIds(instances).timers().active().list();
        Map<String, Map<String, String>> activityByJobDefinition = new HashMap<>();
        Map<String, BpmnModelInstance> models = new HashMap<>();
        List<Waiting> waiting = new ArrayList<>();
        for (Job timer : timers) {
            String definition = timer.getProcessDefinitionId();
            String activityId = activityByJobDefinition.computeIfAbsent(definition, d -> management
                            .createJobDefinitionQuery().processDefinitionId(d).list().stream()
                            .filter(j -> j.getActivityId() != null)
                            .collect(Collectors.toMap(JobDefinition::getId, JobDefinition::getActivityId)))
                    .get(timer.getJobDefinitionId());
            if (activityId == null || timer.getDuedate() == null) {
                continue;
            }
            BpmnModelInstance model = models.computeIfAbsent(definition, repository::getBpmnModelInstance);
            if (model.getModelElementById(activityId) instanceof IntermediateCatchEvent) {
                waiting.add(new Waiting(CaseDiagrams.stepName(model, activityId), timer.getDuedate().toInstant()));
            }
        }
        waiting.sort(Comparator.comparing(Waiting::dueAt));
        return waiting;
    }
}
