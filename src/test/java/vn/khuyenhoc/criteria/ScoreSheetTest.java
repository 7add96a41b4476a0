package vn.khuyenhoc.criteria;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.UUID;

import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import vn.khuyenhoc.orgunit.OrgUnitView;
import vn.khuyenhoc.shared.Staff;
import vn.khuyenhoc.support.IntegrationTest;
import vn.khuyenhoc.support.TestTree;
import vn.khuyenhoc.support.Today;
import vn.khuyenhoc.support.Requests;
import vn.khuyenhoc.support.HostileXlsx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static vn.khuyenhoc.support.TestTree.as;

/** Evaluation by spreadsheet: download, upload all or nothing with every bad row listed, limits, scope and role. */
@IntegrationTest
class ScoreSheetTest {

    static final int YEAR = Today.inVietnam().getYear();
    static final String COMMUNE = "06652"; // no other test scores citizens there

    @Autowired
    MockMvc mvc;

    @Autowired
    TestTree tree;

    @Autowired
    JdbcClient jdbc;

    ResultActions post(Staff staff, String url, String... params) throws Exception {
        return Requests.post(mvc, staff, url, params);
    }

    long citizen(OrgUnitView unit, String name) throws Exception {
        post(tree.staffOf(unit), "/units/" + unit.id() + "/registrations", "kind", "CITIZEN", "year",
                String.valueOf(YEAR), "subjectName", name, "birthYear", "1990").andExpect(status().is3xxRedirection());
        return jdbc.sql("SELECT id FROM title_registration WHERE subject_name = :n").param("n", name)
                .query(Long.class).single();
    }

    long citizenSet() {
        return jdbc.sql("SELECT DISTINCT criteria_set_id FROM title_evaluation e JOIN title_registration r ON r.id = e.registration_id WHERE r.kind = 'CITIZEN'")
                .query(Long.class).list().stream().findFirst()
                .orElseGet(() -> jdbc.sql("SELECT max(id) FROM criteria_set WHERE kind = 'CITIZEN' AND from_year = 2021")
                        .query(Long.class).single());
    }

