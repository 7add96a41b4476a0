package vn.khuyenhoc.system;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import vn.khuyenhoc.support.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Functions and triggers live in repeatable migrations ({@code R__<feature>.sql}), one place for the current text of
 * each: the database the tests migrated ends with exactly the text of those files (whatever versioned migrations
 * created first), and nothing the application defines is missing from them.
 */
@IntegrationTest
class RepeatableMigrationsTest {

    private static final Path MIGRATIONS = Path.of("src/main/resources/db/migration");
    private static final Pattern FUNCTION = Pattern.compile(
            "CREATE OR REPLACE FUNCTION (?:public\\.)?(\\w+)\\s*\\(.*?\\bAS\\s+(\\$\\w*\\$)(.*?)\\2",
            Pattern.DOTALL | Pattern.CASE_INSENSITIVE);

    @Autowired
    JdbcClient jdbc;

    @Test
    void everyFunctionOfTheDatabaseHasTheTextOfItsRepeatableMigration() throws IOException {
        Map<String, String> inFiles = new TreeMap<>();
        for (String sql : repeatables()) {
            Matcher m = FUNCTION.matcher(sql);
            while (m.find()) {
                inFiles.put(m.group(1), m.group(3));
            }
        }
        assertThat(inFiles).containsKeys("rollup_rebuild", "rollup_records_rebuild", "require_open_year",
                "fund_entry_before_insert", "member_rollup_add", "org_unit_place");
        Map<String, String> inDatabase = new TreeMap<>();
        jdbc.sql("""
                SELECT p.proname, p.prosrc FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
                WHERE n.nspname = 'public'
                  AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_proc'::regclass
                                  AND d.objid = p.oid AND d.deptype = 'e')
                """).query((rs, n) -> inDatabase.put(rs.getString(1), rs.getString(2))).list();
        assertThat(inFiles.keySet()).as("functions of the repeatable migrations missing from the database")
                .isSubsetOf(inDatabase.keySet());
        assertThat(inDatabase.keySet()).as("functions of the database that no repeatable migration defines")
                .isSubsetOf(inFiles.keySet());
        inFiles.forEach((name, text) -> assertThat(inDatabase.get(name)).as("the text of %s()", name).isEqualTo(text));
    }

    @Test
    void everyTriggerIsDefinedInARepeatableMigration() throws IOException {
        String all = String.join("\n", repeatables());
        List<String> triggers = jdbc.sql("""
                SELECT t.tgname FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid
                JOIN pg_namespace n ON n.oid = c.relnamespace
                WHERE NOT t.tgisinternal AND n.nspname = 'public'
                """).query(String.class).list();
        assertThat(triggers).isNotEmpty();
        List<String> missing = new ArrayList<>();
        for (String trigger : triggers) {
            boolean named = Pattern.compile("TRIGGER\\s+" + trigger + "\\b", Pattern.CASE_INSENSITIVE).matcher(all).find();
            boolean generated = trigger.endsWith("_notify") && all.contains("t || '_notify'")
                    && all.contains("'" + trigger.substring(0, trigger.length() - "_notify".length()) + "'");
            if (!named && !generated) {
                missing.add(trigger);
            }
        }
        assertThat(missing).as("triggers that no repeatable migration defines").isEmpty();
    }

    /**
     * One way to (re)define a trigger in every repeatable file: CREATE OR REPLACE TRIGGER (PostgreSQL 14+), never a
     * DROP TRIGGER followed by CREATE TRIGGER, which leaves a moment without the guard and reads differently.
     */
    @Test
    void everyTriggerIsCreatedOrReplacedNeverDroppedAndCreatedAgain() throws IOException {
        Pattern plainCreate = Pattern.compile("\\bCREATE\\s+(?:CONSTRAINT\\s+)?TRIGGER\\b", Pattern.CASE_INSENSITIVE);
        Pattern drop = Pattern.compile("\\bDROP\\s+TRIGGER\\b", Pattern.CASE_INSENSITIVE);
        try (Stream<Path> files = Files.list(MIGRATIONS)) {
            for (Path p : files.filter(f -> f.getFileName().toString().startsWith("R__")).sorted().toList()) {
                String text = Files.readString(p);
                assertThat(plainCreate.matcher(text).find()).as("%s creates a trigger without OR REPLACE", p.getFileName())
                        .isFalse();
                assertThat(drop.matcher(text).find()).as("%s drops a trigger", p.getFileName()).isFalse();
            }
        }
    }

    private static List<String> repeatables() throws IOException {
        try (Stream<Path> files = Files.list(MIGRATIONS)) {
            List<Path> paths = files.filter(p -> p.getFileName().toString().startsWith("R__")).sorted().toList();
            List<String> texts = new ArrayList<>();
            for (Path p : paths) {
                texts.add(Files.readString(p));
            }
            return texts;
        }
    }
}
