package vn.khuyenhoc.report;

import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.CellType;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.dhatim.fastexcel.reader.Sheet;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import vn.khuyenhoc.orgunit.OrgUnitView;
import vn.khuyenhoc.rollup.Figure;
import vn.khuyenhoc.rollup.Figures;
import vn.khuyenhoc.rollup.RollupService;
import vn.khuyenhoc.shared.Staff;
import vn.khuyenhoc.support.IntegrationTest;
import vn.khuyenhoc.support.TestTree;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.asyncDispatch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.request;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static vn.khuyenhoc.support.TestTree.as;

/** Every cell of an export equals the dashboard's figure for the same node and year; scope as everywhere. */
@IntegrationTest
class StatisticsExportTest {

    static final int YEAR = 2026;

    @Autowired
    MockMvc mvc;

    @Autowired
    TestTree tree;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    org.springframework.context.MessageSource messages;

    @Test
    void everyCellOfAProvinceExportEqualsTheDashboard() throws Exception {
        OrgUnitView province = tree.unit("22");
        tree.newChapter("06688");
        tree.newChapter("06652");
        Staff staff = tree.staffOf(province);

        byte[] xlsx = download(staff, "/units/" + province.id() + "/export.xlsx?year=" + YEAR);
        RollupService.Dashboard dashboard = dashboard(staff, province.id());

        try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(xlsx))) {
            List<Sheet> sheets = workbook.getSheets().toList();
            assertThat(sheets).hasSize(2);
            assertThat(sheets.get(0).getName()).isEqualTo("Tỉnh, thành phố");
            assertThat(sheets.get(1).getName()).isEqualTo("Xã, phường, đặc khu");

            List<Row> provinceRows = sheets.get(0).read();
            assertThat(provinceRows.get(0).getCell(0).asString()).contains("Tỉnh Quảng Ninh").contains(String.valueOf(YEAR));
            assertThat(provinceRows.get(2).getCell(1).asString()).isEqualTo("Tên đơn vị");
            assertThat(provinceRows).hasSize(4);
            assertRowEquals(provinceRows.get(2), provinceRows.get(3), province, dashboard.total(), Figure.forLevel(1));

            List<Row> communeRows = sheets.get(1).read();
            Map<String, RollupService.Row> byCode = dashboard.rows().stream()
                    .collect(Collectors.toMap(r -> r.node().code(), r -> r));
            assertThat(communeRows).hasSize(3 + byCode.size());
            for (Row row : communeRows.subList(3, communeRows.size())) {
                RollupService.Row expected = byCode.get(row.getCell(0).asString());
                assertThat(expected).as("commune %s", row.getCell(0).asString()).isNotNull();
                assertRowEquals(communeRows.get(2), row, expected.node(), expected.figures(), Figure.forLevel(2));
            }
        }
    }

    @Test
    void theCsvHasABomAndTheSameFiguresAsTheDashboard() throws Exception {
        OrgUnitView commune = tree.unit("06688");
        tree.newChapter("06688");
        Staff staff = tree.staffOf(commune);
        byte[] csv = download(staff, "/units/" + commune.id() + "/export.csv?year=" + YEAR);
        assertThat(csv[0]).isEqualTo((byte) 0xEF);
        assertThat(csv[1]).isEqualTo((byte) 0xBB);
        assertThat(csv[2]).isEqualTo((byte) 0xBF);
        String text = new String(csv, 3, csv.length - 3, StandardCharsets.UTF_8);
        List<CSVRecord> records = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(text)).getRecords();
        assertThat(records).hasSize(1); // a commune exports only itself
        CSVRecord row = records.get(0);
        assertThat(row.get("Cấp")).isEqualTo("Xã, phường, đặc khu");
        assertThat(row.get("Kỳ")).isEqualTo(String.valueOf(YEAR));
        assertThat(row.get("Mã")).isEqualTo("06688");
        assertThat(row.get("Tên đơn vị")).contains("Phường Hạ Long");
        Figures expected = dashboard(staff, commune.id()).total();
        for (Figure figure : Figure.forLevel(2)) {
            Number value = figure.of(expected);
            assertThat(row.get(messages.getMessage(figure.messageKey(), null, java.util.Locale.forLanguageTag("vi"))))
                    .as(figure.key()).isEqualTo(value == null ? "" : value.toString());
        }
    }

    @Test
    void aClosedYearSaysSoInTheHeader() throws Exception {
        jdbc.sql("INSERT INTO closed_year (year, closed_by) VALUES (2095, 'test') ON CONFLICT DO NOTHING").update();
        Staff staff = tree.staffOf(tree.unit("06688"));
        byte[] xlsx = download(staff, "/units/" + tree.unit("06688").id() + "/export.xlsx?year=2095");
        try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(xlsx))) {
            assertThat(workbook.getFirstSheet().read().get(1).getCell(0).asString()).contains("đã khóa sổ");
        }
        byte[] open = download(staff, "/units/" + tree.unit("06688").id() + "/export.xlsx?year=2096");
        try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(open))) {
            assertThat(workbook.getFirstSheet().read().get(1).getCell(0).asString()).contains("chưa khóa sổ");
        }
    }

    @Test
    void aProvinceExportsOnlyItselfAndACommuneOnlyItself() throws Exception {
        Staff province = tree.staffOf(tree.unit("22"));
        Staff commune = tree.staffOf(tree.unit("06688"));
        Staff chapter = tree.staffOf(tree.newChapter("06688"));
        for (String format : List.of("xlsx", "csv")) {
            mvc.perform(get("/units/" + tree.central().id() + "/export." + format).with(as(province))).andExpect(status().isNotFound());
            mvc.perform(get("/units/" + tree.unit("01").id() + "/export." + format).with(as(province))).andExpect(status().isNotFound());
            mvc.perform(get("/units/" + tree.unit("22").id() + "/export." + format).with(as(commune))).andExpect(status().isNotFound());
            mvc.perform(get("/units/" + tree.unit("06652").id() + "/export." + format).with(as(commune))).andExpect(status().isNotFound());
            // a grassroots unit has no export: its staff are refused before any id is looked up
            mvc.perform(get("/units/" + chapter.scope().nodeId() + "/export." + format).with(as(chapter))).andExpect(status().isForbidden());
            mvc.perform(get("/units/" + tree.unit("06688").id() + "/export." + format).with(as(chapter))).andExpect(status().isForbidden());
        }
    }

    private void assertRowEquals(Row header, Row row, OrgUnitView node, Figures figures, List<Figure> columns) {
        assertThat(row.getCell(0).asString()).isEqualTo(node.code());
        for (int i = 0; i < columns.size(); i++) {
            Cell cell = 2 + i < row.getCellCount() ? row.getCell(2 + i) : null; // a row ends at its last value
            Number expected = columns.get(i).of(figures);
            String column = header.getCell(2 + i).asString();
            if (expected == null) {
                assertThat(cell == null || cell.getType() == CellType.EMPTY).as(column).isTrue();
            }
            else {
                assertThat(cell.getType()).as(column).isEqualTo(CellType.NUMBER);
                assertThat(cell.asNumber().doubleValue()).as(column).isEqualTo(expected.doubleValue());
            }
        }
    }

    private byte[] download(Staff staff, String url) throws Exception {
        MvcResult started = mvc.perform(get(url).with(as(staff))).andExpect(request().asyncStarted()).andReturn();
        return mvc.perform(asyncDispatch(started)).andExpect(status().isOk())
                .andExpect(header().exists("Content-Disposition")).andReturn().getResponse().getContentAsByteArray();
    }

    private RollupService.Dashboard dashboard(Staff staff, long nodeId) throws Exception {
        return (RollupService.Dashboard) mvc.perform(get("/units/" + nodeId + "/dashboard?year=" + YEAR).with(as(staff)))
                .andExpect(status().isOk()).andReturn().getModelAndView().getModel().get("dashboard");
    }
}
