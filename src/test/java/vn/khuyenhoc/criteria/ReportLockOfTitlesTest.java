package vn.khuyenhoc.criteria;

import java.util.ArrayList;
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
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static vn.khuyenhoc.support.TestTree.as;

/**
 * The yearly report's lock (issue 12) covers what issue 14 adds: while a commune's report of the year is submitted,
 * its scores and its commendations of that year are refused with the lock's message and nothing is saved; a
 * learning commune, which its province recognises, is the province's record, so the province still decides it.
 */
@IntegrationTest
class ReportLockOfTitlesTest {

    static final int YEAR = Today.inVietnam().getYear();

    @Autowired
    MockMvc mvc;

    @Autowired
    TestTree tree;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aSubmittedReportLocksTheCommunesScoresAndCommendationsButNotTheProvincesDecision() throws Exception {
        // a commune no other test reports for: the last of Hà Nội's
        String code = jdbc.sql("""
                SELECT c.code FROM org_unit c JOIN org_unit p ON p.id = c.parent_id
                WHERE p.code = '01' AND c.level = 2 AND c.active ORDER BY c.code DESC LIMIT 1""")
                .query(String.class).single();
        OrgUnitView commune = tree.unit(code);
        OrgUnitView province = tree.unit("01");
        OrgUnitView chapter = tree.newChapter(code);
        Staff communeStaff = tree.staffOf(commune);
        String citizen = "Lê Thị Hồng " + UUID.randomUUID().toString().substring(0, 8);
        post(tree.staffOf(chapter), "/units/" + chapter.id() + "/registrations", "kind", "CITIZEN", "year",
                String.valueOf(YEAR), "subjectName", citizen, "birthYear", "1980").andExpect(status().is3xxRedirection());
        String learningCommune = "Xã học tập " + UUID.randomUUID().toString().substring(0, 8);
        post(communeStaff, "/units/" + commune.id() + "/registrations", "kind", "COMMUNE", "year",
                String.valueOf(YEAR), "subjectName", learningCommune).andExpect(status().is3xxRedirection());
        long citizenId = idOf(citizen);
        long communeTitleId = idOf(learningCommune);

        jdbc.sql("""
                INSERT INTO annual_report (node_id, year, state, submitted_at, submitted_by, figures)
                VALUES (:n, :y, 'SUBMITTED', now(), 'test', '{}')
                ON CONFLICT (node_id, year) DO UPDATE
                SET state = 'SUBMITTED', submitted_at = now(), submitted_by = 'test', figures = '{}'""")
                .param("n", commune.id()).param("y", YEAR).update();

        List<String> params = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            params.add("points");
            params.add("9");
        }
        params.addAll(List.of("version", "0", "decisionNumber", "5/QĐ-KH", "decisionDate", YEAR + "-01-02"));
        post(communeStaff, "/registrations/" + citizenId + "/scores", params.toArray(String[]::new))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("đang bị khóa")));
        assertThat(jdbc.sql("SELECT count(*) FROM title_evaluation WHERE registration_id = :id").param("id", citizenId)
                .query(Long.class).single()).isZero();
        assertThat(stateOf(citizenId)).isEqualTo("REGISTERED");

        String person = "Đỗ Văn Khoa " + UUID.randomUUID().toString().substring(0, 8);
        post(communeStaff, "/units/" + commune.id() + "/commendations", "recipientKind", "INDIVIDUAL",
                "recipientName", person, "level", "COMMUNE", "form", "COMMENDATION_CERTIFICATE",
                "year", String.valueOf(YEAR), "decisionNumber", "9/QĐ-UBND", "decisionDate", YEAR + "-01-03")
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("đang bị khóa")));
        assertThat(jdbc.sql("SELECT count(*) FROM commendation WHERE recipient_name = :n").param("n", person)
                .query(Long.class).single()).isZero();

        // the learning commune is the province's to recognise: the commune's lock is not in its way
        post(tree.staffOf(province), "/registrations/" + communeTitleId + "/evaluation", "result", "RECOGNISED",
                "decisionNumber", "12/QĐ-KHT", "decisionDate", YEAR + "-01-05", "version", "0")
                .andExpect(status().is3xxRedirection());
        assertThat(stateOf(communeTitleId)).isEqualTo("RECOGNISED");
    }

    ResultActions post(Staff staff, String url, String... params) throws Exception {
        return Requests.post(mvc, staff, url, params);
    }

    long idOf(String name) {
        return jdbc.sql("SELECT id FROM title_registration WHERE subject_name = :n").param("n", name)
                .query(Long.class).single();
    }

    String stateOf(long id) {
        return jdbc.sql("SELECT status FROM title_registration WHERE id = :id").param("id", id)
                .query(String.class).single();
    }
}
