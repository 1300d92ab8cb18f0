package app.casepath.panel;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.springframework.stereotype.Component;

/**
 * The Entry to Care Panel's network check (journey.md): a request goes before the panel only when
 * the family's network has been explored. Each gap is a sentence the worker and the panel read.
 */
@Component
public class NetworkCheck {

    public record Result(boolean passed, List<String> gaps) {
    }

    static final Set<String> COURT_ROUTES = Set.of("PRE_PROCEEDINGS", "CARE_PROCEEDINGS");

    public Result check(Evidence e) {
        List<String> gaps = new ArrayList<>();
        if (!e.genogramComplete()) {
            gaps.add("The genogram is not complete: map the child's family and network before the panel.");
        }
        if (e.safetyNetwork().isEmpty()) {
            gaps.add("The safety network names no one: add at least one person, their relationship to the child "
                    + "and their role in the safety plan.");
        }
        Evidence.FamilyMeeting meeting = e.familyMeeting();
        boolean held = meeting.heldOn() != null;
        boolean offered = meeting.offeredOn() != null && !meeting.offeredTo().isEmpty();
        boolean notOfferedForChild = meeting.notOfferedReason() != null;
        if (!held && !notOfferedForChild) {
            if (!offered) {
                gaps.add("No family group decision-making meeting is recorded: record when it was held, or when it "
                        + "was offered and to whom, or why offering one is not in the child's best interests.");
            } else if (meeting.declinedReason() == null) {
                gaps.add("A family meeting was offered on " + meeting.offeredOn() + " but has not been held: record "
                        + "when it was held, or why the family declined it.");
            }
        }
        if (COURT_ROUTES.contains(e.route()) && meeting.offeredOn() == null && !notOfferedForChild) {
            gaps.add("Before court proceedings the family must be offered a family group decision-making meeting "
                    + "(section 31ZA Children Act 1989): record the date it was offered, or why offering one is not "
                    + "in the child's best interests.");
        }
        Evidence.SafetyPlanTried plan = e.safetyPlanTried();
        boolean tried = Boolean.TRUE.equals(plan.tried()) && plan.outcome() != null;
        if (!tried && plan.reasonNotTried() == null) {
            gaps.add(Boolean.TRUE.equals(plan.tried())
                    ? "A safety plan was tried, but its outcome is not recorded."
                    : "No safety plan with the family's network has been tried, and no reason is given for not trying one.");
        }
        return new Result(gaps.isEmpty(), List.copyOf(gaps));
    }
}
