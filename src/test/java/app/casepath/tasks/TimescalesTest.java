package app.casepath.tasks;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

/** Local timescales are a council's configuration; the defaults are timescales.md's. */
class TimescalesTest {

    @Configuration
    @EnableConfigurationProperties(Timescales.class)
    static class Binding {
    }

    private final ApplicationContextRunner context = new ApplicationContextRunner().withUserConfiguration(Binding.class);

    @Test
    void theDefaultsAreTheSpecsRules() {
        context.run(c -> {
            Timescales t = c.getBean(Timescales.class);
            assertThat(t.contactDecisionWd()).isEqualTo(1);
            assertThat(t.allocationWd()).isEqualTo(1);
            assertThat(t.assessmentWd()).isEqualTo(45);
            assertThat(t.strategyDiscussionWd()).isEqualTo(1);
            assertThat(t.initialConferenceWd()).isEqualTo(15);
            assertThat(t.section47BeforeConferenceWd()).isEqualTo(2);
            assertThat(t.firstCoreGroupWd()).isEqualTo(10);
            assertThat(t.coreGroupWd()).isEqualTo(20);
            assertThat(t.visitWd()).isEqualTo(10);
            assertThat(t.firstReviewConferenceMonths()).isEqualTo(3);
            assertThat(t.reviewConferenceMonths()).isEqualTo(6);
            assertThat(t.childInNeedReviewMonths()).isEqualTo(3);
            assertThat(t.earlyHelpAssessmentWd()).isEqualTo(30);
            assertThat(t.familyPlanReviewWd()).isEqualTo(30);
            assertThat(t.entryToCareRequestWd()).isEqualTo(5);
            assertThat(t.networkWorkWd()).isEqualTo(10);
            assertThat(t.panelDecisionWd()).isEqualTo(5);
            assertThat(t.emergencyReviewWd()).isEqualTo(2);
            assertThat(t.careEntryConfirmationWd()).isEqualTo(2);
            assertThat(t.closureWd()).isEqualTo(5);
            assertThat(t.firstLongPlanReviewMonths()).isEqualTo(12);
            assertThat(t.secondLongPlanReviewMonths()).isEqualTo(24);
            assertThat(t.reminderWd()).isEqualTo(5);
            assertThat(t.reviewConferenceReminderWd()).isEqualTo(20);
            assertThat(t.supervisionWd()).isEqualTo(20);
            assertThat(t.supervisionAsyeWd()).isEqualTo(10);
        });
    }

    @Test
    void aCouncilSetsItsOwnLocalStandards() {
        context.withPropertyValues("casepath.timescales.visit-wd=5", "casepath.timescales.core-group-wd=15",
                        "casepath.timescales.childInNeedReviewMonths=6", "casepath.timescales.supervision-asye-wd=5")
                .run(c -> {
                    Timescales t = c.getBean(Timescales.class);
                    assertThat(t.visitWd()).isEqualTo(5);
                    assertThat(t.coreGroupWd()).isEqualTo(15);
                    assertThat(t.childInNeedReviewMonths()).isEqualTo(6);
                    assertThat(t.supervisionAsyeWd()).isEqualTo(5);
                    assertThat(t.assessmentWd()).as("untouched statutory rule").isEqualTo(45);
                });
    }
}
