package app.casepath.panel;

import static app.casepath.process.Journey.DECISION;
import static app.casepath.process.Journey.ENDORSE;
import static app.casepath.process.Journey.ROUTE;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import app.casepath.caserecord.CaseDates;
import app.casepath.caserecord.CaseRecord;
import app.casepath.people.Relationships;
import app.casepath.process.Routing;
import app.casepath.process.TaskKey;
import app.casepath.process.Words;
import app.casepath.tasks.Form;
import app.casepath.tasks.TaskFormHandler;

/** The Entry to Care Panel's tasks. */
final class PanelHandlers {

    private PanelHandlers() {
    }

    /**
     * requestEntryToCare and completeNetworkWork share one form: the request and its evidence. The
     * safety network written there joins the child's network on their record (Relationships).
     */
    abstract static class EvidenceHandler implements TaskFormHandler<Evidence> {
        private final PanelRequests requests;
        private final Relationships relationships;
        private final JdbcClient db;

        EvidenceHandler(PanelRequests requests, Relationships relationships, JdbcClient db) {
            this.requests = requests;
            this.relationships = relationships;
            this.db = db;
        }

        @Override
        public Evidence read(Form form, TaskContext context) {
            return Evidence.read(form, requests.requestedOn(context.caseId()));
        }

        @Override
        public Completion apply(Evidence evidence, TaskContext context) {
            requests.submit(context.caseId(), evidence);
            String childId = db.sql("select child_id from child_case where case_id = ?").param(context.caseId())
                    .query(String.class).single();
            relationships.joinSafetyNetwork(childId, evidence.safetyNetwork().stream()
                    .map(m -> new Relationships.NetworkMember(m.name(), m.relationship(), m.role())).toList(), context.user());
            return Completion.of(summary(evidence), null, Map.of(ROUTE, evidence.route()));
        }

        abstract String summary(Evidence evidence);
    }

    @Component
    static class RequestEntryToCare extends EvidenceHandler {
        RequestEntryToCare(PanelRequests requests, Relationships relationships, JdbcClient db) {
            super(requests, relationships, db);
        }

        @Override
        public TaskKey task() {
            return TaskKey.REQUEST_ENTRY_TO_CARE;
        }

        @Override
        String summary(Evidence e) {
            return "Entry to care requested. Route into care: " + Words.route(e.route()) + ". " + e.reason();
        }
    }

    @Component
    static class CompleteNetworkWork extends EvidenceHandler {
        CompleteNetworkWork(PanelRequests requests, Relationships relationships, JdbcClient db) {
            super(requests, relationships, db);
        }

        @Override
        public TaskKey task() {
            return TaskKey.COMPLETE_NETWORK_WORK;
        }

        @Override
        String summary(Evidence e) {
            return "Network work completed and the request resubmitted.";
        }
    }

    record Decision(LocalDate decidedOn, String decision, String approvedRoute, String conditions, String rationale,
                    LocalDate reviewOn, List<String> attendees) {
    }

    @Component
    static class DecideEntryToCare implements TaskFormHandler<Decision> {
        static final Set<String> APPROVED_ROUTES = Set.of("S20", "PRE_PROCEEDINGS", "CARE_PROCEEDINGS");

        private final PanelRequests requests;
        private final CaseDates dates;

        DecideEntryToCare(PanelRequests requests, CaseDates dates) {
            this.requests = requests;
            this.dates = dates;
        }

        @Override
        public TaskKey task() {
            return TaskKey.DECIDE_ENTRY_TO_CARE;
        }

        @Override
        public Decision read(Form form, TaskContext context) {
            LocalDate decidedOn = form.happenedOn("decidedOn");
            form.notBefore("decidedOn", decidedOn, dates.panelRequest(context.caseId()).passedOn(),
                    "the date the request passed the network check");
            String decision = form.choice(DECISION, Routing.values(task(), DECISION));
            String route = "APPROVE".equals(decision) ? form.choice("approvedRoute", APPROVED_ROUTES)
                    : form.optionalChoice("approvedRoute", APPROVED_ROUTES);
            String conditions = form.text("conditions", "DEFER".equals(decision), Form.MAX_TEXT);
            LocalDate reviewOn = null;
            if ("DEFER".equals(decision)) {
                reviewOn = form.requiredDate("reviewOn");
                form.notBefore("reviewOn", reviewOn, form.today(), "today");
            }
            return new Decision(decidedOn, decision, route, conditions, form.requiredText("rationale"), reviewOn,
                    form.texts("attendees"));
        }

