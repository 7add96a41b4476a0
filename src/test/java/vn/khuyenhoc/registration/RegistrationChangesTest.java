package vn.khuyenhoc.registration;

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
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static vn.khuyenhoc.registration.Registrations.YEAR;
import static vn.khuyenhoc.registration.Registrations.unique;
import static vn.khuyenhoc.support.TestTree.as;

/** Correcting and withdrawing a registration, two people at once, and closed years. */
@IntegrationTest
class RegistrationChangesTest {

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
    void aRegisteredFamilyIsCorrectedOnItsOwnFormAndTheChangeIsAudited() throws Exception {
        var unit = tree.newChapter("06688");
        var secretary = tree.staffOf(unit);
        String head = unique("Hoàng Văn Minh");
        registrations.family(secretary, unit.id(), YEAR, head, "Tổ 2, Khu 3", "3");
        long id = registrations.idOf(head);

        mvc.perform(get("/registrations/" + id).with(as(secretary)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(head)))
                .andExpect(content().string(containsString("Tổ 2, Khu 3")))
                .andExpect(content().string(containsString("Sửa đăng ký")))
                .andExpect(content().string(containsString("Rút đăng ký")));
        mvc.perform(get("/registrations/" + id + "/edit").with(as(secretary)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("value=\"Tổ 2, Khu 3\"")))
                .andExpect(content().string(not(containsString("name=\"birthYear\""))));

        registrations.post(secretary, "/registrations/" + id, "kind", "FAMILY", "year", String.valueOf(YEAR),
                        "subjectName", head, "address", "Tổ 2, Khu 4", "householdSize", "5", "version", "0")
                .andExpect(redirectedUrl("/registrations/" + id));
        assertThat(jdbc.sql("SELECT address || ' ' || household_size FROM title_registration WHERE id = :id")
                .param("id", id).query(String.class).single()).isEqualTo("Tổ 2, Khu 4 5");
        assertThat(registrations.auditEntries(id, "UPDATE")).isEqualTo(1);
        assertThat(jdbc.sql("""
                SELECT before_state ->> 'address' || ' -> ' || (after_state ->> 'address') FROM audit_log
                WHERE entity_type = 'REGISTRATION' AND entity_id = :id AND action = 'UPDATE'
                """).param("id", id).query(String.class).single()).isEqualTo("Tổ 2, Khu 3 -> Tổ 2, Khu 4");

        // a correction is checked like a registration: a blank address stays, a duplicate is refused
        registrations.post(secretary, "/registrations/" + id, "kind", "FAMILY", "year", String.valueOf(YEAR),
                        "subjectName", head, "address", " ", "householdSize", "5", "version", "1")
                .andExpect(status().isOk())
                .andExpect(model().attributeHasFieldErrors("registrationForm", "address"));
        String other = unique("Vũ Đình Khôi");
        registrations.family(secretary, unit.id(), YEAR, other, "Tổ 9", "2");
        registrations.post(secretary, "/registrations/" + id, "kind", "FAMILY", "year", String.valueOf(YEAR),
                        "subjectName", other, "address", "to 9", "householdSize", "5", "version", "1")
                .andExpect(model().attributeHasFieldErrors("registrationForm", "subjectName"));
        assertThat(jdbc.sql("SELECT subject_name FROM title_registration WHERE id = :id").param("id", id)
                .query(String.class).single()).isEqualTo(head);
        // a typo keeps the version the user started from, so the lock still holds on the next try
        registrations.post(secretary, "/registrations/" + id, "kind", "FAMILY", "year", String.valueOf(YEAR),
                        "subjectName", head, "address", "Tổ 2", "householdSize", "năm", "version", "1")
                .andExpect(content().string(containsString("Số nhân khẩu phải là một số")))
                .andExpect(content().string(containsString("name=\"version\" value=\"1\"")));
        // a form that brings no version back is refused like a stale one
        registrations.post(secretary, "/registrations/" + id, "kind", "FAMILY", "year", String.valueOf(YEAR),
                "subjectName", head, "address", "Tổ 2", "householdSize", "5").andExpect(status().isConflict());
        // the kind of a registration never changes
        registrations.post(secretary, "/registrations/" + id, "kind", "COMMUNITY", "year", String.valueOf(YEAR),
                "subjectName", head, "version", "1").andExpect(status().isBadRequest());
    }

