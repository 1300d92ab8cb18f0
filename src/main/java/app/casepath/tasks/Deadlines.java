package app.casepath.tasks;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;

import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.CommandContextListener;

import org.springframework.stereotype.Component;

import app.casepath.calendar.TimeSource;
import app.casepath.calendar.WorkingDayCalendar;
import app.casepath.caserecord.CaseDates;
import app.casepath.process.TaskKey;

/**
 * Every due date and timer of the models, computed from the case record with the working-day
 * calendar. The models call it by name ("deadlines") in camunda:dueDate and timer timeDate;
 * it returns java.util.Date, which the engine takes as is.
 * <p>
 * Scheduled work (core groups, visits, review conferences, plan reviews) is counted from when
 * the previous one was actually held, so a late review moves the next one with it; such a task
 * appears in the inbox at its reminder point, which is its reminder.
 */
@Component("deadlines")
public class Deadlines {

    /** Scheduled tasks appear in the hour from 06:00, reminders go in the hour from 07:00, escalations in the hour after midnight. */
    private static final LocalTime OPENS_FROM = LocalTime.of(6, 0);
    private static final LocalTime REMINDS_FROM = LocalTime.of(7, 0);
    private static final LocalTime ESCALATES_FROM = LocalTime.MIDNIGHT;

    private final WorkingDayCalendar calendar;
    private final Timescales timescales;
    private final CaseDates record;
    private final TimeSource time;
    private final ThreadLocal<StepMemo> stepMemo = new ThreadLocal<>();

    public Deadlines(WorkingDayCalendar calendar, Timescales timescales, CaseDates record, TimeSource time) {
        this.calendar = calendar;
        this.timescales = timescales;
        this.record = record;
        this.time = time;
    }

    /** The task's due date, as the end of the due day (met if done on or before that day). */
    public Date dueOn(String caseId, String taskKey) {
        return time.endOf(dueInThisStep(caseId, TaskKey.require(taskKey)));
    }

    /** The escalation moment: once the due day has ended, before the next working day starts. */
    public Date escalateAt(String caseId, String taskKey) {
        return time.at(dueInThisStep(caseId, TaskKey.require(taskKey)).plusDays(1), withinHour(ESCALATES_FROM, caseId, taskKey));
    }

    /** The reminder: on the reminder day, before the working day starts. */
    public Date remindAt(String caseId, String taskKey) {
        return time.at(reminderDate(caseId, TaskKey.require(taskKey)), withinHour(REMINDS_FROM, caseId, taskKey));
    }

    /** When a scheduled task appears: at its reminder point (long-plan reviews: at 12 and 24 months). */
    public Date opensAt(String caseId, String taskKey) {
        TaskKey task = TaskKey.require(taskKey);
        LocalDate opens = task == TaskKey.REVIEW_LONG_PLAN
                ? longPlanReviewPoint(caseId)
                : reminderDate(caseId, task);
        return time.at(opens, withinHour(OPENS_FROM, caseId, taskKey));
    }

    /**
     * A moment in the hour from {@code from}, fixed for the case and task. Were every reminder at
     * 07:00 sharp, a council's (or a region's) thousands would fall due in the same second and the
     * last would fire minutes late; spread over the hour they arrive as a steady stream, all
     * before the working day. The same offset keeps a task's opening before its reminder.
     */
    private static LocalTime withinHour(LocalTime from, String caseId, String taskKey) {
        return from.plusSeconds(Math.floorMod((caseId + ':' + taskKey).hashCode(), 3600));
    }

    public LocalDate reminderDate(String caseId, TaskKey task) {
        int lead = task == TaskKey.HOLD_REVIEW_CONFERENCE ? timescales.reviewConferenceReminderWd() : timescales.reminderWd();
        return calendar.subtractWorkingDays(dueInThisStep(caseId, task), lead);
    }

    /**
     * A task's due date, read from the record once per engine command. A task's due date, its
     * reminder and its escalation are asked for in the same step of the journey (three look-ups of
     * the record each otherwise), and within a step the record does not change under them: what the
     * step records (a form, a panel decision) is written before the engine moves.
     */
    private LocalDate dueInThisStep(String caseId, TaskKey task) {
        CommandContext command = Context.getCommandContext();
        if (command == null) {
            return dueDate(caseId, task);
        }
        StepMemo memo = stepMemo.get();
        if (memo == null || memo.command() != command) {
            memo = new StepMemo(command, new HashMap<>());
            stepMemo.set(memo);
            command.registerCommandContextListener(new CommandContextListener() {
                @Override
                public void onCommandContextClose(CommandContext closed) {
                    stepMemo.remove();
                }

                @Override
                public void onCommandFailed(CommandContext failed, Throwable t) {
                    stepMemo.remove();
                }
            });
        }
        return memo.dueDates().computeIfAbsent(caseId + ':' + task.key(), k -> dueDate(caseId, task));
    }

