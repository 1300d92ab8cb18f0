package app.casepath.tasks;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The timescales of timescales.md, each a council's to set (casepath.timescales.*); the defaults
 * are Working Together's statutory rules and the local standards of the spec. WD = working days.
 * Supervision (teams.md): every supervision-wd, or supervision-asye-wd while the case's worker is
 * newly qualified (ASYE).
 */
@ConfigurationProperties("casepath.timescales")
public record Timescales(
        @DefaultValue("1") int contactDecisionWd,
        @DefaultValue("1") int allocationWd,
        @DefaultValue("45") int assessmentWd,
        @DefaultValue("1") int strategyDiscussionWd,
        @DefaultValue("15") int initialConferenceWd,
        @DefaultValue("2") int section47BeforeConferenceWd,
        @DefaultValue("10") int firstCoreGroupWd,
        @DefaultValue("20") int coreGroupWd,
        @DefaultValue("10") int visitWd,
        @DefaultValue("3") int firstReviewConferenceMonths,
        @DefaultValue("6") int reviewConferenceMonths,
        @DefaultValue("3") int childInNeedReviewMonths,
        @DefaultValue("30") int earlyHelpAssessmentWd,
        @DefaultValue("30") int familyPlanReviewWd,
        @DefaultValue("5") int entryToCareRequestWd,
        @DefaultValue("10") int networkWorkWd,
        @DefaultValue("5") int panelDecisionWd,
        @DefaultValue("2") int emergencyReviewWd,
        @DefaultValue("2") int careEntryConfirmationWd,
        @DefaultValue("5") int closureWd,
        @DefaultValue("12") int firstLongPlanReviewMonths,
        @DefaultValue("24") int secondLongPlanReviewMonths,
        @DefaultValue("10") int longPlanReviewWd,
        @DefaultValue("5") int reminderWd,
        @DefaultValue("20") int reviewConferenceReminderWd,
        @DefaultValue("20") int supervisionWd,
        @DefaultValue("10") int supervisionAsyeWd) {
}
