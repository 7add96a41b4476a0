package vn.khuyenhoc.centre;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import vn.khuyenhoc.fund.FundCategory;
import vn.khuyenhoc.fund.FundDirection;
import vn.khuyenhoc.fund.FundEntryCommand;
import vn.khuyenhoc.fund.FundEntryView;
import vn.khuyenhoc.fund.FundService;
import vn.khuyenhoc.orgunit.OrgUnitView;
import vn.khuyenhoc.rollup.Figure;
import vn.khuyenhoc.rollup.RollupService;
import vn.khuyenhoc.shared.Scope;
import vn.khuyenhoc.shared.Staff;
import vn.khuyenhoc.support.IntegrationTest;
import vn.khuyenhoc.support.TestTree;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static vn.khuyenhoc.support.TestTree.as;

/**
 * A disbursement to community learning centres may name the centre it supports: only a centre of the fund's own
 * subtree, only in that category; the centre's page shows what it received; the ledger stays append-only and its
 * hash chain whole; the dashboard, export and province roll-up count the support.
 */
@IntegrationTest
class CentreFundTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    TestTree tree;

    @Autowired
    CentreFixture fixture;

    @Autowired
    FundService funds;

    @Autowired
    RollupService rollups;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    DataSource dataSource;

    private MockHttpServletRequestBuilder disbursement(Staff staff, long nodeId, String category, String centreId) {
        return post("/units/" + nodeId + "/fund/entries").with(as(staff)).with(csrf())
                .param("direction", "DISBURSEMENT").param("category", category).param("amount", "2.500.000")
                .param("entryDate", funds.today().toString()).param("counterparty", "Trung tâm HTCĐ")
                .param("peopleReached", "").param("note", "Mua máy tính").param("centreId", centreId);
    }

    private long entries(long nodeId) {
        return jdbc.sql("SELECT count(*) FROM fund_entry WHERE node_id = :n").param("n", nodeId).query(Long.class).single();
    }

    @Test
    void aCommunesDisbursementNamesOneOfItsOwnCentresAndTheCentreShowsTheSupport() throws Exception {
        OrgUnitView commune = tree.unit("06661");
        Staff staff = tree.staffOf(commune);
        OrgUnitView otherCommune = tree.unit("06658");
        CentreView own = fixture.centre(staff, commune, LocalDate.of(2025, 8, 1));
        CentreView other = fixture.centre(tree.staffOf(otherCommune), otherCommune, LocalDate.of(2025, 8, 1));
        funds.record(staff, new FundEntryCommand(FundDirection.RECEIPT, FundCategory.BUSINESS_DONATION, 50_000_000L,
                LocalDate.of(2025, 9, 1), "Công ty Thử", null, null));

        mvc.perform(get("/units/" + commune.id() + "/fund/entries/new").param("direction", "DISBURSEMENT").with(as(staff)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("value=\"" + own.id() + "\"")))
                .andExpect(content().string(not(containsString("value=\"" + other.id() + "\""))));

        long before = entries(commune.id());
        mvc.perform(disbursement(staff, commune.id(), "COMMUNITY_LEARNING_CENTRE", String.valueOf(other.id())))
                .andExpect(status().isOk()).andExpect(model().attributeHasFieldErrors("entryForm", "centreId"))
                .andExpect(content().string(containsString("không thuộc địa bàn của quỹ")));
        mvc.perform(disbursement(staff, commune.id(), "OPERATIONS", String.valueOf(own.id())))
                .andExpect(status().isOk()).andExpect(model().attributeHasFieldErrors("entryForm", "centreId"));
        mvc.perform(disbursement(staff, commune.id(), "COMMUNITY_LEARNING_CENTRE", "abc"))
                .andExpect(status().isOk()).andExpect(model().attributeHasFieldErrors("entryForm", "centreId"));
        assertThat(entries(commune.id())).isEqualTo(before);

        String location = mvc.perform(disbursement(staff, commune.id(), "COMMUNITY_LEARNING_CENTRE", String.valueOf(own.id())))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        long entryId = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
        assertThat(jdbc.sql("SELECT centre_id FROM fund_entry WHERE id = :id").param("id", entryId).query(Long.class).single())
                .isEqualTo(own.id());
        mvc.perform(get(location).with(as(staff))).andExpect(status().isOk())
                .andExpect(content().string(containsString("/centres/" + own.id())));
        mvc.perform(get("/centres/" + own.id()).with(as(staff))).andExpect(status().isOk())
                .andExpect(content().string(containsString("2.500.000 ₫")));
        mvc.perform(get("/centres/" + other.id()).with(as(tree.staffOf(otherCommune)))).andExpect(status().isOk())
                .andExpect(content().string(containsString("Chưa có khoản chi nào")));

        // the province's roll-up counts it, the reversal names the same centre and takes it back
        Scope central = new Scope(tree.central().id(), tree.central().path(), 0);
        int year = funds.today().getYear();
        long provinceSupport = Figure.CENTRE_SUPPORT.of(rollups.figures(central, tree.unit("22").id(), year)).longValue();
        FundEntryView reversal = funds.reverse(staff, entryId, funds.today(), "Ghi nhầm");
        assertThat(reversal.centreId()).isEqualTo(own.id());
        assertThat(Figure.CENTRE_SUPPORT.of(rollups.figures(central, tree.unit("22").id(), year)).longValue())
                .isEqualTo(provinceSupport - 2_500_000L);
        assertThat(fixture.centres.support(central, own.id()).total()).isZero();
        assertThat(funds.verify(central, commune.id()).firstBroken()).isNull();
    }

    @Test
    void aProvinceFundMayNameACentreOfItsCommunesAndTheLedgerStaysAppendOnlyWhoeverConnects() throws Exception {
        OrgUnitView commune = tree.unit("06661");
        CentreView centre = fixture.centre(tree.staffOf(commune), commune, LocalDate.of(2025, 8, 1));
        CentreView hanoi = fixture.centre(tree.staffOf(tree.unit("00004")), tree.unit("00004"), LocalDate.of(2025, 8, 1));
        Staff province = tree.staffOf(tree.unit("22"));
        funds.record(province, new FundEntryCommand(FundDirection.RECEIPT, FundCategory.BUSINESS_DONATION, 50_000_000L,
                LocalDate.of(2025, 9, 1), "Tập đoàn Thử", null, null));
        mvc.perform(get("/units/" + province.scope().nodeId() + "/fund/entries/new").param("direction", "DISBURSEMENT")
                        .with(as(province)))
                .andExpect(status().isOk()).andExpect(content().string(containsString("value=\"" + centre.id() + "\"")))
                .andExpect(content().string(not(containsString("value=\"" + hanoi.id() + "\""))));
        mvc.perform(disbursement(province, province.scope().nodeId(), "COMMUNITY_LEARNING_CENTRE", String.valueOf(centre.id())))
                .andExpect(status().is3xxRedirection());
        long entryId = jdbc.sql("SELECT max(id) FROM fund_entry WHERE centre_id = :c").param("c", centre.id())
                .query(Long.class).single();

        try (Connection connection = dataSource.getConnection(); Statement sql = connection.createStatement()) {
            assertThatThrownBy(() -> sql.executeUpdate("UPDATE fund_entry SET centre_id = NULL WHERE id = " + entryId))
                    .isInstanceOfSatisfying(SQLException.class, ex -> assertThat(ex.getSQLState()).isEqualTo("KH200"));
            assertThatThrownBy(() -> sql.executeUpdate("UPDATE fund_entry SET centre_id = " + hanoi.id() + " WHERE id = " + entryId))
                    .isInstanceOfSatisfying(SQLException.class, ex -> assertThat(ex.getSQLState()).isEqualTo("KH200"));
            assertThatThrownBy(() -> sql.executeUpdate("DELETE FROM fund_entry WHERE id = " + entryId))
                    .isInstanceOfSatisfying(SQLException.class, ex -> assertThat(ex.getSQLState()).isEqualTo("KH200"));
            // a centre outside the fund's subtree, and a centre on another category, whoever writes
            assertThatThrownBy(() -> sql.executeUpdate("""
                    INSERT INTO fund_entry (node_id, entry_date, direction, category, amount, counterparty, recorded_by,
                                            centre_id, year, voucher_seq, voucher_number, chain_seq, entry_hash)
                    VALUES (%d, current_date, 'DISBURSEMENT', 'COMMUNITY_LEARNING_CENTRE', 1000, 'x', 'psql', %d,
                            0, 1, 'x', 0, '\\\\x00')
                    """.formatted(province.scope().nodeId(), hanoi.id())))
                    .isInstanceOfSatisfying(SQLException.class, ex -> assertThat(ex.getSQLState()).isEqualTo("KH453"));
            assertThatThrownBy(() -> sql.executeUpdate("""
                    INSERT INTO fund_entry (node_id, entry_date, direction, category, amount, counterparty, recorded_by,
                                            centre_id, year, voucher_seq, voucher_number, chain_seq, entry_hash)
                    VALUES (%d, current_date, 'DISBURSEMENT', 'OPERATIONS', 1000, 'x', 'psql', %d, 0, 1, 'x', 0, '\\\\x00')
                    """.formatted(province.scope().nodeId(), centre.id())))
                    .isInstanceOfSatisfying(SQLException.class, ex -> assertThat(ex.getSQLState()).isEqualTo("23514"));
        }
        assertThat(jdbc.sql("SELECT centre_id FROM fund_entry WHERE id = :id").param("id", entryId).query(Long.class).single())
                .isEqualTo(centre.id());
        Scope central = new Scope(tree.central().id(), tree.central().path(), 0);
        assertThat(funds.verify(central, province.scope().nodeId()).firstBroken()).isNull();
    }

    @Test
    void theDashboardAndTheExportShowTheCentresFigures() throws Exception {
        OrgUnitView commune = tree.unit("06661");
        Staff staff = tree.staffOf(commune);
        CentreView centre = fixture.centre(staff, commune, LocalDate.of(2025, 8, 1));
        fixture.centres.saveYear(staff, centre.id(), CentreFixture.year(2025, 10, 1000, true, true), null);
        Staff province = tree.staffOf(tree.unit("22"));
        mvc.perform(get("/units/" + commune.id() + "/dashboard").param("year", "2025").with(as(province)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"centre-kinds\"")))
                .andExpect(content().string(containsString("TT học tập số")))
                .andExpect(content().string(containsString("Kỹ năng số")));
        mvc.perform(get("/units/" + province.scope().nodeId() + "/dashboard").param("year", "2025")
                        .param("sort", "centreHubs").param("figure", "centreTurns").with(as(province)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Lượt người học tại TT HTCĐ")));
        var started = mvc.perform(get("/units/" + province.scope().nodeId() + "/export.csv").param("year", "2025")
                        .with(as(province))).andExpect(status().isOk()).andReturn();
        String csv = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.asyncDispatch(started))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(csv).contains("Trung tâm HTCĐ", "TT học tập số", "Tỷ lệ cán bộ tập huấn KNS", "Quỹ hỗ trợ TT HTCĐ");
    }
}
