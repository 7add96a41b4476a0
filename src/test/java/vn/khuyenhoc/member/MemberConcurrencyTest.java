package vn.khuyenhoc.member;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import vn.khuyenhoc.orgunit.OrgUnitView;
import vn.khuyenhoc.shared.Staff;
import vn.khuyenhoc.support.IntegrationTest;
import vn.khuyenhoc.support.TestTree;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static vn.khuyenhoc.support.TestTree.as;

/** Two people editing the same member: the second save is refused with a message, and nothing is lost. */
@IntegrationTest
class MemberConcurrencyTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    TestTree tree;

    @Autowired
    MemberFixtures fixtures;

    @Autowired
    JdbcClient jdbc;

    @Test
    void theSecondSaveIsRefusedAndKeepsWhatWasTyped() throws Exception {
        OrgUnitView unit = tree.newChapter("06688");
        Staff secretary = tree.staffOf(unit);
        Staff commune = tree.staffOf(tree.unit("06688"));
        MemberView member = fixtures.add(unit, "Huỳnh Văn Phúc");

        // both opened the form at version 0; the secretary saves first
        mvc.perform(MemberPagesTest.editRequest(member, "Huỳnh Văn Phúc", "2017-05-01", 0).with(as(secretary)))
                .andExpect(redirectedUrl("/members/" + member.id()));
        mvc.perform(MemberPagesTest.editRequest(member, "Huỳnh Văn Phước", "2019-03-15", 0).with(as(commune)))
                .andExpect(status().isOk())
                .andExpect(model().attributeHasErrors("form"))
                .andExpect(content().string(containsString("Người khác vừa lưu thay đổi cho hội viên này trước bạn")))
                // what the second person typed is still in the form, beside what is saved now
                .andExpect(content().string(containsString("Phước\"")))
                .andExpect(content().string(containsString("id=\"conflict\"")))
                .andExpect(content().string(containsString("01/05/2017")))
                // and the form now carries the saved version: saving again is a deliberate choice
                .andExpect(content().string(containsString("name=\"version\" value=\"1\"")));
        assertThat(jdbc.sql("SELECT full_name || ' ' || joined_on || ' ' || version FROM member WHERE id = :id")
                .param("id", member.id()).query(String.class).single()).isEqualTo("Huỳnh Văn Phúc 2017-05-01 1");
        assertThat(jdbc.sql("SELECT count(*) FROM audit_log WHERE entity_type = 'MEMBER' AND entity_id = :id AND action = 'UPDATE'")
                .param("id", member.id()).query(Long.class).single()).isEqualTo(1);

        mvc.perform(MemberPagesTest.editRequest(member, "Huỳnh Văn Phước", "2017-05-01", 1).with(as(commune)))
                .andExpect(redirectedUrl("/members/" + member.id()));
        assertThat(fixtures.count("id = ? AND full_name = 'Huỳnh Văn Phước' AND version = 2", member.id())).isEqualTo(1);
    }

    @Test
    void aStatusChangeOverAnEditIsRefusedToo() throws Exception {
        OrgUnitView unit = tree.newChapter("06688");
        Staff secretary = tree.staffOf(unit);
        MemberView member = fixtures.add(unit, "Lý Thị Mai");
        mvc.perform(MemberPagesTest.editRequest(member, "Lý Thị Mai", "2018-05-01", 0).with(as(secretary)))
                .andExpect(redirectedUrl("/members/" + member.id()));
        mvc.perform(MemberPagesTest.statusRequest(member, "LEFT", "2021-01-01", 0).with(as(secretary)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Người khác vừa lưu thay đổi")))
                .andExpect(content().string(containsString("value=\"2021-01-01\"")));
        assertThat(fixtures.count("id = ? AND status = 'ACTIVE'", member.id())).isEqualTo(1);
    }
}
