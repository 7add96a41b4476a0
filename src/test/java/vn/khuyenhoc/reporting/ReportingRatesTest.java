package vn.khuyenhoc.reporting;

import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import vn.khuyenhoc.orgunit.OrgUnitView;
import vn.khuyenhoc.shared.Staff;
import vn.khuyenhoc.support.IntegrationTest;
import vn.khuyenhoc.support.TestTree;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static vn.khuyenhoc.support.TestTree.as;

/**
 * The reporting rates of a province and of the country equal direct counts of the reports; on time is decided by
 * the day in Vietnam; the list of communes not yet submitted names their staff with phones, sorts, filters, and
 * comes as CSV.
 */
@IntegrationTest
class ReportingRatesTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    TestTree tree;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ReportingService reports;

    @Test
    void ratesEqualDirectCountsAndTheLateAreListedWithTheirPhones() throws Exception {
        int year = reports.currentYear();
        OrgUnitView province = tree.unit("22");
        Staff provinceStaff = tree.staffOf(province);
        Staff national = tree.staffOf(tree.central());
        List<Long> communes = jdbc.sql("SELECT id FROM org_unit WHERE parent_id = :p AND level = 2 AND active ORDER BY id")
                .param("p", province.id()).query(Long.class).list();
        // the province's deadline is 5 December (default); 23:30 in Vietnam on the 5th is on time, 00:30 on the 6th
        // (17:30 UTC on the 5th) is late
        insert(communes.get(0), year, "APPROVED", year + "-12-05T23:30:00+07:00");
        insert(communes.get(1), year, "APPROVED", year + "-12-05T17:30:00Z");
        insert(communes.get(2), year, "SUBMITTED", year + "-11-20T08:00:00+07:00");
        insert(communes.get(3), year, "SUBMITTED", year + "-12-20T08:00:00+07:00");
        insert(communes.get(4), year, "RETURNED", null);
        insert(communes.get(5), year, "IN_PROGRESS", null);
        // a commune of another province counts only in the country's rates
        long hanoiCommune = tree.unit("00004").id();
        insert(hanoiCommune, year, "SUBMITTED", year + "-12-01T08:00:00+07:00");

        // the staff of a commune not yet submitted, with a phone given when the province made the account
        mvc.perform(post("/accounts").with(as(provinceStaff)).with(csrf()).param("unitId", "" + communes.get(5))
                        .param("username", "xa" + communes.get(5) + "t" + System.nanoTime() % 100000)
                        .param("fullName", "Đỗ Thị Hoa").param("phone", "0912 345 678").param("password", "mat khau cua xa 2026"))
                .andExpect(status().is3xxRedirection());
        mvc.perform(post("/accounts").with(as(provinceStaff)).with(csrf()).param("unitId", "" + communes.get(5))
                        .param("username", "bad" + System.nanoTime() % 100000).param("fullName", "Sai Số")
                        .param("phone", "12345").param("password", "mat khau cua xa 2026"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Số điện thoại gồm 10 số")));

        MvcResult page = mvc.perform(get("/units/" + province.id() + "/reporting").with(as(provinceStaff))
                        .param("year", "" + year))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Đỗ Thị Hoa")))
                .andExpect(content().string(containsString("tel:0912345678")))
                .andReturn();
        var overview = (ReportingOverviewService.Overview) page.getModelAndView().getModel().get("overview");
        assertThat(overview.rates()).isEqualTo(direct(province.path(), year));
        assertThat(overview.rates()).isEqualTo(new ReportingRates(communes.size(), 4, 2, 2, 2, communes.size() - 4));
        assertThat(overview.waiting()).extracting(CommuneReportRow::id).containsExactlyInAnyOrder(communes.get(2), communes.get(3));
        assertThat(overview.missing()).hasSize(communes.size() - 4);

        // the country: the same counts over every province, and the provinces' own reports
        MvcResult country = mvc.perform(get("/units/" + tree.central().id() + "/reporting").with(as(national)))
                .andExpect(status().isOk()).andReturn();
        var countryOverview = (ReportingOverviewService.Overview) country.getModelAndView().getModel().get("overview");
        assertThat(countryOverview.rates()).isEqualTo(direct(tree.central().path(), year));
        assertThat(countryOverview.provinces()).hasSize(34);
        assertThat(countryOverview.provinceRates().expected()).isEqualTo(34);

        // sorted by code, descending; filtered to the returned ones
        MvcResult sorted = mvc.perform(get("/units/" + province.id() + "/reporting").with(as(provinceStaff))
                .param("sort", "code").param("dir", "desc")).andReturn();
        List<String> codes = ((ReportingOverviewService.Overview) sorted.getModelAndView().getModel().get("overview"))
                .missing().stream().map(CommuneReportRow::code).toList();
        assertThat(codes).isSortedAccordingTo(java.util.Comparator.reverseOrder());
        MvcResult returned = mvc.perform(get("/units/" + province.id() + "/reporting").with(as(provinceStaff))
                .param("state", "RETURNED")).andReturn();
        assertThat(((ReportingOverviewService.Overview) returned.getModelAndView().getModel().get("overview")).missing())
                .extracting(CommuneReportRow::id).containsExactly(communes.get(4));

        // the CSV: a header and a row per expected report, with the phone
        String csv = mvc.perform(get("/units/" + province.id() + "/reporting.csv").with(as(provinceStaff)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(csv.lines().count()).isEqualTo(communes.size() + 1);
        assertThat(csv).contains("0912345678").contains("Trễ hạn").contains("Đúng hạn");

        // the dashboards link to it
        mvc.perform(get("/units/" + province.id() + "/dashboard").with(as(provinceStaff)))
                .andExpect(content().string(containsString("/units/" + province.id() + "/reporting?year=")));
        // and it speaks English too
        mvc.perform(get("/units/" + province.id() + "/reporting").with(as(provinceStaff)).param("lang", "en"))
                .andExpect(content().string(containsString("Not submitted")));
    }

    private void insert(long node, int year, String state, String submittedAt) {
        jdbc.sql("""
                INSERT INTO annual_report (node_id, year, state, submitted_at, submitted_by, figures, reason)
                VALUES (:n, :y, :s, CAST(:at AS timestamptz), :by, CAST(:fig AS jsonb), :reason)
                ON CONFLICT (node_id, year) DO UPDATE SET state = EXCLUDED.state, submitted_at = EXCLUDED.submitted_at,
                    submitted_by = EXCLUDED.submitted_by, figures = EXCLUDED.figures, reason = EXCLUDED.reason
                """).param("n", node).param("y", year).param("s", state).param("at", submittedAt)
                .param("by", submittedAt == null ? null : "test")
                .param("fig", submittedAt == null ? null : "{\"members\": 3}")
                .param("reason", state.equals("RETURNED") ? "Thiếu số liệu" : null).update();
    }

    /** The rates counted straight from the tables, in SQL of their own. */
    private ReportingRates direct(String path, int year) {
        return jdbc.sql("""
                SELECT count(*),
                       count(*) FILTER (WHERE r.state IN ('SUBMITTED', 'APPROVED')),
                       count(*) FILTER (WHERE r.state = 'APPROVED'),
                       count(*) FILTER (WHERE r.state IN ('SUBMITTED', 'APPROVED') AND
                           (r.submitted_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date
                               <= coalesce((SELECT deadline FROM report_deadline d WHERE d.node_id = c.parent_id AND d.year = :y),
                                           make_date(:y, 12, 5))),
                       count(*) FILTER (WHERE r.state IN ('SUBMITTED', 'APPROVED') AND
                           (r.submitted_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date
                               > coalesce((SELECT deadline FROM report_deadline d WHERE d.node_id = c.parent_id AND d.year = :y),
                                          make_date(:y, 12, 5))),
                       count(*) FILTER (WHERE r.state IS NULL OR r.state NOT IN ('SUBMITTED', 'APPROVED'))
                FROM org_unit c LEFT JOIN annual_report r ON r.node_id = c.id AND r.year = :y
                WHERE c.level = 2 AND c.active AND c.path LIKE :p
                """).param("y", year).param("p", path + "%")
                .query((rs, n) -> new ReportingRates(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4),
                        rs.getLong(5), rs.getLong(6))).single();
    }
}
