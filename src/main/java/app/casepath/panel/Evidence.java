package app.casepath.panel;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import app.casepath.tasks.Form;

/** What a worker puts before the Entry to Care Panel: the request and its network evidence. */
public record Evidence(String route, String reason, String dangerStatement, boolean genogramComplete,
                       List<NetworkMember> safetyNetwork, FamilyMeeting familyMeeting, SafetyPlanTried safetyPlanTried,
                       Boolean familyNetworkSupportPackageConsidered, LocalDate emergencyEnteredOn) {

    public static final Set<String> ROUTES = Set.of("S20", "PRE_PROCEEDINGS", "CARE_PROCEEDINGS", "EMERGENCY");

    public record NetworkMember(String name, String relationship, String role) {
    }

    public record FamilyMeeting(LocalDate offeredOn, List<String> offeredTo, String declinedReason, LocalDate heldOn,
                                String notOfferedReason) {
    }

    public record SafetyPlanTried(Boolean tried, String outcome, String reasonNotTried) {
    }

    /** Reads the form of requestEntryToCare and completeNetworkWork. Gaps are the check's business, not errors. */
    static Evidence read(Form form, LocalDate requestedOn) {
        String route = form.choice("route", ROUTES);
        String reason = form.requiredText("reason");
        String dangerStatement = form.optionalText("dangerStatement");
        Boolean genogram = form.bool("genogramComplete", true);
        List<NetworkMember> network = form.objects("safetyNetwork").stream()
                .map(m -> new NetworkMember(m.text("name", true, 200), m.text("relationship", true, 200),
                        m.text("role", true, 2000)))
                .toList();
        Form m = form.object("familyMeeting");
        LocalDate offeredOn = m.optionalPastDate("offeredOn");
        LocalDate heldOn = m.optionalPastDate("heldOn");
        m.notBefore("heldOn", heldOn, offeredOn, "the date it was offered");
        FamilyMeeting meeting = new FamilyMeeting(offeredOn, m.texts("offeredTo"), m.optionalText("declinedReason"),
                heldOn, m.optionalText("notOfferedReason"));
        Form p = form.object("safetyPlanTried");
        SafetyPlanTried plan = new SafetyPlanTried(p.bool("tried", false), p.optionalText("outcome"),
                p.optionalText("reasonNotTried"));
        Boolean supportConsidered = form.bool("familyNetworkSupportPackageConsidered", false);
        LocalDate enteredOn = null;
        if ("EMERGENCY".equals(route)) {
            enteredOn = form.happenedOn("emergencyEnteredOn");
            if (!form.has("emergencyEnteredOn")) {
                form.error("emergencyEnteredOn", "is required for an emergency entry");
            }
        } else if (form.has("emergencyEnteredOn")) {
            form.error("emergencyEnteredOn", "is only for route EMERGENCY");
        }
        form.notBefore("emergencyEnteredOn", enteredOn, requestedOn.minusYears(1), "a year before the request");
        return new Evidence(route, reason, dangerStatement, Boolean.TRUE.equals(genogram), network, meeting, plan,
                supportConsidered, enteredOn);
    }
}
