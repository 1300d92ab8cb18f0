package app.casepath;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Filled-in forms of api.md, as a practitioner would send them. */
public final class Forms {

    private Forms() {
    }

    public static Map<String, Object> with(Map<String, Object> form, Object... keyValues) {
        Map<String, Object> copy = new HashMap<>(form);
        for (int i = 0; i < keyValues.length; i += 2) {
            copy.put((String) keyValues[i], keyValues[i + 1]);
        }
        return copy;
    }

    public static Map<String, Object> screen(String decision) {
        return Map.of("decision", decision,
                "worries", List.of("Reports of shouting and a child crying late at night."),
                "workingWell", List.of("The child attends school every day."),
                "needsToHappen", List.of("Speak to the child and the school."),
                "rationale", "Threshold document level 3: needs a social work assessment.");
    }

    public static Map<String, Object> allocate(String worker) {
        return Map.of("socialWorker", worker);
    }

    public static Map<String, Object> assessment(String recommendation) {
        return Map.of("childSeenAlone", true,
                "worries", List.of("Mum's partner shouts and has hit her."),
                "workingWell", List.of("Grandmother visits twice a week."),
                "needsToHappen", List.of("A safety plan with grandmother."),
                "dangerStatements", List.of(Map.of(
                        "statement", "Social workers are worried Amani could be hurt when adults fight at home.",
                        "safetyGoal", "Amani is safe when the adults disagree, and knows who to call.")),
                "safetyScale", 4,
                "assessmentFactors", List.of("3A", "21"),
                "recommendation", recommendation,
                "sharedWithFamily", Map.of("method", "IN_PERSON"));
    }

    public static Map<String, Object> authorise(String decision) {
        return Map.of("decision", decision, "comments", "Agreed with the worker's analysis.");
    }

    public static Map<String, Object> strategy(String decision) {
        return Map.of("attendees", List.of(
                        Map.of("name", "Grace Mensah", "agency", "CSC"),
                        Map.of("name", "DC Ade Bello", "agency", "POLICE"),
                        Map.of("name", "Nurse Kim Lee", "agency", "HEALTH")),
                "decision", decision,
                "rationale", "Reasonable cause to suspect significant harm.");
    }

    public static Map<String, Object> section47(String outcome, String nextStep) {
        Map<String, Object> form = new HashMap<>(Map.of("outcome", outcome,
                "worries", List.of("Bruising seen by the school nurse."),
                "workingWell", List.of("Mum sought medical help."),
                "needsToHappen", List.of("A child protection conference."),
                "dangerStatements", List.of(Map.of("statement", "Amani could be hurt again.",
                        "safetyGoal", "Amani is not hurt at home.")),
                "rationale", "Concerns substantiated by the medical."));
        if (nextStep != null) {
            form.put("nextStep", nextStep);
        }
        return form;
    }

    public static Map<String, Object> initialConference(String decision) {
        Map<String, Object> form = new HashMap<>(Map.of("decision", decision, "safetyScale", 3,
                "parentFeedbackScore", 8, "professionalFeedbackScores", List.of(9, 8), "parentsReceivedReport", true));
        if (decision.equals("CP_PLAN")) {
            form.put("category", "NEG");
        }
        return form;
    }

    public static Map<String, Object> coreGroup() {
        return Map.of("attendees", List.of("Grace Mensah", "Mum", "Grandmother", "Class teacher"),
                "safetyPlanAgreed", true, "notes", "Plan reviewed; grandmother stays over on Fridays.");
    }

    public static Map<String, Object> visit() {
        return Map.of("seenAlone", true, "notes", "Amani showed me her room and said she feels safe.");
    }

    public static Map<String, Object> reviewConference(String decision) {
        return Map.of("decision", decision, "safetyScale", 6, "parentFeedbackScore", 9,
                "professionalFeedbackScores", List.of(9));
    }

    public static Map<String, Object> longPlanReview() {
        return Map.of("actions", "Independent review of the plan's drift; FGC to be reconvened.");
    }

    public static Map<String, Object> childInNeedReview(String decision) {
        return Map.of("decision", decision, "notes", "Reviewed with the family and the school.");
    }

    public static Map<String, Object> earlyHelpAssessment(String outcome) {
        return Map.of("worries", List.of("Attendance is 82%."), "workingWell", List.of("Dad is engaged."),
                "needsToHappen", List.of("Morning routine support."), "familyGoals", List.of("Attendance above 95%."),
                "outcome", outcome, "rationale", "Family agree to a plan.");
    }

    public static Map<String, Object> familyPlanReview(String outcome) {
        return Map.of("outcome", outcome, "notes", "Attendance now 96%.");
    }

    /** Evidence that passes the network check on any route. */
    public static Map<String, Object> passingRequest(String route) {
        Map<String, Object> form = new HashMap<>(Map.of("route", route,
                "reason", "Parents cannot keep Amani safe despite the plan.",
                "dangerStatement", "Amani could be seriously hurt at home.",
                "genogramComplete", true,
                "safetyNetwork", List.of(Map.of("name", "Joy Asante", "relationship", "maternal grandmother",
                        "role", "Stays over on Fridays; checks in daily")),
                "familyMeeting", Map.of("offeredOn", "2026-01-05", "offeredTo", List.of("Mum", "Grandmother"),
                        "heldOn", "2026-01-12"),
                "safetyPlanTried", Map.of("tried", true, "outcome", "Broke down after two weeks."),
                "familyNetworkSupportPackageConsidered", true));
        return form;
    }

    /** Evidence with gaps: no genogram, and a meeting held without a recorded offer (fails for court routes). */
    public static Map<String, Object> failingRequest(String route) {
        return Map.of("route", route, "reason", "Neglect is not improving.",
                "genogramComplete", false,
                "safetyNetwork", List.of(),
                "familyMeeting", Map.of("heldOn", "2026-01-12"),
                "safetyPlanTried", Map.of("tried", false));
    }

    public static Map<String, Object> emergencyRequest(LocalDate enteredOn) {
        return with(failingRequest("EMERGENCY"), "emergencyEnteredOn", enteredOn.toString());
    }

    public static Map<String, Object> panelDecision(String decision) {
        Map<String, Object> form = new HashMap<>(Map.of("decision", decision,
                "rationale", "The network has been fully explored.", "attendees", List.of("Head of Service")));
        switch (decision) {
            case "APPROVE" -> form.put("approvedRoute", "PRE_PROCEEDINGS");
            case "DEFER" -> form.put("conditions", "Hold a family group conference first.");
            default -> { }
        }
        return form;
    }

    public static Map<String, Object> emergencyReview(boolean endorse) {
        return Map.of("endorse", endorse, "rationale", "Police protection was necessary that night.");
    }

    public static Map<String, Object> careEntry() {
        return Map.of("legalStatus", "C2");
    }

    public static Map<String, Object> closure(String reason) {
        return Map.of("reason", reason, "summary", "Goals achieved; family supported by universal services.");
    }
}
