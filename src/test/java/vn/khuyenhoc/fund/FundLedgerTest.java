package vn.khuyenhoc.fund;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import vn.khuyenhoc.orgunit.OrgUnitView;
import vn.khuyenhoc.shared.RuleViolationException;
import vn.khuyenhoc.shared.Staff;
import vn.khuyenhoc.support.IntegrationTest;
import vn.khuyenhoc.support.TestTree;
import vn.khuyenhoc.support.Today;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static vn.khuyenhoc.support.TestTree.as;

/** The ledger's arithmetic and its rules: balances from entries, reversals once, no overdraft, roll-ups kept. */
@IntegrationTest
class FundLedgerTest {

    static final DateTimeFormatter DMY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    @Autowired
    MockMvc mvc;

    @Autowired
    TestTree tree;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    FundService funds;

    @Autowired
    FundFixture fixture;

    @Test
    void theBalanceIsTheSumOfTheEntriesAfterEntriesAndReversals() throws Exception {
        OrgUnitView chapter = tree.newChapter("06688");
        Staff secretary = tree.staffOf(chapter);
        String today = Today.inVietnam().format(DMY);

        fixture.record(secretary, chapter, "RECEIPT", "BUSINESS_DONATION", "5.000.000", today, "Công ty CP Than Hà Lầm", null);
        long anonymous = fixture.record(secretary, chapter, "RECEIPT", "INDIVIDUAL_DONATION", "2 500 000", today, "", null);
        fixture.record(secretary, chapter, "RECEIPT", "MEMBER_CONTRIBUTION", "1200000", today, "Hội viên đóng góp", null);
        fixture.record(secretary, chapter, "DISBURSEMENT", "SCHOLARSHIP_UNDERPRIVILEGED", "1.000.000", today,
                "Em Nguyễn Văn An và em Lê Thị Bình", "2");
        long stationery = fixture.record(secretary, chapter, "DISBURSEMENT", "OPERATIONS", "300.000", today, "Văn phòng phẩm", null);
        fixture.reverse(secretary, chapter, anonymous, today, "Ghi trùng với phiếu của Khu 2");
        fixture.reverse(secretary, chapter, stationery, today, "Khoản này do phường chi");

        long sum = jdbc.sql("SELECT sum(CASE WHEN direction = 'RECEIPT' THEN amount ELSE -amount END) FROM fund_entry WHERE node_id = :n")
                .param("n", chapter.id()).query(Long.class).single();
        assertThat(sum).isEqualTo(5_200_000L);
        assertThat(funds.balance(secretary.scope(), chapter.id())).isEqualTo(sum);

        MvcResult page = mvc.perform(get("/units/" + chapter.id() + "/fund").with(as(secretary)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("5.200.000 ₫")))
                .andReturn();
        FundService.FundYear fund = (FundService.FundYear) page.getModelAndView().getModel().get("fund");
        assertThat(fund.opening()).isZero();
        assertThat(fund.raised()).isEqualTo(6_200_000L);
        assertThat(fund.disbursed()).isEqualTo(1_000_000L);
        assertThat(fund.closing()).isEqualTo(sum);
        assertThat(fund.peopleReached()).isEqualTo(2);
        assertThat(fund.entries().total()).isEqualTo(7);

        // the dashboards' roll-ups, kept by the database in the same transactions, equal a direct sum
        int year = Today.inVietnam().getYear();
        assertThat(rollup(chapter.id(), year)).containsExactly(6_200_000L, 1_000_000L);
        assertThat(jdbc.sql("SELECT people FROM rollup_reached WHERE node_id = :n AND year = :y AND category = 'SCHOLARSHIP_UNDERPRIVILEGED'")
                .param("n", chapter.id()).param("y", year).query(Long.class).single()).isEqualTo(2);
        for (OrgUnitView node : new OrgUnitView[] {chapter, tree.unit("06688"), tree.unit("22")}) {
            assertThat(rollup(node.id(), year)).as(node.name()).containsExactly(direct(node, year));
        }
    }

