package vn.khuyenhoc.commendation;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import vn.khuyenhoc.orgunit.OrgUnitView;
import vn.khuyenhoc.shared.Staff;
import vn.khuyenhoc.support.IntegrationTest;
import vn.khuyenhoc.support.TestTree;
import vn.khuyenhoc.support.Today;
import vn.khuyenhoc.support.Requests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static vn.khuyenhoc.support.TestTree.as;

/** Commendations: recorded per node, listed with the subtree, counted by the roll-ups, the dashboard and the export. */
@IntegrationTest
class CommendationTest {

    static final int YEAR = Today.inVietnam().getYear();

    @Autowired
    MockMvc mvc;

    @Autowired
    TestTree tree;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    CommendationService commendations;

    ResultActions post(Staff staff, String url, String... params) throws Exception {
        return Requests.post(mvc, staff, url, params);
    }

    long rollup(long nodeId, String column) {
        return jdbc.sql("SELECT coalesce(sum(" + ("collectives".equals(column) ? "collectives" : "individuals")
                        + "), 0) FROM rollup_commendations WHERE node_id = :n AND year = :y")
                .param("n", nodeId).param("y", YEAR).query(Long.class).single();
    }

    long count(String name) {
        return jdbc.sql("SELECT count(*) FROM commendation WHERE recipient_name = :n").param("n", name)
                .query(Long.class).single();
    }

    @Test
    void aCommuneRecordsCommendationsWhichTheDashboardsAndTheExportCount() throws Exception {
        OrgUnitView province = tree.unit("22");
        OrgUnitView commune = tree.unit("06685");
        OrgUnitView unit = tree.newChapter("06685");
        Staff communeStaff = tree.staffOf(commune);
        long provinceBefore = rollup(province.id(), "individuals");
        Staff national = tree.staffOf(tree.central());
        CommendationService.Listing countryBefore = commendations.list(national, tree.central().id(), YEAR);
        String person = "Đoàn Thị Ngọc Ánh " + UUID.randomUUID().toString().substring(0, 6);
        post(communeStaff, "/units/" + unit.id() + "/commendations", "recipientKind", "COLLECTIVE",
                "recipientName", unit.name(), "level", "PROVINCE", "form", "CERTIFICATE_OF_MERIT",
                "year", String.valueOf(YEAR), "decisionNumber", "1520/QĐ-UBND", "decisionDate", YEAR + "-01-08")
                .andExpect(status().is3xxRedirection());
        post(communeStaff, "/units/" + commune.id() + "/commendations", "recipientKind", "INDIVIDUAL",
                "recipientName", person, "level", "NATIONAL", "form", "CERTIFICATE_OF_MERIT",
                "year", String.valueOf(YEAR), "decisionNumber", "45/QĐ-TTg", "decisionDate", YEAR + "-01-09")
                .andExpect(status().is3xxRedirection());
        assertThat(rollup(unit.id(), "collectives")).isEqualTo(1);
        assertThat(rollup(commune.id(), "collectives")).isGreaterThanOrEqualTo(1);
        assertThat(rollup(province.id(), "individuals")).isEqualTo(provinceBefore + 1);
        // the country counts its provinces' rows and its own (OrgUnitService.rollupNodes): both new ones
        CommendationService.Listing country = commendations.list(national, tree.central().id(), YEAR);
        assertThat(country.collectives()).isEqualTo(countryBefore.collectives() + 1);
        assertThat(country.individuals()).isEqualTo(countryBefore.individuals() + 1);

        mvc.perform(get("/units/" + commune.id() + "/commendations").with(as(tree.staffOf(province))))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(person)))
                .andExpect(content().string(containsString(unit.name())))
                .andExpect(content().string(containsString("Bằng khen")));
        mvc.perform(get("/units/" + commune.id() + "/commendations").param("lang", "en").with(as(communeStaff)))
                .andExpect(content().string(containsString("Certificate of merit")));
        mvc.perform(get("/units/" + commune.id() + "/dashboard").with(as(communeStaff)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Cá nhân được khen thưởng")));
        var started = mvc.perform(get("/units/" + commune.id() + "/export.csv").with(as(communeStaff)))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.request().asyncStarted())
                .andReturn();
        String csv = new String(mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
                .asyncDispatch(started)).andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray(),
                java.nio.charset.StandardCharsets.UTF_8);
        assertThat(csv).contains("Tập thể được khen thưởng").contains("Cá nhân được khen thưởng");

        // bad input: messages, nothing saved
        String other = "Hà Văn Tư " + UUID.randomUUID().toString().substring(0, 6);
        post(communeStaff, "/units/" + commune.id() + "/commendations", "recipientKind", "SOMEONE",
                "recipientName", " ", "level", "GALAXY", "form", "MEDAL", "year", "1e400",
                "decisionNumber", "", "decisionDate", "31/02/" + YEAR)
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Hãy chọn tập thể hoặc cá nhân.")))
                .andExpect(content().string(containsString("Hãy nhập tên được khen thưởng.")))
                .andExpect(content().string(containsString("Hãy chọn cấp khen.")))
                .andExpect(content().string(containsString("Hãy chọn hình thức khen thưởng.")))
                .andExpect(content().string(containsString("Năm phải từ 2000 đến " + YEAR + ".")));
        post(communeStaff, "/units/" + commune.id() + "/commendations", "recipientKind", "INDIVIDUAL",
                "recipientName", other, "level", "COMMUNE", "form", "COMMENDATION_CERTIFICATE",
                "year", "99999999999999999999", "decisionNumber", "1/QĐ", "decisionDate", YEAR + "-01-02")
                .andExpect(status().isOk());
        assertThat(count(other)).isZero();

        // scope and role: other communes 404, a chapter secretary reads and records nothing (403)
        long id = jdbc.sql("SELECT id FROM commendation WHERE recipient_name = :n").param("n", person)
                .query(Long.class).single();
        String[] params = {"recipientKind", "INDIVIDUAL", "recipientName", other, "level", "COMMUNE",
                "form", "COMMENDATION_CERTIFICATE", "year", String.valueOf(YEAR), "decisionNumber", "1/QĐ",
                "decisionDate", YEAR + "-01-02"};
        for (Staff outsider : List.of(tree.staffOf(tree.unit("06688")), tree.staffOf(tree.unit("01")))) {
            mvc.perform(get("/units/" + commune.id() + "/commendations").with(as(outsider))).andExpect(status().isNotFound());
            post(outsider, "/units/" + commune.id() + "/commendations", params).andExpect(status().isNotFound());
            post(outsider, "/commendations/" + id + "/delete").andExpect(status().isNotFound());
        }
        Staff secretary = tree.staffOf(unit);
        mvc.perform(get("/units/" + unit.id() + "/commendations").with(as(secretary))).andExpect(status().isOk());
        post(secretary, "/units/" + unit.id() + "/commendations", params).andExpect(status().isForbidden());
        post(secretary, "/commendations/" + id + "/delete").andExpect(status().isNotFound()); // the commune's, not in scope
        long unitsOwn = jdbc.sql("SELECT id FROM commendation WHERE node_id = :n").param("n", unit.id())
                .query(Long.class).single();
        post(secretary, "/commendations/" + unitsOwn + "/delete").andExpect(status().isForbidden());
        assertThat(count(other)).isZero();
        // the commune deletes its own mistaken record; the roll-up follows
        post(communeStaff, "/commendations/" + id + "/delete", "year", String.valueOf(YEAR))
                .andExpect(status().is3xxRedirection());
        assertThat(rollup(province.id(), "individuals")).isEqualTo(provinceBefore);
    }
}
