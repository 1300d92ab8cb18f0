package app.casepath.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.Event;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Gateway;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.SubProcess;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnEdge;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnLabel;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnShape;
import org.camunda.bpm.model.bpmn.instance.dc.Bounds;
import org.camunda.bpm.model.bpmn.instance.di.Waypoint;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import org.junit.jupiter.api.Test;

/**
 * The models in bpmn/ as Camunda Modeler draws them: a council reads its process off these pictures, so
 * no flow may run through a shape it does not connect, every label sits by its own element and clear of
 * the others, and every step has a name (the case page shows it as "Now at: …").
 */
class DiagramLayoutTest {

    private static final Path MODELS = Path.of("bpmn");
    /** How far a segment may run inside a shape it does not connect before it counts as crossing it. */
    private static final double TOLERANCE = 4;
    /** How far a flow's label may sit from its own flow. */
    private static final double LABEL_REACH = 40;

    private record Box(double x, double y, double w, double h) {
        static Box of(Bounds b) {
            return new Box(b.getX(), b.getY(), b.getWidth(), b.getHeight());
        }

        Box shrunk(double by) {
            return new Box(x + by, y + by, w - 2 * by, h - 2 * by);
        }

        boolean overlaps(Box o) {
            return x < o.x + o.w && o.x < x + w && y < o.y + o.h && o.y < y + h;
        }

        @Override
        public String toString() {
            return "(%.0f,%.0f %.0fx%.0f)".formatted(x, y, w, h);
        }
    }

    private record Point(double x, double y) {
        @Override
        public String toString() {
            return "%.0f,%.0f".formatted(x, y);
        }
    }

    private record Label(String element, String text, Box box) {
    }

    /** One model's diagram: its shapes, its flows' polylines and every label's bounds. */
    private record Diagram(String file, BpmnModelInstance model, Map<String, Box> shapes,
            Map<String, List<Point>> flows, List<Label> labels) {
    }

    private static final List<Diagram> diagrams = read();

