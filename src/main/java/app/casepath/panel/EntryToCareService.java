package app.casepath.panel;

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
 * Opens an entry-to-care request from a Child in Need or child protection plan. The plan goes on
 * (visits, core groups, reviews) while the panel considers it.
 */
@Service
public class EntryToCareService {

    static final Set<Stage> STAGES = Set.of(Stage.CIN_PLAN, Stage.CP_PLAN);
    static final Set<String> REQUESTERS = Set.of(Groups.SOCIAL_WORKERS, Groups.TEAM_MANAGERS);

    private final CaseRecord cases;
    private final PanelRequests requests;
    private final Transitions transitions;
    private final RuntimeService runtime;
    private final TimeSource time;
    private final CaseAccess access;

    public EntryToCareService(CaseRecord cases, PanelRequests requests, Transitions transitions, RuntimeService runtime,
                              TimeSource time, CaseAccess access) {
        this.access = access;
        this.cases = cases;
        this.requests = requests;
        this.transitions = transitions;
        this.runtime = runtime;
        this.time = time;
    }

    @Transactional
    public void request(Caller caller, String caseId, JsonNode body) {
        if (!access.canRead(caller, caseId)) {
            throw new CaseNotFoundException(caseId);
        }
        if (!caller.inAny(REQUESTERS)) {
            throw new NotAllowedException("Entry to care is requested by social workers and team managers.");
        }
        Form form = Form.of(body, time.today());
        String route = form.choice("route", Evidence.ROUTES);
        String reason = form.requiredText("reason");
        CaseRecord.CaseRow row = cases.find(caseId).orElseThrow(() -> new CaseNotFoundException(caseId));
        form.check();
        if (row.status() != CaseRecord.Status.OPEN || !STAGES.contains(row.stage())) {
            throw new WrongStageException("An entry-to-care request can be raised from a Child in Need or child "
                    + "protection plan (or by authorising an assessment); this case is at the stage: " + Words.stage(row.stage()) + ".");
        }
        if (requests.openRequest(caseId)) {
            throw new WrongStageException("This case already has a request before the Entry to Care Panel.");
        }
        transitions.toPanel(caseId, time.today(), route, reason, row.stage());
        runtime.createMessageCorrelation(Journey.ENTRY_TO_CARE_REQUESTED)
                .processInstanceBusinessKey(row.reference())
                .correlateWithResult();
    }
}
