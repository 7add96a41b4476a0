package vn.khuyenhoc.shares;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.PlatformTransactionManager;

import vn.khuyenhoc.audit.AuditService;
import vn.khuyenhoc.orgunit.OrgUnitService;
import vn.khuyenhoc.orgunit.OrgUnitView;
import vn.khuyenhoc.rollup.RollupService;
import vn.khuyenhoc.shared.Staff;
import vn.khuyenhoc.shared.spreadsheet.UploadSlots;
import vn.khuyenhoc.support.HostileXlsx;
import vn.khuyenhoc.support.IntegrationTest;
import vn.khuyenhoc.support.TestTree;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static vn.khuyenhoc.support.TestTree.as;

/**
 * Issue 11 after review: a province's denominators upload reads through the same safe reader as the member roster
 * (issue 16), so a zip bomb, a row bomb, an endless cell and an upload over the server's limit are refused with the
 * page's own message, nothing is written, and the server goes on serving meanwhile; it shares the roster's few
 * reading slots.
 */
@IntegrationTest
class DenominatorUploadBombTest {

    private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    /** A year no other test fills in. */
    private static final String YEAR = "2049";

    @Autowired
    MockMvc mvc;

    @Autowired
    TestTree tree;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aZipBombIsRefusedBeforeAnyParserSeesItAndNothingIsSaved() throws Exception {
        OrgUnitView province = tree.unit("31");
        byte[] bomb = HostileXlsx.zipBomb();
        assertThat(bomb.length).isLessThan((int) DenominatorService.MAX_BYTES);

        mvc.perform(multipart("/units/{id}/denominators/upload", province.id())
                        .file(new MockMultipartFile("file", "bom.xlsx", XLSX, bomb)).param("year", YEAR)
                        .with(as(tree.staffOf(province))).with(csrf()).param("lang", "en"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"file-error\"")))
                .andExpect(content().string(containsString("expands to an unreasonable size")));
        assertThat(saved(province)).isZero();
    }

    @Test
    void aRowBombStopsAtTheRowLimitWhileOtherPagesAreServed() throws Exception {
        OrgUnitView province = tree.unit("31");
        Staff staff = tree.staffOf(province);
        // 300,000 rows: under the 2 MB limit compressed, 300 times the most rows a sheet of communes may have
        byte[] rows = HostileXlsx.rows(300_000);
        assertThat(rows.length).isLessThan((int) DenominatorService.MAX_BYTES);

        CompletableFuture<String> upload = CompletableFuture.supplyAsync(() -> {
            try {
                return mvc.perform(multipart("/units/{id}/denominators/upload", province.id())
                                .file(new MockMultipartFile("file", "hang-trieu-dong.xlsx", XLSX, rows)).param("year", YEAR)
                                .with(as(staff)).with(csrf()).param("lang", "en"))
                        .andReturn().getResponse().getContentAsString();
            }
            catch (Exception ex) {
                throw new IllegalStateException(ex);
            }
        });
        // meanwhile another user's page answers
        OrgUnitView other = tree.unit("22");
        mvc.perform(get("/units/{id}/denominators", other.id()).with(as(tree.staffOf(other)))).andExpect(status().isOk());

        String answer = upload.get(300, TimeUnit.SECONDS);
        assertThat(answer).contains("The file has too many rows: at most 1,000.").contains("id=\"file-error\"");
        assertThat(saved(province)).isZero();
        // and the province's own page still answers after it
        mvc.perform(get("/units/{id}/denominators", province.id()).with(as(staff))).andExpect(status().isOk());
    }

    @Test
    void aCellLongerThanAnyCodeOrFigureRefusesTheFile() throws Exception {
        OrgUnitView province = tree.unit("31");
        String code = jdbc.sql("SELECT code FROM org_unit WHERE parent_id = :p AND active ORDER BY code LIMIT 1")
                .param("p", province.id()).query(String.class).single();
        String csv = "Mã,Tên,Số hộ\n" + code + ",x,12\n" + code + ",\"" + "Xã ".repeat(10_000) + "\",1\n";
        mvc.perform(multipart("/units/{id}/denominators/upload", province.id())
                        .file(new MockMultipartFile("file", "dai.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8)))
                        .param("year", YEAR).with(as(tree.staffOf(province))).with(csrf()).param("lang", "en"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Row 3 has a cell longer than 255 characters")));
        assertThat(saved(province)).isZero();
    }

    @Test
    void anUploadOverTheServersLimitComesBackToTheDenominatorsPageWithItsOwnMessage() throws Exception {
        OrgUnitView province = tree.unit("31");
        Staff staff = tree.staffOf(province);
        // a body over spring.servlet.multipart.max-request-size (21 MB) is turned back before anything parses it
        byte[] body = new byte[22 * 1024 * 1024];
        java.util.Arrays.fill(body, (byte) 'a');
        mvc.perform(post("/units/{id}/denominators/upload", province.id()).contentType("multipart/form-data; boundary=B")
                        .content(body).with(as(staff)).with(csrf()))
                .andExpect(redirectedUrl("/units/" + province.id() + "/denominators?tooLarge"));
        // (a browser sends "?tooLarge" as an empty parameter)
        mvc.perform(get("/units/{id}/denominators", province.id()).param("tooLarge", "").param("lang", "en").with(as(staff)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"file-error\"")))
                .andExpect(content().string(containsString("The file is too large: at most 2 MB.")));
        assertThat(saved(province)).isZero();
    }

    @Test
    void whenEveryReadingSlotIsTakenTheNextUploaderIsToldToWait() {
        OrgUnitView province = tree.unit("31");
        // an instance whose every slot is taken (as while two large files are being read)
        DenominatorService full = new DenominatorService(jdbc, orgUnits, audit, rollups, new UploadSlots(0), transactionManager);
        String code = jdbc.sql("SELECT code FROM org_unit WHERE parent_id = :p AND active ORDER BY code LIMIT 1")
                .param("p", province.id()).query(String.class).single();
        byte[] csv = ("Mã,Tên,Số hộ\n" + code + ",x,12\n").getBytes(StandardCharsets.UTF_8);
        UploadResult result = full.upload(tree.staffOf(province), province.id(), YEAR, "mau-so.csv", csv.length,
                new ByteArrayResource(csv));
        assertThat(result.fileError()).isEqualTo("shares.upload.busy");
        assertThat(saved(province)).isZero();
    }

    @Autowired
    OrgUnitService orgUnits;

    @Autowired
    AuditService audit;

    @Autowired
    RollupService rollups;

    @Autowired
    PlatformTransactionManager transactionManager;

    private long saved(OrgUnitView province) {
        return jdbc.sql("""
                SELECT count(*) FROM node_denominator d JOIN org_unit o ON o.id = d.node_id
                WHERE (o.parent_id = :p OR o.id = :p) AND d.year = :year
                """).param("p", province.id()).param("year", Integer.parseInt(YEAR)).query(Long.class).single();
    }
}
