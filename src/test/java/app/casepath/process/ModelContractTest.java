package app.casepath.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.BoundaryEvent;
import org.camunda.bpm.model.bpmn.instance.CallActivity;
import org.camunda.bpm.model.bpmn.instance.Escalation;
import org.camunda.bpm.model.bpmn.instance.ExclusiveGateway;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.IntermediateCatchEvent;
import org.camunda.bpm.model.bpmn.instance.Message;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.TimeDate;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnEdge;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnShape;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import app.casepath.security.Groups;

/**
 * The models in bpmn/ against the code and the spec: a typo in a model fails here, not in a case.
 */
class ModelContractTest {

    private static final Path MODELS = Path.of("bpmn");
    private static final Pattern ENTER_STAGE = Pattern.compile("caseStages\\.enter\\(execution, '([A-Z_]+)'\\)");
    private static final Pattern NEXT_STAGE = Pattern.compile("setVariable\\('nextStage', '([A-Z_]+)'\\)");
    private static final Pattern COMPARISON = Pattern.compile("(\\w+) [!=]= '([A-Z_0-9]+)'");
    private static final Pattern IDENTIFIER = Pattern.compile("(?<![.\\w'])([A-Za-z_]\\w*)(?![\\w'])");

    private static final Map<String, BpmnModelInstance> models = read();

