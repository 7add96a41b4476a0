package vn.khuyenhoc.rollup;

import java.sql.Connection;
import java.sql.PreparedStatement;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.AbstractPlatformTransactionManager;

import vn.khuyenhoc.orgunit.OrgUnitView;
import vn.khuyenhoc.shared.Staff;
import vn.khuyenhoc.support.IntegrationTest;
import vn.khuyenhoc.support.TestTree;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static vn.khuyenhoc.support.TestTree.as;

/**
 * The dashboards are kept in memory between changes, and are never older than the data: a change made through the
 * application shows on the very next page, one made outside it (SQL on a connection of its own) as soon as the
 * database notifies it, and a dashboard kept for one user is never shown to a user whose scope does not hold it.
 */
@IntegrationTest
class DashboardCacheTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    TestTree tree;

    @Autowired
    DataSource dataSource;

    @Autowired
    PlatformTransactionManager transactionManager;

    @Autowired
    DashboardCache cache;

    @Test
    void everyTransactionOfTheApplicationIsHeardByTheCache() {
        // what makes a user's own change show on their next page without waiting for the database's notification
        assertThat(((AbstractPlatformTransactionManager) transactionManager).getTransactionExecutionListeners())
                .contains(cache);
    }

    @Test
    void aDashboardIsKeptUntilAMemberIsSavedAndTheNextPageShowsTheMember() throws Exception {
        OrgUnitView commune = tree.unit("06688");
        OrgUnitView chapter = tree.newChapter("06688");
        Staff communeStaff = tree.staffOf(commune);
        RollupService.Dashboard first = kept(commune, communeStaff);
        assertThat(dashboard(commune, communeStaff)).as("nothing changed: the same dashboard, from memory").isSameAs(first);

        mvc.perform(post("/units/" + chapter.id() + "/members").with(as(tree.staffOf(chapter))).with(csrf())
                        .param("fullName", "Trần Thị Bích").param("gender", "FEMALE").param("birth", "1980")
                        .param("address", "Tổ 5").param("joinedOn", vn.khuyenhoc.support.Today.inVietnam().getYear() + "-01-15"))
                .andExpect(redirectedUrlPattern("/members/*"));

        RollupService.Dashboard after = dashboard(commune, communeStaff);
        assertThat(after).isNotSameAs(first);
        assertThat(after.total().members()).isEqualTo(first.total().members() + 1);
        assertThat(after.total().newMembers()).isEqualTo(first.total().newMembers() + 1);
        assertThat(after.rows()).filteredOn(row -> row.node().id() == chapter.id())
                .singleElement().satisfies(row -> assertThat(row.figures().members()).isEqualTo(1));
    }

    @Test
    void readingMemberListsIsAuditedWithoutMakingTheDashboardsReadAfresh() throws Exception {
        OrgUnitView commune = tree.unit("06688");
        Staff communeStaff = tree.staffOf(commune);
        RollupService.Dashboard first = kept(commune, communeStaff);
        long audited = jdbc().sql("SELECT count(*) FROM audit_log WHERE action = 'READ_LIST'").query(Long.class).single();

        mvc.perform(get("/units/" + commune.id() + "/members").with(as(communeStaff))).andExpect(status().isOk());

        assertThat(jdbc().sql("SELECT count(*) FROM audit_log WHERE action = 'READ_LIST'").query(Long.class).single())
                .as("the read is audited, in a transaction of its own").isEqualTo(audited + 1);
        assertThat(dashboard(commune, communeStaff)).as("an audit entry changes no figure").isSameAs(first);
    }

    @Test
    void aChangeMadeOutsideTheApplicationShowsOnceTheDatabaseNotifiesIt() throws Exception {
        OrgUnitView commune = tree.unit("06652");
        Staff communeStaff = tree.staffOf(commune);
        RollupService.Dashboard cached = kept(commune, communeStaff);
        long population = cached.total().population() == null ? 40_000 : cached.total().population() + 1;

        // not through the application (no transaction of its own to end a generation): only the notification tells it
        try (Connection connection = dataSource.getConnection();
                PreparedStatement upsert = connection.prepareStatement("""
                        INSERT INTO node_population (node_id, year, population, updated_by) VALUES (?, ?, ?, 'sql')
                        ON CONFLICT (node_id, year) DO UPDATE SET population = excluded.population
                        """)) {
            connection.setAutoCommit(true);
            upsert.setLong(1, commune.id());
            upsert.setInt(2, vn.khuyenhoc.support.Today.inVietnam().getYear());
            upsert.setLong(3, population);
            upsert.executeUpdate();
        }

        RollupService.Dashboard seen = cached;
        for (int attempt = 0; attempt < 100 && seen == cached; attempt++) {
            Thread.sleep(50);
            seen = dashboard(commune, communeStaff);
        }
        assertThat(seen).as("read afresh within five seconds of the notification").isNotSameAs(cached);
        assertThat(seen.total().population()).isEqualTo(population);
    }

    @Test
    void aKeptDashboardIsShownOnlyToUsersWhoseScopeHoldsIt() throws Exception {
        OrgUnitView quangNinh = tree.unit("22");
        dashboard(quangNinh, tree.staffOf(tree.central()));
        dashboard(quangNinh, tree.staffOf(quangNinh));
        mvc.perform(get("/units/" + quangNinh.id() + "/dashboard").with(as(tree.staffOf(tree.unit("01")))))
                .andExpect(status().isNotFound());
        mvc.perform(get("/units/" + quangNinh.id() + "/dashboard").with(as(tree.staffOf(tree.unit("06688")))))
                .andExpect(status().isNotFound());
        OrgUnitView commune = tree.unit("06688");
        dashboard(commune, tree.staffOf(tree.central()));
        mvc.perform(get("/units/" + commune.id() + "/dashboard").with(as(tree.staffOf(tree.unit("06652")))))
                .andExpect(status().isNotFound());
        mvc.perform(get("/units/" + commune.id() + "/dashboard").with(as(tree.staffOf(tree.newChapter("06688")))))
                .andExpect(status().isNotFound());
    }

    /**
     * The dashboard once it is kept: the set-up's own writes are notified a moment after they commit, and each
     * notification drops what was kept before it arrived.
     */
    private RollupService.Dashboard kept(OrgUnitView node, Staff staff) throws Exception {
        RollupService.Dashboard previous = dashboard(node, staff);
        for (int attempt = 0; attempt < 100; attempt++) {
            Thread.sleep(20);
            RollupService.Dashboard current = dashboard(node, staff);
            if (current == previous) {
                return current;
            }
            previous = current;
        }
        throw new AssertionError("the dashboard of " + node.name() + " is never kept");
    }

    private RollupService.Dashboard dashboard(OrgUnitView node, Staff staff) throws Exception {
        return (RollupService.Dashboard) mvc.perform(get("/units/" + node.id() + "/dashboard").with(as(staff)))
                .andExpect(status().isOk()).andReturn().getModelAndView().getModel().get("dashboard");
    }

    private org.springframework.jdbc.core.simple.JdbcClient jdbc() {
        return org.springframework.jdbc.core.simple.JdbcClient.create(dataSource);
    }
}
