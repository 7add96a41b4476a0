package vn.khuyenhoc.closing;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import vn.khuyenhoc.support.IntegrationTest;
import vn.khuyenhoc.support.TestTree;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static vn.khuyenhoc.support.TestTree.as;

@IntegrationTest
class YearClosingTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    TestTree tree;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    YearClosingService closing;

    @Test
    void theNationalBoardClosesAYearAndReopensItOnlyWithAReason() throws Exception {
        var national = tree.staffOf(tree.central());
        // the year closes only once every province's annual report is accepted (issue 12)
        mvc.perform(post("/years/close").with(as(national)).with(csrf()).param("year", "2091"))
                .andExpect(model().attributeHasFieldErrors("closeForm", "year"));
        assertThat(closing.isClosed(2091)).isFalse();
        jdbc.sql("""
                INSERT INTO annual_report (node_id, year, state, submitted_at, submitted_by, figures)
                SELECT id, 2091, 'APPROVED', now(), 'test', '{}' FROM org_unit WHERE level = 1 AND active
                """).update();
        mvc.perform(post("/years/close").with(as(national)).with(csrf()).param("year", "2091"))
                .andExpect(redirectedUrl("/years"));
        assertThat(closing.isClosed(2091)).isTrue();
        mvc.perform(post("/years/close").with(as(national)).with(csrf()).param("year", "2091"))
                .andExpect(model().attributeHasFieldErrors("closeForm", "year"));

        mvc.perform(post("/years/reopen").with(as(national)).with(csrf()).param("year", "2091").param("reason", " "))
                .andExpect(status().isOk())
                .andExpect(model().attributeHasFieldErrors("reopenForm", "reason"))
                .andExpect(content().string(containsString("Hãy nêu lý do")));
        assertThat(closing.isClosed(2091)).isTrue();

        mvc.perform(post("/years/reopen").with(as(national)).with(csrf()).param("year", "2091")
                .param("reason", "Bổ sung số liệu quỹ của tỉnh")).andExpect(redirectedUrl("/years"));
        assertThat(closing.isClosed(2091)).isFalse();
        assertThat(jdbc.sql("SELECT reason FROM year_closing_event WHERE year = 2091 AND action = 'REOPEN'")
                .query(String.class).single()).isEqualTo("Bổ sung số liệu quỹ của tỉnh");
        assertThat(jdbc.sql("SELECT count(*) FROM audit_log WHERE entity_type = 'YEAR' AND entity_id = 2091")
                .query(Long.class).single()).isEqualTo(2);
    }

    @Test
    void onlyTheNationalBoardClosesYears() throws Exception {
        var province = tree.staffOf(tree.unit("22"));
        mvc.perform(get("/years").with(as(province))).andExpect(status().isForbidden());
        mvc.perform(post("/years/close").with(as(province)).with(csrf()).param("year", "2092"))
                .andExpect(status().isForbidden());
        assertThat(closing.isClosed(2092)).isFalse();
    }

    @Test
    void theDatabaseItselfRefusesWritesIntoAClosedYear() {
        jdbc.sql("INSERT INTO closed_year (year, closed_by) VALUES (2093, 'test')").update();
        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () -> jdbc.sql("SELECT require_open_year(2093)").query(Object.class).single())
                .hasMessageContaining("year 2093 is closed");
        jdbc.sql("SELECT require_open_year(2094)").query(Object.class).single();
    }
}
