package vn.khuyenhoc.fund;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import vn.khuyenhoc.orgunit.OrgUnitView;
import vn.khuyenhoc.shared.Staff;
import vn.khuyenhoc.support.IntegrationTest;
import vn.khuyenhoc.support.TestTree;
import vn.khuyenhoc.support.Today;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static vn.khuyenhoc.support.TestTree.as;

/** Bad input gets a message next to its field, in the user's language, and nothing is saved. */
@IntegrationTest
class FundFormTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    TestTree tree;

    @Autowired
    FundFixture fixture;

    @Autowired
    JdbcClient jdbc;

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "''                   | Hãy nhập số tiền.",
            "abc                  | Số tiền không hợp lệ: nhập số đồng, ví dụ 1.500.000 hoặc 1500000.",
            "1.50.000             | Số tiền không hợp lệ",
            "1,5                  | Số tiền phải là số đồng nguyên, không có phần lẻ.",
            "1.500.000,50         | Số tiền phải là số đồng nguyên",
            "0                    | Số tiền phải lớn hơn 0.",
            "-500.000             | Số tiền không được âm",
            "1.000.000.000.001    | Số tiền quá lớn: mỗi khoản tối đa 1.000.000.000.000 ₫.",
            "99999999999999999999 | Số tiền quá lớn",
    })
    void aBadAmountIsRefusedNextToTheAmount(String amount, String message) throws Exception {
        OrgUnitView chapter = tree.newChapter("06688");
        Staff secretary = tree.staffOf(chapter);
        mvc.perform(fixture.entryForm(secretary, chapter.id(), "RECEIPT", "INDIVIDUAL_DONATION", amount,
                        FundFixture.today(), "Ông Nguyễn Văn Thắng", null))
                .andExpect(status().isOk())
                .andExpect(model().attributeHasFieldErrors("entryForm", "amount"))
                .andExpect(model().attributeErrorCount("entryForm", 1))
                .andExpect(content().string(containsString(message)))
                .andExpect(content().string(containsString("value=\"" + amount + "\""))); // what was typed stays
        assertNothingSaved(chapter);
    }

    @Test
    void theAmountMessageFollowsTheUsersLanguage() throws Exception {
        OrgUnitView chapter = tree.newChapter("06688");
        Staff secretary = tree.staffOf(chapter);
        mvc.perform(fixture.entryForm(secretary, chapter.id(), "RECEIPT", "INDIVIDUAL_DONATION", "1,5",
                        FundFixture.today(), "", null).param("lang", "en"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("The amount must be whole đồng, without a decimal part.")));
        assertNothingSaved(chapter);
    }

    @Test
    void datesAreRefusedInTheFutureBefore1990AndWhenTheyDoNotRead() throws Exception {
        OrgUnitView chapter = tree.newChapter("06688");
        Staff secretary = tree.staffOf(chapter);
        LocalDate tomorrow = Today.inVietnam().plusDays(1);
        for (String[] bad : new String[][] {
                {tomorrow.format(FundFixture.DMY), "Ngày không được ở tương lai."},
                {tomorrow.toString(), "Ngày không được ở tương lai."},
                {"31/12/1989", "Ngày phải từ 01/01/1990 trở đi."},
                {"31/02/2026", "Ngày không hợp lệ: nhập theo dạng ngày/tháng/năm, ví dụ 15/03/2026."},
                {"hôm qua", "Ngày không hợp lệ"},
                {"", "Hãy nhập ngày."}}) {
            mvc.perform(fixture.entryForm(secretary, chapter.id(), "RECEIPT", "INDIVIDUAL_DONATION", "500.000",
                            bad[0], "", null))
                    .andExpect(status().isOk())
                    .andExpect(model().attributeHasFieldErrors("entryForm", "entryDate"))
                    .andExpect(content().string(containsString(bad[1])));
        }
        assertNothingSaved(chapter);
        // both the date input's form and the typed one are read
        fixture.record(secretary, chapter, "RECEIPT", "INDIVIDUAL_DONATION", "500.000", Today.inVietnam().toString(), "", null);
        fixture.record(secretary, chapter, "RECEIPT", "INDIVIDUAL_DONATION", "500.000", "5/1/2025", "", null);
        assertThat(jdbc.sql("SELECT entry_date FROM fund_entry WHERE node_id = :n ORDER BY id").param("n", chapter.id())
                .query(LocalDate.class).list()).containsExactly(Today.inVietnam(), LocalDate.of(2025, 1, 5));
    }

    @Test
    void aCategoryOfTheOtherDirectionIsRefused() throws Exception {
        OrgUnitView chapter = tree.newChapter("06688");
        Staff secretary = tree.staffOf(chapter);
        fixture.receipt(secretary, 5_000_000, Today.inVietnam());
        mvc.perform(fixture.entryForm(secretary, chapter.id(), "RECEIPT", "SCHOLARSHIP_DISABLED", "500.000",
                        FundFixture.today(), "", null))
                .andExpect(status().isOk())
                .andExpect(model().attributeHasFieldErrorCode("entryForm", "category", "fund.category.wrongDirection"))
                .andExpect(content().string(containsString("Loại này không thuộc phần đang ghi (thu hoặc chi)")));
        mvc.perform(fixture.entryForm(secretary, chapter.id(), "DISBURSEMENT", "BUSINESS_DONATION", "500.000",
                        FundFixture.today(), "Trường THCS Hạ Long", null))
                .andExpect(status().isOk())
                .andExpect(model().attributeHasFieldErrorCode("entryForm", "category", "fund.category.wrongDirection"));
        mvc.perform(fixture.entryForm(secretary, chapter.id(), "RECEIPT", "NO_SUCH_CATEGORY", "500.000",
                        FundFixture.today(), "", null))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Hãy chọn loại thu chi trong danh sách.")));
        // the receipt form offers only receipt categories
        mvc.perform(get("/units/" + chapter.id() + "/fund/entries/new").param("direction", "RECEIPT").with(as(secretary)))
                .andExpect(content().string(containsString("Hội viên đóng góp")))
                .andExpect(content().string(org.hamcrest.Matchers.not(containsString("Học bổng"))));
        assertThat(fixture.entries(chapter.id())).isEqualTo(1);
    }

    @Test
    void disbursementsSayToWhomAndHowManyPeopleWhereTheKindCountsThem() throws Exception {
        OrgUnitView chapter = tree.newChapter("06688");
        Staff secretary = tree.staffOf(chapter);
        fixture.receipt(secretary, 5_000_000, Today.inVietnam());
        String today = FundFixture.today();
        mvc.perform(fixture.entryForm(secretary, chapter.id(), "DISBURSEMENT", "SCHOLARSHIP_GIFTED_DISADVANTAGED",
                        "1.000.000", today, "", null))
                .andExpect(status().isOk())
                .andExpect(model().attributeHasFieldErrorCode("entryForm", "peopleReached", "fund.peopleReached.required"))
                .andExpect(model().attributeHasFieldErrorCode("entryForm", "counterparty", "fund.counterparty.required"))
                .andExpect(content().string(containsString("Hãy nhập số người được hỗ trợ.")))
                .andExpect(content().string(containsString("Hãy ghi người hoặc đơn vị nhận tiền.")));
        mvc.perform(fixture.entryForm(secretary, chapter.id(), "DISBURSEMENT", "OPERATIONS", "200.000", today,
                        "Cửa hàng văn phòng phẩm Hồng Hà", "3"))
                .andExpect(status().isOk())
                .andExpect(model().attributeHasFieldErrorCode("entryForm", "peopleReached", "fund.peopleReached.notApplicable"));
        mvc.perform(fixture.entryForm(secretary, chapter.id(), "DISBURSEMENT", "AWARD_STUDENTS", "200.000", today,
                        "Em Lý Thị Mai", "0"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Số người phải từ 1 đến 1.000.000.")));
        mvc.perform(fixture.entryForm(secretary, chapter.id(), "DISBURSEMENT", "AWARD_STUDENTS", "200.000", today,
                        "Em Lý Thị Mai", "hai"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Số người phải là số nguyên dương")));
        assertThat(fixture.entries(chapter.id())).isEqualTo(1);
        // a learning centre may say how many people it reached, or not
        fixture.record(secretary, chapter, "DISBURSEMENT", "COMMUNITY_LEARNING_CENTRE", "300.000", today,
                "Trung tâm học tập cộng đồng phường Hạ Long", null);
        fixture.record(secretary, chapter, "DISBURSEMENT", "COMMUNITY_LEARNING_CENTRE", "300.000", today,
                "Trung tâm học tập cộng đồng phường Hạ Long", "40");
        assertThat(fixture.entries(chapter.id())).isEqualTo(3);
    }

    @Test
    void aReversalNeedsAReasonAndADateNotBeforeTheEntry() throws Exception {
        OrgUnitView chapter = tree.newChapter("06688");
        Staff secretary = tree.staffOf(chapter);
        long entry = fixture.receipt(secretary, 700_000, LocalDate.of(2025, 3, 15)).id();
        mvc.perform(fixture.reverseForm(secretary, chapter.id(), entry, FundFixture.today(), "  "))
                .andExpect(status().isOk())
                .andExpect(model().attributeHasFieldErrors("reversalForm", "reason"))
                .andExpect(content().string(containsString("Hãy nêu lý do ghi đảo.")));
        mvc.perform(fixture.reverseForm(secretary, chapter.id(), entry, "14/03/2025", "Ghi nhầm ngày"))
                .andExpect(status().isOk())
                .andExpect(model().attributeHasFieldErrorCode("reversalForm", "entryDate", "fund.reverse.beforeOriginal"))
                .andExpect(content().string(containsString("không được trước ngày của phiếu gốc (15/03/2025)")));
        mvc.perform(fixture.reverseForm(secretary, chapter.id(), entry, "tomorrow", "Ghi nhầm ngày"))
                .andExpect(status().isOk())
                .andExpect(model().attributeHasFieldErrors("reversalForm", "entryDate"));
        assertThat(fixture.entries(chapter.id())).isEqualTo(1);
    }

    @Test
    void aClosedYearRefusesEntriesDatedInIt() throws Exception {
        OrgUnitView chapter = tree.newChapter("06688");
        Staff secretary = tree.staffOf(chapter);
        jdbc.sql("INSERT INTO closed_year (year, closed_by) VALUES (2009, 'test') ON CONFLICT DO NOTHING").update();
        try {
            mvc.perform(fixture.entryForm(secretary, chapter.id(), "RECEIPT", "INDIVIDUAL_DONATION", "500.000",
                            "15/06/2009", "", null))
                    .andExpect(status().isOk())
                    .andExpect(model().attributeHasFieldErrorCode("entryForm", "entryDate", "year.closed"))
                    .andExpect(content().string(containsString("Năm này đã khóa sổ")));
            assertThatThrownBy(() -> jdbc.sql("""
                    INSERT INTO fund_entry (node_id, entry_date, direction, category, amount, recorded_by)
                    VALUES (:n, DATE '2009-06-15', 'RECEIPT', 'INDIVIDUAL_DONATION', 500000, 'psql')
                    """).param("n", chapter.id()).update()).hasMessageContaining("year 2009 is closed");
            mvc.perform(get("/units/" + chapter.id() + "/fund").param("year", "2009").with(as(secretary)))
                    .andExpect(content().string(containsString("Năm đã khóa sổ")));
            assertNothingSaved(chapter);
        }
        finally {
            jdbc.sql("DELETE FROM closed_year WHERE year = 2009").update();
        }
    }

    private void assertNothingSaved(OrgUnitView node) {
        assertThat(fixture.entries(node.id())).isZero();
        assertThat(jdbc.sql("SELECT count(*) FROM fund WHERE node_id = :n").param("n", node.id()).query(Long.class)
                .single()).isZero();
        assertThat(jdbc.sql("SELECT count(*) FROM audit_log WHERE entity_type = 'FUND_ENTRY' AND org_unit_path = :p")
                .param("p", node.path()).query(Long.class).single()).isZero();
    }
}
