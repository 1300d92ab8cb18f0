package app.casepath.process;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.springframework.stereotype.Service;

/**
 * The model a case is in now, and where in it: the stage's own model with its active elements, or
 * the main journey once the case has ended. The browser draws it; the engine stays behind here.
 */
@Service
public class CaseDiagrams {

    /**
     * {@code activeActivityIds} are for the diagram's markers; {@code activeSteps} and
     * {@code processName} are for people: the model's own names, never its ids.
     */
    public record Diagram(String processKey, String processName, String xml, List<String> activeActivityIds,
                          List<Step> activeSteps) {
    }

    /** An active element of the model and its name as the model gives it. */
    public record Step(String id, String name) {
    }

    private final RuntimeService runtime;
    private final RepositoryService repository;

    public CaseDiagrams(RuntimeService runtime, RepositoryService repository) {
        this.runtime = runtime;
        this.repository = repository;
    }

    public Diagram of(String reference) {
        List<ProcessInstance> instances = runtime.createProcessInstanceQuery().processInstanceBusinessKey(reference).active().list();
        // The deepest instance, which calls no other: the stage (or the panel within a plan).
        ProcessInstance current = instances.stream()
                .filter(i -> runtime.createProcessInstanceQuery().superProcessInstanceId(i.getId()).count() == 0)
                .findFirst().orElse(null);
        if (current == null) {
            ProcessDefinition main = repository.createProcessDefinitionQuery().processDefinitionKey(Journey.MAIN_PROCESS)
                    .latestVersion().singleResult();
            return new Diagram(main.getKey(), processName(main), xml(main.getId()), List.of(), List.of());
        }
        ProcessDefinition definition = repository.getProcessDefinition(current.getProcessDefinitionId());
        List<String> active = runtime.getActiveActivityIds(current.getId());
        BpmnModelInstance model = repository.getBpmnModelInstance(definition.getId());
        List<Step> steps = active.stream().map(id -> id.replace(MULTI_INSTANCE_BODY, "")).distinct()
                .map(id -> new Step(id, stepName(model, id))).toList();
        return new Diagram(definition.getKey(), processName(definition), xml(definition.getId()), active, steps);
    }

    private static final String MULTI_INSTANCE_BODY = "#multiInstanceBody";

    private static String processName(ProcessDefinition definition) {
        String name = definition.getName();
        return name != null && !name.isBlank() ? name : Words.humanise(definition.getKey());
    }

    /**
     * The element's name in the model; else the task's words; else its id in words, never the id
     * itself. A name that is only the id again (as some tools write) counts as none.
     */
    static String stepName(BpmnModelInstance model, String id) {
        if (model.getModelElementById(id) instanceof FlowElement element && element.getName() != null
                && !element.getName().isBlank() && !element.getName().strip().equals(id)) {
            return element.getName().strip().replaceAll("\\s+", " ");
        }
        return TaskKey.of(id).map(Words::task).orElseGet(() -> Words.humanise(id));
    }

    private String xml(String definitionId) {
        try (InputStream model = repository.getProcessModel(definitionId)) {
            return new String(model.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("model unreadable: " + definitionId, e);
        }
    }
}
