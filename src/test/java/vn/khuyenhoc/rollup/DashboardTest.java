package vn.khuyenhoc.rollup;

import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import vn.khuyenhoc.orgunit.GrassrootsUnitForm;
import vn.khuyenhoc.orgunit.OrgUnitKind;
import vn.khuyenhoc.orgunit.OrgUnitService;
import vn.khuyenhoc.shared.Staff;

import vn.khuyenhoc.support.IntegrationTest;
import vn.khuyenhoc.support.TestTree;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static vn.khuyenhoc.support.TestTree.as;

/** The dashboard page at every level, both languages, groups of provinces, and scope. */
@IntegrationTest
class DashboardTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    TestTree tree;

    @Autowired
    OrgUnitService orgUnits;

    @Autowired
    ProvinceGroupService groupService;

    @Test
    void everyLevelHasItsDashboardWithItsChildrenSortableAndCharted() throws Exception {
        var national = tree.staffOf(tree.central());
        DashboardTable table = table(mvc.perform(get("/units/" + tree.central().id() + "/dashboard?year=2026&sort=members&dir=asc")
                .with(as(national)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Tỉnh Quảng Ninh")))
                .andExpect(content().string(containsString("chart.umd.min.js")))
                .andExpect(content().string(containsString("Hội viên/dân số")))
                .andReturn());
        assertThat(table.rows()).hasSize(34);
        // sorted by members, ascending: the charted figure (members) never decreases down the table
        List<Long> members = table.rows().stream().map(row -> row.chartValue().longValue()).toList();
        assertThat(members).isSorted();
        // every row drills one level down and has a cell per column; the sorted column's link now sorts descending
        List<Figure> columns = Figure.forLevel(1).stream().filter(f -> !f.isMoneyByKind() && !f.isShare()).toList(); // shares have a table of their own
        assertThat(table.headers()).hasSize(columns.size());
        assertThat(table.rows()).allSatisfy(row -> {
            assertThat(row.href()).matches("/units/\\d+/dashboard\\?period=2026&figure=members&cols=main");
            assertThat(row.cellsHtml().split("<td class=\"num\">", -1)).hasSize(columns.size() + 1);
        });
        var membersHeader = table.headers().get(columns.indexOf(Figure.MEMBERS));
        assertThat(membersHeader.arrow()).isEqualTo("▲");
        assertThat(membersHeader.href()).endsWith("&sort=members&dir=desc");

        groupService.load("Vùng thử nghiệm", "Test region", List.of(tree.unit("22").id(), tree.unit("01").id()));
        DashboardTable groups = table(mvc.perform(get("/units/" + tree.central().id() + "/dashboard?by=groups&lang=en")
                .with(as(national)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Members/population")))
                .andReturn());
        assertThat(groups.rows()).extracting(DashboardTable.Line::name).contains("Test region");
        assertThat(groups.rows()).allSatisfy(row -> assertThat(row.href()).isNull());

        var province = tree.staffOf(tree.unit("22"));
        assertThat(table(mvc.perform(get("/units/" + tree.unit("22").id() + "/dashboard").with(as(province)))
                .andExpect(status().isOk()).andReturn()).rows()).hasSize(54);
        // groups are the national board's view: a province asking for them gets its communes
        DashboardPage asked = page(mvc.perform(get("/units/" + tree.unit("22").id() + "/dashboard?by=groups").with(as(province)))
                .andExpect(status().isOk()).andReturn());
        assertThat(asked.by()).isEqualTo("units");
        assertThat(asked.table().rows()).hasSize(54);
        var chapter = tree.newChapter("06688");
        mvc.perform(get("/units/" + chapter.id() + "/dashboard").with(as(tree.staffOf(chapter))))
                .andExpect(status().isOk());
    }

    @Test
    void theFiguresAreWrittenOnceForEveryoneAndWhatDependsOnTheUserIsWrittenPerRequest() throws Exception {
        var province = tree.unit("22");
        String url = "/units/" + province.id() + "/dashboard?year=2026&figure=familyShare";
        MvcResult first = mvc.perform(get(url).with(as(tree.staffOf(tree.central())))).andExpect(status().isOk()).andReturn();
        MvcResult second = mvc.perform(get(url).with(as(tree.staffOf(province)))).andExpect(status().isOk()).andReturn();
        String kept = (String) first.getModelAndView().getModel().get("html");
        assertThat(second.getModelAndView().getModel().get("html")).as("written once, kept for the next user").isSameAs(kept);
        // nothing of a session in what is kept: no form that posts, no token, no session id in a link
        assertThat(kept).contains("id=\"children\"").doesNotContain("_csrf").doesNotContainIgnoringCase("jsessionid")
                .doesNotContainIgnoringCase("method=\"post\"");
        // the breadcrumbs are the user's: the country links for the national board, not for the province's staff
        String countryLink = "href=\"/units/" + tree.central().id() + "\"";
        assertThat(first.getResponse().getContentAsString()).contains(countryLink);
        assertThat(second.getResponse().getContentAsString()).doesNotContain(countryLink);
    }

    @Test
    void namesInTheTableAreEscaped() throws Exception {
        var commune = tree.unit("06688");
        orgUnits.createGrassroots(Staff.system(orgUnits.centralScope()), commune.id(),
                new GrassrootsUnitForm(OrgUnitKind.CHAPTER, "Chi hội <b>Đông</b><script>alert(1)</script> " + java.util.UUID.randomUUID(), null));
        mvc.perform(get("/units/" + commune.id() + "/dashboard").with(as(tree.staffOf(commune))))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Chi hội &lt;b&gt;Đông&lt;/b&gt;")))
                .andExpect(content().string(containsString("&lt;script&gt;alert(1)&lt;/script&gt;")))
                .andExpect(content().string(not(containsString("<b>Đông"))))
                .andExpect(content().string(not(containsString("<script>alert(1)"))));
    }

    private static DashboardTable table(MvcResult result) {
        return page(result).table();
    }

    private static DashboardPage page(MvcResult result) {
        return (DashboardPage) result.getModelAndView().getModel().get("page");
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
