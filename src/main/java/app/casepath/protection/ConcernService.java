package app.casepath.protection;

import java.time.LocalDate;
import java.util.Set;

import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.fasterxml.jackson.databind.JsonNode;

import app.casepath.calendar.TimeSource;
import app.casepath.caserecord.CaseNotFoundException;
import app.casepath.caserecord.CaseRecord;
import app.casepath.caserecord.Transitions;
import app.casepath.caserecord.WrongStageException;
import app.casepath.process.Journey;
import app.casepath.process.Stage;
import app.casepath.process.Words;
import app.casepath.security.CaseAccess;
import app.casepath.security.Caller;
import app.casepath.security.Groups;
import app.casepath.security.NotAllowedException;
import app.casepath.tasks.Form;

/**
 * A significant-harm concern on an open case in assessment, early help or a CIN plan starts a
 * strategy discussion; the work done so far stays in the record and resumes if there is no s47.
 */
@Service
public class ConcernService {

    static final Set<Stage> STAGES = Set.of(Stage.ASSESSMENT, Stage.EARLY_HELP, Stage.CIN_PLAN);
    /** Practitioners on the case raise concerns; managers who only read do not. */
    static final Set<String> RAISERS = Set.of(Groups.SOCIAL_WORKERS, Groups.TEAM_MANAGERS, Groups.EARLY_HELP);

    private final CaseRecord cases;
    private final Transitions transitions;
    private final RuntimeService runtime;
    private final TimeSource time;
    private final CaseAccess access;

    public ConcernService(CaseRecord cases, Transitions transitions, RuntimeService runtime, TimeSource time,
                          CaseAccess access) {
        this.access = access;
        this.cases = cases;
        this.transitions = transitions;
        this.runtime = runtime;
        this.time = time;
    }

    @Transactional
    public void raise(Caller caller, String caseId, JsonNode body) {
        if (!access.canRead(caller, caseId)) {
            throw new CaseNotFoundException(caseId);
        }
        if (!caller.inAny(RAISERS)) {
            throw new NotAllowedException("Significant-harm concerns are raised by social workers, team managers "
                    + "and early help practitioners.");
        }
        String user = caller.username();
        Form form = Form.of(body, time.today());
        LocalDate raisedOn = form.happenedOn("raisedOn");
        String description = form.requiredText("description");
        CaseRecord.CaseRow row = cases.find(caseId).orElseThrow(() -> new CaseNotFoundException(caseId));
        form.check();
        if (row.status() != CaseRecord.Status.OPEN || !STAGES.contains(row.stage())) {
            throw new WrongStageException("A significant-harm concern can be raised on an open case in assessment, "
                    + "early help or a Child in Need plan; this case is at the stage: " + Words.stage(row.stage()) + ".");
        }
        transitions.toStrategyDiscussion(caseId, raisedOn, description, user);
        runtime.createMessageCorrelation(Journey.SIGNIFICANT_HARM_CONCERN)
                .processInstanceId(row.processInstanceId())
                .correlateWithResult();
    }
}