        @Override
        public Completion apply(Decision d, TaskContext context) {
            requests.decided(context.caseId(), d);
            String summary = switch (d.decision()) {
                case "APPROVE" -> "Entry to Care Panel approved entry to care: " + Words.route(d.approvedRoute()) + ".";
                case "DEFER" -> "Entry to Care Panel deferred the request to " + d.reviewOn() + ": " + d.conditions();
                default -> "Entry to Care Panel declined the request; the network safety plan continues. " + d.rationale();
            };
            return Completion.of(summary, d.decidedOn(), Map.of(DECISION, d.decision()));
        }
    }

    record EmergencyReview(LocalDate reviewedOn, boolean endorse, String rationale) {
    }

    @Component
    static class ReviewEmergencyEntry implements TaskFormHandler<EmergencyReview> {
        private final PanelRequests requests;
        private final CaseDates dates;

        ReviewEmergencyEntry(PanelRequests requests, CaseDates dates) {
            this.requests = requests;
            this.dates = dates;
        }

        @Override
        public TaskKey task() {
            return TaskKey.REVIEW_EMERGENCY_ENTRY;
        }

        @Override
        public EmergencyReview read(Form form, TaskContext context) {
            LocalDate reviewedOn = form.happenedOn("reviewedOn");
            form.notBefore("reviewedOn", reviewedOn, dates.panelRequest(context.caseId()).emergencyEnteredOn(),
                    "the emergency entry");
            Boolean endorse = form.bool("endorse", true);
            return new EmergencyReview(reviewedOn, Boolean.TRUE.equals(endorse), form.requiredText("rationale"));
        }

        @Override
        public Completion apply(EmergencyReview r, TaskContext context) {
            requests.reviewed(context.caseId(), r.reviewedOn(), r.endorse(), r.rationale());
            return Completion.of("Emergency entry reviewed by the panel: " + (r.endorse() ? "endorsed." : "not endorsed; "
                    + "the child returns home with a network safety plan.") + " " + r.rationale(), r.reviewedOn(),
                    Map.of(ENDORSE, r.endorse()));
        }
    }

    record CareEntry(LocalDate enteredCareOn, String legalStatus) {
    }

    @Component
    static class ConfirmCareEntry implements TaskFormHandler<CareEntry> {
        /** SSDA903 legal statuses. */
        static final Set<String> LEGAL_STATUSES = Set.of("C1", "C2", "D1", "E1", "J1", "J2", "J3", "L1", "L2", "L3",
                "V2", "V3", "V4");

        private final PanelRequests requests;
        private final CaseRecord cases;
        private final JdbcClient db;

        ConfirmCareEntry(PanelRequests requests, CaseRecord cases, JdbcClient db) {
            this.requests = requests;
            this.cases = cases;
            this.db = db;
        }

        @Override
        public TaskKey task() {
            return TaskKey.CONFIRM_CARE_ENTRY;
        }

        @Override
        public CareEntry read(Form form, TaskContext context) {
            LocalDate enteredOn = form.happenedOn("enteredCareOn");
            form.notBefore("enteredCareOn", enteredOn, requests.requestedOn(context.caseId()).minusYears(1),
                    "a year before the request");
            return new CareEntry(enteredOn, form.choice("legalStatus", LEGAL_STATUSES));
        }

        @Override
        public Completion apply(CareEntry c, TaskContext context) {
            String caseId = context.caseId();
            requests.enteredCare(caseId, c.enteredCareOn(), c.legalStatus());
            db.sql("update cp_plan set ended_on = ?, end_reason = 'LOOKED_AFTER' where case_id = ? and ended_on is null")
                    .params(c.enteredCareOn(), caseId).update();
            db.sql("update cin_plan set ended_on = ? where case_id = ? and ended_on is null")
                    .params(c.enteredCareOn(), caseId).update();
            cases.close(caseId, CaseRecord.Status.LOOKED_AFTER, c.enteredCareOn(), null);
            return Completion.of("The child entered care on " + c.enteredCareOn() + ". Legal status: "
                    + Words.legalStatus(c.legalStatus()) + ".", null, Map.of());
        }
    }
}
