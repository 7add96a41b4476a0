package vn.khuyenhoc.member;

import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import vn.khuyenhoc.orgunit.OrgUnitView;
import vn.khuyenhoc.shared.Staff;
import vn.khuyenhoc.support.IntegrationTest;
import vn.khuyenhoc.support.TestTree;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static vn.khuyenhoc.support.TestTree.as;

/**
 * Issue 16, personal data (Decree 13/2023): a member's phone, address, ethnicity, Party membership and birth date
 * are shown to the member's chapter and commune only, and above them nobody lists people by Party membership; reads
 * of a member's page and of member lists are audited; the audit log keeps that personal details changed, not them.
 */
@IntegrationTest
class PersonalDataTest {

    private static final String PHONE = "0912 345 678";
    private static final String ADDRESS = "Tổ 7, Khu Bí Mật";

    @Autowired
    MockMvc mvc;

    @Autowired
    TestTree tree;

    @Autowired
    JdbcClient jdbc;

    @Test
    void theChapterAndCommuneSeePersonalDetailsAndNobodyAboveDoes() throws Exception {
        OrgUnitView chapter = tree.newChapter("06688");
        Staff secretary = tree.staffOf(chapter);
        long member = add(secretary, chapter, "Đinh Thị Riêng", true);

        for (Staff staff : List.of(secretary, tree.staffOf(tree.unit("06688")))) {
            String page = page("/members/" + member, staff);
            assertThat(page).as(staff.role().name()).contains("345 678").contains(ADDRESS).contains("id=\"member-details\"");
        }
        for (Staff staff : List.of(tree.staffOf(tree.unit("22")), tree.staffOf(tree.central()))) {
            String page = page("/members/" + member, staff);
            assertThat(page).as(staff.role().name()).contains("Đinh Thị Riêng").doesNotContain("345 678")
                    .doesNotContain(ADDRESS).doesNotContain("Tày").doesNotContain("15/03/1975");
        }
        List<String> readers = jdbc.sql("""
                SELECT actor_username FROM audit_log WHERE entity_type = 'MEMBER' AND action = 'READ' AND entity_id = :id
                """).param("id", member).query(String.class).list();
        assertThat(readers).hasSize(4);
    }

    @Test
    void aboveTheCommuneNobodyListsPeopleByPartyMembership() throws Exception {
        OrgUnitView chapter = tree.newChapter("06688");
        Staff secretary = tree.staffOf(chapter);
        add(secretary, chapter, "Đảng Viên Một", true);
        add(secretary, chapter, "Quần Chúng Hai", false);

        // the chapter filters by Party membership
        String own = page("/units/" + chapter.id() + "/members?party=yes", secretary);
        assertThat(own).contains("Đảng Viên Một").doesNotContain("Quần Chúng Hai").contains("id=\"party\"");
        // the province and the country: the filter is not offered, and typed in the address it is ignored
        for (Staff staff : List.of(tree.staffOf(tree.unit("22")), tree.staffOf(tree.central()))) {
            String list = page("/units/" + chapter.id() + "/members?party=yes", staff);
            assertThat(list).as(staff.role().name()).contains("Đảng Viên Một").contains("Quần Chúng Hai")
                    .doesNotContain("id=\"party\"");
        }
        assertThat(jdbc.sql("""
                SELECT count(*) FROM audit_log WHERE entity_type = 'MEMBER' AND action = 'READ_LIST'
                  AND after_state->>'nodeId' = :node
                """).param("node", String.valueOf(chapter.id())).query(Long.class).single()).isEqualTo(3);
    }

    @Test
    void theAuditLogKeepsWhatChangedNotThePersonalValues() throws Exception {
        OrgUnitView chapter = tree.newChapter("06688");
        Staff secretary = tree.staffOf(chapter);
        long member = add(secretary, chapter, "Vũ Văn Đổi", false);
        long version = jdbc.sql("SELECT version FROM member WHERE id = :id").param("id", member).query(Long.class).single();
        mvc.perform(post("/members/{id}", member).with(as(secretary)).with(csrf())
                        .param("fullName", "Vũ Văn Đổi").param("gender", "MALE").param("birth", "15/03/1975")
                        .param("ethnicity", "2").param("partyMember", "true").param("phone", "0987 654 321")
                        .param("address", "Tổ 9, Khu Mới").param("joinedOn", "2019-03-15").param("version", String.valueOf(version)))
                .andExpect(status().is3xxRedirection());

        String everything = jdbc.sql("""
                SELECT string_agg(coalesce(before_state::text, '') || coalesce(after_state::text, ''), ' ')
                FROM audit_log WHERE entity_type = 'MEMBER' AND entity_id = :id
                """).param("id", member).query(String.class).single();
        assertThat(everything).doesNotContain("912345").doesNotContain("987654").doesNotContain("Bí Mật")
                .doesNotContain("Khu Mới").doesNotContain("1975-03-15");
        String after = jdbc.sql("""
                SELECT after_state::text FROM audit_log WHERE entity_type = 'MEMBER' AND entity_id = :id AND action = 'UPDATE'
                """).param("id", member).query(String.class).single();
        assertThat(after).contains("\"phone\"").contains("\"address\"").contains("\"partyMember\"").contains("***")
                .doesNotContain("fullName").doesNotContain("cardNumber");
    }

    private long add(Staff secretary, OrgUnitView chapter, String name, boolean party) throws Exception {
        mvc.perform(post("/units/{id}/members", chapter.id()).with(as(secretary)).with(csrf())
                        .param("fullName", name).param("gender", "FEMALE").param("birth", "15/03/1975")
                        .param("ethnicity", "2").param("partyMember", String.valueOf(party)).param("phone", PHONE)
                        .param("address", ADDRESS).param("joinedOn", "2019-03-15"))
                .andExpect(status().is3xxRedirection());
        return jdbc.sql("SELECT id FROM member WHERE unit_id = :u AND full_name = :n").param("u", chapter.id())
                .param("n", name).query(Long.class).single();
    }

    private String page(String url, Staff staff) throws Exception {
        return mvc.perform(get(url).with(as(staff))).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
    }
}
