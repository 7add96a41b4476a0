package vn.khuyenhoc.rollup;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import vn.khuyenhoc.orgunit.OrgUnitView;
import vn.khuyenhoc.shared.Staff;
import vn.khuyenhoc.support.IntegrationTest;
import vn.khuyenhoc.support.Requests;
import vn.khuyenhoc.support.TestTree;
import vn.khuyenhoc.support.Today;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static vn.khuyenhoc.support.TestTree.as;

/**
 * The year-end peak's rule, with the production window (here a minute, so that no timing can make it pass): after a
 * change, a dashboard read before it is still served to the users who did not make it, while whoever saved sees their
 * own change on their next page; and once someone has read it afresh, everyone gets the fresh one.
 */
@IntegrationTest
@TestPropertySource(properties = "khuyenhoc.dashboards.max-staleness=60s")
class DashboardStalenessTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    TestTree tree;

    @Test
    void whoeverSavedSeesTheirChangeAtOnceAndTheOthersWithinTheWindow() throws Exception {
        OrgUnitView chapter = tree.newChapter("06688");
        Staff secretary = tree.staffOf(chapter);
        Staff commune = tree.staffOf(tree.unit("06688"));
        Staff national = tree.staffOf(tree.central());
        long before = members(chapter, national);
        assertThat(members(chapter, secretary)).isEqualTo(before);

        Requests.post(mvc, secretary, "/units/" + chapter.id() + "/members", "fullName", "Lê Văn Tám", "gender", "MALE",
                        "birth", "1975", "address", "Tổ 3", "joinedOn", Today.inVietnam().getYear() + "-01-10")
                .andExpect(redirectedUrlPattern("/members/*"));

        assertThat(members(chapter, national)).as("read before the save, less than the window ago").isEqualTo(before);
        assertThat(members(chapter, commune)).as("nor did the commune's staff save").isEqualTo(before);
        assertThat(members(chapter, secretary)).as("the secretary's own save, on her next page").isEqualTo(before + 1);
        assertThat(members(chapter, national)).as("read afresh for her: the kept one for everyone").isEqualTo(before + 1);
    }

    private long members(OrgUnitView node, Staff staff) throws Exception {
        RollupService.Dashboard dashboard = (RollupService.Dashboard) mvc.perform(get("/units/" + node.id() + "/dashboard")
                        .with(as(staff))).andExpect(status().isOk())
                .andReturn().getModelAndView().getModel().get("dashboard");
        return dashboard.total().members();
    }
}
