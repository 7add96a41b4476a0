package vn.khuyenhoc.member.roster;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.time.LocalDate;
import java.util.List;
import java.util.Random;

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

import vn.khuyenhoc.demo.VietnameseNames;
import vn.khuyenhoc.member.MemberFixtures;
import vn.khuyenhoc.orgunit.OrgUnitView;
import vn.khuyenhoc.shared.Staff;
import vn.khuyenhoc.support.IntegrationTest;
import vn.khuyenhoc.support.TestTree;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static vn.khuyenhoc.support.TestTree.as;

/** Importing a unit's roster: the template, all-or-nothing with every bad row named, and 10,000 rows at once. */
@IntegrationTest
class MemberImportTest {

    static final String HEADER = "Họ và tên,Giới tính,Năm sinh hoặc ngày sinh,Dân tộc,Đảng viên,Số điện thoại,Địa chỉ,Ngày vào Hội";

    @Autowired
    MockMvc mvc;

    @Autowired
    TestTree tree;

    @Autowired
    MemberFixtures fixtures;

    @Autowired
    JdbcClient jdbc;

    @Test
    void theTemplatesHaveTheVietnameseHeaders() throws Exception {
        Staff secretary = tree.staffOf(tree.newChapter("06688"));
        byte[] xlsx = mvc.perform(get("/members/template.xlsx").with(as(secretary)))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Disposition", containsString("mau-danh-sach-hoi-vien.xlsx")))
                .andReturn().getResponse().getContentAsByteArray();
        try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(xlsx))) {
            Row header = workbook.getFirstSheet().read().get(0);
            assertThat(header.stream().map(c -> c.getText()).toList()).containsExactly("Họ và tên", "Giới tính",
                    "Năm sinh hoặc ngày sinh", "Dân tộc", "Đảng viên", "Số điện thoại", "Địa chỉ", "Ngày vào Hội");
            assertThat(workbook.getSheets().map(s -> s.getName()).toList()).containsExactly("Danh sách hội viên", "Hướng dẫn");
        }
        byte[] csv = mvc.perform(get("/members/template.csv").with(as(secretary)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        assertThat(new String(csv, UTF_8)).isEqualTo("\uFEFF" + HEADER + "\r\n");
        mvc.perform(get("/units/" + secretary.scope().nodeId() + "/members/import").with(as(secretary)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Ngày vào Hội")))
                .andExpect(content().string(containsString("/members/template.xlsx")));
    }

    @Test
    void aFileWithOneBadRowImportsNothingAndNamesThatRow() throws Exception {
        OrgUnitView unit = tree.newChapter("06688");
        Staff secretary = tree.staffOf(unit);
        String csv = HEADER + "\n"
                + "Nguyễn Văn An,Nam,1970,Kinh,Có,0912 345 678,Tổ 1,15/03/2019\n"
                + "Trần Thị Bình,Nữ,12/05/1980,,,,Tổ 2,01/02/2020\n"
                + "Lê Văn Cường,Nam,1975,Kinh,,0912345678,Tổ 3,31/02/2021\n"
                + "Phạm Thị Dung,nữ,1990,Tày,,,Tổ 4,02/09/2022\n";
        upload(secretary, unit, "danh-sach.csv", csv.getBytes(UTF_8))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"import-errors\"")))
                .andExpect(content().string(containsString("<td class=\"num\">4</td>")))
                .andExpect(content().string(containsString("Ngày không đúng")))
                .andExpect(content().string(not(containsString("<td class=\"num\">2</td>"))))
                .andExpect(content().string(containsString("CHƯA nhập dòng nào")));
        assertThat(fixtures.count("unit_id = ?", unit.id())).isZero();
        assertThat(jdbc.sql("SELECT count(*) FROM audit_log WHERE action = 'IMPORT' AND org_unit_path = :p")
                .param("p", unit.path()).query(Long.class).single()).isZero();
    }

    @Test
    void everyProblemOfEveryRowIsListedWithItsColumn() throws Exception {
        OrgUnitView unit = tree.newChapter("06688");
        Staff secretary = tree.staffOf(unit);
        fixtures.add(unit, "Đã Có Sẵn");
        // a title line above the header, a "STT" column, semicolons and a byte order mark, as Excel writes them
        String csv = "\uFEFFDANH SÁCH HỘI VIÊN CHI HỘI;;;\n"
                + "STT;" + HEADER.replace(',', ';') + "\n"
                + "1;Hoàng Văn Em;Nam;1970;Kinh;;;Tổ 1;15/03/2019\n"
                + "2;Hoàng Văn Em;Nam;1970;Kinh;;;Tổ 1;15/03/2019\n"
                + "3;Vũ 2 Phúc;X;1700;Người Sao Hỏa;Có lẽ;123;;2030-01-01\n"
                + "4;Đã Có Sẵn;Nam;1975;;;;Tổ 3;01/01/2020\n";
        upload(secretary, unit, "ds.csv", csv.getBytes(UTF_8))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("đã có ở dòng 3 của tệp")))
                .andExpect(content().string(containsString("Họ và tên chỉ gồm chữ cái")))
                .andExpect(content().string(containsString("Hãy chọn Nam hoặc Nữ.")))
                .andExpect(content().string(containsString("Năm sinh phải từ 1900")))
                .andExpect(content().string(containsString("Không có dân tộc “Người Sao Hỏa”")))
                .andExpect(content().string(containsString("Cột Đảng viên")))
                .andExpect(content().string(containsString("Số điện thoại không đúng")))
                .andExpect(content().string(containsString("Hãy nhập địa chỉ.")))
                .andExpect(content().string(containsString("Ngày này chưa đến")))
                .andExpect(content().string(containsString("đã có trong danh sách của đơn vị, thẻ số 22-")))
                .andExpect(content().string(containsString("có 3 dòng chưa đúng")));
        assertThat(fixtures.count("unit_id = ?", unit.id())).isEqualTo(1);
    }

    @Test
    void filesThatCannotBeARosterSaySo() throws Exception {
        OrgUnitView unit = tree.newChapter("06688");
        Staff secretary = tree.staffOf(unit);
        upload(secretary, unit, "ds.csv", (HEADER + "\nNguyễn Văn Á,Nam,1970,,,,Tổ 1,15/03/2019\n").getBytes(Charset.forName("windows-1258")))
                .andExpect(content().string(containsString("không ở dạng UTF-8")));
        upload(secretary, unit, "ds.csv", "Tên,Tuổi\nAn,30\n".getBytes(UTF_8))
                .andExpect(content().string(containsString("Không thấy dòng tiêu đề cột")));
        upload(secretary, unit, "ds.csv", "Họ và tên,Giới tính,Năm sinh,Địa chỉ\nAn,Nam,1970,Tổ 1\n".getBytes(UTF_8))
                .andExpect(content().string(containsString("Tệp thiếu cột bắt buộc: Ngày vào Hội")));
        upload(secretary, unit, "ds.csv", (HEADER + "\n\n").getBytes(UTF_8))
                .andExpect(content().string(containsString("chưa có dòng hội viên nào")));
        upload(secretary, unit, "ds.xls", new byte[] {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1, 0})
                .andExpect(content().string(containsString("tệp Excel cũ (.xls)")));
        mvc.perform(multipart("/units/" + unit.id() + "/members/import").with(csrf()).with(as(secretary)))
                .andExpect(content().string(containsString("Hãy chọn tệp danh sách.")));
        assertThat(fixtures.count("unit_id = ?", unit.id())).isZero();
        // province staff read, they do not import
        Staff province = tree.staffOf(tree.unit("22"));
        upload(province, unit, "ds.csv", (HEADER + "\nNguyễn Văn An,Nam,1970,,,,Tổ 1,15/03/2019\n").getBytes(UTF_8))
                .andExpect(status().isForbidden());
        assertThat(fixtures.count("unit_id = ?", unit.id())).isZero();
    }

    @Test
    void anXlsxWithSpreadsheetNumbersImportsAndIsAuditedOnce() throws Exception {
        OrgUnitView unit = tree.newChapter("06688");
        Staff commune = tree.staffOf(tree.unit("06688"));
        byte[] xlsx = xlsx(List.of(
                new Object[] {"Đỗ Thị Hoa", "Nữ", 1968, "Mường", "Có", 912345678L, "Tổ 5", LocalDate.of(2016, 4, 30)},
                new Object[] {"ngô văn khánh", "Nam", LocalDate.of(1971, 8, 19), "", "", "0987 654 321", "Tổ 6", "02/01/2018"}));
        upload(commune, unit, "hoi-vien.xlsx", xlsx)
                .andExpect(redirectedUrl("/units/" + unit.id() + "/members?sort=card&dir=desc"));
        var rows = jdbc.sql("""
                SELECT full_name, gender, birth_year, birth_date, ethnicity, party_member, phone, joined_on FROM member
                WHERE unit_id = :unit ORDER BY card_number
                """).param("unit", unit.id()).query().listOfRows();
        assertThat(rows).hasSize(2);
        assertThat(rows.get(0).get("full_name")).isEqualTo("Đỗ Thị Hoa");
        assertThat(rows.get(0).get("birth_year")).isEqualTo(1968);
        assertThat(rows.get(0).get("ethnicity")).isEqualTo(6);
        assertThat(rows.get(0).get("party_member")).isEqualTo(true);
        assertThat(rows.get(0).get("phone")).isEqualTo("0912345678");
        assertThat(rows.get(0).get("joined_on").toString()).isEqualTo("2016-04-30");
        assertThat(rows.get(1).get("full_name")).isEqualTo("Ngô Văn Khánh");
        assertThat(rows.get(1).get("birth_date").toString()).isEqualTo("1971-08-19");
        assertThat(rows.get(1).get("joined_on").toString()).isEqualTo("2018-01-02");
        assertThat(jdbc.sql("""
                SELECT (after_state->>'count') || ' ' || (after_state->>'file') FROM audit_log
                WHERE action = 'IMPORT' AND entity_type = 'MEMBER' AND org_unit_path = :p
                """).param("p", unit.path()).query(String.class).single()).isEqualTo("2 hoi-vien.xlsx");
    }

    @Test
    void aClean10000RowFileImportsInSeconds() throws Exception {
        OrgUnitView unit = tree.newChapter("06688");
        Staff secretary = tree.staffOf(unit);
        Random random = new Random(2025);
        VietnameseNames names = new VietnameseNames(random);
        StringBuilder csv = new StringBuilder("\uFEFF").append(HEADER).append('\n');
        List<Object[]> rows = new java.util.ArrayList<>();
        for (int i = 0; i < 10_000; i++) {
            VietnameseNames.Person person = names.next();
            // birth dates are unique per row, so that no two rows are the same person
            LocalDate birth = LocalDate.of(1950, 1, 1).plusDays(i);
            LocalDate joined = LocalDate.of(2012 + random.nextInt(13), 1 + random.nextInt(12), 1 + random.nextInt(28));
            String gender = person.female() ? "Nữ" : "Nam";
            String party = random.nextInt(10) == 0 ? "Có" : "";
            String phone = random.nextInt(3) == 0 ? "" : "09" + String.format("%08d", random.nextInt(100_000_000));
            String address = "Tổ " + (1 + random.nextInt(20)) + ", Khu " + (1 + random.nextInt(9));
            csv.append(person.fullName()).append(',').append(gender).append(',').append(MemberImportService.dayFirst(birth.atStartOfDay()))
                    .append(",Kinh,").append(party).append(',').append(phone).append(",\"").append(address).append("\",")
                    .append(MemberImportService.dayFirst(joined.atStartOfDay())).append('\n');
            rows.add(new Object[] {person.fullName(), gender, MemberImportService.dayFirst(birth.atStartOfDay()), "Kinh", party, phone,
                    address, joined});
        }
        long start = System.nanoTime();
        upload(secretary, unit, "10000.csv", csv.toString().getBytes(UTF_8))
                .andExpect(redirectedUrl("/units/" + unit.id() + "/members?sort=card&dir=desc"));
        long csvMillis = (System.nanoTime() - start) / 1_000_000;
        assertThat(fixtures.count("unit_id = ?", unit.id())).isEqualTo(10_000);
        assertThat(jdbc.sql("SELECT count(DISTINCT card_number) FROM member WHERE unit_id = :unit").param("unit", unit.id())
                .query(Long.class).single()).isEqualTo(10_000);
        assertThat(jdbc.sql("SELECT sum(joined) FROM rollup_members WHERE node_id = :unit").param("unit", unit.id())
                .query(Long.class).single()).isEqualTo(10_000);
        assertThat(jdbc.sql("SELECT count(*) FROM audit_log WHERE org_unit_path = :p AND entity_type = 'MEMBER'")
                .param("p", unit.path()).query(Long.class).single()).isEqualTo(1);

        OrgUnitView other = tree.newChapter("06688");
        byte[] xlsx = xlsx(rows);
        start = System.nanoTime();
        upload(tree.staffOf(other), other, "10000.xlsx", xlsx)
                .andExpect(redirectedUrl("/units/" + other.id() + "/members?sort=card&dir=desc"));
        long xlsxMillis = (System.nanoTime() - start) / 1_000_000;
        assertThat(fixtures.count("unit_id = ?", other.id())).isEqualTo(10_000);
        System.out.printf("Import of 10,000 members: CSV (%,d bytes) %,d ms; XLSX (%,d bytes) %,d ms%n",
                csv.length(), csvMillis, xlsx.length, xlsxMillis);

        // importing the same list again is refused: every row is already there
        upload(secretary, unit, "10000.csv", csv.toString().getBytes(UTF_8))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("có 10.000 dòng chưa đúng")))
                .andExpect(content().string(containsString("Còn 9.000 dòng sai khác")));
        assertThat(fixtures.count("unit_id = ?", unit.id())).isEqualTo(10_000);
    }

    private ResultActions upload(Staff staff, OrgUnitView unit, String fileName, byte[] content) throws Exception {
        return mvc.perform(multipart("/units/" + unit.id() + "/members/import")
                .file(new MockMultipartFile("file", fileName, "application/octet-stream", content))
                .with(csrf()).with(as(staff)));
    }

    /** A roster as someone would type it in Excel: numbers, dates and text where they happen to be. */
    static byte[] xlsx(List<Object[]> rows) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Workbook workbook = new Workbook(out, "test", "1.0");
        Worksheet sheet = workbook.newWorksheet("Sheet1");
        String[] headers = HEADER.split(",");
        for (int c = 0; c < headers.length; c++) {
            sheet.value(0, c, headers[c]);
        }
        int r = 1;
        for (Object[] row : rows) {
            for (int c = 0; c < row.length; c++) {
                Object v = row[c];
                if (v instanceof LocalDate date) {
                    sheet.value(r, c, date);
                    sheet.style(r, c).format("dd/mm/yyyy").set();
                }
                else if (v instanceof Number n) {
                    sheet.value(r, c, n);
                }
                else if (v != null && !v.toString().isEmpty()) {
                    sheet.value(r, c, v.toString());
                }
            }
            r++;
        }
        sheet.finish();
        workbook.finish();
        return out.toByteArray();
    }
}
