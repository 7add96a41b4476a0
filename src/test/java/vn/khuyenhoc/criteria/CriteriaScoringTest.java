package vn.khuyenhoc.criteria;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

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
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static vn.khuyenhoc.support.TestTree.as;

/**
 * Scoring through the pages: the learning citizen's rule at its edges, the learning unit's grades, bad points,
 * overrides with their reasons, frozen sets, and who may score (scope 404, role 403).
 */
@IntegrationTest
class CriteriaScoringTest {

    static final int YEAR = Today.inVietnam().getYear();

    @Autowired
    MockMvc mvc;

    @Autowired
    TestTree tree;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    DataSource dataSource;

    static String unique(String name) {
        return name + " " + UUID.randomUUID().toString().substring(0, 8);
    }

    ResultActions post(Staff staff, String url, String... params) throws Exception {
        return Requests.post(mvc, staff, url, params);
    }

    long citizen(OrgUnitView unit, String name) throws Exception {
        post(tree.staffOf(unit), "/units/" + unit.id() + "/registrations", "kind", "CITIZEN", "year",
                String.valueOf(YEAR), "subjectName", name, "birthYear", "1980").andExpect(status().is3xxRedirection());
        return idOf(name);
    }

    long idOf(String name) {
        return jdbc.sql("SELECT id FROM title_registration WHERE subject_name = :n").param("n", name)
                .query(Long.class).single();
    }

    String statusOf(long id) {
        return jdbc.sql("SELECT status FROM title_registration WHERE id = :id").param("id", id).query(String.class).single();
    }

    long version(long id) {
        return jdbc.sql("SELECT version FROM title_registration WHERE id = :id").param("id", id).query(Long.class).single();
    }

    long evaluations(long id) {
        return jdbc.sql("SELECT count(*) FROM title_evaluation WHERE registration_id = :id").param("id", id)
                .query(Long.class).single();
    }

    /** The scores form's parameters: the points, then name/value pairs. */
    static String[] scores(List<String> points, long version, String... more) {
        List<String> params = new ArrayList<>();
        for (String p : points) {
            params.add("points");
            params.add(p);
        }
        params.add("version");
        params.add(String.valueOf(version));
        params.addAll(List.of(more));
        return params.toArray(String[]::new);
    }

    static List<String> citizenPoints(int... p) {
        return java.util.Arrays.stream(p).mapToObj(String::valueOf).toList();
    }

