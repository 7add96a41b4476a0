package vn.khuyenhoc.system;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * A real PostgreSQL server (binaries from Maven Central) started by the application itself, at most one per JVM.
 * Only the dev profile and the tests touch this class; the production jar does not even contain the binaries.
 */
final class EmbeddedPostgresServer {

    static final String DATABASE = "khuyenhoc";
    /** The role the application connects as: rows only, no DDL (see R__hardening.sql). Its password is local only. */
    static final String APP_ROLE = "khuyenhoc_app";

    private static EmbeddedPostgresServer running;

    private final EmbeddedPostgres postgres;

    private EmbeddedPostgresServer(EmbeddedPostgres postgres) {
        this.postgres = postgres;
        createDatabaseIfMissing();
    }

    /** A server whose data stays in {@code directory} between runs. */
    static synchronized EmbeddedPostgresServer persistent(File directory, int port) {
        if (running == null) {
            directory.mkdirs();
            running = new EmbeddedPostgresServer(start(EmbeddedPostgres.builder()
                    .setDataDirectory(directory)
                    .setCleanDataDirectory(false)
                    .setPort(port)));
        }
        return running;
    }

    /** A server in a temporary directory on a free port, removed when the JVM exits. */
    static synchronized EmbeddedPostgresServer throwaway() {
        if (running == null) {
            running = new EmbeddedPostgresServer(start(EmbeddedPostgres.builder()));
        }
        return running;
    }

    /** Without a user in it: the user comes with the connection (the app's role, or the owner for Flyway). */
    String jdbcUrl() {
        return "jdbc:postgresql://localhost:" + postgres.getPort() + "/" + DATABASE;
    }

    private static EmbeddedPostgres start(EmbeddedPostgres.Builder builder) {
        try {
            return builder.setServerConfig("max_connections", "200").start();
        }
        catch (IOException ex) {
            throw new UncheckedIOException("Could not start the embedded PostgreSQL", ex);
        }
    }

    private void createDatabaseIfMissing() {
        try (Connection admin = DriverManager.getConnection(postgres.getJdbcUrl("postgres", "postgres"), "postgres",
                "postgres")) {
            var role = admin.prepareStatement("SELECT 1 FROM pg_roles WHERE rolname = ?");
            role.setString(1, APP_ROLE);
            if (!role.executeQuery().next()) {
                admin.createStatement().execute("CREATE ROLE " + APP_ROLE + " LOGIN PASSWORD '" + APP_ROLE + "'");
            }
            var exists = admin.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?");
            exists.setString(1, DATABASE);
            if (!exists.executeQuery().next()) {
                admin.createStatement().execute("CREATE DATABASE " + DATABASE + " ENCODING 'UTF8'");
            }
        }
        catch (SQLException ex) {
            throw new IllegalStateException("Could not create the database " + DATABASE, ex);
        }
    }
}
