package vn.khuyenhoc.report;

import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Sheet;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import vn.khuyenhoc.rollup.Figure;
import vn.khuyenhoc.rollup.Figures;
import vn.khuyenhoc.rollup.Period;
import vn.khuyenhoc.rollup.ProvinceGroupService;
import vn.khuyenhoc.rollup.RollupService;
import vn.khuyenhoc.shared.Scope;
import vn.khuyenhoc.shared.Staff;
import vn.khuyenhoc.support.IntegrationTest;
import vn.khuyenhoc.support.TestTree;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.asyncDispatch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.request;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static vn.khuyenhoc.support.TestTree.as;

/**
 * The export for machines: the CSV is one table read by its header (Commons CSV), a line per node of every level
 * and per group of provinces, period and status in columns and in the file name; the XLSX a sheet per level plus
 * the groups; spans and half-years as the dashboards take them; scope as everywhere.
 */
@IntegrationTest
class ExportByPeriodTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    TestTree tree;

    @Autowired
    RollupService rollups;

    @Autowired
    ProvinceGroupService groups;

    @Autowired
    JdbcClient jdbc;

    @Test
    void theNationalCsvIsOneTableWithALevelColumnAndTheGroupsOfProvinces() throws Exception {
        groups.load("Vùng xuất thử", "Export test region", List.of(tree.unit("22").id(), tree.unit("01").id()));
        Staff national = tree.staffOf(tree.central());
        MvcResult result = download(national, "/units/" + tree.central().id() + "/export.csv?from=2021&to=2025");
        assertThat(result.getResponse().getHeader("Content-Disposition")).contains("khuyenhoc-2021-2025-toan-quoc.csv");
        String text = new String(result.getResponse().getContentAsByteArray(), StandardCharsets.UTF_8).substring(1);
        assertThat(text).startsWith("Cấp,Kỳ,Tình trạng,Mã,Tên đơn vị,");
        CSVParser csv = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(new StringReader(text));
        List<String> header = csv.getHeaderNames();
        assertThat(header).doesNotHaveDuplicates();
        List<CSVRecord> records = csv.getRecords();
        assertThat(records).allSatisfy(r -> {
            assertThat(r.isConsistent()).isTrue();
            assertThat(r.get("Kỳ")).isEqualTo("2021-2025");
            assertThat(r.get("Tình trạng")).isEqualTo("Chưa khóa sổ");
        });
        Map<String, Long> byLevel = records.stream().collect(Collectors.groupingBy(r -> r.get("Cấp"), Collectors.counting()));
        assertThat(byLevel).containsEntry("Toàn quốc", 1L).containsEntry("Tỉnh, thành phố", 34L)
                .containsEntry("Xã, phường, đặc khu", 3321L).containsKey("Nhóm tỉnh");

        // a province's line and a group's line are the dashboard's figures for the span, money by kind included
        Scope central = new Scope(tree.central().id(), tree.central().path(), 0);
        Figures hanoi = rollups.figures(central, tree.unit("01").id(), Period.span(2021, 2025));
        CSVRecord hanoiLine = records.stream().filter(r -> r.get("Mã").equals("01")).findFirst().orElseThrow();
        for (Figure figure : List.of(Figure.MEMBERS, Figure.NEW_MEMBERS, Figure.CHAPTERS, Figure.RAISED,
                Figure.MONEY_AWARDS, Figure.MONEY_BUSINESS_DONATION, Figure.PEOPLE_AWARD_STUDENTS)) {
            assertThat(hanoiLine.get(label(header, figure, records))).as(figure.key())
                    .isEqualTo(String.valueOf(figure.of(hanoi)));
        }
        CSVRecord group = records.stream().filter(r -> r.get("Tên đơn vị").equals("Vùng xuất thử")).findFirst().orElseThrow();
        assertThat(group.get("Cấp")).isEqualTo("Nhóm tỉnh");
        Figures quangNinh = rollups.figures(central, tree.unit("22").id(), Period.span(2021, 2025));
        assertThat(Long.parseLong(group.get("Hội viên"))).isEqualTo(hanoi.members() + quangNinh.members());
        // a figure that does not apply at a level is empty there: a commune has no count of communes
        assertThat(records.stream().filter(r -> r.get("Cấp").startsWith("Xã")).findFirst().orElseThrow()
                .get("Xã có Hội")).isEmpty();
    }

    @Test
    void theNationalXlsxHasASheetPerLevelAndOneForTheGroups() throws Exception {
        groups.load("Vùng bảng tính", "Sheet region", List.of(tree.unit("22").id()));
        Staff national = tree.staffOf(tree.central());
        MvcResult result = download(national, "/units/" + tree.central().id() + "/export.xlsx?period=2025-H1");
        assertThat(result.getResponse().getHeader("Content-Disposition")).contains("khuyenhoc-2025-H1-toan-quoc.xlsx");
        try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(result.getResponse().getContentAsByteArray()))) {
            List<Sheet> sheets = workbook.getSheets().toList();
            assertThat(sheets).extracting(Sheet::getName)
                    .containsExactly("Toàn quốc", "Tỉnh, thành phố", "Xã, phường, đặc khu", "Nhóm tỉnh");
            var rows = sheets.get(3).read();
            assertThat(rows.get(0).getCell(0).asString()).contains("6 tháng đầu năm 2025");
            assertThat(rows.stream().skip(3).map(r -> r.getCell(1).asString())).contains("Vùng bảng tính");
        }
    }

    @Test
    void aClosedSpanSaysSoInTheFileNameAndTheStatusColumn() throws Exception {
        jdbc.sql("INSERT INTO closed_year (year, closed_by) VALUES (2093, 'test'), (2094, 'test') ON CONFLICT DO NOTHING")
                .update();
        Staff commune = tree.staffOf(tree.unit("06688"));
        MvcResult closed = download(commune, "/units/" + tree.unit("06688").id() + "/export.csv?period=2093-2094");
        assertThat(closed.getResponse().getHeader("Content-Disposition")).contains("khuyenhoc-2093-2094-06688-khoa-so.csv");
        String text = new String(closed.getResponse().getContentAsByteArray(), StandardCharsets.UTF_8).substring(1);
        List<CSVRecord> records = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(text)).getRecords();
        assertThat(records).singleElement().satisfies(r -> assertThat(r.get("Tình trạng")).isEqualTo("Đã khóa sổ"));
        MvcResult open = download(commune, "/units/" + tree.unit("06688").id() + "/export.csv?period=2094-2095");
        assertThat(open.getResponse().getHeader("Content-Disposition")).contains("khuyenhoc-2094-2095-06688.csv");
    }

    @Test
    void aPeriodDoesNotOpenAnotherUnitsExport() throws Exception {
        Staff province = tree.staffOf(tree.unit("22"));
        Staff commune = tree.staffOf(tree.unit("06688"));
        for (String format : List.of("xlsx", "csv")) {
            for (String period : List.of("period=2025-H1", "from=2021&to=2025")) {
                mvc.perform(get("/units/" + tree.central().id() + "/export." + format + "?" + period).with(as(province)))
                        .andExpect(status().isNotFound());
                mvc.perform(get("/units/" + tree.unit("01").id() + "/export." + format + "?" + period).with(as(province)))
                        .andExpect(status().isNotFound());
                mvc.perform(get("/units/" + tree.unit("06652").id() + "/export." + format + "?" + period).with(as(commune)))
                        .andExpect(status().isNotFound());
            }
        }
    }

    /** The header of a figure's column (its Vietnamese label), checked to be among the CSV's headers. */
    private static String label(List<String> header, Figure figure, List<CSVRecord> records) {
        String label = switch (figure) {
            case MEMBERS -> "Hội viên";
            case NEW_MEMBERS -> "Hội viên mới";
            case CHAPTERS -> "Chi hội";
            case RAISED -> "Quỹ vận động được";
            case MONEY_AWARDS -> "Chi khen thưởng (cộng)";
            case MONEY_BUSINESS_DONATION -> "Thu: doanh nghiệp, tổ chức";
            case PEOPLE_AWARD_STUDENTS -> "Lượt: khen thưởng HS, SV";
            default -> throw new IllegalArgumentException(figure.key());
        };
        assertThat(header).contains(label);
        return label;
    }

    private MvcResult download(Staff staff, String url) throws Exception {
        MvcResult started = mvc.perform(get(url).with(as(staff))).andExpect(request().asyncStarted()).andReturn();
        started.getAsyncResult(300_000); // the whole country's workbook, on a busy machine: wait for it, however long
        return mvc.perform(asyncDispatch(started)).andExpect(status().isOk()).andReturn();
    }
}
