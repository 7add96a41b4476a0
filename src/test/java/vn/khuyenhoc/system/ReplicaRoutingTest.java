package vn.khuyenhoc.system;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.orm.jpa.EntityManagerFactoryUtils;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.context.WebApplicationContext;

import vn.khuyenhoc.KhuyenhocApplication;
import vn.khuyenhoc.orgunit.OrgUnitView;
import vn.khuyenhoc.rollup.RollupService;
import vn.khuyenhoc.shared.Staff;
import vn.khuyenhoc.support.TestTree;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static vn.khuyenhoc.support.TestTree.as;

/**
 * The application on a real primary and a real streaming replica ({@link StreamingReplica}), configured as a
 * deployment would be ({@code khuyenhoc.replica.url}): read-only transactions reach the replica, writes the primary,
 * the dashboards' cache listens on the primary, and a user sees their own change on the next page even while the
 * replica is behind — made deterministic by pausing the replica's replay ({@code pg_wal_replay_pause()}), which
 * also shows that the pages of other users are really read on the replica (they do not see the change until the
 * replay resumes).
 */
class ReplicaRoutingTest {

    private static StreamingReplica servers;
    private static ConfigurableApplicationContext app;
    private static MockMvc mvc;
    private static TestTree tree;
    private static JdbcClient jdbc;
    private static PlatformTransactionManager transactions;

    @BeforeAll
    static void start() {
        servers = StreamingReplica.start();
        try {
            app = new SpringApplicationBuilder(KhuyenhocApplication.class).run(
                    "--spring.datasource.url=" + servers.primaryUrl(),
                    "--spring.datasource.username=postgres", "--spring.datasource.password=postgres",
                    "--khuyenhoc.replica.url=" + servers.replicaUrl(),
                    "--server.port=0", "--spring.main.banner-mode=off",
                    // what is kept is checked against the replica's position here, not the window after a change
                    // (DashboardStalenessTest): every dashboard from the current figures
                    "--khuyenhoc.dashboards.max-staleness=0s");
        }
        catch (RuntimeException ex) {
            servers.close();
            throw ex;
        }
        mvc = MockMvcBuilders.webAppContextSetup((WebApplicationContext) app).apply(springSecurity()).build();
        tree = app.getBean(TestTree.class);
        jdbc = app.getBean(JdbcClient.class);
        transactions = app.getBean(PlatformTransactionManager.class);
    }

    @AfterAll
    static void stop() {
        if (app != null) {
            app.close();
        }
        if (servers != null) {
            servers.close();
        }
    }

    @Test
    void readOnlyTransactionsReadOnTheReplicaAndEverythingElseOnThePrimary() {
        TransactionTemplate readOnly = new TransactionTemplate(transactions);
        readOnly.setReadOnly(true);
        assertThat(readOnly.<Boolean>execute(status -> inRecovery())).as("JdbcClient in a read-only transaction")
                .isTrue();
        assertThat(readOnly.<Boolean>execute(status -> {
            EntityManager entityManager = EntityManagerFactoryUtils.getTransactionalEntityManager(
                    app.getBean(EntityManagerFactory.class));
            return (Boolean) entityManager.createNativeQuery("SELECT pg_is_in_recovery()").getSingleResult();
        })).as("JPA in a read-only transaction").isTrue();
        assertThat(new TransactionTemplate(transactions).<Boolean>execute(status -> inRecovery()))
                .as("a writing transaction")
                .isFalse();
        assertThat(inRecovery()).as("outside a transaction").isFalse();
    }

    @Test
    void theDashboardsCacheListensForChangesOnThePrimary() throws Exception {
        try (Connection primary = servers.primary(); Statement statement = primary.createStatement();
                ResultSet listening = statement.executeQuery(
                        "SELECT count(*) FROM pg_stat_activity WHERE query = 'LISTEN figures_changed'")) {
            listening.next();
            assertThat(listening.getInt(1)).isEqualTo(1);
        }
    }

    @Test
    void aUserSeesTheirOwnSaveOnTheNextPageWhileTheReplicaIsBehindAndTheDashboardsStayExact() throws Exception {
        OrgUnitView commune = tree.unit("06688");
        OrgUnitView chapter = tree.newChapter("06688");
        Staff secretary = tree.staffOf(chapter);
        Staff communeStaff = tree.staffOf(commune);
        waitForTheReplica();
        long membersBefore = dashboard(commune, communeStaff, new MockHttpSession()).total().members();

        pauseReplay(true);
        try {
            MockHttpSession secretarySession = new MockHttpSession();
            mvc.perform(post("/units/" + chapter.id() + "/members").session(secretarySession).with(as(secretary))
                            .with(csrf()).param("fullName", "Đặng Thị Sao Mai").param("gender", "FEMALE")
                            .param("birth", "1982").param("address", "Tổ 7").param("joinedOn", vn.khuyenhoc.support.Today.inVietnam().getYear() + "-01-20"))
                    .andExpect(redirectedUrlPattern("/members/*"));
            assertThat(secretarySession.getAttribute(ReplicaRouter.OWN_WRITE)).as("the write's position, kept")
                    .isNotNull();

            assertThat(memberList(chapter, secretary, secretarySession)).as("the secretary's next page")
                    .contains("Đặng Thị Sao Mai");
            MockHttpSession communeSession = new MockHttpSession();
            assertThat(memberList(chapter, communeStaff, communeSession))
                    .as("another user's page, read on the paused replica").doesNotContain("Đặng Thị Sao Mai");

            assertThat(dashboard(commune, communeStaff, communeSession).total().members())
                    .as("a dashboard to be kept is not read from behind").isEqualTo(membersBefore + 1);

            insertMemberOutsideTheApplication(chapter);
            long seen = membersBefore + 1;
            for (int attempt = 0; attempt < 600 && seen != membersBefore + 2; attempt++) { // 30 s on a busy machine
                Thread.sleep(50);
                seen = dashboard(commune, communeStaff, communeSession).total().members();
            }
            assertThat(seen).as("a change notified by the primary, while the replica is paused")
                    .isEqualTo(membersBefore + 2);
        }
        finally {
            pauseReplay(false);
        }

        waitForTheReplica();
        MockHttpSession communeSession = new MockHttpSession();
        assertThat(memberList(chapter, communeStaff, communeSession)).as("once replayed, everyone sees it")
                .contains("Đặng Thị Sao Mai");
    }

