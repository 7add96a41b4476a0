package vn.khuyenhoc.system;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;

import vn.khuyenhoc.orgunit.OrgUnitView;
import vn.khuyenhoc.support.IntegrationTest;
import vn.khuyenhoc.support.TestTree;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Issue 16, database roles: the application's own connections may read and write rows but not alter, disable
 * triggers, truncate or drop (Flyway migrated as the owner); and closing a year and writing into it exclude each
 * other (two connections).
 */
@IntegrationTest
class DatabaseRolesTest {

    @Autowired
    DataSource dataSource;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Environment environment;

    @Autowired
    TestTree tree;

    @Test
    void theApplicationsRoleMayNotSwitchOffTheGuardsNorChangeTheSchema() {
        assertThat(jdbc.sql("SELECT current_user").query(String.class).single()).isNotEqualTo("postgres");
        for (String ddl : new String[] {
                "ALTER TABLE fund_entry DISABLE TRIGGER fund_entry_append_only",
                "ALTER TABLE audit_log DISABLE TRIGGER ALL",
                "TRUNCATE audit_log",
                "DROP TABLE closed_year",
                "ALTER TABLE member ADD COLUMN x int",
                "CREATE TABLE stolen (x int)",
                "SET session_replication_role = replica"}) {
            assertThatThrownBy(() -> jdbc.sql(ddl).update()).as(ddl).satisfies(ex -> assertThat(
                    NestedExceptionUtils.getMostSpecificCause(ex).getMessage()).matches("(?s).*(must be owner|permission denied).*"));
        }
        // while rows it reads and writes as always
        assertThat(jdbc.sql("SELECT count(*) FROM org_unit").query(Long.class).single()).isPositive();
    }

    @Test
    void theOwnerMigratedAndOwnsTheTables() {
        String owner = environment.getProperty("spring.flyway.user");
        assertThat(owner).isNotBlank();
        assertThat(jdbc.sql("SELECT tableowner FROM pg_tables WHERE tablename = 'fund_entry'").query(String.class).single())
                .isEqualTo(owner);
    }

    @Test
    void closingWaitsForAWriteUnderWayAndThatWriteCommitsBeforeTheYearCloses() throws Exception {
        OrgUnitView chapter = tree.newChapter("06688");
        int year = 2019;
        DataSource owner = OwnerDataSource.of(environment, dataSource);
        try (Connection writer = dataSource.getConnection(); Connection closer = owner.getConnection()) {
            writer.setAutoCommit(false);
            try (Statement s = writer.createStatement()) {
                // a write into the year, under way (its trigger has checked the year and holds it)
                s.executeUpdate("INSERT INTO member (unit_id, card_number, full_name, gender, birth_year, ethnicity,"
                        + " party_member, address, joined_on) VALUES (" + chapter.id()
                        + ", '22-' || lpad(nextval('member_card_seq')::text, 8, '0'), 'Trần Thị Khóa', 'FEMALE', 1980, 1, false, 'Khu 1', DATE '" + year + "-03-01')");
            }
            CompletableFuture<Void> closing = CompletableFuture.runAsync(() -> {
                try (Statement s = closer.createStatement()) {
                    closer.setAutoCommit(false);
                    s.execute("SELECT lock_year_for_closing(" + year + ")");
                    s.executeUpdate("INSERT INTO closed_year (year, closed_by) VALUES (" + year + ", 'test')");
                    closer.commit();
                }
                catch (SQLException ex) {
                    throw new IllegalStateException(ex);
                }
            });
            // the closing waits on the write's lock: visible in pg_locks, without any timing
            awaitWaitingAdvisoryLock();
            assertThat(closing).isNotDone();
            writer.commit();
            closing.get(60, TimeUnit.SECONDS);
        }
        // the write went in before the year closed; a write starting now is refused
        assertThat(jdbc.sql("SELECT count(*) FROM member WHERE unit_id = :u").param("u", chapter.id()).query(Long.class).single())
                .isEqualTo(1);
        assertThatThrownBy(() -> jdbc.sql("""
                INSERT INTO member (unit_id, card_number, full_name, gender, birth_year, ethnicity, party_member, address, joined_on)
                VALUES (:u, '22-' || lpad(nextval('member_card_seq')::text, 8, '0'), 'Lê Văn Muộn', 'MALE', 1981, 1, false, 'Khu 1', DATE '2019-04-01')
                """).param("u", chapter.id()).update()).hasMessageContaining("closed");
    }

    private void awaitWaitingAdvisoryLock() throws InterruptedException {
        for (int i = 0; i < 6000; i++) {
            if (jdbc.sql("SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND NOT granted")
                    .query(Long.class).single() > 0) {
                return;
            }
            Thread.sleep(10);
        }
        throw new AssertionError("the closing never waited for the write");
    }
}