    /** A sheet as the commune would upload it: the set's id in A2, then one row per registration and its points. */
    static byte[] sheet(Object setId, Object[]... rows) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Workbook workbook = new Workbook(out, "test", "1.0");
        Worksheet ws = workbook.newWorksheet("CITIZEN");
        ws.value(0, 0, "Công dân học tập");
        if (setId instanceof Number n) {
            ws.value(1, 0, n);
        }
        else {
            ws.value(1, 0, String.valueOf(setId));
        }
        ws.value(2, 0, "Mã đăng ký");
        for (int r = 0; r < rows.length; r++) {
            for (int c = 0; c < rows[r].length; c++) {
                Object v = rows[r][c];
                if (v instanceof Number n) {
                    ws.value(3 + r, c, n);
                }
                else if (v != null) {
                    ws.value(3 + r, c, String.valueOf(v));
                }
            }
        }
        ws.finish();
        workbook.finish();
        return out.toByteArray();
    }

    static Object[] row(long id, Object... points) {
        Object[] row = new Object[4 + points.length];
        row[0] = id;
        row[1] = "Chi hội";
        row[2] = "Tên";
        row[3] = "1990";
        System.arraycopy(points, 0, row, 4, points.length);
        return row;
    }

    ResultActions upload(Staff staff, long communeId, byte[] file, String... params) throws Exception {
        var request = multipart("/units/" + communeId + "/evaluation/sheet")
                .file(new MockMultipartFile("file", "diem.xlsx",
                        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", file))
                .param("year", String.valueOf(YEAR)).param("kind", "CITIZEN").with(as(staff)).with(csrf());
        for (int i = 0; i < params.length; i += 2) {
            request.param(params[i], params[i + 1]);
        }
        return mvc.perform(request);
    }

    long evaluations(long... ids) {
        return jdbc.sql("SELECT count(*) FROM title_evaluation WHERE registration_id = ANY(:ids)")
                .param("ids", java.util.Arrays.stream(ids).boxed().toArray(Long[]::new)).query(Long.class).single();
    }

    @Test
    void aCommuneScoresFromASpreadsheetAllOrNothing() throws Exception {
        OrgUnitView commune = tree.unit(COMMUNE);
        OrgUnitView unit = tree.newChapter(COMMUNE);
        Staff communeStaff = tree.staffOf(commune);
        String tag = UUID.randomUUID().toString().substring(0, 6);
        long a = citizen(unit, "Bùi Thị Ánh " + tag);
        long b = citizen(unit, "Trịnh Văn Hùng " + tag);
        long c = citizen(unit, "Lâm Thị Quỳnh " + tag);
        long setId = citizenSet();

        mvc.perform(get("/units/" + commune.id() + "/evaluation/sheet").param("year", String.valueOf(YEAR))
                .with(as(communeStaff))).andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"download-CITIZEN\"")));
        byte[] downloaded = mvc.perform(get("/units/" + commune.id() + "/evaluation/sheet.xlsx")
                        .param("year", String.valueOf(YEAR)).param("kind", "CITIZEN").with(as(communeStaff)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(downloaded))) {
            List<Row> rows = workbook.getFirstSheet().read();
            assertThat(rows.get(1).getCell(0).asNumber().longValue()).isEqualTo(setId);
            assertThat(rows.get(2).getCellCount()).isEqualTo(4 + 10);
            assertThat(rows.get(2).getCell(13).getText()).contains("Chỉ số 10");
            assertThat(rows.stream().skip(3).map(r -> r.getCell(2).getText()).toList())
                    .contains("Bùi Thị Ánh " + tag, "Trịnh Văn Hùng " + tag);
        }

        // one bad row among good ones: every bad row listed, nothing saved
        Object[] good = row(a, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9);
        byte[] oneBad = sheet(setId, good, row(b, 11, 9, 9, 9, 9, 9, 9, 9, 9, 9), row(c, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7));
        upload(communeStaff, commune.id(), oneBad, "decisionNumber", "31/QĐ-KH", "decisionDate", YEAR + "-01-07")
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Chưa lưu gì.")))
                .andExpect(content().string(containsString("Dòng 5: Tiêu chí 1: điểm vượt mức tối đa 10.")));
        assertThat(evaluations(a, b, c)).isZero();
        byte[] manyBad = sheet(setId, good, row(b, "abc", -2, 9, 9, 9, 9, 9, 9, 9), row(a, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9),
                row(999999999999L, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9), row(c, "1e400", "99999999999999999999", 9, 9, 9, 9, 9, 9, 9, 9));
        upload(communeStaff, commune.id(), manyBad, "decisionNumber", "31/QĐ-KH", "decisionDate", YEAR + "-01-07")
                .andExpect(content().string(containsString("Dòng 5: Tiêu chí 1: điểm phải là số nguyên. Tiêu chí 2: điểm không được âm. Tiêu chí 10: hãy nhập điểm.")))
                .andExpect(content().string(containsString("Dòng 6: đăng ký này có hai dòng.")))
                .andExpect(content().string(containsString("Dòng 7: mã “999999999999” không phải một đăng ký của danh hiệu và năm này.")))
                .andExpect(content().string(containsString("Dòng 8: Tiêu chí 1: điểm phải là số nguyên. Tiêu chí 2: điểm phải là số nguyên.")));
        assertThat(evaluations(a, b, c)).isZero();
        // a passing row needs the decision
        upload(communeStaff, commune.id(), sheet(setId, good))
                .andExpect(content().string(containsString("Hãy nhập số quyết định công nhận.")));
        // not a spreadsheet, too big, another set's sheet
        upload(communeStaff, commune.id(), "id,points\n1,2\n".getBytes())
                .andExpect(content().string(containsString("Không đọc được tệp")));
        // a zip bomb (1 GB of shared strings in 1 MB) is refused before the parser sees it
        upload(communeStaff, commune.id(), HostileXlsx.zipBomb(), "decisionNumber", "31/QĐ-KH",
                "decisionDate", YEAR + "-01-07")
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Không đọc được tệp")));
        upload(communeStaff, commune.id(), new byte[(int) SheetImport.MAX_BYTES + 1])
                .andExpect(content().string(containsString("Tệp lớn quá 2 MB.")));
        upload(communeStaff, commune.id(), sheet(setId + 1000, good), "decisionNumber", "31/QĐ-KH",
                "decisionDate", YEAR + "-01-07")
                .andExpect(content().string(containsString("Bảng tính này không theo bộ tiêu chí đang áp dụng")));
        assertThat(evaluations(a, b, c)).isZero();

        // all good: two scored (one recognised, one not), the blank row skipped
        byte[] allGood = sheet(setId, good, row(b), row(c, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7));
        upload(communeStaff, commune.id(), allGood, "decisionNumber", "31/QĐ-KH", "decisionDate", YEAR + "-01-07")
                .andExpect(redirectedUrl("/units/" + commune.id() + "/evaluation?year=" + YEAR + "&kind=CITIZEN"));
        assertThat(jdbc.sql("SELECT string_agg(status || ' ' || coalesce(decision_number, '-'), ', ' ORDER BY id) FROM title_registration WHERE id IN (:a, :b, :c)")
                .param("a", a).param("b", b).param("c", c).query(String.class).single())
                .isEqualTo("RECOGNISED 31/QĐ-KH, REGISTERED -, NOT_RECOGNISED -");
        assertThat(evaluations(a, b, c)).isEqualTo(2);
    }

    @Test
    void onlyTheRecognisingNodeDownloadsAndUploads() throws Exception {
        OrgUnitView commune = tree.unit(COMMUNE);
        OrgUnitView unit = tree.newChapter(COMMUNE);
        long a = citizen(unit, "Mai Văn Lộc " + UUID.randomUUID().toString().substring(0, 6));
        byte[] file = sheet(citizenSet(), row(a, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9));
        String base = "/units/" + commune.id() + "/evaluation/sheet";
        for (Staff outsider : List.of(tree.staffOf(tree.unit("06688")), tree.staffOf(tree.unit("01")), tree.staffOf(unit))) {
            mvc.perform(get(base).with(as(outsider))).andExpect(status().isNotFound());
            mvc.perform(get(base + ".xlsx").param("kind", "CITIZEN").with(as(outsider))).andExpect(status().isNotFound());
            upload(outsider, commune.id(), file, "decisionNumber", "1/QĐ", "decisionDate", YEAR + "-01-07")
                    .andExpect(status().isNotFound());
        }
        for (Staff reader : List.of(tree.staffOf(tree.unit("22")), tree.staffOf(tree.central()))) {
            mvc.perform(get(base).with(as(reader))).andExpect(status().isForbidden());
            mvc.perform(get(base + ".xlsx").param("kind", "CITIZEN").with(as(reader))).andExpect(status().isForbidden());
            upload(reader, commune.id(), file, "decisionNumber", "1/QĐ", "decisionDate", YEAR + "-01-07")
                    .andExpect(status().isForbidden());
        }
        assertThat(evaluations(a)).isZero();
    }
}
