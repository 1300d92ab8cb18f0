package app.casepath.teams;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import com.fasterxml.jackson.databind.JsonNode;

import app.casepath.calendar.TimeSource;
import app.casepath.caserecord.CaseNotFoundException;
import app.casepath.caserecord.CaseRecord;
import app.casepath.caserecord.Chronology;
import app.casepath.notify.Notifications;
import app.casepath.security.CaseAccess;
import app.casepath.security.Caller;
import app.casepath.security.Groups;
import app.casepath.security.NotAllowedException;
import app.casepath.tasks.EngineRaces;
import app.casepath.tasks.Form;
import app.casepath.tasks.InvalidInputException;
import app.casepath.tasks.TaskWork;

/**
 * Reallocation (teams.md): a case moved to another worker in a team, by a manager of the case's
 * team or a service manager. Every open task the previous worker held moves with it in the same
 * transaction, so its reminders and escalations go to the new worker, and work scheduled later
 * is created for the new allocated worker; the chronology records the move and the new worker
 * is emailed. The previous worker keeps only the access their other roles give. Moved to a team
 * without a worker, the case waits there unallocated: the previous worker's tasks wait with it,
 * held by no one, and the team's managers get an allocateCase task (TeamAllocation). A leaver's
 * whole caseload moves case by case, each in its own transaction, and the answer says which did not.
 */
@Service
public class Reallocation {

    public record Moved(String caseId, String team, String worker, int tasksMoved) {
    }

    public record NotMoved(String caseId, String reason) {
    }

    public record Bulk(List<String> moved, List<NotMoved> notMoved) {
    }

    private final JdbcClient db;
    private final Teams teams;
    private final CaseAccess access;
    private final CaseRecord cases;
    private final TaskWork work;
    private final Chronology chronology;
    private final Notifications notifications;
    private final EngineRaces races;
    private final TimeSource time;
    private final TeamAllocation allocation;

    Reallocation(JdbcClient db, Teams teams, CaseAccess access, CaseRecord cases, TaskWork work, Chronology chronology,
                 Notifications notifications, EngineRaces races, TimeSource time, TeamAllocation allocation) {
        this.allocation = allocation;
        this.db = db;
        this.teams = teams;
        this.access = access;
        this.cases = cases;
        this.work = work;
        this.chronology = chronology;
        this.notifications = notifications;
        this.races = races;
        this.time = time;
    }

    /** POST /api/cases/{caseId}/allocation {team, worker, reason}. */
    public Moved reallocate(Caller caller, String caseId, JsonNode body) {
        if (!access.canRead(caller, caseId)) {
            throw new CaseNotFoundException(caseId);
        }
        String refusal = mayMove(caller, caseId);
        if (refusal != null) {
            throw new NotAllowedException(refusal);
        }
        Form form = Form.of(body, time.today());
        String team = form.text("team", false, 36);
        String worker = form.text("worker", team == null, 100);
        String reason = form.text("reason", true, 2000);
        form.check();
        return races.inFreshTransaction(() -> {
            String problem = problem(caseId, team == null ? currentTeam(caseId) : team, worker);
            if (problem != null) {
                throw InvalidInputException.of(problem.startsWith("team") ? "team" : "worker", problem.substring(problem.indexOf(' ') + 1));
            }
            return move(caller, caseId, team == null ? currentTeam(caseId) : team, worker, reason);
        });
    }

