package vn.khuyenhoc.member.roster;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

import vn.khuyenhoc.orgunit.OrgUnitView;
import vn.khuyenhoc.shared.Staff;
import vn.khuyenhoc.support.HostileXlsx;
import vn.khuyenhoc.support.IntegrationTest;
import vn.khuyenhoc.support.TestTree;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static vn.khuyenhoc.support.TestTree.as;

/**
 * Issue 16, hostile uploads: a zip bomb, a row bomb and an endless cell are refused with a message beside the file
 * field, nothing is written, and the server goes on serving other pages meanwhile.
 */
@IntegrationTest
class RosterBombTest {

    private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    @Autowired
    MockMvc mvc;

    @Autowired
    TestTree tree;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aZipBombIsRefusedBeforeAnyParserSeesIt() throws Exception {
        OrgUnitView unit = tree.newChapter("06688");
        Staff secretary = tree.staffOf(unit);
        // 1 GB of one repeated letter in the shared strings: about 1 MB compressed
        byte[] bomb = HostileXlsx.zipBomb();
        assertThat(bomb.length).isLessThan(3 * 1024 * 1024);

        mvc.perform(multipart("/units/{id}/members/import", unit.id())
                        .file(new MockMultipartFile("file", "bom.xlsx", XLSX, bomb)).with(as(secretary)).with(csrf())
                        .param("lang", "en"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("expands to an unreasonable size")))
                .andExpect(content().string(containsString("id=\"file-feedback\"")));
        assertThat(members(unit)).isZero();
    }

    @Test
    void aRowBombStopsAtTheRowLimitWhileOtherPagesAreServed() throws Exception {
        OrgUnitView unit = tree.newChapter("06688");
        Staff secretary = tree.staffOf(unit);
        // 500,000 rows of one cell: a few MB, far more rows than any roster
        byte[] rows = HostileXlsx.rows(500_000);

        CompletableFuture<String> upload = CompletableFuture.supplyAsync(() -> {
            try {
                return mvc.perform(multipart("/units/{id}/members/import", unit.id())
                                .file(new MockMultipartFile("file", "hang-trieu-dong.xlsx", XLSX, rows))
                                .with(as(secretary)).with(csrf()).param("lang", "en"))
                        .andReturn().getResponse().getContentAsString();
            }
            catch (Exception ex) {
                throw new IllegalStateException(ex);
            }
        });
        // meanwhile another user's page answers
        Staff reader = tree.staffOf(tree.unit("22"));
        mvc.perform(get("/units/{id}", tree.unit("22").id()).with(as(reader))).andExpect(status().isOk());

        String answer = upload.get(300, TimeUnit.SECONDS);
        assertThat(answer).contains("more than 20000").contains("id=\"file-feedback\"");
        assertThat(members(unit)).isZero();
    }

    @Test
    void aCellLongerThanAnyFieldRefusesTheFile() throws Exception {
        OrgUnitView unit = tree.newChapter("06688");
        Staff secretary = tree.staffOf(unit);
        String csv = "Họ và tên,Giới tính,Ngày sinh,Dân tộc,Đảng viên,Điện thoại,Địa chỉ,Ngày vào hội\n"
                + "Nguyễn Văn An,Nam,1980,Kinh,,,\"" + "Khu 1 ".repeat(100_000) + "\",15/03/2020\n";
        mvc.perform(multipart("/units/{id}/members/import", unit.id())
                        .file(new MockMultipartFile("file", "dai.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8)))
                        .with(as(secretary)).with(csrf()).param("lang", "en"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Row 2 has a cell longer than 1000 characters")));
        assertThat(members(unit)).isZero();
    }

    @Test
    void whenEveryImportSlotIsTakenTheNextUploaderIsToldToWait() {
        OrgUnitView unit = tree.newChapter("06688");
        Staff secretary = tree.staffOf(unit);
        // an instance whose every slot is taken (as while two large files are being read)
        MemberImportService full = new MemberImportService(memberService, audit, jdbc, closedYears, java.time.Clock.systemUTC(), transactionManager,
                new vn.khuyenhoc.shared.spreadsheet.UploadSlots(0));
        ImportResult result = full.importRoster(secretary, unit.id(), "danh-sach.csv",
                new org.springframework.core.io.ByteArrayResource("Họ và tên\n".getBytes(StandardCharsets.UTF_8)), 10);
        assertThat(result.fileError()).isEqualTo("hardening.import.busy");
        assertThat(members(unit)).isZero();
    }

    @Autowired
    vn.khuyenhoc.member.MemberService memberService;

    @Autowired
    vn.khuyenhoc.audit.AuditService audit;

    @Autowired
    vn.khuyenhoc.closing.ClosedYears closedYears;

    @Autowired
    org.springframework.transaction.PlatformTransactionManager transactionManager;

    private long members(OrgUnitView unit) {
        return jdbc.sql("SELECT count(*) FROM member WHERE unit_id = :u").param("u", unit.id()).query(Long.class).single();
    }
}
