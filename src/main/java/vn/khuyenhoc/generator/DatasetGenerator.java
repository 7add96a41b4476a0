package vn.khuyenhoc.generator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;

import javax.sql.DataSource;


import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.core.io.ClassPathResource;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.util.StreamUtils;

import vn.khuyenhoc.shared.VietnamTime;
import vn.khuyenhoc.system.OwnerDataSource;

/**
 * Builds a data set of the country's shape at a chosen scale, set-based in PostgreSQL (the SQL in
 * {@code generator/*.sql}): the benchmark's 100 % and the tests' 1 %. Each step is timed and reported.
 *
 * <p>It loads the way bulk loads are done: members and registrations with their tables' secondary indexes dropped
 * (and rebuilt afterwards, several at once) and with {@code session_replication_role = replica}, so no per-row
 * trigger or foreign-key check runs (the SQL places each row itself and generates only valid references, which
 * the rebuilt unique indexes and the generator's test check); every big step runs in {@link #PARTS} parallel
 * sessions over disjoint sets of units. Fund entries go through the ledger's own triggers (vouchers, hash chain,
 * balance check). The roll-up triggers are off throughout and the roll-ups rebuilt once at the end. Replica mode
 * needs a superuser, which the benchmark's and the tests' databases connect as; this is not a production tool.
 */
@Component
public class DatasetGenerator {

    private static final Log log = LogFactory.getLog(DatasetGenerator.class);
    private static final String[] SCRIPTS = {"generator/names.sql", "generator/dataset.sql"};
    private static final int PARTS = Math.max(2, Math.min(4, Runtime.getRuntime().availableProcessors()));

    private final DataSource dataSource;
    private final JdbcClient jdbc;
    private final JdbcTemplate scripts;
    private final Clock clock;

    /** Works as the owner of the tables (it alters them); the application's own role may not. */
    DatasetGenerator(DataSource dataSource, Environment environment, Clock clock) {
        this.clock = clock;
        this.dataSource = OwnerDataSource.of(environment, dataSource);
        this.jdbc = JdbcClient.create(this.dataSource);
        this.scripts = new JdbcTemplate(this.dataSource);
    }

    /**
     * Adds a generated data set to the database: grassroots units, members, registrations of the last
     * {@code years} years, fund entries and populations.
     *
     * @return the seconds each step took, in order
     */
    public Map<String, Double> generate(double scale, int years) {
        return generate(scale, years, List.of());
    }

    /**
     * The same, leaving the given communes alone: nothing is generated in them (the demo enters its own commune's
     * records itself).
     */
    public Map<String, Double> generate(double scale, int years, Collection<Long> excludedCommunes) {
        int lastYear = VietnamTime.thisYear(clock);
        int firstYear = lastYear - years + 1;
        Map<String, Double> timings = new LinkedHashMap<>();
        step(timings, "functions", () -> {
            for (String script : SCRIPTS) {
                scripts.execute(read(script));
            }
            scripts.execute("TRUNCATE generator.excluded_commune");
            for (long commune : excludedCommunes) {
                jdbc.sql("INSERT INTO generator.excluded_commune (commune_id) VALUES (:c)").param("c", commune).update();
            }
        });
        setRollupTriggers(false);
        try {
            step(timings, "units", () -> jdbc.sql("SELECT generator.units(CAST(:scale AS numeric))").param("scale", scale).query(Long.class).single());
            step(timings, "populations", () -> runConcurrently(List.of("SELECT generator.populations(" + firstYear + ", "
                    + lastYear + ")"), Session.BULK));
            loadWithoutIndexes(timings, "member", "members", () -> inParts(Session.BULK, part -> "SELECT generator.members("
                    + scale + ", " + lastYear + ", " + part + ", " + PARTS + ")"));
            step(timings, "unit sizes", () -> scripts.execute("SELECT generator.count_unit_sizes()"));
            loadWithoutIndexes(timings, "title_registration", "registrations", () -> inParts(Session.BULK, part -> "SELECT generator.registrations("
                    + scale + ", " + firstYear + ", " + lastYear + ", " + part + ", " + PARTS + ")"));
            loadWithoutIndexes(timings, "fund_entry", "fund entries", () -> inParts(Session.BULK, part -> "SELECT generator.funds("
                    + scale + ", " + firstYear + ", " + lastYear + ", " + part + ", " + PARTS + ")"));
            step(timings, "roll-ups", () -> jdbc.sql("SELECT rollup_rebuild()").query(Object.class).optional());
        }
        finally {
            setRollupTriggers(true);
        }
        step(timings, "analyze", () -> scripts.execute("ANALYZE"));
        return timings;
    }

