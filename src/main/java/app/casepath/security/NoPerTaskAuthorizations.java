package app.casepath.security;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.auth.DefaultAuthorizationProvider;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/**
 * Who may see and do a task is decided by Casepath's own services (roles.md, {@link CaseAccess}),
 * and only administrators reach the engine's own REST API and webapps. The engine's habit of
 * writing an authorization row for every assignee and candidate of every task is therefore
 * unused work: about a hundred statements per journey. Everything else the engine authorizes
 * (deployments, users, groups, the webapps) stays as it is.
 */
@Component
class NoPerTaskAuthorizations extends AbstractProcessEnginePlugin {

    private static final AuthorizationEntity[] NONE = new AuthorizationEntity[0];

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        configuration.setResourceAuthorizationProvider(new DefaultAuthorizationProvider() {
            @Override
            public AuthorizationEntity[] newTaskAssignee(Task task, String oldAssignee, String newAssignee) {
                return NONE;
            }

            @Override
            public AuthorizationEntity[] newTaskOwner(Task task, String oldOwner, String newOwner) {
                return NONE;
            }

            @Override
            public AuthorizationEntity[] newTaskUserIdentityLink(Task task, String userId, String type) {
                return NONE;
            }

            @Override
            public AuthorizationEntity[] newTaskGroupIdentityLink(Task task, String groupId, String type) {
                return NONE;
            }

            @Override
            public AuthorizationEntity[] deleteTaskUserIdentityLink(Task task, String userId, String type) {
                return NONE;
            }

            @Override
            public AuthorizationEntity[] deleteTaskGroupIdentityLink(Task task, String groupId, String type) {
                return NONE;
            }
        });
    }
}
