package vn.khuyenhoc.member;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import vn.khuyenhoc.orgunit.OrgUnitView;
import vn.khuyenhoc.shared.Staff;
import vn.khuyenhoc.support.IntegrationTest;
import vn.khuyenhoc.support.TestTree;
import vn.khuyenhoc.support.Today;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static vn.khuyenhoc.support.TestTree.as;

/** The member pages and forms: adding, editing, changing status, validation next to each field, audit. */
@IntegrationTest
class MemberPagesTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    TestTree tree;

    @Autowired
    MemberFixtures fixtures;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aSecretaryAddsAMemberWhoGetsACardNumberOfTheProvince() throws Exception {
        OrgUnitView unit = tree.newChapter("06688");
        Staff secretary = tree.staffOf(unit);
        mvc.perform(get("/units/" + unit.id() + "/members/new").with(as(secretary)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Họ và tên")))
                .andExpect(content().string(containsString("Rơ-măm")));

        mvc.perform(post("/units/" + unit.id() + "/members").with(as(secretary)).with(csrf())
                        .param("fullName", "  nguyễn \u00A0 thị\u200B  hồng nhung ").param("gender", "FEMALE").param("birth", "15/03/1975")
                        .param("ethnicity", "2").param("partyMember", "true").param("phone", "+84 912.345.678")
                        .param("address", "Tổ 3, Khu 1").param("joinedOn", "2019-03-15"))
                .andExpect(redirectedUrlPattern("/members/*"));

        var row = jdbc.sql("""
                SELECT card_number, full_name, gender, birth_year, birth_date, ethnicity, party_member, phone, joined_on,
                       status, unit_id, commune_id, province_id
                FROM member WHERE unit_id = :unit
                """).param("unit", unit.id()).query().singleRow();
        assertThat((String) row.get("card_number")).matches("22-\\d{8}");
        assertThat(row.get("full_name")).isEqualTo("Nguyễn Thị Hồng Nhung");
        assertThat(row.get("gender")).isEqualTo("FEMALE");
        assertThat(row.get("birth_year")).isEqualTo(1975);
        assertThat(row.get("birth_date").toString()).isEqualTo("1975-03-15");
        assertThat(row.get("ethnicity")).isEqualTo(2);
        assertThat(row.get("party_member")).isEqualTo(true);
        assertThat(row.get("phone")).isEqualTo("0912345678");
        assertThat(row.get("joined_on").toString()).isEqualTo("2019-03-15");
        assertThat(row.get("status")).isEqualTo("ACTIVE");
        assertThat(row.get("commune_id")).isEqualTo(tree.unit("06688").id());
        assertThat(row.get("province_id")).isEqualTo(tree.unit("22").id());
        assertThat(jdbc.sql("SELECT count(*) FROM audit_log WHERE entity_type = 'MEMBER' AND action = 'CREATE' AND org_unit_path = :p")
                .param("p", unit.path()).query(Long.class).single()).isEqualTo(1);

        long id = jdbc.sql("SELECT id FROM member WHERE unit_id = :unit").param("unit", unit.id()).query(Long.class).single();
        mvc.perform(get("/members/" + id).with(as(secretary)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Nguyễn Thị Hồng Nhung")))
                .andExpect(content().string(containsString("15/03/1975")))
                .andExpect(content().string(containsString("0912 345 678")))
                .andExpect(content().string(containsString("Tày")));
        mvc.perform(get("/units/" + unit.id() + "/members").with(as(secretary)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Nguyễn Thị Hồng Nhung")));
        // the unit's page links to its members and counts the active ones
        mvc.perform(get("/units/" + unit.id()).with(as(secretary)))
                .andExpect(content().string(containsString("/units/" + unit.id() + "/members")))
                .andExpect(content().string(containsString("id=\"active-members\"")));
    }

    @Test
    void communeStaffAddToTheirUnitsWhileProvinceStaffOnlyRead() throws Exception {
        OrgUnitView unit = tree.newChapter("06688");
        Staff commune = tree.staffOf(tree.unit("06688"));
        Staff province = tree.staffOf(tree.unit("22"));
        mvc.perform(addRequest(unit, "Trần Văn Bình").with(as(commune))).andExpect(redirectedUrlPattern("/members/*"));
        assertThat(fixtures.count("unit_id = ?", unit.id())).isEqualTo(1);

        mvc.perform(get("/units/" + unit.id() + "/members/new").with(as(province))).andExpect(status().isForbidden());
        mvc.perform(addRequest(unit, "Lê Văn Cường").with(as(province))).andExpect(status().isForbidden());
        assertThat(fixtures.count("unit_id = ?", unit.id())).isEqualTo(1);
        // the commune's page links to the members of its whole subtree
        mvc.perform(get("/units/" + tree.unit("06688").id()).with(as(commune)))
                .andExpect(content().string(containsString("/units/" + tree.unit("06688").id() + "/members")));
        // but they read the list of the whole province, without the add button
        mvc.perform(get("/units/" + tree.unit("22").id() + "/members").with(as(province)).param("q", "tran van binh"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Trần Văn Bình")))
                .andExpect(content().string(not(containsString("id=\"add-member\""))));
    }

    @Test
    void badInputIsShownNextToEachFieldAndNothingIsSaved() throws Exception {
        OrgUnitView unit = tree.newChapter("06688");
        Staff secretary = tree.staffOf(unit);
        String future = Today.inVietnam().plusDays(10).toString();
        mvc.perform(post("/units/" + unit.id() + "/members").with(as(secretary)).with(csrf())
                        .param("fullName", "An2").param("gender", "").param("birth", "31/02/1975")
                        .param("ethnicity", "99").param("phone", "12345").param("address", " ")
                        .param("joinedOn", future))
                .andExpect(status().isOk())
                .andExpect(model().attributeHasFieldErrorCode("form", "fullName", "member.fullName.letters"))
                .andExpect(model().attributeHasFieldErrorCode("form", "gender", "member.gender.required"))
                .andExpect(model().attributeHasFieldErrorCode("form", "birth", "member.birth.format"))
                .andExpect(model().attributeHasFieldErrorCode("form", "ethnicity", "member.ethnicity.unknown"))
                .andExpect(model().attributeHasFieldErrorCode("form", "phone", "member.phone.format"))
                .andExpect(model().attributeHasFieldErrorCode("form", "address", "member.address.required"))
                .andExpect(model().attributeHasFieldErrorCode("form", "joinedOn", "member.date.future"))
                .andExpect(content().string(containsString("Họ và tên chỉ gồm chữ cái")))
                .andExpect(content().string(containsString("Hãy chọn Nam hoặc Nữ.")))
                .andExpect(content().string(containsString("Số điện thoại không đúng")))
                .andExpect(content().string(containsString("Ngày này chưa đến")))
                // what was typed is still there
                .andExpect(content().string(containsString("value=\"31/02/1975\"")))
                .andExpect(content().string(containsString("value=\"12345\"")));
        mvc.perform(post("/units/" + unit.id() + "/members").with(as(secretary)).with(csrf())
                        .param("fullName", "An").param("gender", "MALE").param("birth", "2015")
                        .param("address", "Khu 1").param("joinedOn", "15/03/2019"))
                .andExpect(status().isOk())
                .andExpect(model().attributeHasFieldErrorCode("form", "fullName", "member.fullName.words"))
                .andExpect(model().attributeHasFieldErrorCode("form", "birth", "member.birth.tooYoung"))
                .andExpect(content().string(containsString("Người vào Hội phải đủ 16 tuổi")));
        mvc.perform(post("/units/" + unit.id() + "/members").with(as(secretary)).with(csrf())
                        .param("fullName", "Phạm Văn An").param("gender", "MALE").param("birth", "1875")
                        .param("address", "Khu 1").param("joinedOn", "15/03/1985"))
                .andExpect(model().attributeHasFieldErrorCode("form", "birth", "member.birth.range"))
                .andExpect(model().attributeHasFieldErrorCode("form", "joinedOn", "member.joinedOn.tooEarly"));
        assertThat(fixtures.count("unit_id = ?", unit.id())).isZero();
        // and in English
        mvc.perform(post("/units/" + unit.id() + "/members").with(as(secretary)).with(csrf()).param("lang", "en")
                        .param("fullName", "").param("gender", "MALE").param("birth", "1975").param("address", "Khu 1")
                        .param("joinedOn", "15/03/2019"))
                .andExpect(content().string(containsString("Enter the full name.")));
    }

    @Test
    void editingAMemberKeepsTheCardAndIsAudited() throws Exception {
        OrgUnitView unit = tree.newChapter("06688");
        Staff secretary = tree.staffOf(unit);
        MemberView member = fixtures.add(unit, "Hoàng Văn Dũng");
        mvc.perform(get("/members/" + member.id() + "/edit").with(as(secretary)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Văn Dũng\"")))
                .andExpect(content().string(containsString("value=\"2019-03-15\"")));
        mvc.perform(editRequest(member, "Hoàng Văn Dũng", "2018-01-20", 0).with(as(secretary)))
                .andExpect(redirectedUrl("/members/" + member.id()));
        assertThat(jdbc.sql("SELECT joined_on FROM member WHERE id = :id").param("id", member.id())
                .query(LocalDate.class).single()).isEqualTo(LocalDate.of(2018, 1, 20));
        assertThat(jdbc.sql("SELECT card_number FROM member WHERE id = :id").param("id", member.id())
                .query(String.class).single()).isEqualTo(member.cardNumber());
        assertThat(jdbc.sql("""
                SELECT before_state->>'joinedOn' || ' -> ' || (after_state->>'joinedOn') FROM audit_log
                WHERE entity_type = 'MEMBER' AND entity_id = :id AND action = 'UPDATE'
                """).param("id", member.id()).query(String.class).single()).isEqualTo("2019-03-15 -> 2018-01-20");

        // bad input: message next to the field, nothing saved
        mvc.perform(editRequest(member, "", "2018-01-20", 1).with(as(secretary)))
                .andExpect(status().isOk())
                .andExpect(model().attributeHasFieldErrorCode("form", "fullName", "member.fullName.required"));
        assertThat(jdbc.sql("SELECT full_name FROM member WHERE id = :id").param("id", member.id())
                .query(String.class).single()).isEqualTo("Hoàng Văn Dũng");
    }

    @Test
    void aMemberLeavesOnADateNotBeforeJoiningNorInTheFuture() throws Exception {
        OrgUnitView unit = tree.newChapter("06688");
        Staff secretary = tree.staffOf(unit);
        MemberView member = fixtures.add(unit, "Vũ Thị Lan", Gender.FEMALE, LocalDate.of(2019, 3, 15), true);
        mvc.perform(get("/members/" + member.id() + "/status").with(as(secretary)))
                .andExpect(status().isOk()).andExpect(content().string(containsString("Đã ra khỏi Hội")));

        mvc.perform(statusRequest(member, "LEFT", "14/03/2019", 0).with(as(secretary)))
                .andExpect(status().isOk())
                .andExpect(model().attributeHasFieldErrorCode("form", "date", "member.statusDate.beforeJoined"))
                .andExpect(content().string(containsString("Ngày này trước ngày vào Hội (15/03/2019)")));
        mvc.perform(statusRequest(member, "LEFT", Today.inVietnam().plusDays(1).toString(), 0).with(as(secretary)))
                .andExpect(model().attributeHasFieldErrorCode("form", "date", "member.date.future"));
        mvc.perform(statusRequest(member, "LEFT", "", 0).with(as(secretary)))
                .andExpect(model().attributeHasFieldErrorCode("form", "date", "member.statusDate.required"));
        mvc.perform(statusRequest(member, "GONE", "2020-01-01", 0).with(as(secretary)))
                .andExpect(model().attributeHasFieldErrorCode("form", "status", "member.status.required"));
        assertThat(fixtures.count("id = ? AND status = 'ACTIVE'", member.id())).isEqualTo(1);

        mvc.perform(statusRequest(member, "DECEASED", "02/09/2024", 0).with(as(secretary)))
                .andExpect(redirectedUrl("/members/" + member.id()));
        assertThat(jdbc.sql("SELECT status || ' ' || status_changed_on FROM member WHERE id = :id").param("id", member.id())
                .query(String.class).single()).isEqualTo("DECEASED 2024-09-02");
        mvc.perform(get("/members/" + member.id()).with(as(secretary)))
                .andExpect(content().string(containsString("Đã mất từ 02/09/2024")));
        mvc.perform(get("/units/" + unit.id() + "/members").with(as(secretary)).param("status", "DECEASED"))
                .andExpect(content().string(containsString("Vũ Thị Lan")));
        mvc.perform(get("/units/" + unit.id() + "/members").with(as(secretary)).param("status", "ACTIVE"))
                .andExpect(content().string(not(containsString("Vũ Thị Lan"))));
        // entered by mistake: restored
        mvc.perform(statusRequest(member, "ACTIVE", "", 1).with(as(secretary)))
                .andExpect(redirectedUrl("/members/" + member.id()));
        assertThat(fixtures.count("id = ? AND status = 'ACTIVE' AND status_changed_on IS NULL", member.id())).isEqualTo(1);
        assertThat(jdbc.sql("SELECT count(*) FROM audit_log WHERE entity_type = 'MEMBER' AND entity_id = :id AND action = 'STATUS'")
                .param("id", member.id()).query(Long.class).single()).isEqualTo(2);
    }

    @Test
    void theAuditPageListsMemberChangesAndImports() throws Exception {
        OrgUnitView unit = tree.newChapter("06688");
        MemberView member = fixtures.add(unit, "Dương Văn Nhật Ký");
        var national = tree.staffOf(tree.central());
        mvc.perform(get("/audit").with(as(national)).param("type", "MEMBER"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("<option value=\"MEMBER\" selected=\"selected\">Hội viên</option>")))
                .andExpect(content().string(containsString("Hội viên #" + member.id())));
    }

    @Test
    void noNewMembersInAnInactiveUnit() throws Exception {
        OrgUnitView unit = tree.newChapter("06688");
        Staff commune = tree.staffOf(tree.unit("06688"));
        jdbc.sql("UPDATE org_unit SET active = false WHERE id = :id").param("id", unit.id()).update();
        mvc.perform(addRequest(unit, "Đặng Văn Em").with(as(commune)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("đã ngừng hoạt động")));
        assertThat(fixtures.count("unit_id = ?", unit.id())).isZero();
    }

    static MockHttpServletRequestBuilder addRequest(OrgUnitView unit, String name) {
        return addRequest(unit, name, "2020-05-01");
    }

    static MockHttpServletRequestBuilder addRequest(OrgUnitView unit, String name, String joinedOn) {
        return post("/units/" + unit.id() + "/members").with(csrf()).param("fullName", name).param("gender", "MALE")
                .param("birth", "1970").param("ethnicity", "1").param("address", "Khu 2").param("joinedOn", joinedOn);
    }

    static MockHttpServletRequestBuilder editRequest(MemberView member, String name, String joinedOn, long version) {
        return post("/members/" + member.id()).with(csrf()).param("fullName", name).param("gender", "MALE")
                .param("birth", "1975").param("ethnicity", "1").param("phone", "0912345678")
                .param("address", "Tổ 3, Khu 1").param("joinedOn", joinedOn).param("version", String.valueOf(version));
    }

    static MockHttpServletRequestBuilder statusRequest(MemberView member, String status, String date, long version) {
        return post("/members/" + member.id() + "/status").with(csrf()).param("status", status).param("date", date)
                .param("version", String.valueOf(version));
    }
}