    @Test
    void theSecondOfTwoSimultaneousEditsIsRefusedAndNothingIsLost() throws Exception {
        var unit = tree.newChapter("06688");
        var first = tree.staffOf(unit);
        var second = tree.staffOf(unit);
        String head = unique("Đỗ Thị Lan");
        registrations.family(first, unit.id(), YEAR, head, "Tổ 1", "4");
        long id = registrations.idOf(head);
        // both opened the form at version 0; the first saves
        registrations.post(first, "/registrations/" + id, "kind", "FAMILY", "year", String.valueOf(YEAR),
                "subjectName", head, "address", "Tổ 1, Khu 2", "householdSize", "4", "version", "0")
                .andExpect(status().is3xxRedirection());
        registrations.post(second, "/registrations/" + id, "kind", "FAMILY", "year", String.valueOf(YEAR),
                        "subjectName", head, "address", "Tổ 7", "householdSize", "9", "version", "0")
                .andExpect(status().isConflict())
                .andExpect(content().string(containsString("Người khác đã lưu thay đổi trước bạn")));
        assertThat(jdbc.sql("SELECT address FROM title_registration WHERE id = :id").param("id", id)
                .query(String.class).single()).isEqualTo("Tổ 1, Khu 2");
        // a withdrawal from a stale page is refused the same way
        registrations.post(second, "/registrations/" + id + "/withdraw", "version", "0").andExpect(status().isConflict());
        assertThat(registrations.status(id)).isEqualTo("REGISTERED");
        assertThat(registrations.auditEntries(id, "UPDATE")).isEqualTo(1);
    }

    @Test
    void aWithdrawnRegistrationStaysVisibleButNoLongerCounts() throws Exception {
        var unit = tree.newChapter("06688");
        var secretary = tree.staffOf(unit);
        String community = unique("Khu 7");
        registrations.community(secretary, unit.id(), YEAR, community);
        long id = registrations.idOf(community);
        registrations.post(secretary, "/registrations/" + id + "/withdraw", "version", "0")
                .andExpect(redirectedUrl("/units/" + unit.id() + "/registrations?year=" + YEAR));
        assertThat(registrations.status(id)).isEqualTo("WITHDRAWN");
        assertThat(registrations.auditEntries(id, "WITHDRAW")).isEqualTo(1);
        mvc.perform(get("/units/" + unit.id() + "/registrations").with(as(secretary)))
                .andExpect(content().string(containsString(community)))
                .andExpect(content().string(containsString("Đã rút")));
        mvc.perform(get("/units/" + unit.id()).with(as(secretary)))
                .andExpect(content().string(containsString("id=\"count-COMMUNITY\"")));
        assertThat(counted(unit.id(), "COMMUNITY")).isEqualTo("0/0");
        // nothing more to do with it: no edit form, no second withdrawal
        mvc.perform(get("/registrations/" + id + "/edit").with(as(secretary)))
                .andExpect(redirectedUrl("/registrations/" + id));
        mvc.perform(get("/registrations/" + id).with(as(secretary)))
                .andExpect(content().string(not(containsString("Rút đăng ký"))));
        registrations.post(secretary, "/registrations/" + id + "/withdraw", "version", "1").andExpect(status().isConflict());
    }

