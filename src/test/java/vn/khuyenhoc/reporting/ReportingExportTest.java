package vn.khuyenhoc.reporting;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import vn.khuyenhoc.orgunit.OrgUnitView;
import vn.khuyenhoc.shared.Staff;
import vn.khuyenhoc.support.IntegrationTest;
import vn.khuyenhoc.support.TestTree;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.asyncDispatch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static vn.khuyenhoc.support.TestTree.as;

/** The annual export says per province and commune whether its report is approved, and can give the approved figures. */
@IntegrationTest
class ReportingExportTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    TestTree tree;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ReportingService reports;

    @Test
    void theExportGivesTheApprovedFiguresAndSaysWhichAreApproved() throws Exception {
        int year = reports.currentYear();
        OrgUnitView province = tree.unit("22");
        OrgUnitView commune = tree.unit("06688");
        Staff staff = tree.staffOf(province);
        jdbc.sql("""
                INSERT INTO annual_report (node_id, year, state, submitted_at, submitted_by, figures)
                VALUES (:c, :y, 'APPROVED', now(), 'test', CAST('{"members": 4321, "newMembers": 12}' AS jsonb))
                """).param("c", commune.id()).param("y", year).update();

        List<CSVRecord> approved = csv(staff, "/units/" + province.id() + "/export.csv?figures=approved&year=" + year);
        CSVRecord header = approved.get(0);
        int code = header.toList().indexOf("Mã");
        int members = header.toList().indexOf("Hội viên");
        int state = header.size() - 1;
        assertThat(header.get(state)).isEqualTo("Báo cáo năm");
        CSVRecord halong = approved.stream().filter(r -> r.get(code).equals("06688")).findFirst().orElseThrow();
        assertThat(halong.get(members)).isEqualTo("4321");
        assertThat(halong.get(state)).isEqualTo("Đã duyệt");
        CSVRecord other = approved.stream().filter(r -> r.get(code).equals("06652")).findFirst().orElseThrow();
        assertThat(other.get(members)).isEmpty();
        assertThat(other.get(state)).isEqualTo("Chưa duyệt");
        assertThat(lastFileName).contains("-da-duyet");

        // the live export says the same per node, with the live figures
        List<CSVRecord> live = csv(staff, "/units/" + province.id() + "/export.csv?year=" + year);
        CSVRecord liveHalong = live.stream().filter(r -> r.get(code).equals("06688")).findFirst().orElseThrow();
        assertThat(liveHalong.get(state)).isEqualTo("Đã duyệt");
        assertThat(liveHalong.get(members)).isNotEqualTo("4321");
        assertThat(lastFileName).doesNotContain("-da-duyet");
    }

    private String lastFileName;

    private List<CSVRecord> csv(Staff staff, String url) throws Exception {
        MvcResult started = mvc.perform(get(url).with(as(staff))).andReturn();
        lastFileName = started.getResponse().getHeader("Content-Disposition");
        byte[] body = mvc.perform(asyncDispatch(started)).andReturn().getResponse().getContentAsByteArray();
        String text = new String(body, 3, body.length - 3, StandardCharsets.UTF_8);
        return CSVFormat.RFC4180.parse(new StringReader(text)).getRecords();
    }
}
