package app.casepath.process;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import javax.sql.DataSource;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationFailedEvent;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Nodes starting together on one PostgreSQL set up one at a time. The engine makes its schema
 * with plain {@code create table}s and no lock of its own, so two nodes starting on an empty
 * database both try and one fails; the first administrator and the demo users are made on a
 * "look, then insert" basis too. Each node therefore holds a PostgreSQL advisory lock (on a
 * connection of its own) from just before the engine makes or checks its schema until the node
 * is ready: schema, deployment, the engine's extra indexes, the administrator, the demo users and
 * caseload. A node started alongside waits for it, then finds everything made. A node that dies
 * while holding it releases it with its connection. On H2 (one local node) there is nothing to do.
 */
@Component
public class StartupLock extends AbstractProcessEnginePlugin {

    private static final Logger log = LoggerFactory.getLogger(StartupLock.class);
    /** Any constant of our own: "CASEPATH" in ASCII. */
    private static final long KEY = 0x4341534550415448L;

    private final DataSource dataSource;
    private Connection held;

    public StartupLock(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** After the configuration is complete, before the engine is built (which makes or checks the schema). */
    @Override
    public synchronized void postInit(ProcessEngineConfigurationImpl configuration) {
        try {
            Connection connection = dataSource.getConnection();
            if (!"PostgreSQL".equals(connection.getMetaData().getDatabaseProductName())) {
                connection.close();
                return;
            }
            connection.setAutoCommit(true);
            long waitingSince = System.nanoTime();
            try (Statement statement = connection.createStatement()) {
                statement.execute("select pg_advisory_lock(" + KEY + ")");
            }
            long waited = (System.nanoTime() - waitingSince) / 1_000_000;
            if (waited > 1000) {
                log.info("Waited {} ms for another node to finish starting", waited);
            }
            held = connection;
        } catch (SQLException e) {
            throw new IllegalStateException("could not take the start-up lock", e);
        }
    }

    /** Last of the ready listeners: after the demo users (1) and caseload (2). */
    @EventListener(ApplicationReadyEvent.class)
    @Order(Ordered.LOWEST_PRECEDENCE)
    public void ready() {
        release();
    }

    @EventListener(ApplicationFailedEvent.class)
    public void failed() {
        release();
    }

    synchronized void release() {
        if (held == null) {
            return;
        }
        try (Connection connection = held; Statement statement = connection.createStatement()) {
            statement.execute("select pg_advisory_unlock(" + KEY + ")");
        } catch (SQLException e) {
            log.warn("Could not release the start-up lock; it goes with the connection", e);
        } finally {
            held = null;
        }
    }
}
