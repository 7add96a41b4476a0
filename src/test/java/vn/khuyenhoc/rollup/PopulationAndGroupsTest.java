package vn.khuyenhoc.rollup;

import java.util.UUID;

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
class PopulationAndGroupsTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    TestTree tree;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PopulationService population;

    @Test
    void communeStaffKeepTheirPopulationTypedTheVietnameseWay() throws Exception {
        var commune = tree.unit("06661"); // Phường Việt Hưng, Quảng Ninh
        var staff = tree.staffOf(commune);
        mvc.perform(post("/units/" + commune.id() + "/population").with(as(staff)).with(csrf())
                        .param("year", "2031").param("population", "45.678").param("households", "12.345"))
                .andExpect(redirectedUrl("/units/" + commune.id() + "/population"));
        assertThat(population.population(commune, 2031)).contains(45_678L);
        // the same year again replaces the figure, and the audit log has both
        mvc.perform(post("/units/" + commune.id() + "/population").with(as(staff)).with(csrf())
                .param("year", "2031").param("population", "46000")).andExpect(status().is3xxRedirection());
        assertThat(population.population(commune, 2031)).contains(46_000L);
        assertThat(jdbc.sql("SELECT count(*) FROM audit_log WHERE entity_type = 'POPULATION' AND entity_id = :id")
                .param("id", commune.id()).query(Long.class).single()).isEqualTo(2);
    }

    @Test
    void badPopulationGetsAFieldMessageAndChangesNothing() throws Exception {
        var commune = tree.unit("06673"); // Phường Bãi Cháy
        var staff = tree.staffOf(commune);
        mvc.perform(post("/units/" + commune.id() + "/population").with(as(staff)).with(csrf())
                        .param("year", "2032").param("population", "-5"))
                .andExpect(status().isOk())
                .andExpect(model().attributeHasFieldErrors("form", "population"))
                .andExpect(content().string(containsString("Dân số phải là số nguyên dương")));
        mvc.perform(post("/units/" + commune.id() + "/population").with(as(staff)).with(csrf())
                        .param("year", "2032").param("population", "nhiều"))
                .andExpect(model().attributeHasFieldErrors("form", "population"));
        assertThat(population.population(commune, 2032)).isEmpty();
    }

    @Test
    void onlyTheNodesOwnStaffEditAndOthersOutsideGet404() throws Exception {
        var commune = tree.unit("06676"); // Phường Hà Lầm
        var province = tree.staffOf(tree.unit("22"));
        var otherProvince = tree.staffOf(tree.unit("01"));
        var chapter = tree.staffOf(tree.newChapter("06688"));
        mvc.perform(get("/units/" + commune.id() + "/population").with(as(province)))
                .andExpect(status().isOk()).andExpect(model().attribute("canEdit", false));
        mvc.perform(post("/units/" + commune.id() + "/population").with(as(province)).with(csrf())
                .param("year", "2033").param("population", "1000")).andExpect(status().isNotFound());
        mvc.perform(get("/units/" + commune.id() + "/population").with(as(otherProvince))).andExpect(status().isNotFound());
        mvc.perform(post("/units/" + commune.id() + "/population").with(as(otherProvince)).with(csrf())
                .param("year", "2033").param("population", "1000")).andExpect(status().isNotFound());
        mvc.perform(get("/units/" + commune.id() + "/population").with(as(chapter))).andExpect(status().isNotFound());
        assertThat(population.population(commune, 2033)).isEmpty();
    }

    @Test
    void theCountrysPopulationIsKnownOnlyWhenEveryProvincesIs() {
        assertThat(population.population(tree.central(), 2040)).isEmpty();
        var provinces = jdbc.sql("SELECT id FROM org_unit WHERE level = 1").query(Long.class).list();
        for (int i = 0; i < provinces.size(); i++) {
            population.load(provinces.get(i), 2040, 1000 + i, null);
            if (i == provinces.size() - 2) {
                assertThat(population.population(tree.central(), 2040)).isEmpty();
            }
        }
        long expected = provinces.size() * 1000L + (provinces.size() - 1) * provinces.size() / 2;
        assertThat(population.population(tree.central(), 2040)).contains(expected);
    }

    @Test
    void nationalStaffDefineGroupsOfProvincesAndNobodyElseCan() throws Exception {
        var national = tree.staffOf(tree.central());
        String name = "Các tỉnh Tây Bắc " + UUID.randomUUID().toString().substring(0, 5);
        mvc.perform(post("/groups").with(as(national)).with(csrf()).param("name", name)
                        .param("provinceIds", String.valueOf(tree.unit("11").id()), String.valueOf(tree.unit("12").id())))
                .andExpect(redirectedUrl("/groups"));
        assertThat(jdbc.sql("""
                SELECT count(*) FROM province_group g JOIN province_group_member m ON m.group_id = g.id WHERE g.name = :name
                """).param("name", name).query(Long.class).single()).isEqualTo(2);

        mvc.perform(post("/groups").with(as(national)).with(csrf()).param("name", name.toUpperCase())
                        .param("provinceIds", String.valueOf(tree.unit("11").id())))
                .andExpect(model().attributeHasFieldErrors("form", "name"));
        mvc.perform(post("/groups").with(as(national)).with(csrf()).param("name", "Không có tỉnh"))
                .andExpect(model().attributeHasFieldErrors("form", "provinceIds"));
        // a commune id is not a province
        mvc.perform(post("/groups").with(as(national)).with(csrf()).param("name", "Nhóm xã " + UUID.randomUUID())
                        .param("provinceIds", String.valueOf(tree.unit("06688").id())))
                .andExpect(model().attributeHasFieldErrors("form", "provinceIds"));

        var province = tree.staffOf(tree.unit("22"));
        mvc.perform(get("/groups").with(as(province))).andExpect(status().isForbidden());
        mvc.perform(post("/groups").with(as(province)).with(csrf()).param("name", "X")
                .param("provinceIds", String.valueOf(tree.unit("22").id()))).andExpect(status().isForbidden());
    }
}