    private static List<Diagram> read() {
        try (Stream<Path> files = Files.list(MODELS)) {
            List<Diagram> result = new ArrayList<>();
            for (Path file : files.filter(f -> f.toString().endsWith(".bpmn")).sorted().toList()) {
                BpmnModelInstance model;
                try (InputStream in = Files.newInputStream(file)) {
                    model = Bpmn.readModelFromStream(in);
                }
                Map<String, Box> shapes = new LinkedHashMap<>();
                Map<String, List<Point>> flows = new LinkedHashMap<>();
                List<Label> labels = new ArrayList<>();
                for (BpmnShape shape : model.getModelElementsByType(BpmnShape.class)) {
                    BaseElement element = shape.getBpmnElement();
                    shapes.put(element.getId(), Box.of(shape.getBounds()));
                    label(shape.getBpmnLabel(), element).ifPresent(labels::add);
                }
                for (BpmnEdge edge : model.getModelElementsByType(BpmnEdge.class)) {
                    BaseElement element = edge.getBpmnElement();
                    if (element instanceof SequenceFlow) {
                        List<Point> points = new ArrayList<>();
                        for (Waypoint w : edge.getWaypoints()) {
                            points.add(new Point(w.getX(), w.getY()));
                        }
                        flows.put(element.getId(), points);
                    }
                    label(edge.getBpmnLabel(), element).ifPresent(labels::add);
                }
                result.add(new Diagram(file.getFileName().toString(), model, shapes, flows, labels));
            }
            assertThat(result).as("models in %s", MODELS).isNotEmpty();
            return result;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static java.util.Optional<Label> label(BpmnLabel label, BaseElement element) {
        if (label == null || label.getBounds() == null) {
            return java.util.Optional.empty();
        }
        String name = element.getAttributeValue("name");
        return java.util.Optional.of(new Label(element.getId(), name == null ? "" : name, Box.of(label.getBounds())));
    }

    @Test
    void everyFlowNodeHasAName() {
        List<String> problems = new ArrayList<>();
        for (Diagram d : diagrams) {
            for (FlowNode node : d.model().getModelElementsByType(FlowNode.class)) {
                if (node.getName() == null || node.getName().isBlank()) {
                    problems.add("%s: %s %s has no name".formatted(d.file(), node.getElementType().getTypeName(), node.getId()));
                }
            }
        }
        assertThat(problems).as("flow nodes without a name").isEmpty();
    }

    @Test
    void noFlowRunsThroughAShapeItDoesNotConnect() {
        List<String> problems = new ArrayList<>();
        for (Diagram d : diagrams) {
            d.flows().forEach((id, points) -> {
                SequenceFlow flow = d.model().getModelElementById(id);
                Set<String> own = containers(flow);
                own.add(flow.getSource().getId());
                own.add(flow.getTarget().getId());
                d.shapes().forEach((shapeId, box) -> {
                    if (own.contains(shapeId)) {
                        return;
                    }
                    for (int i = 0; i + 1 < points.size(); i++) {
                        if (crosses(points.get(i), points.get(i + 1), box.shrunk(TOLERANCE))) {
                            problems.add("%s: flow %s (segment %s -> %s) runs through %s %s".formatted(d.file(), id,
                                    points.get(i), points.get(i + 1), shapeId, box));
                            return;
                        }
                    }
                });
            });
        }
        assertThat(problems).as("flows crossing shapes").isEmpty();
    }

    @Test
    void everyFlowStartsAtItsSourceAndEndsAtItsTarget() {
        List<String> problems = new ArrayList<>();
        for (Diagram d : diagrams) {
            d.flows().forEach((id, points) -> {
                SequenceFlow flow = d.model().getModelElementById(id);
                if (points.size() < 2) {
                    problems.add("%s: flow %s has fewer than two waypoints".formatted(d.file(), id));
                    return;
                }
                Box source = d.shapes().get(flow.getSource().getId());
                Box target = d.shapes().get(flow.getTarget().getId());
                if (source != null && !near(source, points.get(0))) {
                    problems.add("%s: flow %s starts at %s, off its source %s %s".formatted(d.file(), id, points.get(0),
                            flow.getSource().getId(), source));
                }
                if (target != null && !near(target, points.get(points.size() - 1))) {
                    problems.add("%s: flow %s ends at %s, off its target %s %s".formatted(d.file(), id,
                            points.get(points.size() - 1), flow.getTarget().getId(), target));
                }
            });
        }
        assertThat(problems).as("flows detached from their shapes").isEmpty();
    }

    private static boolean near(Box box, Point p) {
        return p.x() >= box.x() - TOLERANCE && p.x() <= box.x() + box.w() + TOLERANCE
                && p.y() >= box.y() - TOLERANCE && p.y() <= box.y() + box.h() + TOLERANCE;
    }

    @Test
    void everyNamedFlowEventAndGatewayHasLabelBounds() {
        List<String> problems = new ArrayList<>();
        for (Diagram d : diagrams) {
            Set<String> labelled = new HashSet<>();
            d.labels().forEach(l -> labelled.add(l.element()));
            for (SequenceFlow flow : d.model().getModelElementsByType(SequenceFlow.class)) {
                if (named(flow) && !labelled.contains(flow.getId())) {
                    problems.add("%s: flow %s \"%s\" has no label bounds".formatted(d.file(), flow.getId(), flow.getName()));
                }
            }
            for (FlowNode node : d.model().getModelElementsByType(FlowNode.class)) {
                if ((node instanceof Event || node instanceof Gateway) && named(node) && !labelled.contains(node.getId())) {
                    problems.add("%s: %s %s \"%s\" has no label bounds".formatted(d.file(),
                            node.getElementType().getTypeName(), node.getId(), node.getName()));
                }
            }
            for (Label l : d.labels()) {
                // Modeler draws 11px text wrapped at 90px: a box much smaller than its text would only pretend to be clear.
                if (l.box().w() < 10 || l.box().h() < 12 || l.box().w() * l.box().h() < 35 * l.text().length()) {
                    problems.add("%s: label of %s \"%s\" %s is too small for its text".formatted(d.file(), l.element(), l.text(), l.box()));
                }
            }
        }
        assertThat(problems).as("labels missing").isEmpty();
    }

    @Test
    void everyFlowLabelSitsByItsOwnFlow() {
        List<String> problems = new ArrayList<>();
        for (Diagram d : diagrams) {
            for (Label l : d.labels()) {
                List<Point> own = d.flows().get(l.element());
                if (own == null) {
                    continue;
                }
                double mine = distance(l.box(), own);
                if (mine > LABEL_REACH) {
                    problems.add("%s: label \"%s\" of flow %s is %.0f px from its flow".formatted(d.file(), l.text(), l.element(), mine));
                }
                d.flows().forEach((other, points) -> {
                    double theirs = distance(l.box(), points);
                    if (!other.equals(l.element()) && theirs <= mine) {
                        problems.add("%s: label \"%s\" of flow %s is %.0f px from flow %s but %.0f px from its own".formatted(
                                d.file(), l.text(), l.element(), theirs, other, mine));
                    }
                });
            }
        }
        assertThat(problems).as("flow labels beside the wrong flow").isEmpty();
    }

    @Test
    void noLabelOverlapsAnotherLabelOrAShape() {
        List<String> problems = new ArrayList<>();
        for (Diagram d : diagrams) {
            List<Label> labels = d.labels();
            for (int i = 0; i < labels.size(); i++) {
                Label a = labels.get(i);
                for (int j = i + 1; j < labels.size(); j++) {
                    Label b = labels.get(j);
                    if (a.box().overlaps(b.box())) {
                        problems.add("%s: label of %s \"%s\" %s overlaps label of %s \"%s\" %s".formatted(d.file(),
                                a.element(), a.text(), a.box(), b.element(), b.text(), b.box()));
                    }
                }
                Set<String> around = containers(d.model().getModelElementById(a.element()));
                d.shapes().forEach((shapeId, box) -> {
                    if (!around.contains(shapeId) && a.box().overlaps(box)) {
                        problems.add("%s: label of %s \"%s\" %s overlaps shape %s %s".formatted(d.file(),
                                a.element(), a.text(), a.box(), shapeId, box));
                    }
                });
            }
        }
        assertThat(problems).as("overlapping labels").isEmpty();
    }

    /** The expanded subprocesses an element is drawn inside: its labels and flows belong within their bounds. */
    private static Set<String> containers(ModelElementInstance element) {
        Set<String> result = new HashSet<>();
        for (ModelElementInstance up = element.getParentElement(); up != null; up = up.getParentElement()) {
            if (up instanceof SubProcess container) {
                result.add(container.getId());
            }
        }
        return result;
    }

    private static boolean named(BaseElement element) {
        String name = element.getAttributeValue("name");
        return name != null && !name.isBlank();
    }

    /** Whether segment p–q passes through the box (Liang–Barsky clipping). */
    static boolean crosses(Point p, Point q, Box box) {
        if (box.w() <= 0 || box.h() <= 0) {
            return false;
        }
        double dx = q.x() - p.x();
        double dy = q.y() - p.y();
        double[] ps = {-dx, dx, -dy, dy};
        double[] qs = {p.x() - box.x(), box.x() + box.w() - p.x(), p.y() - box.y(), box.y() + box.h() - p.y()};
        double t0 = 0;
        double t1 = 1;
        for (int i = 0; i < 4; i++) {
            if (ps[i] == 0) {
                if (qs[i] < 0) {
                    return false;
                }
            } else {
                double t = qs[i] / ps[i];
                if (ps[i] < 0) {
                    t0 = Math.max(t0, t);
                } else {
                    t1 = Math.min(t1, t);
                }
                if (t0 > t1) {
                    return false;
                }
            }
        }
        return true;
    }

    /** The shortest distance between a box and a polyline (0 where they touch). */
    static double distance(Box box, List<Point> polyline) {
        double best = Double.MAX_VALUE;
        Point[] corners = {new Point(box.x(), box.y()), new Point(box.x() + box.w(), box.y()),
                new Point(box.x(), box.y() + box.h()), new Point(box.x() + box.w(), box.y() + box.h())};
        for (int i = 0; i + 1 < polyline.size(); i++) {
            Point a = polyline.get(i);
            Point b = polyline.get(i + 1);
            if (crosses(a, b, box)) {
                return 0;
            }
            for (Point c : corners) {
                best = Math.min(best, distance(c, a, b));
            }
            for (Point end : List.of(a, b)) {
                double ddx = Math.max(Math.max(box.x() - end.x(), 0), end.x() - box.x() - box.w());
                double ddy = Math.max(Math.max(box.y() - end.y(), 0), end.y() - box.y() - box.h());
                best = Math.min(best, Math.hypot(ddx, ddy));
            }
        }
        return best;
    }

    private static double distance(Point p, Point a, Point b) {
        double dx = b.x() - a.x();
        double dy = b.y() - a.y();
        double length = dx * dx + dy * dy;
        double t = length == 0 ? 0 : Math.max(0, Math.min(1, ((p.x() - a.x()) * dx + (p.y() - a.y()) * dy) / length));
        return Math.hypot(p.x() - a.x() - t * dx, p.y() - a.y() - t * dy);
    }
}