    private record StepMemo(CommandContext command, Map<String, LocalDate> dueDates) {
    }

    public LocalDate dueDate(String caseId, TaskKey task) {
        Timescales t = timescales;
        return switch (task) {
            case SCREEN_CONTACT -> wd(time.dateOf(record.latestContactReceivedAt(caseId)), t.contactDecisionWd());
            case ALLOCATE_CASE -> wd(record.waitingForAllocationSince(caseId), t.allocationWd());
            case COMPLETE_ASSESSMENT, AUTHORISE_ASSESSMENT -> wd(record.referralDate(caseId), t.assessmentWd());
            case HOLD_STRATEGY_DISCUSSION -> wd(record.strategyRequestedOn(caseId), t.strategyDiscussionWd());
            case COMPLETE_SECTION_47_ENQUIRY -> calendar.subtractWorkingDays(record.initialConferenceTarget(caseId),
                    t.section47BeforeConferenceWd());
            case HOLD_INITIAL_CONFERENCE -> record.initialConferenceTarget(caseId);
            case HOLD_CORE_GROUP -> record.lastCoreGroupHeldOn(caseId)
                    .map(held -> wd(held, t.coreGroupWd()))
                    .orElseGet(() -> wd(record.cpPlanStartedOn(caseId), t.firstCoreGroupWd()));
            case RECORD_VISIT -> wd(record.lastVisitOn(caseId).orElseGet(() -> record.cpPlanStartedOn(caseId)), t.visitWd());
            case HOLD_REVIEW_CONFERENCE -> record.lastReviewConferenceHeldOn(caseId)
                    .map(held -> calendar.addMonths(held, t.reviewConferenceMonths()))
                    .orElseGet(() -> calendar.addMonths(record.cpPlanStartedOn(caseId), t.firstReviewConferenceMonths()));
            case REVIEW_LONG_PLAN -> wd(longPlanReviewPoint(caseId), t.longPlanReviewWd());
            case REVIEW_WARNING, COMPLETE_ACTION, RECORD_SUPERVISION -> throw new IllegalArgumentException(
                    "a task outside the journey is dated by its own record (RecordDates), not by the case");
            case REVIEW_CHILD_IN_NEED_PLAN -> calendar.addMonths(record.lastChildInNeedReviewOn(caseId)
                    .orElseGet(() -> record.cinPlanStartedOn(caseId)), t.childInNeedReviewMonths());
            case COMPLETE_EARLY_HELP_ASSESSMENT -> wd(record.earlyHelpStartedOn(caseId), t.earlyHelpAssessmentWd());
            case REVIEW_FAMILY_PLAN -> wd(record.lastFamilyPlanReviewOn(caseId)
                    .orElseGet(() -> record.earlyHelpAssessedOn(caseId)), t.familyPlanReviewWd());
            case REQUEST_ENTRY_TO_CARE -> wd(record.panelRequest(caseId).requestedOn(), t.entryToCareRequestWd());
            case COMPLETE_NETWORK_WORK -> {
                CaseDates.PanelDates panel = record.panelRequest(caseId);
                yield panel.reviewOn() != null ? panel.reviewOn() : wd(panel.checkedOn(), t.networkWorkWd());
            }
            case DECIDE_ENTRY_TO_CARE -> wd(record.panelRequest(caseId).passedOn(), t.panelDecisionWd());
            case REVIEW_EMERGENCY_ENTRY -> wd(record.panelRequest(caseId).emergencyEnteredOn(), t.emergencyReviewWd());
            case CONFIRM_CARE_ENTRY -> wd(record.panelRequest(caseId).decidedOn(), t.careEntryConfirmationWd());
            case AUTHORISE_CLOSURE -> wd(record.closureRequestedOn(caseId), t.closureWd());
        };
    }

    private LocalDate longPlanReviewPoint(String caseId) {
        int months = record.longPlanReviewsHeld(caseId) == 0
                ? timescales.firstLongPlanReviewMonths() : timescales.secondLongPlanReviewMonths();
        return calendar.addMonths(record.cpPlanStartedOn(caseId), months);
    }

    /** The ICPC target: 15 WD after the strategy discussion that started the s47 enquiry. */
    public LocalDate initialConferenceTarget(LocalDate strategyDiscussionHeldOn) {
        return wd(strategyDiscussionHeldOn, timescales.initialConferenceWd());
    }

    private LocalDate wd(LocalDate from, int workingDays) {
        return calendar.addWorkingDays(from, workingDays);
    }
}
