package app.casepath.caserecord;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

import app.casepath.process.Journey;
import app.casepath.process.Stage;
import app.casepath.process.Words;

/**
 * Called by the models as a stage starts (or a plan resumes after a declined panel request):
 * moves the case to that stage in the record and, for a strategy discussion or a panel
 * request, remembers where the case came from, which is where "no s47" or "decline" go back to.
 */
@Component("caseStages")
public class CaseStages {

    private final CaseRecord cases;
    private final Chronology chronology;

    public CaseStages(CaseRecord cases, Chronology chronology) {
        this.cases = cases;
        this.chronology = chronology;
    }

    public void enter(DelegateExecution execution, String stageName) {
        Stage stage = Stage.valueOf(stageName);
        String caseId = (String) execution.getVariable(Journey.CASE_ID);
        if (stage == Stage.STRATEGY || stage == Stage.PANEL) {
            Stage from = cases.get(caseId).stage();
            // A case sent straight from the Front Door has finished no stage: it returns to assessment.
            Stage back = from == Stage.FRONT_DOOR ? Stage.ASSESSMENT : from;
            execution.setVariable(Journey.RETURN_STAGE, back.name());
        }
        if (cases.moveTo(caseId, stage)) {
            chronology.record(caseId, "STAGE", "Moved to the stage: " + Words.stage(stage) + ".", null);
        }
    }
}
