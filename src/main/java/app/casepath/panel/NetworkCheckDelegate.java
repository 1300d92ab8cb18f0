package app.casepath.panel;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import app.casepath.calendar.TimeSource;
import app.casepath.caserecord.Chronology;
import app.casepath.process.Journey;

/** The model's "Run the network check": evaluates the submitted evidence and records the result. */
@Component("networkCheckDelegate")
class NetworkCheckDelegate implements JavaDelegate {

    private final PanelRequests requests;
    private final NetworkCheck check;
    private final Chronology chronology;
    private final TimeSource time;

    NetworkCheckDelegate(PanelRequests requests, NetworkCheck check, Chronology chronology, TimeSource time) {
        this.requests = requests;
        this.check = check;
        this.chronology = chronology;
        this.time = time;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String caseId = (String) execution.getVariable(Journey.CASE_ID);
        NetworkCheck.Result result = check.check(requests.evidence(caseId));
        requests.checked(caseId, result, time.today());
        chronology.record(caseId, "NETWORK_CHECK", result.passed()
                ? "The network check passed."
                : "The network check found gaps: " + String.join(" ", result.gaps()), null);
        execution.setVariable(Journey.CHECK_PASSED, result.passed());
    }
}
