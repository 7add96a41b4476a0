package vn.khuyenhoc.orgunit;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import vn.khuyenhoc.support.IntegrationTest;
import vn.khuyenhoc.support.TestTree;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static vn.khuyenhoc.support.TestTree.as;

/** The reference data of a new database, and the pages that browse it. */
@IntegrationTest
class HierarchyTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    TestTree tree;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aNewDatabaseHoldsTheCountryAfterThe2025Reorganisation() {
        assertThat(count("level = 0")).isEqualTo(1);
        assertThat(count("level = 1")).isEqualTo(34);
        assertThat(count("level = 2")).isEqualTo(3321);
        assertThat(count("level = 2 AND admin_type = 'xa'")).isEqualTo(2611);
        assertThat(count("level = 2 AND admin_type = 'phuong'")).isEqualTo(697);
        assertThat(count("level = 2 AND admin_type = 'dac_khu'")).isEqualTo(13);
        assertThat(tree.unit("06978").name()).isEqualTo("Ba Chẽ");
        assertThat(tree.unit("22").name()).isEqualTo("Quảng Ninh");
        // every commune sits under its province, with a path that extends the province's
        assertThat(jdbc.sql("""
                SELECT count(*) FROM org_unit c JOIN org_unit p ON p.id = c.parent_id
                WHERE c.level = 2 AND (p.level <> 1 OR c.path <> p.path || c.id || '/' OR c.province_id <> p.id)
                """).query(Long.class).single()).isZero();
    }

    @Test
    void theNationalPageListsAll34Provinces() throws Exception {
        var national = tree.staffOf(tree.central());
        mvc.perform(get("/units/" + tree.central().id()).with(as(national)))
                .andExpect(status().isOk())
                .andExpect(model().attribute("children", org.hamcrest.Matchers.hasSize(34)))
                .andExpect(content().string(containsString("Tỉnh Quảng Ninh")))
                .andExpect(content().string(containsString("Thành phố Hà Nội")));
    }

    @Test
    void provincePagesListTheirCommunes3321InAll() throws Exception {
        var national = tree.staffOf(tree.central());
        long total = 0;
        for (Long provinceId : jdbc.sql("SELECT id FROM org_unit WHERE level = 1").query(Long.class).list()) {
            var result = mvc.perform(get("/units/" + provinceId).with(as(national)))
                    .andExpect(status().isOk()).andReturn();
            total += ((java.util.List<?>) result.getModelAndView().getModel().get("children")).size();
        }
        assertThat(total).isEqualTo(3321);
    }

    @Test
    void aChapterSecretaryCannotOpenAnotherCommune() throws Exception {
        var chapter = tree.staffOf(tree.newChapter("06688"));
        mvc.perform(get("/units/" + tree.unit("06652").id()).with(as(chapter))).andExpect(status().isNotFound());
        mvc.perform(get("/units/" + tree.unit("22").id()).with(as(chapter))).andExpect(status().isNotFound());
        mvc.perform(get("/units/" + chapter.scope().nodeId()).with(as(chapter))).andExpect(status().isOk())
                .andExpect(model().attributeExists("lineage"));
    }

    private long count(String where) {
        return jdbc.sql("SELECT count(*) FROM org_unit WHERE " + where).query(Long.class).single();
    }
}
