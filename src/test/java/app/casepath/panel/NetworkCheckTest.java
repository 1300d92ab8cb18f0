package app.casepath.panel;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The five conditions of journey.md's network check, each failing alone, with its plain-English gap. */
class NetworkCheckTest {

    private static final LocalDate OFFERED = LocalDate.parse("2026-01-05");
    private static final LocalDate HELD = LocalDate.parse("2026-01-12");

    private final NetworkCheck check = new NetworkCheck();

    private static Evidence request(String route, boolean genogram, List<Evidence.NetworkMember> network,
                                    Evidence.FamilyMeeting meeting, Evidence.SafetyPlanTried plan) {
        return new Evidence(route, "reason", null, genogram, network, meeting, plan, true, null);
    }

    private static final List<Evidence.NetworkMember> NETWORK =
            List.of(new Evidence.NetworkMember("Joy Asante", "grandmother", "stays over on Fridays"));
    private static final Evidence.FamilyMeeting OFFERED_AND_HELD =
            new Evidence.FamilyMeeting(OFFERED, List.of("Mum", "Grandmother"), null, HELD, null);
    private static final Evidence.SafetyPlanTried TRIED = new Evidence.SafetyPlanTried(true, "broke down", null);

    private static Evidence complete(String route) {
        return request(route, true, NETWORK, OFFERED_AND_HELD, TRIED);
    }

    @ParameterizedTest
    @ValueSource(strings = {"S20", "PRE_PROCEEDINGS", "CARE_PROCEEDINGS"})
    void aRequestWithItsNetworkExploredPasses(String route) {
        assertThat(check.check(complete(route))).isEqualTo(new NetworkCheck.Result(true, List.of()));
    }

    @Test
    void theGenogramMustBeComplete() {
        NetworkCheck.Result result = check.check(request("S20", false, NETWORK, OFFERED_AND_HELD, TRIED));
        assertThat(result.passed()).isFalse();
        assertThat(result.gaps()).singleElement().asString().startsWith("The genogram is not complete");
    }

    @Test
    void theSafetyNetworkMustNameSomeone() {
        NetworkCheck.Result result = check.check(request("S20", true, List.of(), OFFERED_AND_HELD, TRIED));
        assertThat(result.gaps()).singleElement().asString().contains("safety network names no one");
    }

    @Test
    void aFamilyMeetingMustBeHeldOfferedAndDeclinedOrNotInTheChildsInterests() {
        Evidence.FamilyMeeting none = new Evidence.FamilyMeeting(null, List.of(), null, null, null);
        assertThat(check.check(request("S20", true, NETWORK, none, TRIED)).gaps())
                .singleElement().asString().startsWith("No family group decision-making meeting is recorded");

        Evidence.FamilyMeeting offeredNotHeld = new Evidence.FamilyMeeting(OFFERED, List.of("Mum"), null, null, null);
        assertThat(check.check(request("S20", true, NETWORK, offeredNotHeld, TRIED)).gaps())
                .singleElement().asString().contains("offered on 2026-01-05 but has not been held");

        Evidence.FamilyMeeting offeredToNobody = new Evidence.FamilyMeeting(OFFERED, List.of(), "declined", null, null);
        assertThat(check.check(request("S20", true, NETWORK, offeredToNobody, TRIED)).passed())
                .as("an offer names whom it was made to").isFalse();

        Evidence.FamilyMeeting allDeclined = new Evidence.FamilyMeeting(OFFERED, List.of("Mum", "Dad"),
                "Both parents declined in writing.", null, null);
        assertThat(check.check(request("CARE_PROCEEDINGS", true, NETWORK, allDeclined, TRIED)).passed()).isTrue();

        Evidence.FamilyMeeting notInInterests = new Evidence.FamilyMeeting(null, List.of(), null, null,
                "Risk of the father learning where the mother lives.");
        assertThat(check.check(request("CARE_PROCEEDINGS", true, NETWORK, notInInterests, TRIED)).passed()).isTrue();
    }

    @Test
    void aSafetyPlanMustHaveBeenTriedWithItsOutcomeOrAReasonGiven() {
        assertThat(check.check(request("S20", true, NETWORK, OFFERED_AND_HELD,
                new Evidence.SafetyPlanTried(false, null, null))).gaps())
                .singleElement().asString().startsWith("No safety plan");
        assertThat(check.check(request("S20", true, NETWORK, OFFERED_AND_HELD,
                new Evidence.SafetyPlanTried(true, null, null))).gaps())
                .singleElement().asString().contains("outcome is not recorded");
        assertThat(check.check(request("S20", true, NETWORK, OFFERED_AND_HELD,
                new Evidence.SafetyPlanTried(false, null, "Sexual abuse by a household member."))).passed()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"PRE_PROCEEDINGS", "CARE_PROCEEDINGS"})
    void beforeCourtTheMeetingMustHaveBeenOfferedNotJustHeld(String route) {
        Evidence.FamilyMeeting heldWithoutOffer = new Evidence.FamilyMeeting(null, List.of(), null, HELD, null);
        NetworkCheck.Result result = check.check(request(route, true, NETWORK, heldWithoutOffer, TRIED));
        assertThat(result.passed()).isFalse();
        assertThat(result.gaps()).singleElement().asString().contains("section 31ZA");
    }

    @Test
    void aMeetingHeldWithoutAnOfferDateIsEnoughForSection20() {
        Evidence.FamilyMeeting heldWithoutOffer = new Evidence.FamilyMeeting(null, List.of(), null, HELD, null);
        assertThat(check.check(request("S20", true, NETWORK, heldWithoutOffer, TRIED)).passed()).isTrue();
    }

    @Test
    void everyGapIsListedAtOnce() {
        Evidence nothing = request("CARE_PROCEEDINGS", false, List.of(),
                new Evidence.FamilyMeeting(null, List.of(), null, null, null), new Evidence.SafetyPlanTried(null, null, null));
        assertThat(check.check(nothing).gaps()).hasSize(5);
    }
}
