package vn.khuyenhoc.registration;

import java.time.LocalDate;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import vn.khuyenhoc.support.IntegrationTest;
import vn.khuyenhoc.support.TestTree;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static vn.khuyenhoc.registration.Registrations.YEAR;
import static vn.khuyenhoc.registration.Registrations.unique;
import static vn.khuyenhoc.support.TestTree.as;

/** The year-end evaluation by commune staff: one by one, in bulk, bad input, re-evaluation, closed years. */
@IntegrationTest
class EvaluationTest {

    private static final String LAST_YEAR = String.valueOf(YEAR - 1);

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
    void communeStaffRecogniseOneRegistrationAndMayEvaluateItAgain() throws Exception {
        var commune = tree.unit("06685"); // Phường Hồng Gai
        var unit = tree.newChapter("06685");
        var communeStaff = tree.staffOf(commune);
        String head = unique("Đinh Văn Hòa");
        registrations.family(tree.staffOf(unit), unit.id(), YEAR - 1, head, "Tổ 5, Khu 2", "4");
        long id = registrations.idOf(head);

        mvc.perform(get("/registrations/" + id).with(as(communeStaff)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Đánh giá đăng ký này")))
                .andExpect(content().string(not(containsString("Sửa đăng ký"))));
        registrations.post(communeStaff, "/registrations/" + id + "/evaluation", "result", "RECOGNISED",
                        "decisionNumber", " 125/QĐ-KH ", "decisionDate", LAST_YEAR + "-12-15", "version", "0")
                .andExpect(redirectedUrl("/registrations/" + id))
                .andExpect(flash().attribute("notice", "evaluation.saved.one.RECOGNISED"));
        Map<String, Object> row = row(id);
        assertThat(row).containsEntry("status", "RECOGNISED").containsEntry("decision_number", "125/QĐ-KH")
                .containsEntry("decision_date", java.sql.Date.valueOf(LocalDate.of(YEAR - 1, 12, 15)))
                .containsEntry("recognising_level", "COMMUNE").containsEntry("evaluated_by", communeStaff.username());
        assertThat(row.get("evaluated_at")).isNotNull();
        mvc.perform(get("/registrations/" + id).with(as(communeStaff)))
                .andExpect(content().string(containsString("QĐ số 125/QĐ-KH ngày 15/12/" + LAST_YEAR)))
                .andExpect(content().string(containsString("Cấp xã")));

        // re-evaluated: not recognised after all; the decision goes, the audit log keeps both states
        registrations.post(communeStaff, "/registrations/" + id + "/evaluation", "result", "NOT_RECOGNISED",
                "version", "1").andExpect(redirectedUrl("/registrations/" + id));
        assertThat(row(id)).containsEntry("status", "NOT_RECOGNISED").containsEntry("decision_number", null);
        assertThat(registrations.auditEntries(id, "EVALUATE")).isEqualTo(1);
        assertThat(registrations.auditEntries(id, "REEVALUATE")).isEqualTo(1);
        assertThat(jdbc.sql("""
                SELECT (before_state ->> 'status') || ' ' || (before_state ->> 'decisionNumber') || ' -> ' || (after_state ->> 'status')
                FROM audit_log WHERE entity_type = 'REGISTRATION' AND entity_id = :id AND action = 'REEVALUATE'
                """).param("id", id).query(String.class).single()).isEqualTo("RECOGNISED 125/QĐ-KH -> NOT_RECOGNISED");
        // the secretary can no longer correct or withdraw it
        var secretary = tree.staffOf(unit);
        mvc.perform(get("/registrations/" + id + "/edit").with(as(secretary))).andExpect(redirectedUrl("/registrations/" + id));
        registrations.post(secretary, "/registrations/" + id + "/withdraw", "version", "2").andExpect(status().isConflict());
        // a decision typed the Vietnamese way is understood too
        registrations.post(communeStaff, "/registrations/" + id + "/evaluation", "result", "RECOGNISED",
                "decisionNumber", "7/QĐ-KH", "decisionDate", "5/1/" + YEAR, "version", "2").andExpect(status().is3xxRedirection());
        assertThat(row(id)).containsEntry("decision_date", java.sql.Date.valueOf(LocalDate.of(YEAR, 1, 5)));
    }

    @Test
    void aRecognitionNeedsARealDecisionNumberAndDateAndNothingIsSavedWithoutThem() throws Exception {
        var commune = tree.unit("06685");
        var unit = tree.newChapter("06685");
        var communeStaff = tree.staffOf(commune);
        String citizen = unique("Khu Lương Tài"); // a community: citizens are recognised by their scores (issue 14)
        registrations.community(tree.staffOf(unit), unit.id(), YEAR, citizen);
        long id = registrations.idOf(citizen);
        String url = "/registrations/" + id + "/evaluation";

        registrations.post(communeStaff, url, "result", "RECOGNISED", "decisionNumber", "", "decisionDate", "", "version", "0")
                .andExpect(status().isOk())
                .andExpect(model().attributeHasFieldErrors("evaluationForm", "decisionNumber", "decisionDate"))
                .andExpect(content().string(containsString("Hãy nhập số quyết định công nhận.")))
                .andExpect(content().string(containsString("Hãy nhập ngày quyết định công nhận.")));
        registrations.post(communeStaff, url, "result", "RECOGNISED", "decisionNumber", "12/QĐ",
                        "decisionDate", YEAR + "-02-30", "version", "0")
                .andExpect(model().attributeHasFieldErrors("evaluationForm", "decisionDate"))
                .andExpect(content().string(containsString("Ngày quyết định không hợp lệ")))
                .andExpect(content().string(containsString("value=\"12/QĐ\"")))
                .andExpect(content().string(containsString("name=\"version\" value=\"0\"")))
                .andExpect(content().string(not(containsString("Hãy nhập ngày quyết định công nhận."))));
        registrations.post(communeStaff, url, "result", "RECOGNISED", "decisionNumber", "12/QĐ",
                        "decisionDate", "31/12/" + (YEAR - 1), "version", "0")
                .andExpect(model().attributeHasFieldErrors("evaluationForm", "decisionDate"))
                .andExpect(content().string(containsString("Ngày quyết định không thể trước năm đăng ký.")));
        registrations.post(communeStaff, url, "result", "RECOGNISED", "decisionNumber", "12/QĐ",
                        "decisionDate", vn.khuyenhoc.support.Today.inVietnam().plusDays(1).toString(), "version", "0")
                .andExpect(content().string(containsString("Ngày quyết định không thể sau hôm nay.")));
        registrations.post(communeStaff, url, "decisionNumber", "12/QĐ", "version", "0")
                .andExpect(model().attributeHasFieldErrors("evaluationForm", "result"))
                .andExpect(content().string(containsString("Hãy chọn công nhận hoặc không công nhận.")));
        registrations.post(communeStaff, url, "result", "WITHDRAWN", "version", "0")
                .andExpect(model().attributeHasFieldErrors("evaluationForm", "result"));
        registrations.post(communeStaff, url, "result", "RECOGNISED", "decisionNumber", "1".repeat(51),
                        "decisionDate", YEAR + "-01-02", "version", "0")
                .andExpect(content().string(containsString("Số quyết định dài tối đa 50 ký tự.")));
        assertThat(row(id)).containsEntry("status", "REGISTERED").containsEntry("version", 0L);
        assertThat(registrations.auditEntries(id, "EVALUATE")).isZero();
    }

    @Test
    void manyRegistrationsAreRecognisedAtOnceUnderOneDecision() throws Exception {
        var commune = tree.unit("06706"); // Phường Tuần Châu
        var communeStaff = tree.staffOf(commune);
        var khu1 = tree.newChapter("06706");
        var khu2 = tree.newChapter("06706");
        String a = unique("Nguyễn Văn Ba");
        String b = unique("Trần Thị Tư");
        String c = unique("Khu 2");
        String d = unique("Dòng họ Đào");
        String untouched = unique("Lê Văn Năm");
        registrations.family(tree.staffOf(khu1), khu1.id(), YEAR, a, "Tổ 1", "3");
        registrations.family(tree.staffOf(khu1), khu1.id(), YEAR, untouched, "Tổ 2", "3");
        registrations.citizen(tree.staffOf(khu2), khu2.id(), YEAR, b, "1979");
        registrations.community(tree.staffOf(khu2), khu2.id(), YEAR, c);
        registrations.clan(communeStaff, commune.id(), YEAR, d, "Đào Văn Sáu");

        mvc.perform(get("/units/" + commune.id() + "/evaluation").with(as(communeStaff)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(a)))
                .andExpect(content().string(containsString(b)))
                .andExpect(content().string(containsString(d)))
                .andExpect(content().string(containsString("name=\"selected\"")))
                .andExpect(content().string(containsString(khu2.name())));
        mvc.perform(get("/units/" + commune.id() + "/evaluation").param("unit", String.valueOf(khu2.id()))
                        .param("kind", "CITIZEN").with(as(communeStaff)))
                .andExpect(content().string(containsString(b)))
                .andExpect(content().string(not(containsString(a))))
                .andExpect(content().string(not(containsString(c))));

        // nothing ticked: a message, nothing saved
        registrations.post(communeStaff, "/units/" + commune.id() + "/evaluation", "year", String.valueOf(YEAR),
                        "result", "RECOGNISED", "decisionNumber", "125/QĐ-KH", "decisionDate", YEAR + "-01-03")
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Hãy chọn ít nhất một đăng ký.")));
        // ticked but no decision date: the ticks stay on the redisplayed page
        String selectedA = registrations.idOf(a) + ":0";
        registrations.post(communeStaff, "/units/" + commune.id() + "/evaluation", "year", String.valueOf(YEAR),
                        "selected", selectedA, "result", "RECOGNISED", "decisionNumber", "125/QĐ-KH", "decisionDate", "mai")
                .andExpect(model().attributeHasFieldErrors("evaluationForm", "decisionDate"))
                .andExpect(content().string(org.hamcrest.Matchers.matchesPattern("(?s).*value=\"" + selectedA + "\"[^>]*checked.*")));

        registrations.post(communeStaff, "/units/" + commune.id() + "/evaluation", "year", String.valueOf(YEAR),
                        "kind", "FAMILY",
                        "selected", registrations.idOf(a) + ":0", "selected", registrations.idOf(b) + ":0",
                        "selected", registrations.idOf(c) + ":0", "selected", registrations.idOf(d) + ":0",
                        "result", "RECOGNISED", "decisionNumber", "125/QĐ-KH", "decisionDate", YEAR + "-01-03")
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Danh hiệu này được công nhận theo bộ tiêu chí")));
        assertThat(registrations.status(registrations.idOf(a))).isEqualTo("REGISTERED");
        // a citizen is recognised by its scores (issue 14): one decision for the others
        registrations.post(communeStaff, "/units/" + commune.id() + "/evaluation", "year", String.valueOf(YEAR),
                        "kind", "FAMILY",
                        "selected", registrations.idOf(a) + ":0",
                        "selected", registrations.idOf(c) + ":0", "selected", registrations.idOf(d) + ":0",
                        "result", "RECOGNISED", "decisionNumber", "125/QĐ-KH", "decisionDate", YEAR + "-01-03")
                .andExpect(redirectedUrl("/units/" + commune.id() + "/evaluation?year=" + YEAR + "&kind=FAMILY"))
                .andExpect(flash().attribute("notice", "evaluation.saved.RECOGNISED"))
                .andExpect(flash().attribute("noticeArg", "3"));
        assertThat(registrations.status(registrations.idOf(b))).isEqualTo("REGISTERED");
        for (String name : new String[] {a, c, d}) {
            assertThat(row(registrations.idOf(name))).as(name).containsEntry("status", "RECOGNISED")
                    .containsEntry("decision_number", "125/QĐ-KH").containsEntry("recognising_level", "COMMUNE");
            assertThat(registrations.auditEntries(registrations.idOf(name), "EVALUATE")).isEqualTo(1);
        }
        assertThat(registrations.status(registrations.idOf(untouched))).isEqualTo("REGISTERED");

        // a page older than someone else's change: the whole batch is refused, none is saved
        registrations.post(communeStaff, "/units/" + commune.id() + "/evaluation", "year", String.valueOf(YEAR),
                        "selected", registrations.idOf(untouched) + ":0", "selected", registrations.idOf(a) + ":0",
                        "result", "NOT_RECOGNISED")
                .andExpect(status().isConflict());
        assertThat(registrations.status(registrations.idOf(untouched))).isEqualTo("REGISTERED");
        assertThat(registrations.status(registrations.idOf(a))).isEqualTo("RECOGNISED");
        // with the current versions, not recognised needs no decision
        registrations.post(communeStaff, "/units/" + commune.id() + "/evaluation", "year", String.valueOf(YEAR),
                        "selected", registrations.idOf(untouched) + ":0", "selected", registrations.idOf(a) + ":1",
                        "result", "NOT_RECOGNISED")
                .andExpect(flash().attribute("noticeArg", "2"));
        assertThat(registrations.status(registrations.idOf(untouched))).isEqualTo("NOT_RECOGNISED");
        assertThat(registrations.auditEntries(registrations.idOf(a), "REEVALUATE")).isEqualTo(1);
        mvc.perform(get("/units/" + commune.id() + "/evaluation").param("status", "NOT_RECOGNISED").with(as(communeStaff)))
                .andExpect(content().string(containsString("Có 2 đăng ký")));
    }

    @Test
    void aWithdrawnRegistrationIsNotEvaluated() throws Exception {
        var commune = tree.unit("06685");
        var unit = tree.newChapter("06685");
        var secretary = tree.staffOf(unit);
        String name = unique("Khu 9");
        registrations.community(secretary, unit.id(), YEAR, name);
        long id = registrations.idOf(name);
        registrations.post(secretary, "/registrations/" + id + "/withdraw", "version", "0");
        var communeStaff = tree.staffOf(commune);
        mvc.perform(get("/units/" + commune.id() + "/evaluation").with(as(communeStaff)))
                .andExpect(content().string(not(containsString(name))));
        registrations.post(communeStaff, "/units/" + commune.id() + "/evaluation", "year", String.valueOf(YEAR),
                "selected", id + ":1", "result", "NOT_RECOGNISED").andExpect(status().isConflict());
        registrations.post(communeStaff, "/registrations/" + id + "/evaluation", "result", "NOT_RECOGNISED",
                "version", "1").andExpect(status().isConflict());
        assertThat(registrations.status(id)).isEqualTo("WITHDRAWN");
    }

    @Test
    void aClosedYearIsNotEvaluatedAgain() throws Exception {
        int closed = 2012;
        var commune = tree.unit("06685");
        var unit = tree.newChapter("06685");
        String head = unique("Tạ Văn Bảy");
        registrations.family(tree.staffOf(unit), unit.id(), closed, head, "Tổ 3", "3");
        long id = registrations.idOf(head);
        jdbc.sql("INSERT INTO closed_year (year, closed_by) VALUES (:y, 'test') ON CONFLICT DO NOTHING")
                .param("y", closed).update();
        var communeStaff = tree.staffOf(commune);
        registrations.post(communeStaff, "/registrations/" + id + "/evaluation", "result", "NOT_RECOGNISED",
                        "version", "0")
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Năm 2012 đã khóa sổ")));
        registrations.post(communeStaff, "/units/" + commune.id() + "/evaluation", "year", String.valueOf(closed),
                        "selected", id + ":0", "result", "NOT_RECOGNISED")
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Năm này đã khóa sổ")));
        mvc.perform(get("/units/" + commune.id() + "/evaluation").param("year", String.valueOf(closed)).with(as(communeStaff)))
                .andExpect(content().string(containsString("Năm 2012 đã khóa sổ")))
                .andExpect(content().string(containsString("disabled")));
        assertThat(registrations.status(id)).isEqualTo("REGISTERED");
    }

    private Map<String, Object> row(long id) {
        return jdbc.sql("SELECT * FROM title_registration WHERE id = :id").param("id", id).query().singleRow();
    }
}
