package app.casepath.protection;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import app.casepath.caserecord.JsonText;
import app.casepath.process.TaskKey;
import app.casepath.tasks.Form;
import app.casepath.tasks.TaskFormHandler;

/** The recurring work of a plan: core groups and long-plan reviews (visits: recording.RecordVisitHandler, as they are notes). */
final class PlanWorkHandlers {

    private PlanWorkHandlers() {
    }

    record CoreGroup(LocalDate heldOn, List<String> attendees, Boolean safetyPlanAgreed, String notes) {
    }

    @Component
    static class HoldCoreGroup implements TaskFormHandler<CoreGroup> {
        private final JdbcClient db;
        private final CpPlans plans;
        private final JsonText json;

        HoldCoreGroup(JdbcClient db, CpPlans plans, JsonText json) {
            this.db = db;
            this.plans = plans;
            this.json = json;
        }

        @Override
        public TaskKey task() {
            return TaskKey.HOLD_CORE_GROUP;
        }

        @Override
        public CoreGroup read(Form form, TaskContext context) {
            LocalDate heldOn = form.happenedOn("heldOn");
            form.notBefore("heldOn", heldOn, plans.currentPlanStartedOn(context.caseId()), "the start of the plan");
            return new CoreGroup(heldOn, form.texts("attendees"), form.bool("safetyPlanAgreed", true),
                    form.optionalText("notes"));
        }

        @Override
        public Completion apply(CoreGroup g, TaskContext context) {
            db.sql("insert into core_group (cp_plan_id, held_on, attendees, safety_plan_agreed, notes) values (?, ?, ?, ?, ?)")
                    .params(plans.currentPlanId(context.caseId()), g.heldOn(), json.of(g.attendees()),
                            g.safetyPlanAgreed(), g.notes()).update();
            return Completion.of("Core group held" + (Boolean.TRUE.equals(g.safetyPlanAgreed())
                    ? "; safety plan agreed." : "."), g.heldOn(), Map.of());
        }
    }

    record LongPlanReview(LocalDate reviewedOn, String actions) {
    }

    @Component
    static class ReviewLongPlan implements TaskFormHandler<LongPlanReview> {
        private final JdbcClient db;
        private final CpPlans plans;

        ReviewLongPlan(JdbcClient db, CpPlans plans) {
            this.db = db;
            this.plans = plans;
        }

        @Override
        public TaskKey task() {
            return TaskKey.REVIEW_LONG_PLAN;
        }

        @Override
        public LongPlanReview read(Form form, TaskContext context) {
            LocalDate reviewedOn = form.happenedOn("reviewedOn");
            form.notBefore("reviewedOn", reviewedOn, plans.currentPlanStartedOn(context.caseId()), "the start of the plan");
            return new LongPlanReview(reviewedOn, form.requiredText("actions"));
        }

        @Override
        public Completion apply(LongPlanReview r, TaskContext context) {
            db.sql("insert into long_plan_review (cp_plan_id, reviewed_on, actions) values (?, ?, ?)")
                    .params(plans.currentPlanId(context.caseId()), r.reviewedOn(), r.actions()).update();
            return Completion.of("Long plan reviewed by a service manager: " + r.actions(), null, Map.of());
        }
    }
}
