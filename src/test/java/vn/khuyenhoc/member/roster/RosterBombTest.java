package vn.khuyenhoc.member.roster;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

import vn.khuyenhoc.orgunit.OrgUnitView;
import vn.khuyenhoc.shared.Staff;
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
        byte[] bomb = xlsx("xl/sharedStrings.xml", out -> {
            byte[] block = new byte[1 << 20];
            java.util.Arrays.fill(block, (byte) 'a');
            for (int i = 0; i < 1024; i++) {
                out.write(block);
            }
        });
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
        byte[] rows = xlsx("xl/worksheets/sheet1.xml", out -> {
            out.write("<?xml version=\"1.0\" encoding=\"UTF-8\"?><worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>"
                    .getBytes(StandardCharsets.UTF_8));
            for (int r = 1; r <= 500_000; r++) {
                out.write(("<row r=\"" + r + "\"><c r=\"A" + r + "\" t=\"inlineStr\"><is><t>x</t></is></c></row>")
                        .getBytes(StandardCharsets.UTF_8));
            }
            out.write("</sheetData></worksheet>".getBytes(StandardCharsets.UTF_8));
        });

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
        MemberImportService full = new MemberImportService(memberService, audit, jdbc, closedYears, java.time.Clock.systemUTC(), transactionManager, 0);
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

    private interface Content {
        void write(OutputStream out) throws IOException;
    }

    /** A workbook's parts around one entry written by {@code content}. */
    private static byte[] xlsx(String entry, Content content) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.setLevel(Deflater.BEST_COMPRESSION);
            put(zip, "[Content_Types].xml", """
                    <?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">\
                    <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>\
                    <Default Extension="xml" ContentType="application/xml"/>\
                    <Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>\
                    <Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>\
                    </Types>""");
            put(zip, "_rels/.rels", """
                    <?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
                    <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>\
                    </Relationships>""");
            put(zip, "xl/workbook.xml", """
                    <?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" \
                    xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>\
                    <sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>""");
            put(zip, "xl/_rels/workbook.xml.rels", """
                    <?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
                    <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>\
                    </Relationships>""");
            if (!entry.equals("xl/worksheets/sheet1.xml")) {
                put(zip, "xl/worksheets/sheet1.xml", """
                        <?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">\
                        <sheetData/></worksheet>""");
            }
            zip.putNextEntry(new ZipEntry(entry));
            content.write(zip);
            zip.closeEntry();
        }
        return bytes.toByteArray();
    }

    private static void put(ZipOutputStream zip, String name, String text) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(text.getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
    }
}