    private static Map<String, BpmnModelInstance> read() {
        try (Stream<Path> files = Files.list(MODELS)) {
            Map<String, BpmnModelInstance> result = new HashMap<>();
            files.filter(f -> f.toString().endsWith(".bpmn"))
                    .forEach(f -> result.put(f.getFileName().toString(), Bpmn.readModelFromFile(f.toFile())));
            return result;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static <T extends org.camunda.bpm.model.xml.instance.ModelElementInstance> List<T> all(Class<T> type) {
        return models.values().stream().flatMap(m -> m.getModelElementsByType(type).stream()).toList();
    }

    @Test
    void oneModelPerStageAndTheMainJourney() {
        Set<String> processes = all(Process.class).stream().map(Process::getId).collect(Collectors.toSet());
        Set<String> expected = new HashSet<>(Journey.STAGE_PROCESSES);
        expected.add(Journey.MAIN_PROCESS);
        expected.addAll(Journey.RECORD_PROCESSES);
        assertThat(processes).isEqualTo(expected);
        assertThat(all(Process.class)).allSatisfy(p -> {
            assertThat(p.isExecutable()).isTrue();
            assertThat(p.getCamundaHistoryTimeToLiveString()).as("historyTimeToLive of %s", p.getId()).isNotBlank();
        });
    }

    /**
     * One user task per key, but for the work asked for in more than one situation: allocateCase,
     * at assessment and in a team a case was moved to without a worker (the same form and the same
     * due date rule, so the same key).
     */
    @Test
    void everyTaskKeyIsAUserTaskExactlyOnceAndNoOtherUserTaskExists() {
        List<String> ids = all(UserTask.class).stream().map(UserTask::getId).sorted().toList();
        List<String> keys = Arrays.stream(TaskKey.values()).flatMap(k -> k == TaskKey.ALLOCATE_CASE
                ? java.util.stream.Stream.of(k.key(), k.key()) : java.util.stream.Stream.of(k.key())).map(String::valueOf)
                .sorted().toList();
        assertThat(ids).isEqualTo(keys);
    }

    /** journey.md's task table (stage, key), as the project keeps it: checked against the code on every clone. */
    private static final Path SPEC_TASK_KEYS = Path.of("src/test/resources/spec/journey-task-keys.txt");
    private static final Path SPEC_JOURNEY = Path.of("../shared/spec/journey.md");

    private static Set<String> keptTaskKeys() throws IOException {
        return Files.readAllLines(SPEC_TASK_KEYS).stream().map(String::strip)
                .filter(line -> !line.isEmpty() && !line.startsWith("#")).collect(Collectors.toCollection(TreeSet::new));
    }

    @Test
    void everyTaskKeyOfTheSpecIsKnownToTheCode() throws IOException {
        Set<String> code = Arrays.stream(TaskKey.values()).filter(TaskKey::inJourney).map(t -> t.stage().name() + " " + t.key())
                .collect(Collectors.toCollection(TreeSet::new));
        assertThat(code).as("TaskKey (stage and key) against journey.md's table in " + SPEC_TASK_KEYS)
                .isEqualTo(keptTaskKeys());
    }

    /** Where the spec sits beside the repository (CI, the project's machines), the project's copy must be the spec's table. */
    @Test
    void theProjectsCopyOfTheSpecsTaskTableIsTheSpecs() throws IOException {
        Assumptions.assumeTrue(Files.exists(SPEC_JOURNEY), "the spec sits beside the repository");
        Set<String> spec = new TreeSet<>();
        Matcher rows = Pattern.compile("(?m)^\\| ([A-Z_]+) \\| `([a-zA-Z0-9]+)`").matcher(Files.readString(SPEC_JOURNEY));
        while (rows.find()) {
            spec.add(rows.group(1) + " " + rows.group(2));
        }
        assertThat(spec).as("journey.md's task table").hasSizeGreaterThanOrEqualTo(
                (int) Arrays.stream(TaskKey.values()).filter(TaskKey::inJourney).count());
        assertThat(keptTaskKeys()).as(SPEC_TASK_KEYS + " against " + SPEC_JOURNEY).isEqualTo(spec);
    }

    /**
     * A task's dates in its model: the journey's from the case record (Deadlines); a task outside
     * the journey from its own record's bean, by that record's id (a warning's review: its warning).
     */
    private static String dated(String taskKey, String kind) {
        if (TaskKey.require(taskKey) == TaskKey.REVIEW_WARNING) {
            return "${warningReviews." + kind + "(warningId)}";
        }
        if (TaskKey.require(taskKey) == TaskKey.COMPLETE_ACTION) {
            return "${caseActions." + kind + "(actionId)}";
        }
        if (TaskKey.require(taskKey) == TaskKey.RECORD_SUPERVISION) {
            return "${supervisions." + kind + "(caseId)}";
        }
        return "${deadlines." + kind + "(caseId, '" + taskKey + "')}";
    }

    @Test
    void everyUserTaskHasItsGroupsAndADueDateFromTheDeadlines() {
        assertThat(all(UserTask.class)).allSatisfy(task -> {
            TaskKey key = TaskKey.require(task.getId());
            Set<String> groups = task.getCamundaCandidateGroupsList().stream().collect(Collectors.toSet());
            assertThat(groups).as("groups of %s", task.getId()).isEqualTo(key.candidateGroups());
            assertThat(Groups.ALL).containsAll(groups);
            assertThat(groups).as("the inbox counts a team's tasks assuming one group per task").hasSizeLessThanOrEqualTo(1);
            assertThat(task.getCamundaDueDate()).isEqualTo(dated(task.getId(), "dueOn"));
            assertThat(task.getCamundaAssignee() != null || !groups.isEmpty()).as("someone can work %s", task.getId()).isTrue();
        });
    }

    @Test
    void everyTimerOfATaskCountsFromThatTasksOwnDeadline() {
        for (BoundaryEvent boundary : all(BoundaryEvent.class)) {
            Collection<TimeDate> dates = boundary.getChildElementsByType(org.camunda.bpm.model.bpmn.instance.TimerEventDefinition.class)
                    .stream().map(t -> t.getTimeDate()).toList();
            for (TimeDate date : dates) {
                String kind = boundary.getId().endsWith("Reminder") ? "remindAt" : "escalateAt";
                assertThat(date.getTextContent()).as(boundary.getId()).isEqualTo(dated(boundary.getAttachedTo().getId(), kind));
                assertThat(boundary.cancelActivity()).as("%s must not cancel the task", boundary.getId()).isFalse();
            }
        }
        for (IntermediateCatchEvent timer : all(IntermediateCatchEvent.class)) {
            FlowNode next = timer.getOutgoing().iterator().next().getTarget();
            assertThat(next).isInstanceOf(UserTask.class);
            assertThat(timer.getChildElementsByType(org.camunda.bpm.model.bpmn.instance.TimerEventDefinition.class))
                    .singleElement().satisfies(t -> assertThat(t.getTimeDate().getTextContent())
                            .isEqualTo(dated(next.getId(), "opensAt")));
        }
    }

    @Test
    void gatewaysAfterATaskRouteExactlyTheValuesItsFormAccepts() {
        int checked = 0;
        for (ExclusiveGateway gateway : all(ExclusiveGateway.class)) {
            if (gateway.getOutgoing().size() < 2) {
                continue;
            }
            assertThat(gateway.getOutgoing()).as("conditions out of %s", gateway.getId())
                    .allSatisfy(flow -> assertThat(flow.getConditionExpression()).isNotNull());
            Map<String, Set<String>> routed = new HashMap<>();
            for (SequenceFlow flow : gateway.getOutgoing()) {
                Matcher m = COMPARISON.matcher(flow.getConditionExpression().getTextContent());
                while (m.find()) {
                    routed.computeIfAbsent(m.group(1), k -> new TreeSet<>()).add(m.group(2));
                }
            }
            FlowNode before = gateway.getIncoming().iterator().next().getSource();
            while (before instanceof ExclusiveGateway) {
                before = before.getIncoming().iterator().next().getSource();
            }
            if (before instanceof UserTask task) {
                Map<String, Set<String>> accepted = Routing.fields(TaskKey.require(task.getId()));
                routed.forEach((field, values) -> assertThat(values).as("%s routes %s", gateway.getId(), field)
                        .isEqualTo(new TreeSet<>(accepted.get(field))));
                checked++;
            }
        }
        assertThat(checked).as("decision gateways found").isGreaterThanOrEqualTo(10);
    }

    @Test
    void stagesAndNextStagesAreOnesTheCodeKnows() {
        Set<String> stages = Arrays.stream(Stage.values()).map(Enum::name).collect(Collectors.toSet());
        Set<String> nextStages = new HashSet<>(stages);
        nextStages.addAll(Journey.ENDINGS);
        String xml = models.values().stream().map(Bpmn::convertToString).collect(Collectors.joining());
        Matcher entered = ENTER_STAGE.matcher(xml);
        int count = 0;
        while (entered.find()) {
            assertThat(stages).contains(entered.group(1));
            count++;
        }
        assertThat(count).isGreaterThanOrEqualTo(stages.size());
        Matcher next = NEXT_STAGE.matcher(xml);
        Set<String> written = new HashSet<>();
        while (next.find()) {
            written.add(next.group(1));
        }
        assertThat(nextStages).containsAll(written);

        BpmnModelInstance main = models.get(Journey.MAIN_PROCESS + ".bpmn");
        Set<String> routed = new TreeSet<>();
        ExclusiveGateway route = main.getModelElementById("routeStage");
        route.getOutgoing().forEach(f -> {
            Matcher m = COMPARISON.matcher(f.getConditionExpression().getTextContent());
            m.find();
            routed.add(m.group(2));
        });
        assertThat(routed).as("the main journey routes every stage and ending").isEqualTo(new TreeSet<>(nextStages));
    }

    @Test
    void messagesEscalationsAndCalledModelsAreOnesTheCodeKnows() {
        assertThat(all(Message.class)).extracting(Message::getName).allSatisfy(name ->
                assertThat(name).isIn(Journey.SIGNIFICANT_HARM_CONCERN, Journey.ENTRY_TO_CARE_REQUESTED, Journey.SUPERVISION_ENDS));
        assertThat(all(Escalation.class)).extracting(Escalation::getEscalationCode)
                .containsOnly(Journey.CARE_ENTERED_ESCALATION);
        assertThat(all(CallActivity.class)).extracting(CallActivity::getCalledElement)
                .allSatisfy(called -> assertThat(Journey.STAGE_PROCESSES).contains(called));
    }

    @Test
    void expressionsNameOnlyKnownVariablesAndBeans() {
        Set<String> known = new HashSet<>(Journey.VARIABLES);
        known.addAll(Journey.EXPRESSION_BEANS);
        known.addAll(List.of("true", "false", "null"));
        List<String> expressions = new ArrayList<>();
        Pattern expression = Pattern.compile("[$#]\\{([^}]*)}");
        for (BpmnModelInstance model : models.values()) {
            String xml = Bpmn.convertToString(model).replace("&amp;", "&").replace("&quot;", "\"")
                    .replace("&lt;", "<").replace("&gt;", ">");
            Matcher m = expression.matcher(xml);
            while (m.find()) {
                expressions.add(m.group(1));
            }
        }
        assertThat(expressions).hasSizeGreaterThan(100);
        for (String e : expressions) {
            Matcher ids = IDENTIFIER.matcher(e.replaceAll("'[^']*'", "''"));
            while (ids.find()) {
                assertThat(known).as("in ${%s}", e).contains(ids.group(1));
            }
        }
    }

    @Test
    void everyElementHasItsPlaceInTheDiagram() {
        for (BpmnModelInstance model : models.values()) {
            Set<String> drawn = new HashSet<>();
            model.getModelElementsByType(BpmnShape.class).forEach(s -> drawn.add(s.getBpmnElement().getId()));
            model.getModelElementsByType(BpmnEdge.class).forEach(e -> drawn.add(e.getBpmnElement().getId()));
            Stream.concat(model.getModelElementsByType(FlowNode.class).stream(),
                            model.getModelElementsByType(SequenceFlow.class).stream())
                    .map(BaseElement::getId)
                    .forEach(id -> assertThat(drawn).as("diagram of %s", id).contains(id));
        }
    }
}
