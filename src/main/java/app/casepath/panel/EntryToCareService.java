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
import app.casepath.tasks.Form;

/**
 * Opens an entry-to-care request from a Child in Need or child protection plan. The plan goes on
 * (visits, core groups, reviews) while the panel considers it.
 */
@Service
public class EntryToCareService {

    static final Set<Stage> STAGES = Set.of(Stage.CIN_PLAN, Stage.CP_PLAN);

    private final CaseRecord cases;
    private final PanelRequests requests;
    private final Transitions transitions;
    private final RuntimeService runtime;
    private final TimeSource time;

    public EntryToCareService(CaseRecord cases, PanelRequests requests, Transitions transitions, RuntimeService runtime,
                              TimeSource time) {
        this.cases = cases;
        this.requests = requests;
        this.transitions = transitions;
        this.runtime = runtime;
        this.time = time;
    }

    @Transactional
    public void request(String caseId, JsonNode body, String user) {
        Form form = Form.of(body, time.today());
        String route = form.choice("route", Evidence.ROUTES);
        String reason = form.requiredText("reason");
        CaseRecord.CaseRow row = cases.find(caseId).orElseThrow(() -> new CaseNotFoundException(caseId));
        form.check();
        if (row.status() != CaseRecord.Status.OPEN || !STAGES.contains(row.stage())) {
            throw new WrongStageException("An entry-to-care request can be raised from a Child in Need or child "
                    + "protection plan (or by authorising an assessment); this case is in " + row.stage() + ".");
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
