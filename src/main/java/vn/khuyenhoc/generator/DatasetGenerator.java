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
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Executor;
import java.util.concurrent.Future;
import java.util.concurrent.PriorityBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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
 * <p>It loads the way bulk loads are done: members, registrations and fund entries with their tables' secondary
 * indexes dropped (and rebuilt afterwards) and with {@code session_replication_role = replica}, so no per-row
 * trigger or foreign-key check runs: the SQL places each row itself, generates only valid references, and decides
 * for the fund entries what the ledger's trigger would (voucher numbers, hash chain, balance check); the rebuilt
 * unique indexes and the generator's test check it. Every big step runs in {@link #PARTS} parallel sessions over
 * disjoint sets of units, and after the members everything else (the other loads, every index build, the roll-ups
 * rebuilt table by table) runs on {@link #PARTS} sessions as soon as what it reads is loaded, so that no core idles.
 * The roll-up triggers are off throughout. Replica mode needs a superuser, which the benchmark's and the tests'
 * databases connect as; this is not a production tool.
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
        Map<String, String> dropped = new LinkedHashMap<>();
        try {
            step(timings, "units", () -> jdbc.sql("SELECT generator.units(CAST(:scale AS numeric))").param("scale", scale).query(Long.class).single());
            step(timings, "populations", () -> runConcurrently(List.of("SELECT generator.populations(" + firstYear + ", "
                    + lastYear + ")"), Session.BULK));
            List<String> memberIndexes = dropIndexes("member", dropped);
            List<String> registrationIndexes = dropIndexes("title_registration", dropped);
            List<String> fundIndexes = dropIndexes("fund_entry", dropped);
            step(timings, "members", () -> inParts(Session.BULK, part -> "SELECT generator.members("
                    + scale + ", " + lastYear + ", " + part + ", " + PARTS + ")"));
            step(timings, "unit sizes", () -> scripts.execute("SELECT generator.count_unit_sizes()"));
            boolean rollupsInParts = rollupRebuildIsTheKnownParts();
            step(timings, "the rest, overlapped (wall)", () -> {
                Schedule schedule = new Schedule(timings);
                CompletableFuture<Void> registrations = schedule.group("registrations", Priority.LOAD, Session.BULK, partsOf(part ->
                        "SELECT generator.registrations(" + scale + ", " + firstYear + ", " + lastYear + ", " + part + ", " + PARTS + ")"));
                CompletableFuture<Void> funds = schedule.group("fund entries", Priority.LOAD, Session.BULK, partsOf(part ->
                        "SELECT generator.funds(" + scale + ", " + firstYear + ", " + lastYear + ", " + part + ", " + PARTS + ")"));
                schedule.group("members indexes", Priority.INDEX, Session.PLAIN, memberIndexes);
                if (rollupsInParts) {
                    schedule.group("roll-ups of members", Priority.ROLL_UP, Session.PLAIN, List.of("SELECT rollup_members_rebuild()"));
                    schedule.group("roll-ups of units", Priority.ROLL_UP, Session.PLAIN,
                            List.of("SELECT rollup_units_rebuild()", "SELECT rollup_unit_flows_rebuild()"));
                }
                schedule.group("registrations indexes", Priority.INDEX, Session.PLAIN, registrationIndexes, registrations);
                schedule.group("fund entries indexes", Priority.INDEX, Session.PLAIN, fundIndexes, funds);
                if (rollupsInParts) {
                    schedule.group("roll-ups of registrations", Priority.ROLL_UP, Session.PLAIN, List.of("SELECT rollup_titles_rebuild()"), registrations);
                    schedule.group("roll-ups of funds", Priority.ROLL_UP, Session.PLAIN,
                            List.of("SELECT rollup_funds_rebuild()", "SELECT rollup_centres_rebuild()"), funds);
                }
                schedule.awaitAll();
            });
            if (!rollupsInParts) {
                step(timings, "roll-ups", () -> jdbc.sql("SELECT rollup_rebuild()").query(Object.class).optional());
            }
        }
        finally {
            restoreIndexes(dropped);
            setRollupTriggers(true);
        }
        step(timings, "analyze", () -> scripts.execute("ANALYZE"));
        return timings;
    }

    /**
     * Whether {@code rollup_rebuild()} is still the parts the generator runs at once ({@code rollup_units_rebuild},
     * {@code rollup_unit_flows_rebuild}, {@code rollup_centres_rebuild} and {@code rollup_records_rebuild}, itself
     * {@code rollup_members_rebuild}, {@code rollup_titles_rebuild} and {@code rollup_funds_rebuild}). If a roll-up
     * has been added since, the generator calls {@code rollup_rebuild()} whole at the end instead: slower, never
     * incomplete.
     */
    private boolean rollupRebuildIsTheKnownParts() {
        return Set.of("rollup_units_rebuild", "rollup_unit_flows_rebuild", "rollup_records_rebuild", "rollup_centres_rebuild")
                .equals(calledBy("rollup_rebuild"))
                && Set.of("rollup_members_rebuild", "rollup_titles_rebuild", "rollup_funds_rebuild").equals(calledBy("rollup_records_rebuild"));
    }

    /** The functions a PL/pgSQL function calls with PERFORM, comments left out. */
    private Set<String> calledBy(String function) {
        String source = jdbc.sql("SELECT prosrc FROM pg_proc WHERE proname = :name AND pronamespace = current_schema()::regnamespace")
                .param("name", function).query(String.class).optional().orElse("");
        Set<String> called = new HashSet<>();
        Matcher matcher = PERFORM.matcher(source.replaceAll("--[^\n]*", ""));
        while (matcher.find()) {
            called.add(matcher.group(1));
        }
        return called;
    }

    private static final Pattern PERFORM = Pattern.compile("(?i)\\bPERFORM\\s+(\\w+)\\s*\\(");

    private static List<String> partsOf(IntFunction<String> statementOfPart) {
        List<String> statements = new ArrayList<>();
        for (int part = 0; part < PARTS; part++) {
            statements.add(statementOfPart.apply(part));
        }
        return statements;
    }

    /**
     * The work after the members, on {@link #PARTS} sessions at once, each piece as soon as what it reads is loaded:
     * the registrations' and fund entries' loads, every index build and every roll-up, so that no core waits while
     * another finishes a long index build. Each group is timed from its first piece's start to its last's end (groups
     * overlap).
     * <p>
     * Waiting pieces start by {@link Priority}, the longest kinds of work first: at the country's scale a roll-up
     * rebuild is a single statement of five to ten minutes, and queued behind a dozen index builds it ran last,
     * alone, with the other core idle.
     */
    private final class Schedule {

        private final ExecutorService pool = new ThreadPoolExecutor(PARTS, PARTS, 0, TimeUnit.MILLISECONDS,
                new PriorityBlockingQueue<>());
        private final AtomicLong submitted = new AtomicLong();
        private final List<CompletableFuture<Void>> all = new ArrayList<>();
        private final Map<String, long[]> spans = new LinkedHashMap<>();
        private final Map<String, Double> timings;
        private final long started = System.nanoTime();

        Schedule(Map<String, Double> timings) {
            this.timings = timings;
        }

        CompletableFuture<Void> group(String name, Priority priority, Session session, List<String> statements,
                CompletableFuture<?>... after) {
            synchronized (spans) {
                spans.put(name, new long[] {Long.MAX_VALUE, Long.MIN_VALUE});
            }
            Executor inTurn = work -> pool.execute(new Queued(priority, submitted.getAndIncrement(), work));
            CompletableFuture<Void> group = CompletableFuture.allOf(after).thenCompose(ready -> CompletableFuture.allOf(
                    statements.stream().map(sql -> CompletableFuture.runAsync(() -> timed(name, sql, session), inTurn))
                            .toArray(CompletableFuture[]::new)));
            group.thenRun(() -> report(name));
            all.add(group);
            return group;
        }

        private void timed(String name, String sql, Session session) {
            long start = System.nanoTime();
            try {
                execute(sql, session);
            }
            catch (SQLException ex) {
                throw new IllegalStateException("generation failed: " + ex.getMessage(), ex);
            }
            long end = System.nanoTime();
            log.info("generator: " + name + ": " + (sql.length() > 90 ? sql.substring(0, 90) + "…" : sql) + " took "
                    + Duration.ofNanos(end - start).toMillis() / 1000.0 + " s");
            synchronized (spans) {
                long[] span = spans.get(name);
                span[0] = Math.min(span[0], start);
                span[1] = Math.max(span[1], end);
            }
        }

        /** Logs a group's time as soon as its last statement ends, so that a long run shows where it is. */
        private void report(String name) {
            synchronized (spans) {
                long[] span = spans.get(name);
                if (span[1] >= span[0]) {
                    log.info("generator: " + name + " took " + Duration.ofNanos(span[1] - span[0]).toMillis() / 1000.0
                            + " s (overlapped), done " + Duration.ofNanos(span[1] - started).toSeconds() + " s into the rest");
                }
            }
        }

        /** Waits for every group (all of them, even after one failed), then reports the first failure. */
        void awaitAll() {
            try {
                CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).join();
            }
            catch (CompletionException ex) {
                throw ex.getCause() instanceof RuntimeException cause ? cause : ex;
            }
            finally {
                pool.shutdownNow();
                synchronized (spans) {
                    spans.forEach((name, span) -> {
                        if (span[1] >= span[0]) {
                            timings.put(name, Duration.ofNanos(span[1] - span[0]).toMillis() / 1000.0);
                        }
                    });
                }
            }
        }
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
     * Drops a table's indexes other than its constraints' (primary key, unique constraints) before its load, and
     * returns their definitions, also kept in {@code dropped} for {@link #restoreIndexes}.
     */
    private List<String> dropIndexes(String table, Map<String, String> dropped) {
        Map<String, String> indexes = new LinkedHashMap<>();
        jdbc.sql("""
                SELECT i.indexname, i.indexdef FROM pg_indexes i
                WHERE i.schemaname = current_schema() AND i.tablename = :table
                  AND NOT EXISTS (SELECT 1 FROM pg_constraint c
                                  WHERE c.conindid = format('%I.%I', i.schemaname, i.indexname)::regclass)
                """).param("table", table).query((rs, row) -> indexes.put(rs.getString(1), rs.getString(2))).list();
        indexes.keySet().forEach(index -> scripts.execute("DROP INDEX " + index));
        dropped.putAll(indexes);
        return List.copyOf(indexes.values());
    }

    /**
     * Builds again whichever dropped index is still missing (none, when the schedule ran to its end), whether the
     * load succeeded or not; a unique index that cannot be built means the load broke a rule.
     */
    private void restoreIndexes(Map<String, String> dropped) {
        inParallel(dropped.values().stream()
                .map(definition -> definition.replaceFirst("^CREATE (UNIQUE )?INDEX ", "CREATE $1INDEX IF NOT EXISTS "))
                .toList());
    }

    /** Which waiting work of the schedule starts first: the loads (everything else waits for them), then the longest. */
    private enum Priority {
        LOAD, ROLL_UP, INDEX
    }

    /** A piece of the schedule waiting for a session: by priority, then in the order it was submitted. */
    private record Queued(Priority priority, long order, Runnable work) implements Runnable, Comparable<Queued> {

        @Override
        public void run() {
            work.run();
        }

        @Override
        public int compareTo(Queued other) {
            int byPriority = priority.compareTo(other.priority);
            return byPriority != 0 ? byPriority : Long.compare(order, other.order);
        }
    }

    /** How a part's session runs: {@code BULK} without per-row triggers or foreign-key checks (replica mode). */
    private enum Session {
        PLAIN, BULK
    }

    /** Runs the statement of each part in its own session, all at once. */
    private void inParts(Session session, IntFunction<String> statementOfPart) {
        runConcurrently(partsOf(statementOfPart), session);
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
                // index builds sort in memory rather than in runs on disk (a btree over the 34 million members: 13 %
                // faster than with 1 GB; a cap, not an allocation, so small data sets take what they need)
                statement.execute("SET LOCAL maintenance_work_mem = '3GB'");
                // the roll-ups' GROUP BY over tens of millions of rows: in memory rather than spilled in batches
                statement.execute("SET LOCAL work_mem = '512MB'");
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
