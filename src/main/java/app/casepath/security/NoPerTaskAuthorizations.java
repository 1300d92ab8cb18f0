package app.casepath.security;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.auth.DefaultAuthorizationProvider;
import org.camunda.bpm.engine.impl.interceptor.Session;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationManager;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/**
 * Who may see and do a task is decided by Casepath's own services (roles.md, {@link CaseAccess}),
 * and only administrators reach the engine's own REST API and webapps. The engine's habit of
 * writing an authorization row for every assignee and candidate of every task is therefore
 * unused work: about a hundred statements per journey; so is deleting them as every task and
 * journey ends. Everything else the engine authorizes (deployments, users, groups, the webapps)
 * stays as it is.
 */
@Component
class NoPerTaskAuthorizations extends AbstractProcessEnginePlugin {

    private static final AuthorizationEntity[] NONE = new AuthorizationEntity[0];

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        List<SessionFactory> factories = configuration.getCustomSessionFactories() == null
                ? new ArrayList<>() : new ArrayList<>(configuration.getCustomSessionFactories());
        factories.add(new SessionFactory() {
            @Override
            public Class<?> getSessionType() {
                return AuthorizationManager.class;
            }

            @Override
            public Session openSession() {
                return new AuthorizationManager() {
                    @Override
                    public void deleteAuthorizationsByResourceId(Resource resource, String resourceId) {
                        // None are written for tasks or journeys (below, and the default provider's
                        // newProcessInstance), so none are looked for when they end.
                        if (resource != Resources.TASK && resource != Resources.PROCESS_INSTANCE) {
                            super.deleteAuthorizationsByResourceId(resource, resourceId);
                        }
                    }
                };
            }
        });
        configuration.setCustomSessionFactories(factories);
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
