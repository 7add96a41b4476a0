package vn.khuyenhoc.generator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Year;
import java.util.LinkedHashMap;
import java.util.Map;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.util.StreamUtils;

/**
 * Builds a data set of the country's shape at a chosen scale, set-based in PostgreSQL (the SQL in
 * {@code generator/*.sql}): the benchmark's 100 % and the tests' 1 %. Each step is timed and reported.
 */
@Component
public class DatasetGenerator {

    private static final Log log = LogFactory.getLog(DatasetGenerator.class);
    private static final String[] SCRIPTS = {"generator/names.sql", "generator/dataset.sql"};

    private final JdbcClient jdbc;
    private final JdbcTemplate scripts;

    DatasetGenerator(JdbcClient jdbc, JdbcTemplate scripts) {
        this.jdbc = jdbc;
        this.scripts = scripts;
    }

    /**
     * Adds a generated data set to the database: grassroots units, members, registrations of the last
     * {@code years} years, fund entries and populations.
     *
     * @return the seconds each step took, in order
     */
    public Map<String, Double> generate(double scale, int years) {
        int lastYear = Year.now().getValue();
        int firstYear = lastYear - years + 1;
        Map<String, Double> timings = new LinkedHashMap<>();
        step(timings, "functions", () -> {
            for (String script : SCRIPTS) {
                scripts.execute(read(script));
            }
        });
        step(timings, "units", () -> jdbc.sql("SELECT generator.units(CAST(:scale AS numeric))").param("scale", scale).query(Long.class).single());
        step(timings, "populations", () -> jdbc.sql("SELECT generator.populations(:first, :last)")
                .param("first", firstYear).param("last", lastYear).query(Object.class).optional());
        // the roll-up triggers are off while the records are loaded, and the roll-ups rebuilt once at the end
        setRollupTriggers(false);
        try {
            step(timings, "members", () -> jdbc.sql("SELECT generator.members(CAST(:scale AS numeric), :last)")
                    .param("scale", scale).param("last", lastYear).query(Long.class).single());
            step(timings, "registrations", () -> jdbc.sql("SELECT generator.registrations(CAST(:scale AS numeric), :first, :last)")
                    .param("scale", scale).param("first", firstYear).param("last", lastYear).query(Long.class).single());
            step(timings, "fund entries", () -> jdbc.sql("SELECT generator.funds(CAST(:scale AS numeric), :first, :last)")
                    .param("scale", scale).param("first", firstYear).param("last", lastYear).query(Long.class).single());
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
        scripts.execute("ALTER TABLE member " + action + " TRIGGER member_rollup_inserted");
        scripts.execute("ALTER TABLE member " + action + " TRIGGER member_rollup_updated");
        scripts.execute("ALTER TABLE member " + action + " TRIGGER member_rollup_deleted");
        scripts.execute("ALTER TABLE title_registration " + action + " TRIGGER rollup_titles");
        scripts.execute("ALTER TABLE fund_entry " + action + " TRIGGER fund_entry_rollup");
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
