package vn.khuyenhoc.criteria;

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
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static vn.khuyenhoc.support.TestTree.as;

/**
 * Every level recognises what is its to recognise: a commune registers itself as a learning commune, which its
 * province recognises; a province registers its own learning units (it recognises them) and itself as a learning
 * province (the national board recognises it). Each level sees and evaluates only its own; the roll-ups count
 * each title at its node.
 */
@IntegrationTest
class RecognitionLevelsTest {

    static final int YEAR = Today.inVietnam().getYear();

    @Autowired
    MockMvc mvc;

    @Autowired
    TestTree tree;

    @Autowired
    JdbcClient jdbc;

    static String unique(String name) {
        return name + " " + UUID.randomUUID().toString().substring(0, 8);
    }

    ResultActions post(Staff staff, String url, String... params) throws Exception {
        return Requests.post(mvc, staff, url, params);
    }

    long idOf(String name) {
        return jdbc.sql("SELECT id FROM title_registration WHERE subject_name = :n").param("n", name)
                .query(Long.class).single();
    }

    String row(long id) {
        return jdbc.sql("SELECT status || ' ' || coalesce(recognising_level, '-') FROM title_registration WHERE id = :id")
                .param("id", id).query(String.class).single();
    }

    long rollup(long nodeId, String kind, String column) {
        return jdbc.sql("SELECT coalesce(sum(" + ("registered".equals(column) ? "registered" : "recognised")
                        + "), 0) FROM rollup_titles WHERE node_id = :n AND year = :y AND kind = :k")
                .param("n", nodeId).param("y", YEAR).param("k", kind).query(Long.class).single();
    }

    @Test
    void aLearningCommuneIsRecognisedByItsProvinceAndALearningProvinceByTheNationalBoard() throws Exception {
        OrgUnitView province = tree.unit("22");
        OrgUnitView commune = tree.unit("06685"); // Phường Hồng Gai, Quảng Ninh
        Staff communeStaff = tree.staffOf(commune);
        Staff provinceStaff = tree.staffOf(province);
        Staff national = tree.staffOf(tree.central());
        long communeRegisteredBefore = rollup(province.id(), "COMMUNE", "registered");

        String learningCommune = unique(commune.name());
        mvc.perform(get("/units/" + commune.id() + "/registrations/new").param("kind", "COMMUNE").with(as(communeStaff)))
                .andExpect(status().isOk()).andExpect(content().string(containsString("Xã học tập")));
        post(communeStaff, "/units/" + commune.id() + "/registrations", "kind", "COMMUNE", "year", String.valueOf(YEAR),
                "subjectName", learningCommune).andExpect(status().is3xxRedirection());
        long communeId = idOf(learningCommune);
        assertThat(jdbc.sql("SELECT recognising_node_id FROM title_registration WHERE id = :id").param("id", communeId)
                .query(Long.class).single()).isEqualTo(province.id());
        // a chapter secretary and the province register no learning commune
        post(provinceStaff, "/units/" + commune.id() + "/registrations", "kind", "COMMUNE", "year",
                String.valueOf(YEAR), "subjectName", unique("Xã")).andExpect(status().isForbidden());

        // the commune does not see it to evaluate, the province does; only the province decides
        mvc.perform(get("/units/" + commune.id() + "/evaluation").with(as(communeStaff)))
                .andExpect(status().isOk()).andExpect(content().string(not(containsString(learningCommune))));
        mvc.perform(get("/units/" + province.id() + "/evaluation").with(as(provinceStaff)))
                .andExpect(status().isOk()).andExpect(content().string(containsString(learningCommune)));
        String[] decision = {"result", "RECOGNISED", "decisionNumber", "77/QĐ-KHT", "decisionDate", YEAR + "-01-05",
                "version", "0"};
        post(communeStaff, "/registrations/" + communeId + "/evaluation", decision).andExpect(status().isForbidden());
        post(national, "/registrations/" + communeId + "/evaluation", decision).andExpect(status().isForbidden());
        post(tree.staffOf(tree.unit("01")), "/registrations/" + communeId + "/evaluation", decision)
                .andExpect(status().isNotFound());
        post(provinceStaff, "/registrations/" + communeId + "/evaluation", decision)
                .andExpect(status().is3xxRedirection());
        assertThat(row(communeId)).isEqualTo("RECOGNISED PROVINCE");
        assertThat(rollup(province.id(), "COMMUNE", "registered")).isEqualTo(communeRegisteredBefore + 1);
        assertThat(rollup(commune.id(), "COMMUNE", "recognised")).isEqualTo(1);

        // the province registers itself, which only the national board evaluates
        String learningProvince = unique(province.name());
        post(provinceStaff, "/units/" + province.id() + "/registrations", "kind", "PROVINCE", "year",
                String.valueOf(YEAR), "subjectName", learningProvince).andExpect(status().is3xxRedirection());
        long provinceId = idOf(learningProvince);
        mvc.perform(get("/units/" + province.id() + "/evaluation").with(as(provinceStaff)))
                .andExpect(content().string(not(containsString(learningProvince))));
        mvc.perform(get("/units/" + tree.central().id() + "/evaluation").with(as(national)))
                .andExpect(status().isOk()).andExpect(content().string(containsString(learningProvince)))
                .andExpect(content().string(not(containsString(learningCommune))));
        post(provinceStaff, "/registrations/" + provinceId + "/evaluation", decision).andExpect(status().isForbidden());
        post(national, "/registrations/" + provinceId + "/evaluation", decision).andExpect(status().is3xxRedirection());
        assertThat(row(provinceId)).isEqualTo("RECOGNISED NATIONAL");
        assertThat(rollup(province.id(), "PROVINCE", "recognised")).isEqualTo(1);
        // counted once, at the province (the country's figures are its provinces' rows)
        assertThat(rollup(tree.central().id(), "PROVINCE", "registered")).isZero();
        mvc.perform(get("/units/" + province.id() + "/dashboard").with(as(provinceStaff)))
                .andExpect(status().isOk()).andExpect(content().string(containsString("Tỉnh học tập")))
                .andExpect(content().string(containsString("Xã học tập")));
    }

