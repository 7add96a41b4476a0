package vn.khuyenhoc.orgunit;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import vn.khuyenhoc.rollup.Figures;
import vn.khuyenhoc.shared.Staff;
import vn.khuyenhoc.support.IntegrationTest;
import vn.khuyenhoc.support.TestTree;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static vn.khuyenhoc.support.TestTree.as;

/**
 * Commune staff set when a chapter or board was founded and dissolved, on the unit forms; the dashboards count
 * units as they stood at the period's end; bad dates get field messages and change nothing; dates in a closed year
 * are refused by the page and by the database whoever connects.
 */
@IntegrationTest
class UnitDatesTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    TestTree tree;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    DataSource dataSource;

    @Test
    void aUnitFoundedAndDissolvedOnItsFormCountsOnlyWhileItStood() throws Exception {
        OrgUnitView commune = tree.unit("06652");
        Staff staff = tree.staffOf(commune);
        String name = "Chi hội Thôn Mới " + UUID.randomUUID();
        mvc.perform(get("/units/{id}/grassroots/new", commune.id()).with(as(staff)))
                .andExpect(status().isOk()).andExpect(content().string(containsString("Ngày thành lập")));
        Figures before2019 = figures(staff, commune, "period=2019");
        Figures before2023 = figures(staff, commune, "period=2023");
        mvc.perform(post("/units/{id}/grassroots", commune.id()).with(as(staff)).with(csrf())
                        .param("kind", "CHAPTER").param("name", name).param("foundedOn", "15/03/2019"))
                .andExpect(redirectedUrl("/units/" + commune.id()));
        Map<String, Object> row = jdbc.sql("SELECT id, founded_on, dissolved_on, active, version FROM org_unit WHERE name = :n")
                .param("n", name).query().singleRow();
        long id = ((Number) row.get("id")).longValue();
        assertThat(row.get("founded_on").toString()).isEqualTo("2019-03-15");
        assertThat(row.get("dissolved_on")).isNull();

        // standing at the end of 2019 and of 2023; not yet at the end of 2018
        assertThat(figures(staff, commune, "period=2019").chapters()).isEqualTo(before2019.chapters() + 1);
        assertThat(figures(staff, commune, "period=2018").chapters())
                .isEqualTo(figures(staff, commune, "period=2018").chapters());
        assertThat(figures(staff, commune, "period=2023").chapters()).isEqualTo(before2023.chapters() + 1);

        // dissolved on 30 June 2024: it stood at the end of 2023, no longer at 30 June 2024 nor at the end of 2024
        Figures firstHalf2024 = figures(staff, commune, "period=2024-H1");
        mvc.perform(get("/units/{id}/edit", id).with(as(staff)))
                .andExpect(status().isOk()).andExpect(content().string(containsString("2019-03-15")));
        mvc.perform(post("/units/{id}", id).with(as(staff)).with(csrf()).param("kind", "CHAPTER").param("name", name)
                        .param("foundedOn", "2019-03-15").param("dissolvedOn", "30/06/2024")
                        .param("version", row.get("version").toString()))
                .andExpect(redirectedUrl("/units/" + id));
        Map<String, Object> dissolved = jdbc.sql("SELECT dissolved_on, active FROM org_unit WHERE id = :id")
                .param("id", id).query().singleRow();
        assertThat(dissolved.get("dissolved_on").toString()).isEqualTo("2024-06-30");
        assertThat(dissolved).containsEntry("active", false);
        assertThat(figures(staff, commune, "period=2024-H1").chapters()).isEqualTo(firstHalf2024.chapters() - 1);
        assertThat(figures(staff, commune, "period=2023").chapters()).isEqualTo(before2023.chapters() + 1);
        assertThat(lastAudit(id)).contains("2024-06-30");

        // reactivated with the button: no dissolution date; deactivated: dissolved today
        mvc.perform(post("/units/{id}/activate", id).with(as(staff)).with(csrf())).andExpect(status().is3xxRedirection());
        assertThat(jdbc.sql("SELECT dissolved_on IS NULL AND active FROM org_unit WHERE id = :id").param("id", id)
                .query(Boolean.class).single()).isTrue();
        mvc.perform(post("/units/{id}/deactivate", id).with(as(staff)).with(csrf())).andExpect(status().is3xxRedirection());
        assertThat(jdbc.sql("SELECT dissolved_on FROM org_unit WHERE id = :id").param("id", id)
                .query(LocalDate.class).single()).isEqualTo(vn.khuyenhoc.support.Today.inVietnam());
    }

    @Test
    void badDatesGetFieldMessagesAndNothingIsSaved() throws Exception {
        OrgUnitView commune = tree.unit("06652");
        Staff staff = tree.staffOf(commune);
        long units = count();
        String tomorrow = vn.khuyenhoc.support.Today.inVietnam().plusDays(1).toString();
        for (String[] bad : new String[][] {
                {"abc", "", "foundedOn"}, {"99999999999999999999", "", "foundedOn"}, {"1e400", "", "foundedOn"},
                {"31/02/2020", "", "foundedOn"}, {tomorrow, "", "foundedOn"}, {"1989-12-31", "", "foundedOn"},
                {"2020-01-01", "abc", "dissolvedOn"}, {"2020-01-01", "2019-12-31", "dissolvedOn"},
                {"2020-01-01", tomorrow, "dissolvedOn"}}) {
            mvc.perform(post("/units/{id}/grassroots", commune.id()).with(as(staff)).with(csrf())
                            .param("kind", "BOARD").param("name", "Ban thử " + UUID.randomUUID())
                            .param("foundedOn", bad[0]).param("dissolvedOn", bad[1]))
                    .andExpect(status().isOk())
                    .andExpect(model().attributeHasFieldErrors("form", bad[2]));
        }
        assertThat(count()).isEqualTo(units);
        // in English too
        mvc.perform(post("/units/{id}/grassroots", commune.id()).with(as(staff)).with(csrf()).param("lang", "en")
                        .param("kind", "BOARD").param("name", "Ban thử " + UUID.randomUUID()).param("foundedOn", "abc"))
                .andExpect(status().isOk()).andExpect(content().string(containsString("Not a date")));
    }

    @Test
    void aDateInAClosedYearIsRefusedByThePageAndByTheDatabaseWhoeverConnects() throws Exception {
        OrgUnitView commune = tree.unit("06652");
        Staff staff = tree.staffOf(commune);
        OrgUnitView unit = tree.newChapter("06652");
        jdbc.sql("INSERT INTO closed_year (year, closed_by) VALUES (2018, 'test') ON CONFLICT DO NOTHING").update();
        long units = count();
        mvc.perform(post("/units/{id}/grassroots", commune.id()).with(as(staff)).with(csrf())
                        .param("kind", "BOARD").param("name", "Ban thử " + UUID.randomUUID()).param("foundedOn", "2018-05-05"))
                .andExpect(status().isOk())
                .andExpect(model().attributeHasFieldErrorCode("form", "foundedOn", "unit.date.closedYear"));
        assertThat(count()).isEqualTo(units);
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            assertThatThrownBy(() -> statement.executeUpdate(
                    "UPDATE org_unit SET founded_on = DATE '2018-02-02' WHERE id = " + unit.id()))
                    .isInstanceOfSatisfying(SQLException.class, ex -> assertThat(ex.getSQLState()).isEqualTo("KH001"));
        }
        assertThat(jdbc.sql("SELECT founded_on FROM org_unit WHERE id = :id").param("id", unit.id())
                .query(LocalDate.class).single()).isNotEqualTo(LocalDate.of(2018, 2, 2));
    }

    @Test
    void onlyTheUnitsCommuneStaffSetItsDates() throws Exception {
        OrgUnitView unit = tree.newChapter("06652");
        Staff otherCommune = tree.staffOf(tree.unit("06688"));
        Staff chapter = tree.staffOf(unit);
        Staff province = tree.staffOf(tree.unit("22"));
        mvc.perform(post("/units/{id}", unit.id()).with(as(otherCommune)).with(csrf()).param("kind", "CHAPTER")
                .param("name", "Đổi tên").param("foundedOn", "2020-01-01")).andExpect(status().isNotFound());
        mvc.perform(get("/units/{id}/edit", unit.id()).with(as(otherCommune))).andExpect(status().isNotFound());
        mvc.perform(post("/units/{id}", unit.id()).with(as(chapter)).with(csrf()).param("kind", "CHAPTER")
                .param("name", "Đổi tên").param("foundedOn", "2020-01-01")).andExpect(status().isForbidden());
        mvc.perform(post("/units/{id}", unit.id()).with(as(province)).with(csrf()).param("kind", "CHAPTER")
                .param("name", "Đổi tên").param("foundedOn", "2020-01-01")).andExpect(status().isForbidden());
        assertThat(jdbc.sql("SELECT founded_on FROM org_unit WHERE id = :id").param("id", unit.id())
                .query(LocalDate.class).single()).isNotEqualTo(LocalDate.of(2020, 1, 1));
    }

    private Figures figures(Staff staff, OrgUnitView node, String period) throws Exception {
        ResultActions result = mvc.perform(get("/units/{id}/dashboard?" + period, node.id()).with(as(staff)))
                .andExpect(status().isOk());
        return ((vn.khuyenhoc.rollup.RollupService.Dashboard) result.andReturn().getModelAndView().getModel()
                .get("dashboard")).total();
    }

    private long count() {
        return jdbc.sql("SELECT count(*) FROM org_unit").query(Long.class).single();
    }

    private String lastAudit(long id) {
        return jdbc.sql("SELECT after_state::text FROM audit_log WHERE entity_type = 'ORG_UNIT' AND entity_id = :id ORDER BY id DESC LIMIT 1")
                .param("id", id).query(String.class).single();
    }
}
