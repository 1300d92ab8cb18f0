package app.casepath.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.StandaloneProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.persistence.StrongUuidGenerator;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

import com.zaxxer.hikari.HikariDataSource;

import app.casepath.process.EngineIndexes;

/**
 * The same BPMN on Camunda with no product code: its own database on the same PostgreSQL server,
 * the same history level, id generator and pool size, and the least the models' expressions need
 * to evaluate (fixed dates and facts, delegates that do nothing). No case record, no inbox
 * projection, no milestones, no emails, no form validation.
 */
final class BareEngine {

    private BareEngine() {
    }

    /** @param withEngineIndexes whether to add the index Casepath adds to the engine's schema ({@link EngineIndexes}) */
    static ProcessEngine start(String postgresUrl, boolean withEngineIndexes) throws Exception {
        String url = postgresUrl.replace("/postgres?", "/bare?");
        try (Connection admin = DriverManager.getConnection(postgresUrl, "postgres", "postgres")) {
            admin.createStatement().execute("drop database if exists bare");
            admin.createStatement().execute("create database bare");
        } catch (SQLException e) {
            throw new IllegalStateException("could not create the bare engine's database", e);
        }
        HikariDataSource pool = new HikariDataSource();
        pool.setJdbcUrl(url);
        pool.setUsername("postgres");
        pool.setPassword("postgres");
        pool.setMaximumPoolSize(10);
        ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) new StandaloneProcessEngineConfiguration()
                .setDataSource(pool)
                .setDatabaseSchemaUpdate("true")
                .setHistory("full")
                .setJobExecutorActivate(false)
                .setProcessEngineName("bare");
        configuration.setIdGenerator(new StrongUuidGenerator());
        if (withEngineIndexes) {
            configuration.setProcessEnginePlugins(List.of(new EngineIndexes()));
        }
        JavaDelegate nothing = execution -> { };
        configuration.setBeans(Map.of(
                "deadlines", new Deadlines(),
                "caseStages", new Stages(),
                "caseFacts", new Facts(),
                "taskReminder", nothing,
                "taskEscalation", nothing,
                "networkCheckDelegate", nothing));
        ProcessEngine engine = configuration.buildProcessEngine();
        DeploymentBuilder deployment = engine.getRepositoryService().createDeployment().name("bare");
        for (Resource model : new PathMatchingResourcePatternResolver().getResources("classpath*:bpmn/*.bpmn")) {
            deployment.addInputStream(model.getFilename(), model.getInputStream());
        }
        deployment.deploy();
        return engine;
    }

    /** Due dates ten days from the engine's clock. */
    public static final class Deadlines {
        private static Date inTenDays() {
            return new Date(ClockUtil.getCurrentTime().getTime() + 10L * 24 * 3600 * 1000);
        }

        public Date dueOn(String caseId, String taskKey) {
            return inTenDays();
        }

        public Date escalateAt(String caseId, String taskKey) {
            return inTenDays();
        }

        public Date remindAt(String caseId, String taskKey) {
            return inTenDays();
        }

        public Date opensAt(String caseId, String taskKey) {
            return inTenDays();
        }
    }

    public static final class Stages {
        public void enter(DelegateExecution execution, String stage) {
        }
    }

    /** The facts as they stand on the benchmark's journey. */
    public static final class Facts {
        public boolean allocated(String caseId) {
            return true;
        }

        public String allocatedWorker(String caseId) {
            return "social.worker";
        }

        public boolean earlyHelpAssessed(String caseId) {
            return false;
        }

        public String earlyHelpWorker(String caseId) {
            return "eh.practitioner";
        }

        public boolean longPlanReviewAhead(String caseId) {
            return true;
        }
    }
}
