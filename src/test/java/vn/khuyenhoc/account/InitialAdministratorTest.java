package vn.khuyenhoc.account;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.transaction.support.TransactionTemplate;

import vn.khuyenhoc.orgunit.OrgUnitService;
import vn.khuyenhoc.support.IntegrationTest;
import vn.khuyenhoc.support.TestTree;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The first national administrator of a production database comes from {@code KHUYENHOC_ADMIN_USERNAME} /
 * {@code KHUYENHOC_ADMIN_PASSWORD}, only while no national account exists. The test database is shared and other
 * tests create national accounts, so the "none yet" cases run inside a transaction that demotes every national
 * account for its duration and is always rolled back.
 */
@IntegrationTest
class InitialAdministratorTest {

    @Autowired
    AccountService accounts;

    @Autowired
    OrgUnitService orgUnits;

    @Autowired
    InitialAdministrator beanInTheContext;

    @Autowired
    PasswordEncoder passwordEncoder;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TestTree tree;

    @Test
    void onAnEmptyDatabaseTheVariablesCreateTheFirstNationalAccount() {
        String username = "QuanTri." + suffix();
        withoutNationalAccounts(() -> {
            runner(" " + username + " ", "mat-khau-quan-tri").run(null);

            Map<String, Object> admin = account(username.toLowerCase());
            assertThat(admin).containsEntry("role", "NATIONAL").containsEntry("org_unit_id", tree.central().id())
                    .containsEntry("enabled", true);
            assertThat((String) admin.get("password_hash")).startsWith("{pbkdf2@SpringSecurity_v5_8}");
            assertThat(passwordEncoder.matches("mat-khau-quan-tri", (String) admin.get("password_hash"))).isTrue();
            assertThat(accounts.anyNationalAccount()).isTrue();
            Map<String, Object> audit = jdbc.sql("""
                    SELECT action, actor_id, actor_username, after_state::text AS after FROM audit_log
                    WHERE entity_type = 'ACCOUNT' AND entity_id = :id
                    """).param("id", admin.get("id")).query().singleRow();
            assertThat(audit).containsEntry("action", "CREATE").containsEntry("actor_username", "system")
                    .containsEntry("actor_id", null);
            assertThat((String) audit.get("after")).contains(username.toLowerCase()).doesNotContain("bcrypt");

            // the next start finds a national account and leaves things as they are
            runner("quantri2." + suffix(), "mat-khau-quan-tri").run(null);
            assertThat(nationalAccounts()).isEqualTo(1);
        });
        assertThat(exists(username.toLowerCase())).as("rolled back").isFalse();
    }

    @Test
    void withoutTheVariablesOrWithAShortPasswordNothingIsCreated() {
        withoutNationalAccounts(() -> {
            runner("", "").run(null);
            runner("quantri." + suffix(), "ngan").run(null);
            runner("  ", "mat-khau-quan-tri").run(null);
            assertThat(nationalAccounts()).isZero();
        });
    }

    @Test
    void onceANationalAccountExistsTheVariablesAreIgnored() {
        tree.staffOf(tree.central());
        String username = "quantri." + suffix();
        runner(username, "mat-khau-quan-tri").run(null);
        assertThat(exists(username)).isFalse();
    }

    @Test
    void theServiceMethodItUsesNeverCreatesAUsernameTwice() {
        String username = "quantri." + suffix();
        var central = orgUnits.get(orgUnits.centralScope(), orgUnits.centralScope().nodeId());
        transactions.executeWithoutResult(tx -> {
            tx.setRollbackOnly();
            assertThat(accounts.createIfAbsent(username, "mat-khau-quan-tri", "Quản trị", central)).isTrue();
            assertThat(accounts.createIfAbsent(username.toUpperCase(), "khac-han-roi", "Quản trị", central)).isFalse();
            assertThat(passwordEncoder.matches("mat-khau-quan-tri", (String) account(username).get("password_hash")))
                    .isTrue();
        });
    }

    @Test
    void theRunnerIsPartOfTheApplication() {
        assertThat(beanInTheContext).isNotNull();
    }

    // --- helpers --------------------------------------------------------------------------------------------------

    private InitialAdministrator runner(String username, String password) {
        return new InitialAdministrator(accounts, orgUnits, username, password);
    }

    /**
     * Runs the check in a database without national accounts: they are turned into accounts of a province (role and
     * node together, as the trigger that ties roles to levels wants), and everything is rolled back afterwards.
     */
    private void withoutNationalAccounts(Runnable check) {
        tree.staffOf(tree.central()); // whatever ran before, there is one to hide
        long before = nationalAccounts();
        transactions.executeWithoutResult(tx -> {
            tx.setRollbackOnly();
            jdbc.sql("""
                    UPDATE app_user SET role = 'PROVINCE',
                           org_unit_id = (SELECT id FROM org_unit WHERE level = 1 ORDER BY id LIMIT 1)
                    WHERE role = 'NATIONAL'
                    """).update();
            assertThat(accounts.anyNationalAccount()).isFalse();
            check.run();
        });
        assertThat(nationalAccounts()).as("rolled back").isEqualTo(before);
    }

    private long nationalAccounts() {
        return jdbc.sql("SELECT count(*) FROM app_user WHERE role = 'NATIONAL'").query(Long.class).single();
    }

    private Map<String, Object> account(String username) {
        return jdbc.sql("SELECT id, role, org_unit_id, enabled, password_hash FROM app_user WHERE username = :u")
                .param("u", username).query().singleRow();
    }

    private boolean exists(String username) {
        return jdbc.sql("SELECT count(*) FROM app_user WHERE username = :u").param("u", username)
                .query(Long.class).single() > 0;
    }

    private static String suffix() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

}