    private void setRollupTriggers(boolean enabled) {
        String action = enabled ? "ENABLE" : "DISABLE";
        scripts.execute("ALTER TABLE org_unit " + action + " TRIGGER rollup_units");
        scripts.execute("ALTER TABLE org_unit " + action + " TRIGGER rollup_unit_flows");
        scripts.execute("ALTER TABLE member " + action + " TRIGGER member_rollup_inserted");
        scripts.execute("ALTER TABLE member " + action + " TRIGGER member_rollup_updated");
        scripts.execute("ALTER TABLE member " + action + " TRIGGER member_rollup_deleted");
        scripts.execute("ALTER TABLE title_registration " + action + " TRIGGER rollup_titles");
        scripts.execute("ALTER TABLE fund_entry " + action + " TRIGGER fund_entry_rollup");
    }

    /**
     * Loads a table with its indexes other than its constraints' (primary key, unique constraints) dropped, then builds them again (a few at once),
     * whether the load succeeded or not; a unique index that cannot be built means the load broke a rule.
     */
    private void loadWithoutIndexes(Map<String, Double> timings, String table, String stepName, Runnable load) {
        Map<String, String> indexes = new LinkedHashMap<>();
        jdbc.sql("""
                SELECT i.indexname, i.indexdef FROM pg_indexes i
                WHERE i.schemaname = current_schema() AND i.tablename = :table
                  AND NOT EXISTS (SELECT 1 FROM pg_constraint c
                                  WHERE c.conindid = format('%I.%I', i.schemaname, i.indexname)::regclass)
                """).param("table", table).query((rs, row) -> indexes.put(rs.getString(1), rs.getString(2))).list();
        indexes.keySet().forEach(index -> scripts.execute("DROP INDEX " + index));
        try {
            step(timings, stepName, load);
        }
        finally {
            step(timings, stepName + " indexes", () -> inParallel(List.copyOf(indexes.values())));
        }
    }

    /** How a part's session runs: {@code BULK} without per-row triggers or foreign-key checks (replica mode). */
    private enum Session {
        PLAIN, BULK
    }

    /** Runs the statement of each part in its own session, all at once. */
    private void inParts(Session session, IntFunction<String> statementOfPart) {
        List<String> statements = new ArrayList<>();
        for (int part = 0; part < PARTS; part++) {
            statements.add(statementOfPart.apply(part));
        }
        runConcurrently(statements, session);
    }

    /** Runs the statements {@link #PARTS} at a time (index builds of one table may run together). */
    private void inParallel(List<String> statements) {
        runConcurrently(statements, Session.PLAIN);
    }

    private void runConcurrently(List<String> statements, Session session) {
        ExecutorService pool = Executors.newFixedThreadPool(PARTS);
        try {
            List<Future<?>> running = new ArrayList<>();
            for (String sql : statements) {
                running.add(pool.submit(() -> {
                    execute(sql, session);
                    return null;
                }));
            }
            for (Future<?> future : running) {
                future.get();
            }
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("generation interrupted", ex);
        }
        catch (ExecutionException ex) {
            throw new IllegalStateException("generation failed: " + ex.getCause().getMessage(), ex.getCause());
        }
        finally {
            pool.shutdownNow();
        }
    }

    private void execute(String sql, Session session) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            boolean autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(false);
            try (Statement statement = connection.createStatement()) {
                statement.execute("SET LOCAL maintenance_work_mem = '1GB'");
                if (session == Session.BULK) {
                    statement.execute("SET LOCAL session_replication_role = replica");
                }
                try (PreparedStatement work = connection.prepareStatement(sql)) {
                    work.execute();
                }
                connection.commit();
            }
            catch (SQLException | RuntimeException ex) {
                connection.rollback();
                throw ex;
            }
            finally {
                connection.setAutoCommit(autoCommit);
            }
        }
    }

    private static void step(Map<String, Double> timings, String name, Runnable work) {
        long start = System.nanoTime();
        work.run();
        double seconds = Duration.ofNanos(System.nanoTime() - start).toMillis() / 1000.0;
        timings.put(name, seconds);
        log.info("generator: " + name + " took " + seconds + " s");
    }

    private static String read(String resource) {
        try {
            return StreamUtils.copyToString(new ClassPathResource(resource).getInputStream(), StandardCharsets.UTF_8);
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }
}