    @Test
    void onceTheReplicaHasCaughtUpTheWritersReadsGoBackToIt() throws Exception {
        OrgUnitView chapter = tree.newChapter("06688");
        Staff secretary = tree.staffOf(chapter);
        waitForTheReplica();
        MockHttpSession session = new MockHttpSession();
        mvc.perform(post("/units/" + chapter.id() + "/members").session(session).with(as(secretary)).with(csrf())
                        .param("fullName", "Lò Văn Tiến").param("gender", "MALE").param("birth", "1979")
                        .param("address", "Bản Mòng").param("joinedOn", vn.khuyenhoc.support.Today.inVietnam().getYear() + "-02-03"))
                .andExpect(redirectedUrlPattern("/members/*"));
        waitForTheReplica();
        assertThat(memberList(chapter, secretary, session)).contains("Lò Văn Tiến");
        // reading a member list is audited (issue 16), in a transaction that changes no record: it leaves the session
        // unmarked, so the reads after it stay on the replica
        assertThat(session.getAttribute(ReplicaRouter.OWN_WRITE)).as("the list's audit entry marks nothing").isNull();
        waitForTheReplica();
        mvc.perform(get("/units/" + chapter.id()).session(session).with(as(secretary))).andExpect(status().isOk());
        assertThat(session.getAttribute(ReplicaRouter.OWN_WRITE)).as("dropped once the replica had replayed it")
                .isNull();
    }

    private static boolean inRecovery() {
        return jdbc.sql("SELECT pg_is_in_recovery()").query(Boolean.class).single();
    }

    private static String memberList(OrgUnitView unit, Staff staff, MockHttpSession session) throws Exception {
        return mvc.perform(get("/units/" + unit.id() + "/members").session(session).with(as(staff)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }

    private static RollupService.Dashboard dashboard(OrgUnitView node, Staff staff, MockHttpSession session)
            throws Exception {
        return (RollupService.Dashboard) mvc.perform(get("/units/" + node.id() + "/dashboard").session(session)
                        .with(as(staff)))
                .andExpect(status().isOk()).andReturn().getModelAndView().getModel().get("dashboard");
    }

    /** A member written by plain SQL on the primary: only the database's notification tells the cache. */
    private static void insertMemberOutsideTheApplication(OrgUnitView chapter) throws SQLException {
        try (Connection primary = servers.primary(); PreparedStatement insert = primary.prepareStatement("""
                INSERT INTO member (unit_id, card_number, full_name, gender, birth_year, address, joined_on)
                VALUES (?, '22-' || lpad(nextval('member_card_seq')::text, 8, '0'), 'Vi Thị Hoa', 'FEMALE', 1990,
                        'Tổ 9', make_date(?, 3, 1))
                """)) {
            insert.setLong(1, chapter.id());
            insert.setInt(2, vn.khuyenhoc.support.Today.inVietnam().getYear());
            insert.executeUpdate();
        }
    }

    private static void pauseReplay(boolean pause) throws SQLException, InterruptedException {
        try (Connection replica = servers.replica(); Statement statement = replica.createStatement()) {
            statement.execute(pause ? "SELECT pg_wal_replay_pause()" : "SELECT pg_wal_replay_resume()");
            for (int attempt = 0; pause && attempt < 200; attempt++) {
                try (ResultSet state = statement.executeQuery("SELECT pg_get_wal_replay_pause_state()")) {
                    state.next();
                    if ("paused".equals(state.getString(1))) {
                        return;
                    }
                }
                Thread.sleep(25);
            }
        }
    }

    /** Until the replica has replayed everything the primary has written so far. */
    private static void waitForTheReplica() throws SQLException, InterruptedException {
        long target;
        try (Connection primary = servers.primary(); Statement statement = primary.createStatement();
                ResultSet position = statement.executeQuery("SELECT pg_current_wal_insert_lsn() - '0/0'::pg_lsn")) {
            position.next();
            target = position.getLong(1);
        }
        try (Connection replica = servers.replica(); Statement statement = replica.createStatement()) {
            for (int attempt = 0; attempt < 2_400; attempt++) { // a minute on a busy machine
                try (ResultSet replayed = statement.executeQuery(
                        "SELECT pg_last_wal_replay_lsn() - '0/0'::pg_lsn")) {
                    replayed.next();
                    if (replayed.getLong(1) >= target) {
                        return;
                    }
                }
                Thread.sleep(25);
            }
        }
        throw new AssertionError("the replica did not catch up within a minute");
    }
}
