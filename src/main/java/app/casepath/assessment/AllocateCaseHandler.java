package app.casepath.assessment;

import java.time.LocalDate;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.springframework.stereotype.Component;

import app.casepath.caserecord.CaseRecord;
import app.casepath.process.TaskKey;
import app.casepath.security.Groups;
import app.casepath.tasks.Form;
import app.casepath.tasks.TaskFormHandler;
import app.casepath.teams.Teams;

/**
 * allocateCase {team, socialWorker, allocatedOn}: the case to a team and a worker who is one of
 * its members (teams.md). Without a team, the team the case waits in if the worker is in it, else
 * the worker's team for the stage (a council that has set up no teams allocates to the worker
 * alone). The same form allocates at assessment and in a team a case was moved to without a worker.
 */
@Component
class AllocateCaseHandler implements TaskFormHandler<AllocateCaseHandler.Allocation> {

    record Allocation(String teamId, String worker, LocalDate allocatedOn) {
    }

    private final IdentityService identity;
    private final CaseRecord cases;
    private final Teams teams;

    AllocateCaseHandler(IdentityService identity, CaseRecord cases, Teams teams) {
        this.identity = identity;
        this.cases = cases;
        this.teams = teams;
    }

    @Override
    public TaskKey task() {
        return TaskKey.ALLOCATE_CASE;
    }

    @Override
    public Allocation read(Form form, TaskContext context) {
        String worker = form.text("socialWorker", true, 100);
        if (worker != null && identity.createUserQuery().userId(worker).memberOfGroup(Groups.SOCIAL_WORKERS).count() == 0) {
            form.error("socialWorker", "must be a member of " + Groups.SOCIAL_WORKERS);
            worker = null;
        }
        String team = form.text("team", false, 36);
        if (team != null && teams.find(team).isEmpty()) {
            form.error("team", "is not a team");
        } else if (team != null && worker != null && !teams.isMember(team, worker)) {
            form.error("socialWorker", "is not a member of the team");
        } else if (team == null && worker != null) {
            // A case waiting in a team (moved there without a worker) stays in it when the worker is one of its members.
            String waitingIn = cases.teamOf(context.caseId());
            team = waitingIn != null && teams.isMember(waitingIn, worker) ? waitingIn
                    : teams.teamOf(worker, cases.get(context.caseId()).stage()).orElse(null);
        }
        return new Allocation(team, worker, form.happenedOn("allocatedOn"));
    }

    @Override
    public Completion apply(Allocation a, TaskContext context) {
        cases.allocate(context.caseId(), a.teamId(), a.worker(), a.allocatedOn());
        String team = a.teamId() == null ? "" : " in " + teams.find(a.teamId()).orElseThrow().name();
        return Completion.of("Allocated to " + teams.nameOf(a.worker()) + team + ".", a.allocatedOn(), Map.of());
    }
}
