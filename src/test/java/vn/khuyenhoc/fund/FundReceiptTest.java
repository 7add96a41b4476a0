package vn.khuyenhoc.fund;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

import vn.khuyenhoc.orgunit.OrgUnitView;
import vn.khuyenhoc.shared.Staff;
import vn.khuyenhoc.support.IntegrationTest;
import vn.khuyenhoc.support.TestTree;
import vn.khuyenhoc.support.Today;
import vn.khuyenhoc.system.OwnerDataSource;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static vn.khuyenhoc.support.TestTree.as;

/** The printable receipt of a donation, and the check that shows an entry altered behind the system's back. */
@IntegrationTest
class FundReceiptTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    TestTree tree;

    @Autowired
    FundFixture fixture;

    @Autowired
    FundService funds;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    org.springframework.core.env.Environment environment;

    @Autowired
    javax.sql.DataSource dataSource;

    @Test
    void aDonationHasAPrintableReceiptWithTheAmountInWords() throws Exception {
        OrgUnitView chapter = tree.newChapter("06688");
        Staff secretary = tree.staffOf(chapter);
        FundEntryView donation = funds.record(secretary, new FundEntryCommand(FundDirection.RECEIPT,
                FundCategory.BUSINESS_DONATION, 1_500_000, LocalDate.of(2025, 3, 8), "Công ty CP Than Hà Lầm", null,
                "Ủng hộ học bổng năm học 2024–2025"));
        String url = "/units/" + chapter.id() + "/fund/entries/" + donation.id() + "/receipt";

        mvc.perform(get(url).with(as(secretary))).andExpect(status().isOk())
                .andExpect(content().string(containsString("Hội Khuyến học Phường Hạ Long")))
                .andExpect(content().string(containsString(chapter.name())))
                .andExpect(content().string(containsString("Số: PT-2025-0001")))
                .andExpect(content().string(containsString("Ngày 08 tháng 03 năm 2025")))
                .andExpect(content().string(containsString("Công ty CP Than Hà Lầm")))
                .andExpect(content().string(containsString("1.500.000 ₫")))
                .andExpect(content().string(containsString("Một triệu năm trăm nghìn đồng.")))
                .andExpect(content().string(containsString("Ủng hộ học bổng năm học 2024–2025")))
                .andExpect(content().string(containsString("Mã kiểm tra " + donation.checkCode())))
                .andExpect(content().string(containsString("/assets/css/fund-receipt.css")))
                .andExpect(content().string(containsString("size: A5 landscape")))
                .andExpect(content().string(not(containsString("receipt-void"))));
        mvc.perform(get(url).param("paper", "A4").with(as(secretary)))
                .andExpect(content().string(containsString("size: A4 portrait")));
        // an anonymous donation says so
        FundEntryView anonymous = fixture.receipt(secretary, 200_000, Today.inVietnam());
        mvc.perform(get("/units/" + chapter.id() + "/fund/entries/" + anonymous.id() + "/receipt").with(as(secretary)))
                .andExpect(content().string(containsString("Hai trăm nghìn đồng.")));
    }

    @Test
    void onlyDonationsHaveReceiptsAndAReversedOneIsMarkedVoid() throws Exception {
        OrgUnitView commune = tree.unit("06652");
        Staff staff = tree.staffOf(commune);
        FundEntryView donation = fixture.receipt(staff, 3_000_000, Today.inVietnam());
        fixture.receipt(staff, 2_000_000, Today.inVietnam());
        FundEntryView scholarship = fixture.scholarship(staff, 1_000_000, Today.inVietnam());
        String entries = "/units/" + commune.id() + "/fund/entries/";

        mvc.perform(get(entries + scholarship.id() + "/receipt").with(as(staff))).andExpect(status().isNotFound());
        long reversal = fixture.reverse(staff, commune, donation.id(), FundFixture.today(), "Nhà hảo tâm chuyển nhầm");
        mvc.perform(get(entries + reversal + "/receipt").with(as(staff))).andExpect(status().isNotFound());
        mvc.perform(get(entries + donation.id() + "/receipt").with(as(staff))).andExpect(status().isOk())
                .andExpect(content().string(containsString("Hội Khuyến học Phường")))
                .andExpect(content().string(containsString("ĐÃ HỦY — ghi đảo bởi PT-")));
    }

    @Test
    void theLedgerCheckShowsAnEntryAlteredOutsideTheSystem() throws Exception {
        OrgUnitView chapter = tree.newChapter("06688");
        Staff secretary = tree.staffOf(chapter);
        fixture.receipt(secretary, 1_000_000, Today.inVietnam());
        FundEntryView second = fixture.receipt(secretary, 2_000_000, Today.inVietnam());
        fixture.scholarship(secretary, 500_000, Today.inVietnam());
        String verify = "/units/" + chapter.id() + "/fund/verify";
        mvc.perform(get(verify).with(as(secretary))).andExpect(status().isOk())
                .andExpect(content().string(containsString("Sổ quỹ toàn vẹn: 3 khoản")));

        // someone who owns the table switches the trigger off for a moment and changes a donor's name
        // (the application's own role may not: DatabaseRolesTest)
        JdbcClient owner = JdbcClient.create(OwnerDataSource.of(environment, dataSource));
        owner.sql("ALTER TABLE fund_entry DISABLE TRIGGER fund_entry_append_only").update();
        try {
            owner.sql("UPDATE fund_entry SET counterparty = 'Người khác' WHERE id = :id").param("id", second.id()).update();
        }
        finally {
            owner.sql("ALTER TABLE fund_entry ENABLE TRIGGER fund_entry_append_only").update();
        }
        mvc.perform(get(verify).with(as(secretary))).andExpect(status().isOk())
                .andExpect(content().string(containsString("chuỗi kiểm tra bị đứt từ khoản thứ 2")));
    }
}
