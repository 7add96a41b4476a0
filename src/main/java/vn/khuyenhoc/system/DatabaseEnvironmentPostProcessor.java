package vn.khuyenhoc.system;

import java.io.File;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Map;

import org.apache.commons.logging.Log;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.logging.DeferredLogFactory;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.Profiles;
import org.springframework.util.StringUtils;

/**
 * Decides which PostgreSQL the application talks to, before anything connects.
 * <ul>
 * <li>{@code spring.datasource.url} set (e.g. {@code SPRING_DATASOURCE_URL}): that server, nothing is started.
 * Under the {@code test} profile the tests get a database of their own on it ({@code <name>_test}),
 * never the application's.</li>
 * <li>No URL, profile {@code dev} ({@code ./mvnw spring-boot:run}): an embedded PostgreSQL (real server
 * binaries) whose data stays under {@code ./data/postgres} between runs.</li>
 * <li>No URL, profile {@code test}: a throwaway embedded PostgreSQL, one per JVM, removed at exit.</li>
 * <li>No URL otherwise (a packaged production run): refuse to start with a clear message.</li>
 * </ul>
 */
public class DatabaseEnvironmentPostProcessor implements EnvironmentPostProcessor, Ordered {

    static final String URL = "spring.datasource.url";

    /** Recreated once per JVM: every Spring test context of a test run shares it. */
    private static Map<String, Object> testDatabase;

    /** The role the tests' application connects as on a named server, as production's would: rows only. */
    static final String TEST_APP_ROLE = "khuyenhoc_test_app";

    private final Log log;

    public DatabaseEnvironmentPostProcessor(DeferredLogFactory logFactory) {
        this.log = logFactory.getLog(DatabaseEnvironmentPostProcessor.class);
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        boolean test = environment.acceptsProfiles(Profiles.of("test"));
        boolean dev = environment.acceptsProfiles(Profiles.of("dev"));
        String url = environment.getProperty(URL);
        if (StringUtils.hasText(url)) {
            if (test) {
                environment.getPropertySources().addFirst(new MapPropertySource("khuyenhocDatabase",
                        separateTestDatabase(url, environment)));
            }
            return;
        }
        if (test) {
            useEmbedded(environment, throwawayEmbedded());
        }
        else if (dev) {
            String dir = environment.getProperty("khuyenhoc.embedded-postgres.directory", "data/postgres");
            int port = environment.getProperty("khuyenhoc.embedded-postgres.port", Integer.class, 54329);
            useEmbedded(environment, persistentEmbedded(new File(dir), port));
        }
        else {
            throw new MissingDatabaseException();
        }
    }

    /** Flyway migrates as the owner (the superuser postgres); the application connects as a role without DDL. */
    private static void useEmbedded(ConfigurableEnvironment environment, String url) {
        environment.getPropertySources().addFirst(new MapPropertySource("khuyenhocDatabase",
                Map.of(URL, url, "spring.datasource.username", EmbeddedPostgresServer.APP_ROLE,
                        "spring.datasource.password", EmbeddedPostgresServer.APP_ROLE,
                        "spring.flyway.user", "postgres", "spring.flyway.password", "postgres")));
    }

    private String persistentEmbedded(File directory, int port) {
        log.info("No SPRING_DATASOURCE_URL: using an embedded PostgreSQL with its data in " + directory.getAbsolutePath());
        return EmbeddedPostgresServer.persistent(directory, port).jdbcUrl();
    }

    private String throwawayEmbedded() {
        return EmbeddedPostgresServer.throwaway().jdbcUrl();
    }

    /**
     * Tests on a named server get a fresh database of their own, recreated once per test run; Flyway migrates it as
     * the configured user, and the application connects as {@value #TEST_APP_ROLE} (created when missing) when that
     * user may create roles, as in production.
     */
    private synchronized Map<String, Object> separateTestDatabase(String url, ConfigurableEnvironment environment) {
        if (testDatabase == null) {
            JdbcUrl parsed = JdbcUrl.parse(url);
            String testName = parsed.database() + "_test";
            String user = environment.getProperty("spring.datasource.username");
            String password = environment.getProperty("spring.datasource.password");
            boolean appRole;
            try (Connection admin = DriverManager.getConnection(parsed.withDatabase("postgres"), user, password)) {
                admin.createStatement().execute("DROP DATABASE IF EXISTS \"" + testName + "\" WITH (FORCE)");
                admin.createStatement().execute("CREATE DATABASE \"" + testName + "\"");
                appRole = ensureTestAppRole(admin);
            }
            catch (SQLException ex) {
                throw new IllegalStateException("Could not create the test database " + testName + " on " + url, ex);
            }
            testDatabase = appRole
                    ? Map.of(URL, parsed.withDatabase(testName), "spring.datasource.username", TEST_APP_ROLE,
                            "spring.datasource.password", TEST_APP_ROLE, "spring.flyway.user", user,
                            "spring.flyway.password", password == null ? "" : password)
                    : Map.of(URL, parsed.withDatabase(testName));
        }
        return testDatabase;
    }

    private boolean ensureTestAppRole(Connection admin) {
        try {
            var exists = admin.createStatement().executeQuery(
                    "SELECT 1 FROM pg_roles WHERE rolname = '" + TEST_APP_ROLE + "'");
            if (!exists.next()) {
                admin.createStatement().execute("CREATE ROLE " + TEST_APP_ROLE + " LOGIN PASSWORD '" + TEST_APP_ROLE + "'");
            }
            return true;
        }
        catch (SQLException cannotCreateRoles) {
            log.warn("The tests connect as the migrating user itself: it may not create the role " + TEST_APP_ROLE);
            return false;
        }
    }

    /** The parts of a {@code jdbc:postgresql://host:port/database?params} URL this class needs. */
    record JdbcUrl(String prefix, String database, String query) {

        static JdbcUrl parse(String url) {
            int slash = url.indexOf('/', "jdbc:postgresql://".length());
            if (!url.startsWith("jdbc:postgresql://") || slash < 0) {
                throw new IllegalStateException("Not a PostgreSQL JDBC URL with a database name: " + url);
            }
            int question = url.indexOf('?', slash);
            String database = question < 0 ? url.substring(slash + 1) : url.substring(slash + 1, question);
            String query = question < 0 ? "" : url.substring(question);
            return new JdbcUrl(url.substring(0, slash + 1), database, query);
        }

        String withDatabase(String name) {
            return prefix + name + query;
        }
    }
}