    @Test
    void aClosedYearRefusesRegistrationsCorrectionsAndWithdrawalsWithAMessage() throws Exception {
        int closed = 2011;
        var unit = tree.newChapter("06688");
        var secretary = tree.staffOf(unit);
        String head = unique("Trần Văn Phúc");
        registrations.family(secretary, unit.id(), closed, head, "Tổ 1", "3").andExpect(status().is3xxRedirection());
        long id = registrations.idOf(head);
        jdbc.sql("INSERT INTO closed_year (year, closed_by) VALUES (:y, 'test') ON CONFLICT DO NOTHING")
                .param("y", closed).update();

        registrations.family(secretary, unit.id(), closed, unique("Lê Thị Hoa"), "Tổ 2", "3")
                .andExpect(status().isOk())
                .andExpect(model().attributeHasFieldErrors("registrationForm", "year"))
                .andExpect(content().string(containsString("Năm này đã khóa sổ")));
        registrations.post(secretary, "/registrations/" + id, "kind", "FAMILY", "year", String.valueOf(closed),
                        "subjectName", head, "address", "Tổ 5", "householdSize", "3", "version", "0")
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Năm này đã khóa sổ")));
        registrations.post(secretary, "/registrations/" + id + "/withdraw", "version", "0")
                .andExpect(redirectedUrl("/registrations/" + id));
        mvc.perform(get("/registrations/" + id).with(as(secretary)))
                .andExpect(content().string(containsString("Năm 2011 đã khóa sổ")))
                .andExpect(content().string(not(containsString("Sửa đăng ký"))));
        mvc.perform(get("/registrations/" + id + "/edit").with(as(secretary)))
                .andExpect(redirectedUrl("/registrations/" + id));
        assertThat(registrations.status(id)).isEqualTo("REGISTERED");
        assertThat(registrations.countAt(unit.id())).isEqualTo(1);
    }

    @Test
    void pagesSpeakEnglishOnTheSwitch() throws Exception {
        var unit = tree.newChapter("06688");
        var secretary = tree.staffOf(unit);
        mvc.perform(get("/units/" + unit.id() + "/registrations/new").param("lang", "en").with(as(secretary)))
                .andExpect(content().string(containsString("Head of household")))
                .andExpect(content().string(containsString("Learning community")));
        registrations.post(secretary, "/units/" + unit.id() + "/registrations?lang=en", "kind", "FAMILY", "year",
                        String.valueOf(YEAR), "subjectName", "", "address", "x", "householdSize", "2")
                .andExpect(content().string(containsString("Enter the head of household.")));
    }

    @Test
    void theListPagesThroughManyRegistrations() throws Exception {
        var unit = tree.newChapter("06688");
        var secretary = tree.staffOf(unit);
        for (int i = 0; i < 23; i++) {
            registrations.citizen(secretary, unit.id(), YEAR, "Công dân " + String.format("%02d", i), "1980")
                    .andExpect(status().is3xxRedirection());
        }
        mvc.perform(get("/units/" + unit.id() + "/registrations").with(as(secretary)))
                .andExpect(content().string(containsString("Có 23 đăng ký")))
                .andExpect(content().string(containsString("Công dân 19")))
                .andExpect(content().string(not(containsString("Công dân 20"))))
                .andExpect(content().string(containsString("id=\"page-next\"")));
        // the next page goes on after the last registration shown (keyset paging, issue 18)
        long last = jdbc.sql("SELECT id FROM title_registration WHERE node_id = :n AND subject_name = 'Công dân 19'")
                .param("n", unit.id()).query(Long.class).single();
        mvc.perform(get("/units/" + unit.id() + "/registrations").param("after", String.valueOf(last)).with(as(secretary)))
                .andExpect(content().string(containsString("Công dân 22")))
                .andExpect(content().string(not(containsString("Công dân 19"))));
        mvc.perform(get("/units/" + unit.id() + "/registrations").param("status", "RECOGNISED").with(as(secretary)))
                .andExpect(content().string(containsString("Có 0 đăng ký")));
    }

    /** "registered/recognised" as the unit page shows them for a kind. */
    private String counted(long unitId, String kind) throws Exception {
        var staff = tree.staffOf(tree.unit("06688"));
        String html = mvc.perform(get("/units/" + unitId).with(as(staff))).andReturn().getResponse()
                .getContentAsString();
        return UnitPage.counts(html, kind);
    }
}
