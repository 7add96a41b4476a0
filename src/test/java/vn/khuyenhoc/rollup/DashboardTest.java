package vn.khuyenhoc.rollup;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import vn.khuyenhoc.support.IntegrationTest;
import vn.khuyenhoc.support.TestTree;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static vn.khuyenhoc.support.TestTree.as;

/** The dashboard page at every level, both languages, groups of provinces, and scope. */
@IntegrationTest
class DashboardTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    TestTree tree;

    @Test
    void everyLevelHasItsDashboardWithItsChildrenSortableAndCharted() throws Exception {
        var national = tree.staffOf(tree.central());
        mvc.perform(get("/units/" + tree.central().id() + "/dashboard?year=2026&sort=members&dir=asc").with(as(national)))
                .andExpect(status().isOk())
                .andExpect(model().attribute("rows", hasSize(34)))
                .andExpect(content().string(containsString("Tỉnh Quảng Ninh")))
                .andExpect(content().string(containsString("chart.umd.min.js")))
                .andExpect(content().string(containsString("Hội viên/dân số")));
        mvc.perform(get("/units/" + tree.central().id() + "/dashboard?by=groups&lang=en").with(as(national)))
                .andExpect(status().isOk())
                .andExpect(model().attribute("groups", notNullValue()))
                .andExpect(content().string(containsString("Members/population")));
        var province = tree.staffOf(tree.unit("22"));
        mvc.perform(get("/units/" + tree.unit("22").id() + "/dashboard").with(as(province)))
                .andExpect(status().isOk()).andExpect(model().attribute("rows", hasSize(54)));
        // groups are the national board's view: a province asking for them gets its communes
        mvc.perform(get("/units/" + tree.unit("22").id() + "/dashboard?by=groups").with(as(province)))
                .andExpect(status().isOk()).andExpect(model().attribute("groups", nullValue()));
        var chapter = tree.newChapter("06688");
        mvc.perform(get("/units/" + chapter.id() + "/dashboard").with(as(tree.staffOf(chapter))))
                .andExpect(status().isOk());
    }

    @Test
    void aDashboardOutsideOnesSubtreeAnswers404() throws Exception {
        var province = tree.staffOf(tree.unit("22"));
        var commune = tree.staffOf(tree.unit("06688"));
        var chapter = tree.staffOf(tree.newChapter("06688"));
        mvc.perform(get("/units/" + tree.central().id() + "/dashboard").with(as(province))).andExpect(status().isNotFound());
        mvc.perform(get("/units/" + tree.unit("01").id() + "/dashboard").with(as(province))).andExpect(status().isNotFound());
        mvc.perform(get("/units/" + tree.unit("00004").id() + "/dashboard").with(as(province))).andExpect(status().isNotFound());
        mvc.perform(get("/units/" + tree.unit("22").id() + "/dashboard").with(as(commune))).andExpect(status().isNotFound());
        mvc.perform(get("/units/" + tree.unit("06652").id() + "/dashboard").with(as(commune))).andExpect(status().isNotFound());
        mvc.perform(get("/units/" + tree.unit("06688").id() + "/dashboard").with(as(chapter))).andExpect(status().isNotFound());
        mvc.perform(get("/units/" + tree.newChapter("06688").id() + "/dashboard").with(as(chapter))).andExpect(status().isNotFound());
    }
}
