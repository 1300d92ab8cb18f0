package app.casepath.process;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.stereotype.Service;

/**
 * The model a case is in now, and where in it: the stage's own model with its active elements, or
 * the main journey once the case has ended. The browser draws it; the engine stays behind here.
 */
@Service
public class CaseDiagrams {

    public record Diagram(String processKey, String xml, List<String> activeActivityIds) {
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
            return new Diagram(Journey.MAIN_PROCESS, xml(main.getId()), List.of());
        }
        ProcessDefinition definition = repository.getProcessDefinition(current.getProcessDefinitionId());
        return new Diagram(definition.getKey(), xml(definition.getId()), runtime.getActiveActivityIds(current.getId()));
    }

    private String xml(String definitionId) {
        try (InputStream model = repository.getProcessModel(definitionId)) {
            return new String(model.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("model unreadable: " + definitionId, e);
        }
    }
}