    @Test
    void aProvinceRecognisesItsOwnLearningUnitsByTheirScores() throws Exception {
        OrgUnitView province = tree.unit("22");
        Staff provinceStaff = tree.staffOf(province);
        String unit = unique("Sở Giáo dục và Đào tạo Quảng Ninh");
        mvc.perform(get("/units/" + province.id()).with(as(provinceStaff)))
                .andExpect(content().string(containsString("id=\"titles-box\"")));
        post(provinceStaff, "/units/" + province.id() + "/registrations", "kind", "UNIT", "year", String.valueOf(YEAR),
                "subjectName", unit, "unitType", "AGENCY").andExpect(status().is3xxRedirection());
        long id = idOf(unit);
        // scored by the learning-unit set: 30 + 30 + 26 = 86, good
        post(provinceStaff, "/registrations/" + id + "/scores", "points", "30", "points", "30", "points", "26",
                "version", "0", "decisionNumber", "12/QĐ-KHT", "decisionDate", YEAR + "-01-06")
                .andExpect(status().is3xxRedirection());
        assertThat(row(id)).isEqualTo("RECOGNISED PROVINCE");
        assertThat(jdbc.sql("SELECT grade FROM title_evaluation WHERE registration_id = :id").param("id", id)
                .query(String.class).single()).isEqualTo("Tốt");
        // neither the communes below nor the national board score it
        for (Staff other : List.of(tree.staffOf(tree.central()))) {
            post(other, "/registrations/" + id + "/scores", "points", "1", "version", "1").andExpect(status().isForbidden());
        }
        post(tree.staffOf(tree.unit("06688")), "/registrations/" + id + "/scores", "points", "1", "version", "1")
                .andExpect(status().isNotFound());
        // the evaluation page of a node: its own staff only (others in scope 403, outside 404)
        mvc.perform(get("/units/" + province.id() + "/evaluation").with(as(tree.staffOf(tree.central()))))
                .andExpect(status().isForbidden());
        mvc.perform(get("/units/" + province.id() + "/evaluation").with(as(tree.staffOf(tree.unit("01")))))
                .andExpect(status().isNotFound());
        mvc.perform(get("/units/" + province.id() + "/evaluation").with(as(tree.staffOf(tree.unit("06688")))))
                .andExpect(status().isNotFound());
        mvc.perform(get("/units/" + tree.unit("06688").id() + "/evaluation").with(as(provinceStaff)))
                .andExpect(status().isForbidden());
    }
}