    @Test
    void aSecondReversalIsRefusedAndAReversalIsNeverReversed() throws Exception {
        OrgUnitView chapter = tree.newChapter("06688");
        Staff secretary = tree.staffOf(chapter);
        String today = FundFixture.today();
        long receipt = fixture.record(secretary, chapter, "RECEIPT", "INDIVIDUAL_DONATION", "1.000.000", today,
                "Bà Trần Thị Lan", null);
        long reversal = fixture.reverse(secretary, chapter, receipt, today, "Ghi nhầm số tiền");

        mvc.perform(get("/units/" + chapter.id() + "/fund/entries/" + reversal).with(as(secretary)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Ghi đảo phiếu PT-")))
                .andExpect(content().string(containsString("-1.000.000 ₫")))
                .andExpect(content().string(org.hamcrest.Matchers.not(containsString("id=\"reverse-link\""))));
        mvc.perform(fixture.reverseForm(secretary, chapter.id(), receipt, today, "Ghi đảo lần nữa"))
                .andExpect(status().isOk())
                .andExpect(model().attributeHasErrors("reversalForm"))
                .andExpect(content().string(containsString("mỗi khoản chỉ ghi đảo một lần")));
        mvc.perform(fixture.reverseForm(secretary, chapter.id(), reversal, today, "Đảo lại bút toán đảo"))
                .andExpect(status().isOk())
                .andExpect(model().attributeHasErrors("reversalForm"))
                .andExpect(content().string(containsString("là bút toán ghi đảo: không ghi đảo được nữa")));
        assertThatThrownBy(() -> funds.reverse(secretary, receipt, Today.inVietnam(), "Qua dịch vụ"))
                .isInstanceOf(RuleViolationException.class);
        assertThat(fixture.entries(chapter.id())).isEqualTo(2);

        // and the database refuses it whoever writes
        assertThatThrownBy(() -> jdbc.sql("""
                INSERT INTO fund_entry (node_id, entry_date, direction, category, amount, counterparty, note,
                                        reverses_entry_id, recorded_by)
                VALUES (:n, current_date, 'RECEIPT', 'INDIVIDUAL_DONATION', -1000000, 'Bà Trần Thị Lan', 'psql', :r, 'psql')
                """).param("n", chapter.id()).param("r", receipt).update())
                .hasMessageContaining("already reversed");
        assertThatThrownBy(() -> jdbc.sql("""
                INSERT INTO fund_entry (node_id, entry_date, direction, category, amount, counterparty, note,
                                        reverses_entry_id, recorded_by)
                VALUES (:n, current_date, 'RECEIPT', 'INDIVIDUAL_DONATION', 1000000, 'Bà Trần Thị Lan', 'psql', :r, 'psql')
                """).param("n", chapter.id()).param("r", reversal).update())
                .hasMessageContaining("cannot be reversed");
        assertThat(fixture.entries(chapter.id())).isEqualTo(2);
        assertThat(fixture.balance(chapter.id())).isZero();
    }

    @Test
    void anOverdraftIsRefusedWithAMessageNextToTheAmount() throws Exception {
        OrgUnitView chapter = tree.newChapter("06688");
        Staff secretary = tree.staffOf(chapter);
        String today = FundFixture.today();
        long receipt = fixture.receipt(secretary, 1_000_000, Today.inVietnam()).id();

        mvc.perform(fixture.entryForm(secretary, chapter.id(), "DISBURSEMENT", "SCHOLARSHIP_DISABLED", "1.500.000", today,
                        "Em Hoàng Văn Nam, lớp 5B", "1"))
                .andExpect(status().isOk())
                .andExpect(model().attributeHasFieldErrorCode("entryForm", "amount", "fund.amount.overdraft"))
                .andExpect(content().string(containsString("số tiền có thể chi vào ngày này là 1.000.000 ₫")));
        assertThat(fixture.entries(chapter.id())).isEqualTo(1);

        // exactly the balance can be paid out; then taking the receipt back would overdraw, so it is refused
        fixture.record(secretary, chapter, "DISBURSEMENT", "SCHOLARSHIP_DISABLED", "1.000.000", today,
                "Em Hoàng Văn Nam, lớp 5B", "1");
        mvc.perform(fixture.reverseForm(secretary, chapter.id(), receipt, today, "Nhà hảo tâm rút lại"))
                .andExpect(status().isOk())
                .andExpect(model().attributeHasErrors("reversalForm"))
                .andExpect(content().string(containsString("số tiền có thể chi vào ngày này là 0 ₫")));
        assertThat(fixture.entries(chapter.id())).isEqualTo(2);
        assertThat(fixture.balance(chapter.id())).isZero();

        // the database refuses an overdraft whoever writes
        assertThatThrownBy(() -> jdbc.sql("""
                INSERT INTO fund_entry (node_id, entry_date, direction, category, amount, counterparty, recorded_by)
                VALUES (:n, current_date, 'DISBURSEMENT', 'OPERATIONS', 1, 'psql', 'psql')
                """).param("n", chapter.id()).update())
                .hasMessageContaining("VND available");
        assertThat(fixture.entries(chapter.id())).isEqualTo(2);
    }

    @Test
    void aBackdatedDisbursementMayNotOverdrawAnyEarlierDay() throws Exception {
        OrgUnitView chapter = tree.newChapter("06688");
        Staff secretary = tree.staffOf(chapter);
        fixture.receipt(secretary, 5_000_000, LocalDate.of(2024, 6, 1));
        fixture.scholarship(secretary, 3_000_000, LocalDate.of(2024, 9, 5));

        // on 10/03/2024 the fund held nothing yet
        mvc.perform(fixture.entryForm(secretary, chapter.id(), "DISBURSEMENT", "AWARD_TEACHERS", "100.000", "10/03/2024",
                        "Cô Nguyễn Thị Thu", "1"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("số tiền có thể chi vào ngày này là 0 ₫")));
        // on 01/07/2024 it held 5.000.000, but only 2.000.000 of it is free once September's scholarship is paid
        mvc.perform(fixture.entryForm(secretary, chapter.id(), "DISBURSEMENT", "AWARD_TEACHERS", "2.500.000", "01/07/2024",
                        "Cô Nguyễn Thị Thu", "1"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("số tiền có thể chi vào ngày này là 2.000.000 ₫")));
        fixture.record(secretary, chapter, "DISBURSEMENT", "AWARD_TEACHERS", "2.000.000", "01/07/2024",
                "Cô Nguyễn Thị Thu", "1");
        assertThat(fixture.balance(chapter.id())).isZero();

        // the 2024 page and the page of the year after agree: closing 2024 = opening 2025
        FundService.FundYear y2024 = funds.year(secretary, chapter.id(), new FundFilter(2024, null, null, null, null, null));
        FundService.FundYear y2025 = funds.year(secretary, chapter.id(), new FundFilter(2025, null, null, null, null, null));
        assertThat(y2024.opening()).isZero();
        assertThat(y2024.closing()).isZero().isEqualTo(y2025.opening());
        assertThat(y2024.years()).contains(2024, Today.inVietnam().getYear());
    }

    @Test
    void theListOfEntriesFiltersAndPages() throws Exception {
        OrgUnitView chapter = tree.newChapter("06688");
        Staff secretary = tree.staffOf(chapter);
        LocalDate today = Today.inVietnam();
        for (int i = 1; i <= 25; i++) {
            fixture.receipt(secretary, 100_000L * i, today);
        }
        for (int i = 0; i < 3; i++) {
            fixture.scholarship(secretary, 500_000, today);
        }
        String fund = "/units/" + chapter.id() + "/fund";
        var first = page(secretary, fund).entries();
        assertThat(first.rows()).hasSize(20);
        assertThat(first.hasNext()).isTrue();
        assertThat(first.total()).isEqualTo(28);
        // the next page goes on after the last entry shown (keyset paging, issue 18)
        assertThat(page(secretary, fund + "?after=" + first.lastId()).entries().rows()).hasSize(8);
        assertThat(page(secretary, fund + "?direction=DISBURSEMENT").entries().total()).isEqualTo(3);
        assertThat(page(secretary, fund + "?category=INDIVIDUAL_DONATION").entries().total()).isEqualTo(25);
        assertThat(page(secretary, fund + "?from=" + today + "&to=" + today).entries().total()).isEqualTo(28);
        assertThat(page(secretary, fund + "?to=" + today.minusDays(1)).entries().total()).isZero();
        // a filter value that does not read is not applied
        assertThat(page(secretary, fund + "?direction=SIDEWAYS&year=abc").entries().total()).isEqualTo(28);
        mvc.perform(get(fund + "?after=" + first.lastId()).with(as(secretary)))
                .andExpect(content().string(containsString("before=")))
                .andExpect(content().string(containsString("Có 28 khoản thu chi.")));
    }

    private FundService.FundYear page(Staff staff, String url) throws Exception {
        return (FundService.FundYear) mvc.perform(get(url).with(as(staff))).andExpect(status().isOk()).andReturn()
                .getModelAndView().getModel().get("fund");
    }

    private java.util.List<Long> rollup(long nodeId, int year) {
        // the rows are by half-year (issue 13): a year is both halves
        return jdbc.sql("SELECT sum(raised)::bigint, sum(disbursed)::bigint FROM rollup_funds WHERE node_id = :n AND year = :y")
                .param("n", nodeId).param("y", year)
                .query((rs, i) -> java.util.List.of(rs.getLong(1), rs.getLong(2))).single();
    }

    private Long[] direct(OrgUnitView node, int year) {
        return jdbc.sql("""
                SELECT coalesce(sum(e.amount) FILTER (WHERE e.direction = 'RECEIPT'), 0),
                       coalesce(sum(e.amount) FILTER (WHERE e.direction = 'DISBURSEMENT'), 0)
                FROM fund_entry e JOIN org_unit n ON n.id = e.node_id
                WHERE n.path LIKE :pattern AND e.year = :y
                """).param("pattern", node.path() + "%").param("y", year)
                .query((rs, i) -> new Long[] {rs.getLong(1), rs.getLong(2)}).single();
    }
}
