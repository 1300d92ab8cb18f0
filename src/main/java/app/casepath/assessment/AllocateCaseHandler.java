package app.casepath.assessment;

import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.springframework.stereotype.Component;

import app.casepath.caserecord.CaseRecord;
import app.casepath.process.TaskKey;
import app.casepath.security.Groups;
import app.casepath.tasks.Form;
import app.casepath.tasks.TaskFormHandler;

@Component
class AllocateCaseHandler implements TaskFormHandler<String> {

    private final IdentityService identity;
    private final CaseRecord cases;

    AllocateCaseHandler(IdentityService identity, CaseRecord cases) {
        this.identity = identity;
        this.cases = cases;
    }

    @Override
    public TaskKey task() {
        return TaskKey.ALLOCATE_CASE;
    }

    @Override
    public String read(Form form, TaskContext context) {
        String worker = form.text("socialWorker", true, 100);
        if (worker != null && identity.createUserQuery().userId(worker).memberOfGroup(Groups.SOCIAL_WORKERS).count() == 0) {
            form.error("socialWorker", "must be a member of " + Groups.SOCIAL_WORKERS);
        }
        return worker;
    }

    @Override
    public Completion apply(String worker, TaskContext context) {
        cases.allocate(context.caseId(), worker);
        return Completion.of("Allocated to " + worker + ".", context.today(), Map.of());
    }
}
