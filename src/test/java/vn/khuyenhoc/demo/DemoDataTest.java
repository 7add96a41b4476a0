package vn.khuyenhoc.demo;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.jdbc.core.simple.JdbcClient;

import vn.khuyenhoc.account.AccountService;
import vn.khuyenhoc.orgunit.OrgUnitService;
import vn.khuyenhoc.support.IntegrationTest;
import vn.khuyenhoc.support.TestTree;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 16: the demo data (accounts with a published password) goes only into a database without any account, and
 * only under the demo profile.
 */
@IntegrationTest
class DemoDataTest {

    @Autowired
    OrgUnitService orgUnits;

    @Autowired
    AccountService accounts;

    @Autowired
    TestTree tree;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    org.springframework.transaction.support.TransactionTemplate transactions;

    @Autowired
    org.springframework.context.ApplicationContext context;

    @Test
    void aDatabaseWithAnyAccountGetsNoDemoAccounts() {
        tree.staffOf(tree.unit("22")); // one account at least
        // in a transaction rolled back afterwards: the browser tests' demo accounts stay as they are
        transactions.executeWithoutResult(tx -> {
            tx.setRollbackOnly();
            jdbc.sql("UPDATE app_user SET username = username || '-cu' WHERE username IN ('national', 'province', 'commune', 'chapter')")
                    .update();
            long before = jdbc.sql("SELECT count(*) FROM app_user").query(Long.class).single();

            new DemoData(orgUnits, accounts, null, true).run(new DefaultApplicationArguments());

            assertThat(jdbc.sql("SELECT count(*) FROM app_user").query(Long.class).single()).isEqualTo(before);
            assertThat(jdbc.sql("SELECT count(*) FROM app_user WHERE username IN ('national', 'province', 'commune', 'chapter')")
                    .query(Long.class).single()).isZero();
        });
    }

    @Test
    void withoutTheDemoProfileThereIsNoDemoLoaderAtAll() {
        assertThat(context.getBeanNamesForType(DemoData.class)).isEmpty();
    }
}
