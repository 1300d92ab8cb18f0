package app.casepath;

import java.io.IOException;

import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * One real PostgreSQL server per test JVM (zonky's embedded binaries: no Docker, works as root).
 * JIT is off as in production: it slows the engine's wide queries.
 */
public final class EmbeddedPostgres {

    private static io.zonky.test.db.postgres.embedded.EmbeddedPostgres server;

    private EmbeddedPostgres() {
    }

    public static synchronized String jdbcUrl() {
        if (server == null) {
            try {
                server = io.zonky.test.db.postgres.embedded.EmbeddedPostgres.builder()
                        .setServerConfig("jit", "off")
                        .start();
            } catch (IOException e) {
                throw new IllegalStateException("embedded PostgreSQL did not start", e);
            }
        }
        return server.getJdbcUrl("postgres", "postgres");
    }

    /** A database of its own on the same server, for a test whose figures must see only its own cases. */
    public static synchronized String jdbcUrl(String database) {
        jdbcUrl();
        try (var connection = server.getPostgresDatabase().getConnection(); var statement = connection.createStatement()) {
            var exists = statement.executeQuery("select 1 from pg_database where datname = '" + database + "'");
            if (!exists.next()) {
                statement.execute("create database " + database);
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException("database " + database + " not created", e);
        }
        return server.getJdbcUrl("postgres", database);
    }

    public static void register(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", EmbeddedPostgres::jdbcUrl);
        registry.add("spring.datasource.username", () -> "postgres");
        registry.add("spring.datasource.password", () -> "postgres");
    }
}
