package vn.khuyenhoc.registration;

import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import vn.khuyenhoc.shared.Staff;
import vn.khuyenhoc.support.IntegrationTest;
import vn.khuyenhoc.support.TestTree;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static vn.khuyenhoc.registration.Registrations.YEAR;
import static vn.khuyenhoc.registration.Registrations.unique;
import static vn.khuyenhoc.support.TestTree.as;

/**
 * Who may do what. Outside one's subtree everything answers 404, whatever the role (another unit of the same
 * commune, another commune, another province); inside it, what the role may not do answers 403: a chapter
 * secretary registering a clan or evaluating, commune staff registering a family, provincial and national staff
 * changing anything.
 */
@IntegrationTest
class RegistrationAccessTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    TestTree tree;

    Registrations registrations;

    @Autowired
    JdbcClient jdbc;

    @BeforeEach
    void helpers() {
        registrations = new Registrations(mvc, jdbc);
    }

    @Test
    void everyEndpointAnswers404ForRegistrationsOutsideTheUsersSubtree() throws Exception {
        var commune = tree.unit("06688");
        var unit = tree.newChapter("06688");
        var secretary = tree.staffOf(unit);
        var communeStaff = tree.staffOf(commune);
        String head = unique("Nguyễn Thị Thoa");
        registrations.family(secretary, unit.id(), YEAR, head, "Tổ 1, Khu 1", "3");
        String clan = unique("Dòng họ Vũ");
        registrations.clan(communeStaff, commune.id(), YEAR, clan, "Vũ Văn Kiên");
        long family = registrations.idOf(head);
        long clanId = registrations.idOf(clan);

        Map<String, Staff> outsiders = new LinkedHashMap<>();
        outsiders.put("another unit of the same commune", tree.staffOf(tree.newChapter("06688")));
        outsiders.put("a unit of another commune", tree.staffOf(tree.newChapter("06652")));
        outsiders.put("another commune of the province", tree.staffOf(tree.unit("06652")));
        outsiders.put("another province", tree.staffOf(tree.unit("01")));
        for (var outsider : outsiders.entrySet()) {
            assertThat(statuses(outsider.getValue(), family, unit.id(), commune.id()))
                    .as(outsider.getKey()).allSatisfy((endpoint, status) -> assertThat(status).as(endpoint).isEqualTo(404));
        }
        // the commune's own clan is above a chapter secretary's subtree
        assertThat(statuses(secretary, clanId, commune.id(), commune.id()))
                .allSatisfy((endpoint, status) -> assertThat(status).as(endpoint).isEqualTo(404));
        // ids that do not exist answer the same
        assertThat(statuses(communeStaff, Long.MAX_VALUE, Long.MAX_VALUE, Long.MAX_VALUE))
                .allSatisfy((endpoint, status) -> assertThat(status).as(endpoint).isEqualTo(404));
        // the central node registers nothing (a province registers its own learning units and itself, issue 14),
        // and a grassroots unit recognises nothing
        var national = tree.staffOf(tree.central());
        assertThat(status(national, get("/units/" + tree.central().id() + "/registrations"))).isEqualTo(404);
        assertThat(status(communeStaff, get("/units/" + unit.id() + "/evaluation"))).isEqualTo(404);
        // a forged selection naming another commune's registration
        String elsewhere = unique("Lý Văn Sơn");
        var otherUnit = tree.newChapter("06652");
        registrations.family(tree.staffOf(otherUnit), otherUnit.id(), YEAR, elsewhere, "Tổ 2", "2");
        assertThat(status(communeStaff, post("/units/" + commune.id() + "/evaluation")
                .param("year", String.valueOf(YEAR)).param("selected", registrations.idOf(elsewhere) + ":0")
                .param("result", "NOT_RECOGNISED"))).isEqualTo(404);

        assertThat(registrations.status(family)).isEqualTo("REGISTERED");
        assertThat(registrations.status(clanId)).isEqualTo("REGISTERED");
        assertThat(registrations.status(registrations.idOf(elsewhere))).isEqualTo("REGISTERED");
        assertThat(jdbc.sql("SELECT subject_name FROM title_registration WHERE id = :id").param("id", family)
                .query(String.class).single()).isEqualTo(head);
        assertThat(registrations.countAt(unit.id())).isEqualTo(1);
        assertThat(registrations.auditEntries(family, "UPDATE") + registrations.auditEntries(family, "WITHDRAW")
                + registrations.auditEntries(family, "EVALUATE")).isZero();
    }

    @Test
    void insideTheSubtreeWhatTheRoleMayNotDoAnswers403() throws Exception {
        var commune = tree.unit("06688");
        var unit = tree.newChapter("06688");
        var secretary = tree.staffOf(unit);
        var communeStaff = tree.staffOf(commune);
        String head = unique("Phạm Văn Quang");
        registrations.family(secretary, unit.id(), YEAR, head, "Tổ 4", "3");
        long family = registrations.idOf(head);
        String school = unique("Trường Tiểu học Hạ Long");
        registrations.learningUnit(communeStaff, commune.id(), YEAR, school, "SCHOOL");
        long schoolId = registrations.idOf(school);

        // a chapter secretary registers no clan or learning unit, and evaluates nothing
        assertThat(status(secretary, get("/units/" + unit.id() + "/registrations/new").param("kind", "CLAN"))).isEqualTo(403);
        assertThat(status(secretary, post("/units/" + unit.id() + "/registrations").param("kind", "UNIT")
                .param("year", String.valueOf(YEAR)).param("subjectName", unique("Trường")).param("unitType", "SCHOOL")))
                .isEqualTo(403);
        assertThat(status(secretary, post("/registrations/" + family + "/evaluation").param("result", "RECOGNISED")
                .param("decisionNumber", "1/QĐ").param("decisionDate", YEAR + "-01-02").param("version", "0")))
                .isEqualTo(403);
        // commune staff register no family, and do not change a unit's registrations
        assertThat(status(communeStaff, get("/units/" + unit.id() + "/registrations/new"))).isEqualTo(403);
        assertThat(status(communeStaff, post("/units/" + commune.id() + "/registrations").param("kind", "FAMILY")
                .param("year", String.valueOf(YEAR)).param("subjectName", unique("Hộ")).param("address", "Tổ 1")
                .param("householdSize", "2"))).isEqualTo(403);
        assertThat(status(communeStaff, post("/units/" + unit.id() + "/registrations").param("kind", "FAMILY")
                .param("year", String.valueOf(YEAR)).param("subjectName", unique("Hộ")).param("address", "Tổ 1")
                .param("householdSize", "2"))).isEqualTo(403);
        assertThat(status(communeStaff, get("/registrations/" + family + "/edit"))).isEqualTo(403);
        assertThat(status(communeStaff, post("/registrations/" + family).param("kind", "FAMILY")
                .param("year", String.valueOf(YEAR)).param("subjectName", head).param("address", "Tổ 9")
                .param("householdSize", "3").param("version", "0"))).isEqualTo(403);
        assertThat(status(communeStaff, post("/registrations/" + family + "/withdraw").param("version", "0"))).isEqualTo(403);
        // provincial and national staff read, and change nothing
        for (Staff reader : new Staff[] {tree.staffOf(tree.unit("22")), tree.staffOf(tree.central())}) {
            assertThat(status(reader, get("/units/" + unit.id() + "/registrations"))).isEqualTo(200);
            assertThat(status(reader, get("/registrations/" + family))).isEqualTo(200);
            assertThat(status(reader, get("/registrations/" + schoolId))).isEqualTo(200);
            assertThat(statuses(reader, family, unit.id(), commune.id()))
                    .allSatisfy((endpoint, status) -> assertThat(status).as(endpoint).isIn(200, 403))
                    .containsEntry("new", 403).containsEntry("create", 403).containsEntry("edit", 403)
                    .containsEntry("update", 403).containsEntry("withdraw", 403).containsEntry("evaluation", 403)
                    .containsEntry("evaluate all", 403).containsEntry("evaluate one", 403);
        }
        // a unit that stopped working registers nothing new: its staff's sessions end (to the login page, issue 16)
        var closedUnit = tree.newChapter("06688");
        var closedSecretary = tree.staffOf(closedUnit);
        jdbc.sql("UPDATE org_unit SET active = false WHERE id = :id").param("id", closedUnit.id()).update();
        assertThat(status(closedSecretary, post("/units/" + closedUnit.id() + "/registrations").param("kind", "COMMUNITY")
                .param("year", String.valueOf(YEAR)).param("subjectName", unique("Khu 8")))).isEqualTo(302);
        assertThat(registrations.countAt(closedUnit.id())).isZero();

        assertThat(registrations.status(family)).isEqualTo("REGISTERED");
        assertThat(registrations.countAt(unit.id())).isEqualTo(1);
        assertThat(registrations.countAt(commune.id())).isPositive();
        assertThat(jdbc.sql("SELECT count(*) FROM title_registration WHERE node_id = :c AND kind = 'FAMILY'")
                .param("c", commune.id()).query(Long.class).single()).isZero();
    }

    /** The status of every endpoint for this user, with this registration, node and commune. */
    private Map<String, Integer> statuses(Staff staff, long registrationId, long nodeId, long communeId) throws Exception {
        Map<String, Integer> result = new LinkedHashMap<>();
        String y = String.valueOf(YEAR);
        result.put("list", status(staff, get("/units/" + nodeId + "/registrations")));
        result.put("new", status(staff, get("/units/" + nodeId + "/registrations/new")));
        result.put("create", status(staff, post("/units/" + nodeId + "/registrations").param("kind", "FAMILY")
                .param("year", y).param("subjectName", unique("Người lạ")).param("address", "Tổ 1")
                .param("householdSize", "2")));
        result.put("show", status(staff, get("/registrations/" + registrationId)));
        result.put("edit", status(staff, get("/registrations/" + registrationId + "/edit")));
        result.put("update", status(staff, post("/registrations/" + registrationId).param("kind", "FAMILY")
                .param("year", y).param("subjectName", "Đã sửa").param("address", "Tổ 1").param("householdSize", "2")
                .param("version", "0")));
        result.put("withdraw", status(staff, post("/registrations/" + registrationId + "/withdraw").param("version", "0")));
        result.put("evaluation", status(staff, get("/units/" + communeId + "/evaluation")));
        result.put("evaluate all", status(staff, post("/units/" + communeId + "/evaluation").param("year", y)
                .param("selected", registrationId + ":0").param("result", "RECOGNISED").param("decisionNumber", "9/QĐ")
                .param("decisionDate", YEAR + "-01-02")));
        result.put("evaluate one", status(staff, post("/registrations/" + registrationId + "/evaluation")
                .param("result", "NOT_RECOGNISED").param("version", "0")));
        result.put("unit page", status(staff, get("/units/" + nodeId)));
        return result;
    }

    private int status(Staff staff, MockHttpServletRequestBuilder request) throws Exception {
        if ("POST".equals(request.buildRequest(new org.springframework.mock.web.MockServletContext()).getMethod())) {
            request.with(csrf());
        }
        return mvc.perform(request.with(as(staff))).andReturn().getResponse().getStatus();
    }
}
