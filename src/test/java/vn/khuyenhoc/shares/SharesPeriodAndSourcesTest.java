package vn.khuyenhoc.shares;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import vn.khuyenhoc.orgunit.OrgUnitView;
import vn.khuyenhoc.shared.Staff;
import vn.khuyenhoc.support.IntegrationTest;
import vn.khuyenhoc.support.TestTree;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static vn.khuyenhoc.support.TestTree.as;

/**
 * Issue 11 after review: shares are yearly, so a half-year's or a span's dashboard says in words that its shares are
 * those of its last year; and the targets page asks national staff to check the shipped 2030 figures of Decision 387,
 * which no source the project could read confirms. Both languages.
 */
@IntegrationTest
class SharesPeriodAndSourcesTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    TestTree tree;

    @Test
    void aHalfYearsOrASpansDashboardSaysItsSharesAreThoseOfItsLastYear() throws Exception {
        OrgUnitView province = tree.unit("22");
        Staff staff = tree.staffOf(province);
        mvc.perform(get("/units/{id}/dashboard", province.id()).param("period", "2025-H1").param("lang", "en").with(as(staff)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"shares\"")))
                .andExpect(content().string(containsString(
                        "The shares below are those of the whole year 2025, not of its first half alone")));
        mvc.perform(get("/units/{id}/dashboard", province.id()).param("period", "2021-2025").param("lang", "en").with(as(staff)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(
                        "The shares below are those of 2025, the last year of 2021–2025, not of the whole span")));
        mvc.perform(get("/units/{id}/dashboard", province.id()).param("from", "2021").param("to", "2025").param("lang", "vi")
                        .with(as(staff)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(
                        "Các tỷ lệ dưới đây là của năm 2025, năm cuối của giai đoạn 2021–2025, không phải của cả giai đoạn")));
        mvc.perform(get("/units/{id}/dashboard", province.id()).param("period", "2025-H1").param("lang", "vi").with(as(staff)))
                .andExpect(content().string(containsString("Các tỷ lệ dưới đây là của cả năm 2025, không riêng nửa đầu năm")));
        // a year's dashboard needs no such words
        mvc.perform(get("/units/{id}/dashboard", province.id()).param("year", "2025").with(as(staff)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"shares\"")))
                .andExpect(content().string(not(containsString("id=\"shares-period\""))));
    }

    @Test
    void theTargetsPageAsksNationalStaffToCheckThe2030FiguresOfDecision387() throws Exception {
        OrgUnitView central = tree.central();
        Staff national = tree.staffOf(central);
        mvc.perform(get("/units/{id}/targets", central.id()).param("year", "2030").param("lang", "en").with(as(national)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"decisions-check-2030\"")))
                .andExpect(content().string(containsString(
                        "National staff should check them against Decision 387/QĐ-TTg")));
        OrgUnitView commune = tree.unit("06688");
        mvc.perform(get("/units/{id}/targets", commune.id()).param("lang", "vi").with(as(tree.staffOf(commune))))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(
                        "Cán bộ Trung ương hãy kiểm tra lại với văn bản Quyết định 387/QĐ-TTg")));
    }
}