    @Test
    void theLearningCitizenIsRecognisedFrom80PointsWithNoIndicatorUnder5() throws Exception {
        OrgUnitView commune = tree.unit("06688");
        OrgUnitView unit = tree.newChapter("06688");
        Staff communeStaff = tree.staffOf(commune);
        long at80 = citizen(unit, unique("Nguyễn Thị Tám"));
        long at79 = citizen(unit, unique("Trần Văn Bảy"));
        String decision = "21/QĐ-KH";

        mvc.perform(get("/registrations/" + at80 + "/scores").with(as(communeStaff)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("name=\"points\"")))
                .andExpect(content().string(containsString("Nhóm 2. Năng lực sử dụng công cụ tương tác")))
                .andExpect(content().string(containsString("/assets/js/criteria-score.js")));

        post(communeStaff, "/registrations/" + at80 + "/scores",
                scores(citizenPoints(8, 8, 8, 8, 8, 8, 8, 8, 8, 8), 0, "decisionNumber", decision,
                        "decisionDate", YEAR + "-01-02"))
                .andExpect(redirectedUrl("/registrations/" + at80 + "/scores"));
        assertThat(statusOf(at80)).isEqualTo("RECOGNISED");
        post(communeStaff, "/registrations/" + at79 + "/scores",
                scores(citizenPoints(8, 8, 8, 8, 8, 8, 8, 8, 8, 7), 0))
                .andExpect(redirectedUrl("/registrations/" + at79 + "/scores"));
        assertThat(statusOf(at79)).isEqualTo("NOT_RECOGNISED");
        // 85 points, but one indicator at 4: not recognised (and no decision asked for)
        long with4at85 = citizen(unit, unique("Phạm Văn Năm"));
        post(communeStaff, "/registrations/" + with4at85 + "/scores",
                scores(citizenPoints(10, 10, 10, 10, 10, 10, 10, 6, 5, 4), 0, "decisionNumber", decision,
                        "decisionDate", YEAR + "-01-02"))
                .andExpect(redirectedUrl("/registrations/" + with4at85 + "/scores"));
        assertThat(jdbc.sql("SELECT total || ' ' || computed_passed FROM title_evaluation WHERE registration_id = :id")
                .param("id", with4at85).query(String.class).single()).isEqualTo("85 false");
        assertThat(statusOf(with4at85)).isEqualTo("NOT_RECOGNISED");

        // the stored evaluation is shown, with the points of each indicator
        mvc.perform(get("/registrations/" + at80 + "/scores").with(as(communeStaff)))
                .andExpect(content().string(containsString("Tổng điểm: 80/100")))
                .andExpect(content().string(containsString("Kết quả: Đạt, công nhận")));
        assertThat(jdbc.sql("SELECT count(*) FROM title_evaluation_score WHERE registration_id = :id").param("id", at80)
                .query(Long.class).single()).isEqualTo(10);
        assertThat(jdbc.sql("SELECT recognising_level || ' ' || decision_number FROM title_registration WHERE id = :id")
                .param("id", at80).query(String.class).single()).isEqualTo("COMMUNE " + decision);
        // the registering chapter reads the scores, and cannot score
        mvc.perform(get("/registrations/" + at80 + "/scores").with(as(tree.staffOf(unit))))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"stored-points\"")))
                .andExpect(content().string(not(containsString("id=\"score-form\""))));
        // in English too
        mvc.perform(get("/registrations/" + at80 + "/scores").param("lang", "en").with(as(communeStaff)))
                .andExpect(content().string(containsString("Total: 80/100")))
                .andExpect(content().string(containsString("Indicator 10")));
    }

    @Test
    void badPointsGetAMessageAndNothingIsSaved() throws Exception {
        OrgUnitView commune = tree.unit("06688");
        OrgUnitView unit = tree.newChapter("06688");
        Staff communeStaff = tree.staffOf(commune);
        long id = citizen(unit, unique("Đỗ Văn Sáu"));
        String url = "/registrations/" + id + "/scores";
        String[][] cases = {
                {"11", "Tiêu chí 1: điểm vượt mức tối đa 10."},
                {"-1", "Tiêu chí 1: điểm không được âm."},
                {"abc", "Tiêu chí 1: điểm phải là số nguyên."},
                {"99999999999999999999", "Tiêu chí 1: điểm phải là số nguyên."},
                {"1e400", "Tiêu chí 1: điểm phải là số nguyên."},
                {"", "Tiêu chí 1: hãy nhập điểm."},
        };
        for (String[] c : cases) {
            List<String> points = new ArrayList<>(List.of(c[0]));
            points.addAll(citizenPoints(9, 9, 9, 9, 9, 9, 9, 9, 9));
            post(communeStaff, url, scores(points, 0,
                    "decisionNumber", "1/QĐ", "decisionDate", YEAR + "-01-02"))
                    .andExpect(status().isOk())
                    .andExpect(content().string(containsString(c[1])))
                    .andExpect(content().string(containsString("is-invalid")));
        }
        // too few points (a forged form) and a recognised result without its decision
        post(communeStaff, url, scores(citizenPoints(9, 9), 0)).andExpect(status().isOk())
                .andExpect(content().string(containsString("Tiêu chí 3: hãy nhập điểm.")));
        post(communeStaff, url, scores(citizenPoints(9, 9, 9, 9, 9, 9, 9, 9, 9, 9), 0))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Hãy nhập số quyết định công nhận.")));
        // the same in English
        post(communeStaff, url + "?lang=en", scores(citizenPoints(11, 9, 9, 9, 9, 9, 9, 9, 9, 9), 0))
                .andExpect(content().string(containsString("Criterion 1: over the maximum of 10.")));
        assertThat(evaluations(id)).isZero();
        assertThat(statusOf(id)).isEqualTo("REGISTERED");
        assertThat(version(id)).isZero();
    }

    @Test
    void anOverrideNeedsAWrittenReasonWhichIsKeptAndShown() throws Exception {
        OrgUnitView commune = tree.unit("06688");
        OrgUnitView unit = tree.newChapter("06688");
        Staff communeStaff = tree.staffOf(commune);
        long id = citizen(unit, unique("Vũ Thị Bảy"));
        String url = "/registrations/" + id + "/scores";
        List<String> points = citizenPoints(7, 7, 7, 7, 7, 7, 7, 7, 7, 7); // 70: not recognised by the rule
        post(communeStaff, url, scores(points, 0, "override", "PASS", "reason", "  ", "decisionNumber", "3/QĐ",
                "decisionDate", YEAR + "-01-02"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Điều chỉnh kết quả phải ghi lý do.")));
        assertThat(evaluations(id)).isZero();
        String reason = "Đã học đủ chương trình ở trung tâm học tập cộng đồng; phiếu chấm thiếu một buổi.";
        post(communeStaff, url, scores(points, 0, "override", "PASS", "reason", reason, "decisionNumber", "3/QĐ",
                "decisionDate", YEAR + "-01-02"))
                .andExpect(redirectedUrl(url));
        assertThat(statusOf(id)).isEqualTo("RECOGNISED");
        assertThat(jdbc.sql("SELECT computed_passed || ' ' || passed || ' ' || override_reason FROM title_evaluation WHERE registration_id = :id")
                .param("id", id).query(String.class).single()).isEqualTo("false true " + reason);
        mvc.perform(get(url).with(as(tree.staffOf(unit))))
                .andExpect(content().string(containsString("Kết quả đã được điều chỉnh. Lý do: " + reason)));
        // the database itself refuses an override without a reason, whoever connects
        assertThatThrownBy(() -> plain("UPDATE title_evaluation SET override_reason = NULL WHERE registration_id = " + id))
                .hasMessageContaining("title_evaluation_override_reason");
        // scoring again with the rule's own result drops the override
        post(communeStaff, url, scores(citizenPoints(9, 9, 9, 9, 9, 9, 9, 9, 9, 9), version(id),
                "decisionNumber", "3/QĐ", "decisionDate", YEAR + "-01-02")).andExpect(redirectedUrl(url));
        assertThat(jdbc.sql("SELECT coalesce(override_reason, '-') FROM title_evaluation WHERE registration_id = :id")
                .param("id", id).query(String.class).single()).isEqualTo("-");
        assertThat(jdbc.sql("SELECT count(*) FROM audit_log WHERE entity_type = 'TITLE_EVALUATION' AND entity_id = :id")
                .param("id", id).query(Long.class).single()).isEqualTo(2);
    }

    @Test
    void learningUnitsAreGradedByTheirTotal() throws Exception {
        OrgUnitView commune = tree.unit("06688");
        Staff communeStaff = tree.staffOf(commune);
        int[][] cases = {{30, 30, 25}, {30, 30, 24}, {20, 20, 30}, {20, 20, 29}, {20, 10, 20}, {20, 10, 19}};
        String[] expected = {"true Tốt", "true Khá", "true Khá", "true Trung bình", "true Trung bình", "false -"};
        for (int i = 0; i < cases.length; i++) {
            String name = unique("Trường Mầm non Hạ Long");
            post(communeStaff, "/units/" + commune.id() + "/registrations", "kind", "UNIT", "year", String.valueOf(YEAR),
                    "subjectName", name, "unitType", "SCHOOL").andExpect(status().is3xxRedirection());
            long id = idOf(name);
            post(communeStaff, "/registrations/" + id + "/scores", scores(
                    List.of(String.valueOf(cases[i][0]), String.valueOf(cases[i][1]), String.valueOf(cases[i][2])), 0,
                    "decisionNumber", "9/QĐ", "decisionDate", YEAR + "-01-02"))
                    .andExpect(redirectedUrl("/registrations/" + id + "/scores"));
            assertThat(jdbc.sql("SELECT passed || ' ' || coalesce(grade, '-') FROM title_evaluation WHERE registration_id = :id")
                    .param("id", id).query(String.class).single()).as(i + "").isEqualTo(expected[i]);
        }
    }

    @Test
    void onlyTheRecognisingNodesStaffScoreAndOthersGet404Or403() throws Exception {
        OrgUnitView unit = tree.newChapter("06688");
        long id = citizen(unit, unique("Hoàng Văn Chín"));
        String url = "/registrations/" + id + "/scores";
        String[] params = scores(citizenPoints(9, 9, 9, 9, 9, 9, 9, 9, 9, 9), 0, "decisionNumber", "1/QĐ",
                "decisionDate", YEAR + "-01-02");
        // outside the subtree: 404 on reading and on scoring
        for (Staff outsider : List.of(tree.staffOf(tree.unit("06652")), tree.staffOf(tree.unit("01")),
                tree.staffOf(tree.newChapter("06688")))) {
            mvc.perform(get(url).with(as(outsider))).andExpect(status().isNotFound());
            post(outsider, url, params).andExpect(status().isNotFound());
        }
        post(tree.staffOf(tree.unit("06688")), "/registrations/" + Long.MAX_VALUE + "/scores", params)
                .andExpect(status().isNotFound());
        // inside it but not the recognising node: 403
        for (Staff reader : List.of(tree.staffOf(unit), tree.staffOf(tree.unit("22")), tree.staffOf(tree.central()))) {
            post(reader, url, params).andExpect(status().isForbidden());
        }
        assertThat(evaluations(id)).isZero();
    }

    @Test
    void aSetUsedByAnEvaluationIsFrozenAndAChangeMakesANewVersion() throws Exception {
        OrgUnitView commune = tree.unit("06688");
        OrgUnitView unit = tree.newChapter("06688");
        long id = citizen(unit, unique("Ngô Thị Mười"));
        post(tree.staffOf(commune), "/registrations/" + id + "/scores",
                scores(citizenPoints(9, 9, 9, 9, 9, 9, 9, 9, 9, 9), 0, "decisionNumber", "1/QĐ",
                        "decisionDate", YEAR + "-01-02")).andExpect(status().is3xxRedirection());
        long setId = jdbc.sql("SELECT criteria_set_id FROM title_evaluation WHERE registration_id = :id").param("id", id)
                .query(Long.class).single();
        assertThatThrownBy(() -> plain("UPDATE criterion SET max_points = 20 WHERE set_id = " + setId))
                .hasMessageContaining("used by an evaluation");
        assertThatThrownBy(() -> plain("DELETE FROM criteria_grade WHERE set_id = " + setId + "; UPDATE criteria_set SET min_total = 1 WHERE id = " + setId))
                .hasMessageContaining("used by an evaluation");

        // national staff see the set with its source and write a new version; others may only read
        Staff national = tree.staffOf(tree.central());
        mvc.perform(get("/criteria/" + setId).with(as(tree.staffOf(unit))))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("324/QĐ-KHVN")))
                .andExpect(content().string(not(containsString("id=\"edit-set\""))));
        mvc.perform(get("/criteria").with(as(tree.staffOf(commune))))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Bộ tiêu chí đánh giá, xếp loại &quot;Đơn vị học tập&quot;")))
                .andExpect(content().string(containsString("chưa đủ")));
        for (Staff other : List.of(tree.staffOf(commune), tree.staffOf(tree.unit("22")), tree.staffOf(unit))) {
            mvc.perform(get("/criteria/new").with(as(other))).andExpect(status().isForbidden());
            mvc.perform(get("/criteria/" + setId + "/edit").with(as(other))).andExpect(status().isForbidden());
            post(other, "/criteria", "kind", "COMMUNE", "fromYear", "2090", "name", "x", "source", "y",
                    "minTotal", "1", "criterion", "a", "max", "2").andExpect(status().isForbidden());
        }
        mvc.perform(get("/criteria/" + setId + "/edit").with(as(national)))
                .andExpect(status().isOk()).andExpect(content().string(containsString("Chỉ số 10")));
        // bad input: messages, nothing saved
        long before = jdbc.sql("SELECT count(*) FROM criteria_set").query(Long.class).single();
        post(national, "/criteria", "kind", "COMMUNE", "fromYear", "abc", "toYear", "1e400", "name", "",
                "source", "Thông tư 44/2014/TT-BGDĐT", "minTotal", "99999999999999999999",
                "criterion", "Tiêu chí 1", "max", "-3", "min", "", "criterion", "", "max", "10", "min", "")
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Hãy nhập một số nguyên từ 1990 đến 2100.")))
                .andExpect(content().string(containsString("Hãy nhập tên bộ tiêu chí.")))
                .andExpect(content().string(containsString("Dòng 1: điểm phải là số nguyên từ 1 đến 1000.")))
                .andExpect(content().string(containsString("Dòng 2: hãy nhập tên tiêu chí.")));
        assertThat(jdbc.sql("SELECT count(*) FROM criteria_set").query(Long.class).single()).isEqualTo(before);
        // a learning-commune set of a far year (so that no other test meets it), then its second version
        String[] set = {"kind", "COMMUNE", "fromYear", "2090", "toYear", "2090", "name", "Xã học tập (thử)",
                "source", "Thông tư 44/2014/TT-BGDĐT (15 tiêu chí)", "minTotal", "50",
                "group", "", "criterion", "Tiêu chí 1", "criterionEn", "", "max", "60", "min", "",
                "group", "", "criterion", "Tiêu chí 2", "criterionEn", "", "max", "40", "min", "10",
                "gradeName", "Mức độ 1", "gradeNameEn", "Level 1", "gradeMin", "50",
                "gradeName", "Mức độ 2", "gradeNameEn", "Level 2", "gradeMin", "80"};
        post(national, "/criteria", set).andExpect(status().is3xxRedirection());
        post(national, "/criteria", set).andExpect(status().is3xxRedirection());
        assertThat(jdbc.sql("SELECT string_agg(version::text, ',' ORDER BY version) FROM criteria_set WHERE kind = 'COMMUNE' AND from_year = 2090")
                .query(String.class).single()).isEqualTo("1,2");
        // the citizen set the evaluation used is still there, unchanged
        assertThat(jdbc.sql("SELECT sum(max_points) FROM criterion WHERE set_id = :id").param("id", setId)
                .query(Long.class).single()).isEqualTo(100);
    }

    /** A statement on a plain JDBC connection, outside the application. */
    private void plain(String sql) throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }
}
