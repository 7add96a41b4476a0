package vn.khuyenhoc.rollup;

import java.text.NumberFormat;
import java.time.LocalDate;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import vn.khuyenhoc.fund.FundCategory;
import vn.khuyenhoc.fund.FundDirection;
import vn.khuyenhoc.fund.FundEntryCommand;
import vn.khuyenhoc.fund.FundEntryView;
import vn.khuyenhoc.fund.FundService;
import vn.khuyenhoc.orgunit.OrgUnitView;
import vn.khuyenhoc.shared.Staff;
import vn.khuyenhoc.support.IntegrationTest;
import vn.khuyenhoc.support.TestTree;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static vn.khuyenhoc.support.TestTree.as;

/**
 * Dashboards by period through the pages: a province's awards over the 2021–2025 congress term in one click, equal
 * to the sum of its ledgers; half-years and spans asked for in every way the page accepts; money by kind charted
 * and sorted; what cannot be read shows this year; scope as everywhere.
 */
@IntegrationTest
class PeriodDashboardTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    TestTree tree;

    @Autowired
    FundService funds;

    @Autowired
    RollupService rollups;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aProvincesAwardsOverTheTermAreOneClickAwayAndEqualItsLedgers() throws Exception {
        OrgUnitView province = tree.unit("01"); // Hà Nội
        OrgUnitView commune = tree.unit("00004");
        OrgUnitView chapter = tree.newChapter("00004");
        Staff provinceStaff = tree.staffOf(province);
        // money in, then awards paid out by the province, a commune and a chapter over the term, one reversed,
        // and awards just outside it (2020 and this year) that must not count
        for (OrgUnitView node : new OrgUnitView[] {province, commune, chapter}) {
            Staff staff = tree.staffOf(node);
            funds.record(staff, new FundEntryCommand(FundDirection.RECEIPT, FundCategory.BUSINESS_DONATION, 900_000_000L,
                    LocalDate.of(2020, 1, 2), "Công ty Cổ phần Thử", null, null));
            funds.record(staff, new FundEntryCommand(FundDirection.DISBURSEMENT, FundCategory.AWARD_STUDENTS, 1_234_567L,
                    LocalDate.of(2020, 12, 31), "Học sinh giỏi 2020", 3, null));
            for (int year = 2021; year <= 2025; year++) {
                funds.record(staff, new FundEntryCommand(FundDirection.DISBURSEMENT, FundCategory.AWARD_STUDENTS,
                        10_000_000L + year, LocalDate.of(year, 5, 20), "Học sinh giỏi " + year, 7, null));
                funds.record(staff, new FundEntryCommand(FundDirection.DISBURSEMENT, FundCategory.AWARD_TEACHERS,
                        5_000_001L * (year - 2020), LocalDate.of(year, 11, 20), "Giáo viên dạy giỏi " + year, 2, null));
            }
            FundEntryView mistaken = funds.record(staff, new FundEntryCommand(FundDirection.DISBURSEMENT,
                    FundCategory.AWARD_TEACHERS, 777_777L, LocalDate.of(2023, 3, 3), "Ghi nhầm", 1, null));
            funds.reverse(staff, mistaken.id(), LocalDate.of(2023, 3, 4), "Ghi nhầm số tiền");
            funds.record(staff, new FundEntryCommand(FundDirection.DISBURSEMENT, FundCategory.AWARD_TEACHERS, 4_321L,
                    vn.khuyenhoc.support.Today.inVietnam(), "Giáo viên năm nay", 1, null));
        }

        // the province's dashboard offers the term; following the link shows its awards
        String page = mvc.perform(get("/units/" + province.id() + "/dashboard").with(as(provinceStaff)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        Matcher link = Pattern.compile("id=\"preset-2021-2025\"[^>]*href=\"([^\"]+)\"|href=\"([^\"]+)\"[^>]*id=\"preset-2021-2025\"")
                .matcher(page);
        assertThat(link.find()).as("a link to the 2021–2025 term").isTrue();
        String href = (link.group(1) != null ? link.group(1) : link.group(2)).replace("&amp;", "&");
        assertThat(href).contains("period=2021-2025");
        String term = mvc.perform(get(href).with(as(provinceStaff)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("2021–2025")))
                .andReturn().getResponse().getContentAsString();

        long ledgers = jdbc.sql("""
                SELECT sum(e.amount) FROM fund_entry e JOIN org_unit u ON u.id = e.node_id
                WHERE u.path LIKE :path || '%' AND e.category IN ('AWARD_STUDENTS', 'AWARD_TEACHERS')
                  AND e.entry_date BETWEEN DATE '2021-01-01' AND DATE '2025-12-31'
                """).param("path", province.path()).query(Long.class).single();
        // 3 funds × (5 × 10,000,000 + 2021+…+2025 + 5,000,001 × 15), the reversed entry netting to nothing
        assertThat(ledgers).isGreaterThanOrEqualTo(3 * (50_000_000L + 10_115L + 75_000_015L));
        assertThat(cell(term, "money-awards")).isEqualTo(vnd(ledgers));
        long teachers = jdbc.sql("""
                SELECT sum(e.amount) FROM fund_entry e JOIN org_unit u ON u.id = e.node_id
                WHERE u.path LIKE :path || '%' AND e.category = 'AWARD_TEACHERS'
                  AND e.entry_date BETWEEN DATE '2021-01-01' AND DATE '2025-12-31'
                """).param("path", province.path()).query(Long.class).single();
        assertThat(cell(term, "money-AWARD_TEACHERS")).isEqualTo(vnd(teachers));

        // awards charted and sorted in the children's table: the commune's cell is its own ledgers' sum
        MvcResult charted = mvc.perform(get("/units/" + province.id() + "/dashboard?period=2021-2025&figure=money.awards&sort=money.awards")
                .with(as(provinceStaff))).andExpect(status().isOk()).andReturn();
        DashboardTable table = ((DashboardPage) charted.getModelAndView().getModel().get("page")).table();
        assertThat(table.headers()).extracting(DashboardTable.Header::label).contains("Chi khen thưởng (cộng)");
        assertThat(table.rows().stream().map(r -> r.chartValue().longValue()).toList())
                .isSortedAccordingTo(java.util.Comparator.reverseOrder());
        DashboardTable.Line first = table.rows().stream().filter(r -> r.name().contains(commune.name())).findFirst()
                .orElseThrow();
        long communeLedgers = jdbc.sql("""
                SELECT sum(e.amount) FROM fund_entry e JOIN org_unit u ON u.id = e.node_id
                WHERE u.path LIKE :path || '%' AND e.category IN ('AWARD_STUDENTS', 'AWARD_TEACHERS')
                  AND e.entry_date BETWEEN DATE '2021-01-01' AND DATE '2025-12-31'
                """).param("path", commune.path()).query(Long.class).single();
        assertThat(first.chartValue().longValue()).isEqualTo(communeLedgers);
        assertThat(first.cellsHtml()).contains(vnd(communeLedgers));
    }

    @Test
    void aPeriodIsAskedForInEveryWayThePageAcceptsAndItsFiguresAreTheRollups() throws Exception {
        OrgUnitView commune = tree.unit("06688");
        Staff staff = tree.staffOf(commune);
        var central = new vn.khuyenhoc.shared.Scope(tree.central().id(), tree.central().path(), 0);
        record Asked(String query, Period period, String title) {
        }
        for (Asked asked : new Asked[] {
                new Asked("period=2025-H1", Period.firstHalf(2025), "6 tháng đầu năm 2025"),
                new Asked("year=2025&half=1", Period.firstHalf(2025), "6 tháng đầu năm 2025"),
                new Asked("year=2025", Period.year(2025), "năm 2025"),
                new Asked("period=2025", Period.year(2025), "năm 2025"),
                new Asked("from=2021&to=2025", Period.span(2021, 2025), "2021–2025"),
                new Asked("period=2021-2025", Period.span(2021, 2025), "2021–2025")}) {
            MvcResult result = mvc.perform(get("/units/" + commune.id() + "/dashboard?" + asked.query()).with(as(staff)))
                    .andExpect(status().isOk())
                    .andExpect(content().string(containsString(asked.title())))
                    .andReturn();
            assertThat(shown(result)).isEqualTo(asked.period());
            RollupService.Dashboard dashboard = (RollupService.Dashboard) result.getModelAndView().getModel().get("dashboard");
            assertThat(dashboard.total()).isEqualTo(rollups.figures(central, commune.id(), asked.period()));
            assertThat(result.getResponse().getContentAsString()).contains("export.csv?period=" + asked.period().key());
        }
        mvc.perform(get("/units/" + commune.id() + "/dashboard?period=2025-H1&lang=en").with(as(staff)))
                .andExpect(status().isOk()).andExpect(content().string(containsString("the first half of 2025")));
        // what cannot be read is this year, never an error
        Period thisYear = Period.year(vn.khuyenhoc.support.Today.inVietnam().getYear());
        for (String bad : new String[] {"period=abc", "period=2025-H3", "period=1800-2025", "year=abc", "year=99999999999999999999",
                "from=2025&to=2021", "from=1e400&to=2025", "period=2025-2026-2027", "half=7"}) {
            assertThat(shown(mvc.perform(get("/units/" + commune.id() + "/dashboard?" + bad).with(as(staff)))
                    .andExpect(status().isOk()).andReturn())).as(bad).isEqualTo(thisYear);
        }
    }

    @Test
    void aPeriodDoesNotOpenAnotherUnitsDashboard() throws Exception {
        Staff commune = tree.staffOf(tree.unit("06688"));
        Staff province = tree.staffOf(tree.unit("22"));
        for (String period : new String[] {"period=2025-H1", "from=2021&to=2025"}) {
            mvc.perform(get("/units/" + tree.unit("22").id() + "/dashboard?" + period).with(as(commune)))
                    .andExpect(status().isNotFound());
            mvc.perform(get("/units/" + tree.unit("06652").id() + "/dashboard?" + period).with(as(commune)))
                    .andExpect(status().isNotFound());
            mvc.perform(get("/units/" + tree.unit("01").id() + "/dashboard?" + period).with(as(province)))
                    .andExpect(status().isNotFound());
            mvc.perform(get("/units/" + tree.central().id() + "/dashboard?" + period).with(as(province)))
                    .andExpect(status().isNotFound());
        }
    }

    /** The text of the cell with this id. */
    private static String cell(String html, String id) {
        Matcher m = Pattern.compile("id=\"" + Pattern.quote(id) + "\"[^>]*>([^<]*)<").matcher(html);
        assertThat(m.find()).as("cell %s", id).isTrue();
        return m.group(1);
    }

    private static String vnd(long amount) {
        return NumberFormat.getIntegerInstance(Locale.forLanguageTag("vi")).format(amount) + " ₫";
    }

    /** The period the dashboard page shows. */
    private static Period shown(MvcResult result) {
        return ((DashboardPage) result.getModelAndView().getModel().get("page")).view().period();
    }
}
