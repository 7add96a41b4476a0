package vn.khuyenhoc.reporting;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import vn.khuyenhoc.orgunit.OrgUnitView;
import vn.khuyenhoc.shared.Staff;
import vn.khuyenhoc.support.IntegrationTest;
import vn.khuyenhoc.support.TestTree;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static vn.khuyenhoc.support.TestTree.as;

/**
 * Every endpoint of the yearly reports tried as every role and node: the right person acts, anyone else in scope gets
 * 403, anyone outside their subtree 404 (exactly like a missing id), and nothing changes for them. A role that may
 * never call an endpoint (a grassroots secretary submitting a report, commune staff approving) gets 403 wherever the
 * id points: it is refused before any id is looked up, so the answer says nothing about the id.
 */
@IntegrationTest
class ReportingAccessTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    TestTree tree;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ReportingService reports;

    @Test
    void onlyTheRightPersonActsOnEachReport() throws Exception {
        int year = reports.currentYear();
        OrgUnitView central = tree.central();
        OrgUnitView province = tree.unit("22");
        OrgUnitView commune = tree.unit("06688");
        OrgUnitView otherProvince = tree.unit("01");
        OrgUnitView otherCommune = tree.unit("00004"); // Hà Nội: Ba Đình
        OrgUnitView chapter = tree.newChapter("06688");
        Staff national = tree.staffOf(central);
        Staff provinceStaff = tree.staffOf(province);
        Staff otherProvinceStaff = tree.staffOf(otherProvince);
        Staff communeStaff = tree.staffOf(commune);
        Staff otherCommuneStaff = tree.staffOf(otherCommune);
        Staff secretary = tree.staffOf(chapter);
        // the commune's and the province's reports are submitted, so that approving and returning could happen
        jdbc.sql("""
                INSERT INTO annual_report (node_id, year, state, submitted_at, submitted_by, figures)
                VALUES (:c, :y, 'SUBMITTED', now(), 'test', '{}'), (:p, :y, 'SUBMITTED', now(), 'test', '{}')
                """).param("c", commune.id()).param("p", province.id()).param("y", year).update();
        String y = String.valueOf(year);

        List<String> wrong = new ArrayList<>();
        // submitting the commune's report: its own staff only
        expect(wrong, () -> post("/units/" + commune.id() + "/report/submit").param("year", y).param("version", "0"),
                national, 403, provinceStaff, 403, otherProvinceStaff, 404, otherCommuneStaff, 404, secretary, 403);
        // approving or returning a commune's: its province's staff only
        for (String action : List.of("approve", "return")) {
            expect(wrong, () -> post("/units/" + commune.id() + "/report/" + action).param("year", y).param("version", "0")
                            .param("reason", "x"),
                    national, 403, communeStaff, 403, otherProvinceStaff, 404, otherCommuneStaff, 403, secretary, 403);
            // accepting or returning a province's: national staff only
            expect(wrong, () -> post("/units/" + province.id() + "/report/" + action).param("year", y).param("version", "0")
                            .param("reason", "x"),
                    provinceStaff, 403, communeStaff, 403, otherProvinceStaff, 404, otherCommuneStaff, 403, secretary, 403);
        }
        // submitting the province's: its own staff only
        expect(wrong, () -> post("/units/" + province.id() + "/report/submit").param("year", y).param("version", "0"),
                national, 403, communeStaff, 404, otherProvinceStaff, 404, secretary, 403);
        // bulk approval on the province's page: its own staff only
        expect(wrong, () -> post("/units/" + province.id() + "/reporting/approve").param("year", y)
                        .param("ids", commune.id() + ":0").param("confirmed", "true"),
                national, 403, communeStaff, 403, otherProvinceStaff, 404, secretary, 403);
        // deadlines: the node whose children report
        expect(wrong, () -> post("/units/" + province.id() + "/reporting/deadline").param("year", y)
                        .param("deadline", year + "-12-01").param("version", "0"),
                national, 403, communeStaff, 403, otherProvinceStaff, 404, secretary, 403);
        expect(wrong, () -> post("/units/" + central.id() + "/reporting/deadline").param("year", y)
                        .param("deadline", year + "-12-10").param("version", "0"),
                provinceStaff, 404, communeStaff, 403, secretary, 403);
        // pages: readable in scope only; a grassroots unit and the country have no report of their own
        expect(wrong, () -> get("/units/" + commune.id() + "/report"), national, 200, provinceStaff, 200, communeStaff, 200,
                otherProvinceStaff, 404, otherCommuneStaff, 404, secretary, 403);
        expect(wrong, () -> get("/units/" + province.id() + "/report"), national, 200, provinceStaff, 200,
                otherProvinceStaff, 404, communeStaff, 404);
        expect(wrong, () -> get("/units/" + central.id() + "/report"), national, 404);
        expect(wrong, () -> get("/units/" + chapter.id() + "/report"), communeStaff, 404, secretary, 403);
        for (String page : List.of("/reporting", "/reporting.csv")) {
            expect(wrong, () -> get("/units/" + province.id() + page), national, 200, provinceStaff, 200,
                    otherProvinceStaff, 404, communeStaff, 403, secretary, 403);
            expect(wrong, () -> get("/units/" + central.id() + page), national, 200, provinceStaff, 404, communeStaff, 403);
            expect(wrong, () -> get("/units/" + commune.id() + page), communeStaff, 403, provinceStaff, 404);
        }
        assertThat(wrong).isEmpty();
        // nothing changed for any of them
        assertThat(jdbc.sql("SELECT string_agg(state, ',' ORDER BY node_id) FROM annual_report WHERE year = :y AND node_id IN (:c, :p)")
                .param("y", year).param("c", commune.id()).param("p", province.id()).query(String.class).single())
                .isEqualTo("SUBMITTED,SUBMITTED");
        assertThat(jdbc.sql("SELECT count(*) FROM report_deadline").query(Long.class).single()).isZero();
    }

    /** Sends the request as each staff member and notes every answer other than the expected status. */
    private void expect(List<String> wrong, Supplier<MockHttpServletRequestBuilder> request, Object... staffAndStatus)
            throws Exception {
        for (int i = 0; i < staffAndStatus.length; i += 2) {
            Staff staff = (Staff) staffAndStatus[i];
            int expected = (Integer) staffAndStatus[i + 1];
            var result = mvc.perform(request.get().with(as(staff)).with(csrf())).andReturn();
            int actual = result.getResponse().getStatus();
            if (actual != expected) {
                wrong.add(result.getRequest().getMethod() + " " + result.getRequest().getRequestURI() + " as "
                        + staff.role() + " of node " + staff.scope().nodeId() + ": " + actual + " instead of " + expected);
            }
        }
    }
}
