package vn.khuyenhoc.registration;

import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.util.HtmlUtils;

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

/** Registering, correcting and withdrawing through the pages, with the messages a secretary sees. */
@IntegrationTest
class RegistrationFormsTest {

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
    void aChapterSecretaryRegistersAFamilyACommunityAndACitizenOfTheirUnit() throws Exception {
        var unit = tree.newChapter("06688");
        var secretary = tree.staffOf(unit);
        String head = unique("Nguyễn Văn An");
        registrations.family(secretary, unit.id(), YEAR, "  " + head + " ", "Tổ 3,   Khu 5", "4")
                .andExpect(redirectedUrl("/units/" + unit.id() + "/registrations?year=" + YEAR));
        String community = unique("Khu 5");
        registrations.community(secretary, unit.id(), YEAR, community).andExpect(status().is3xxRedirection());
        String citizen = unique("Trần Thị Bích");
        registrations.citizen(secretary, unit.id(), YEAR, citizen, "1987").andExpect(status().is3xxRedirection());

        Map<String, Object> family = jdbc.sql("SELECT * FROM title_registration WHERE id = :id")
                .param("id", registrations.idOf(head)).query().singleRow();
        assertThat(family).containsEntry("subject_name", head).containsEntry("address", "Tổ 3, Khu 5")
                .containsEntry("household_size", 4).containsEntry("status", "REGISTERED")
                .containsEntry("node_id", unit.id()).containsEntry("commune_id", unit.parentId())
                .containsEntry("province_id", unit.provinceId()).containsEntry("created_by", secretary.username());
        assertThat(registrations.auditEntries(registrations.idOf(head), "CREATE")).isEqualTo(1);

        mvc.perform(get("/units/" + unit.id() + "/registrations").with(as(secretary)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(head)))
                .andExpect(content().string(containsString(community)))
                .andExpect(content().string(containsString(citizen)))
                .andExpect(content().string(containsString("Gia đình học tập")))
                .andExpect(content().string(containsString("Có 3 đăng ký")));
        mvc.perform(get("/units/" + unit.id() + "/registrations").param("kind", "CITIZEN").with(as(secretary)))
                .andExpect(content().string(containsString(citizen)))
                .andExpect(content().string(not(containsString(head))));
        mvc.perform(get("/units/" + unit.id() + "/registrations").param("year", String.valueOf(YEAR - 1))
                        .with(as(secretary)))
                .andExpect(content().string(not(containsString(head))))
                .andExpect(content().string(containsString("Chưa có đăng ký nào phù hợp.")));
    }