    /** POST /api/workers/{username}/reallocation {toWorker, toTeam, reason, caseIds?}: each case in its own transaction. */
    public Bulk reallocateCaseload(Caller caller, String leaver, JsonNode body) {
        if (!caller.inAny(java.util.Set.of(Groups.TEAM_MANAGERS, Groups.SERVICE_MANAGERS))) {
            throw new NotAllowedException("Only team and service managers move a worker's caseload.");
        }
        Form form = Form.of(body, time.today());
        String team = form.text("toTeam", false, 36);
        String worker = form.text("toWorker", false, 100);
        if (worker == null && team == null) {
            form.error("toWorker", "is required, or toTeam to move the cases to a team without a worker");
        }
        String reason = form.text("reason", true, 2000);
        List<String> named = form.has("caseIds") ? new ArrayList<>(new LinkedHashSet<>(form.texts("caseIds"))) : null;
        if (worker != null && worker.equals(leaver)) {
            form.error("toWorker", "must be someone other than the worker whose cases move");
        }
        if (team != null && teams.find(team).isEmpty()) {
            form.error("toTeam", "is not a team");
        }
        form.check();
        List<String> caseIds = named != null ? named : db.sql("""
                select case_id from child_case where allocated_worker = ? and closed_on is null order by case_number""")
                .param(leaver).query(String.class).list();
        List<String> moved = new ArrayList<>();
        List<NotMoved> notMoved = new ArrayList<>();
        for (String caseId : caseIds) {
            try {
                races.inFreshTransaction(() -> {
                    if (!access.canRead(caller, caseId)) {
                        throw new CaseNotFoundException(caseId);
                    }
                    String refusal = mayMove(caller, caseId);
                    String target = team != null ? team : currentTeam(caseId);
                    if (refusal == null && !leaver.equals(cases.get(caseId).allocatedWorker())) {
                        refusal = "the case is not allocated to " + leaver;
                    }
                    if (refusal == null) {
                        refusal = problem(caseId, target, worker);
                    }
                    if (refusal != null) {
                        throw new NotAllowedException(refusal);
                    }
                    move(caller, caseId, target, worker, reason);
                });
                moved.add(caseId);
            } catch (CaseNotFoundException e) {
                notMoved.add(new NotMoved(caseId, "there is no such case, or it is not yours to see"));
            } catch (NotAllowedException e) {
                notMoved.add(new NotMoved(caseId, e.getMessage()));
            }
        }
        return new Bulk(moved, notMoved);
    }

    /** Why the caller may not move the case, or null: a manager of its team, or a service manager. */
    private String mayMove(Caller caller, String caseId) {
        String team = currentTeam(caseId);
        if (caller.in(Groups.SERVICE_MANAGERS)) {
            return null;
        }
        if (team == null ? caller.in(Groups.TEAM_MANAGERS) : teams.manages(team, caller.username())) {
            return null;
        }
        return "Only a manager of the case's team, or a service manager, moves the case.";
    }

    /** What is wrong with moving the case to the worker in the team ("team …" or "worker …"), or null. */
    private String problem(String caseId, String team, String worker) {
        if (cases.get(caseId).status() != CaseRecord.Status.OPEN) {
            return "worker cannot be changed: the case is closed";
        }
        if (team != null && teams.find(team).isEmpty()) {
            return "team is not a team";
        }
        if (worker == null) {
            return team.equals(currentTeam(caseId)) && cases.get(caseId).allocatedWorker() == null
                    ? "team already holds the case, waiting for a worker" : null;
        }
        if (team != null && !teams.isMember(team, worker)) {
            return "worker is not a member of the team";
        }
        if (worker.equals(cases.get(caseId).allocatedWorker()) && java.util.Objects.equals(team, currentTeam(caseId))) {
            return "worker already holds the case in that team";
        }
        return null;
    }

    private Moved move(Caller caller, String caseId, String team, String worker, String reason) {
        String previous = cases.get(caseId).allocatedWorker();
        String teamName = team == null ? null : teams.find(team).orElseThrow().name();
        if (worker == null) {
            cases.moveToTeam(caseId, team, time.today());
            List<String> waitingTasks = work.moveTasks(caseId, previous, null);
            int waiting = waitingTasks.size();
            allocation.awaitWorker(caseId, waitingTasks);
            chronology.record(caseId, "REALLOCATED", "Moved " + (previous == null ? "" : "from " + teams.nameOf(previous) + " ")
                    + "to " + teamName + ", to be allocated a worker by its managers" + (waiting == 0 ? "" : "; " + waiting
                    + (waiting == 1 ? " open task waits" : " open tasks wait") + " for the new worker") + ". Reason: " + reason,
                    caller.username());
            return new Moved(caseId, teamName, null, waiting);
        }
        cases.reallocate(caseId, team, worker);
        int moved = work.moveTasks(caseId, previous, worker).size();
        chronology.record(caseId, "REALLOCATED", "Reallocated " + (previous == null ? "" : "from " + teams.nameOf(previous) + " ")
                + "to " + teams.nameOf(worker) + (teamName == null ? "" : " in " + teamName) + (moved == 0 ? "" : ", with " + moved
                + (moved == 1 ? " open task" : " open tasks")) + ". Reason: " + reason, caller.username());
        notifications.caseReallocated(caseId, worker, caller.username(), moved, UUID.randomUUID().toString());
        return new Moved(caseId, teamName, worker, moved);
    }

    private String currentTeam(String caseId) {
        return cases.teamOf(caseId);
    }
}