    @Test
    void theFormShowsOnlyTheChosenKindsFields() throws Exception {
        var unit = tree.newChapter("06688");
        var secretary = tree.staffOf(unit);
        mvc.perform(get("/units/" + unit.id() + "/registrations/new").with(as(secretary)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Họ và tên chủ hộ")))
                .andExpect(content().string(containsString("name=\"address\"")))
                .andExpect(content().string(containsString("name=\"householdSize\"")))
                .andExpect(content().string(not(containsString("name=\"birthYear\""))))
                // the other kinds this unit registers are one tap away; clans and learning units are not offered
                .andExpect(content().string(containsString("kind=COMMUNITY")))
                .andExpect(content().string(containsString("kind=CITIZEN")))
                .andExpect(content().string(not(containsString("kind=CLAN"))));
        mvc.perform(get("/units/" + unit.id() + "/registrations/new").param("kind", "CITIZEN").with(as(secretary)))
                .andExpect(content().string(containsString("name=\"birthYear\"")))
                .andExpect(content().string(not(containsString("name=\"address\""))));

        var commune = tree.unit("06688");
        var communeStaff = tree.staffOf(commune);
        mvc.perform(get("/units/" + commune.id() + "/registrations/new").param("kind", "UNIT").with(as(communeStaff)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("name=\"unitType\"")))
                .andExpect(content().string(containsString("Trường học")))
                .andExpect(content().string(not(containsString("name=\"representative\""))));
        mvc.perform(get("/units/" + commune.id() + "/registrations/new").param("kind", "CLAN").with(as(communeStaff)))
                .andExpect(content().string(containsString("Người đại diện dòng họ")));
    }

    @Test
    void communeStaffRegisterClansAndLearningUnitsOfTheirCommune() throws Exception {
        var commune = tree.unit("06688");
        var staff = tree.staffOf(commune);
        String clan = unique("Dòng họ Nguyễn Văn");
        registrations.clan(staff, commune.id(), YEAR, clan, "Nguyễn Văn Bình")
                .andExpect(redirectedUrl("/units/" + commune.id() + "/registrations?year=" + YEAR));
        String school = unique("Trường Tiểu học Hạ Long");
        registrations.learningUnit(staff, commune.id(), YEAR, school, "SCHOOL").andExpect(status().is3xxRedirection());
        assertThat(jdbc.sql("SELECT unit_type FROM title_registration WHERE id = :id")
                .param("id", registrations.idOf(school)).query(String.class).single()).isEqualTo("SCHOOL");
        assertThat(jdbc.sql("SELECT representative FROM title_registration WHERE id = :id")
                .param("id", registrations.idOf(clan)).query(String.class).single()).isEqualTo("Nguyễn Văn Bình");
        assertThat(jdbc.sql("SELECT node_id = commune_id FROM title_registration WHERE id = :id")
                .param("id", registrations.idOf(clan)).query(Boolean.class).single()).isTrue();
    }

    @Test
    void badInputGetsAMessageNextToEachFieldAndSavesNothing() throws Exception {
        var unit = tree.newChapter("06688");
        var secretary = tree.staffOf(unit);
        registrations.family(secretary, unit.id(), YEAR, " ", "", "")
                .andExpect(status().isOk())
                .andExpect(model().attributeHasFieldErrors("registrationForm", "subjectName", "address", "householdSize"))
                .andExpect(content().string(containsString("Hãy nhập họ tên chủ hộ.")))
                .andExpect(content().string(containsString("Hãy nhập địa chỉ hộ")))
                .andExpect(content().string(containsString("Hãy nhập số nhân khẩu của hộ.")));
        // a word for a number: a message there, and everything else typed stays on the page
        registrations.family(secretary, unit.id(), YEAR, "Lê Văn Tám", "Tổ 1", "nhiều")
                .andExpect(model().attributeHasFieldErrors("registrationForm", "householdSize"))
                .andExpect(content().string(containsString("Số nhân khẩu phải là một số, ví dụ 4.")))
                .andExpect(content().string(containsString("name=\"year\" value=\"" + YEAR + "\"")))
                .andExpect(content().string(containsString("value=\"" + HtmlUtils.htmlEscape("Lê Văn Tám") + "\"")))
                .andExpect(content().string(containsString("value=\"Tổ 1\"")))
                .andExpect(content().string(containsString("value=\"nhiều\"")));
        registrations.post(secretary, "/units/" + unit.id() + "/registrations", "kind", "COMMUNITY", "year", "năm nay",
                        "subjectName", "Khu 3")
                .andExpect(content().string(containsString("Năm đăng ký phải là một số, ví dụ 2026.")))
                .andExpect(content().string(containsString("value=\"Khu 3\"")));
        registrations.family(secretary, unit.id(), YEAR, "Lê Văn Tám", "Tổ 1", "0")
                .andExpect(content().string(containsString("Số nhân khẩu phải từ 1 đến 99.")));
        registrations.family(secretary, unit.id(), 1999, "Lê Văn Tám", "Tổ 1", "3")
                .andExpect(model().attributeHasFieldErrors("registrationForm", "year"))
                .andExpect(content().string(containsString("Năm đăng ký phải từ 2000 đến 2100.")));
        registrations.family(secretary, unit.id(), YEAR + 2, "Lê Văn Tám", "Tổ 1", "3")
                .andExpect(content().string(containsString("Chỉ đăng ký được cho năm nay hoặc năm sau.")));
        registrations.citizen(secretary, unit.id(), YEAR, "Lê Văn Tám", "")
                .andExpect(content().string(containsString("Hãy nhập năm sinh.")));
        registrations.citizen(secretary, unit.id(), YEAR, "Lê Văn Tám", String.valueOf(YEAR + 1))
                .andExpect(content().string(containsString("Năm sinh phải từ 1900 đến năm nay.")));
        registrations.citizen(secretary, unit.id(), YEAR, "x".repeat(151), "1980")
                .andExpect(content().string(containsString("Tên dài tối đa 150 ký tự.")));
        registrations.post(secretary, "/units/" + unit.id() + "/registrations", "year", String.valueOf(YEAR),
                        "subjectName", "Lê Văn Tám")
                .andExpect(model().attributeHasFieldErrors("registrationForm", "kind"))
                .andExpect(content().string(containsString("Hãy chọn danh hiệu.")));
        assertThat(registrations.countAt(unit.id())).isZero();
        // spaces around a number are forgiven
        registrations.family(secretary, unit.id(), YEAR, "Lê Văn Tám", "Tổ 1", " 4 ").andExpect(status().is3xxRedirection());
        assertThat(jdbc.sql("SELECT household_size FROM title_registration WHERE node_id = :n").param("n", unit.id())
                .query(Integer.class).single()).isEqualTo(4);

        var commune = tree.unit("06652");
        var communeStaff = tree.staffOf(commune);
        registrations.clan(communeStaff, commune.id(), YEAR, "", "")
                .andExpect(content().string(containsString("Hãy nhập tên dòng họ.")))
                .andExpect(content().string(containsString("Hãy nhập họ tên người đại diện dòng họ.")));
        registrations.learningUnit(communeStaff, commune.id(), YEAR, unique("Trường Mầm non Hà Tu"), "")
                .andExpect(model().attributeHasFieldErrors("registrationForm", "unitType"))
                .andExpect(content().string(containsString("Hãy chọn loại đơn vị.")));
        assertThat(registrations.countAt(commune.id())).isZero();
    }

    @Test
    void aSubjectRegistersOncePerKindAndYearHoweverItIsTyped() throws Exception {
        var unit = tree.newChapter("06688");
        var secretary = tree.staffOf(unit);
        String head = unique("Nguyễn Văn Đức");
        registrations.family(secretary, unit.id(), YEAR, head, "Tổ 3, Khu 5", "4").andExpect(status().is3xxRedirection());
        // same household typed without diacritics, other case, other punctuation and spaces
        String folded = head.replace("Nguyễn Văn Đức", "nguyen  van duc");
        registrations.family(secretary, unit.id(), YEAR, folded, "to 3 - khu 5", "5")
                .andExpect(status().isOk())
                .andExpect(model().attributeHasFieldErrors("registrationForm", "subjectName"))
                .andExpect(content().string(containsString("Hộ này (cùng chủ hộ, cùng địa chỉ) đã đăng ký")));
        // ... nor by another chapter of the same commune
        var neighbour = tree.newChapter("06688");
        registrations.family(tree.staffOf(neighbour), neighbour.id(), YEAR, head, "Tổ 3, Khu 5", "4")
                .andExpect(model().attributeHasFieldErrors("registrationForm", "subjectName"));
        // another address, another year: other subjects
        registrations.family(secretary, unit.id(), YEAR, head, "Tổ 4, Khu 5", "4").andExpect(status().is3xxRedirection());
        registrations.family(secretary, unit.id(), YEAR - 1, head, "Tổ 3, Khu 5", "4").andExpect(status().is3xxRedirection());
        assertThat(registrations.countAt(unit.id())).isEqualTo(3);
        assertThat(registrations.countAt(neighbour.id())).isZero();

        // citizens: the same name and birth year is the same person within a unit; another birth year is not
        String citizen = unique("Phạm Thị Hoa");
        registrations.citizen(secretary, unit.id(), YEAR, citizen, "1990").andExpect(status().is3xxRedirection());
        registrations.citizen(secretary, unit.id(), YEAR, citizen.toUpperCase(), "1990")
                .andExpect(content().string(containsString("Người này (cùng họ tên, cùng năm sinh) đã đăng ký")));
        registrations.citizen(secretary, unit.id(), YEAR, citizen, "1991").andExpect(status().is3xxRedirection());

        // a withdrawn registration frees its subject
        long first = jdbc.sql("SELECT id FROM title_registration WHERE subject_name = :n AND birth_year = 1990")
                .param("n", citizen).query(Long.class).single();
        registrations.post(secretary, "/registrations/" + first + "/withdraw", "version",
                String.valueOf(registrations.version(first))).andExpect(status().is3xxRedirection());
        assertThat(registrations.status(first)).isEqualTo("WITHDRAWN");
        registrations.citizen(secretary, unit.id(), YEAR, citizen, "1990").andExpect(status().is3xxRedirection());
        assertThat(registrations.countNamed(citizen)).isEqualTo(3);
    }

    @Test
    void clansAndLearningUnitsAreUniqueInTheirCommune() throws Exception {
        var commune = tree.unit("06688");
        var staff = tree.staffOf(commune);
        String clan = unique("Dòng họ Lê Đình");
        registrations.clan(staff, commune.id(), YEAR, clan, "Lê Đình Khang").andExpect(status().is3xxRedirection());
        registrations.clan(staff, commune.id(), YEAR, clan.replace("Lê Đình", "le dinh"), "Lê Đình Phúc")
                .andExpect(content().string(containsString("Dòng họ này đã đăng ký dòng họ học tập năm này.")));
        String school = unique("Trường THCS Hạ Long");
        registrations.learningUnit(staff, commune.id(), YEAR, school, "SCHOOL").andExpect(status().is3xxRedirection());
        registrations.learningUnit(staff, commune.id(), YEAR, school, "AGENCY")
                .andExpect(content().string(containsString("Đơn vị này đã đăng ký đơn vị học tập năm này.")));
        assertThat(registrations.countNamed(clan)).isEqualTo(1);
        assertThat(registrations.countNamed(school)).isEqualTo(1);
    }
}
