package vn.khuyenhoc.member;

import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import vn.khuyenhoc.orgunit.OrgUnitView;
import vn.khuyenhoc.shared.Staff;
import vn.khuyenhoc.support.IntegrationTest;
import vn.khuyenhoc.support.TestTree;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static vn.khuyenhoc.support.TestTree.as;

/**
 * Personal data stays inside the scope: every member endpoint answers 404 for a member or unit of another unit,
 * another commune and another province, exactly as for an id that does not exist; and nothing is changed.
 */
@IntegrationTest
class MemberScopeTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    TestTree tree;

    @Autowired
    MemberFixtures fixtures;

    @Test
    void aSecretarySeesOnlyTheirOwnUnit() throws Exception {
        OrgUnitView own = tree.newChapter("06688");
        Staff secretary = tree.staffOf(own);
        MemberView mine = fixtures.add(own, "Nguyễn Văn Mình");
        OrgUnitView sameCommune = tree.newChapter("06688");
        OrgUnitView otherCommune = tree.newChapter("06652");
        OrgUnitView otherProvince = tree.newChapter("00004");
        for (OrgUnitView unit : List.of(sameCommune, otherCommune, otherProvince)) {
            MemberView theirs = fixtures.add(unit, "Trần Thị Người Khác");
            assertEverythingAnswers404(secretary, unit, theirs);
        }
        // the commune and the province above are outside a secretary's scope too
        mvc.perform(get("/units/" + tree.unit("06688").id() + "/members").with(as(secretary))).andExpect(status().isNotFound());
        mvc.perform(get("/units/" + tree.unit("22").id() + "/members").with(as(secretary))).andExpect(status().isNotFound());
        mvc.perform(get("/members/" + mine.id()).with(as(secretary))).andExpect(status().isOk());
        mvc.perform(get("/members/999999999").with(as(secretary))).andExpect(status().isNotFound());
    }

    @Test
    void communeStaffSeeTheirCommuneOnly() throws Exception {
        Staff commune = tree.staffOf(tree.unit("06688"));
        OrgUnitView ownUnit = tree.newChapter("06688");
        MemberView ours = fixtures.add(ownUnit, "Lê Văn Của Xã");
        mvc.perform(get("/members/" + ours.id()).with(as(commune))).andExpect(status().isOk());
        mvc.perform(get("/units/" + tree.unit("06688").id() + "/members").with(as(commune))).andExpect(status().isOk());
        for (OrgUnitView unit : List.of(tree.newChapter("06652"), tree.newChapter("00004"))) {
            assertEverythingAnswers404(commune, unit, fixtures.add(unit, "Phạm Văn Xã Khác"));
        }
        mvc.perform(get("/units/" + tree.unit("06652").id() + "/members").with(as(commune))).andExpect(status().isNotFound());
    }

    @Test
    void provinceStaffSeeTheirProvinceOnly() throws Exception {
        Staff province = tree.staffOf(tree.unit("22"));
        OrgUnitView inProvince = tree.newChapter("06652");
        MemberView ours = fixtures.add(inProvince, "Hồ Văn Tỉnh");
        mvc.perform(get("/members/" + ours.id()).with(as(province))).andExpect(status().isOk());
        mvc.perform(get("/units/" + inProvince.id() + "/members").with(as(province))).andExpect(status().isOk());
        OrgUnitView hanoi = tree.newChapter("00004");
        MemberView theirs = fixtures.add(hanoi, "Ngô Thị Hà Nội");
        mvc.perform(get("/members/" + theirs.id()).with(as(province))).andExpect(status().isNotFound());
        mvc.perform(get("/units/" + hanoi.id() + "/members").with(as(province))).andExpect(status().isNotFound());
        mvc.perform(get("/units/" + tree.unit("01").id() + "/members").with(as(province))).andExpect(status().isNotFound());
        // they read, they do not write: forbidden before anything else
        mvc.perform(PagesRequests.edit(ours).with(as(province))).andExpect(status().isForbidden());
        mvc.perform(PagesRequests.status(ours).with(as(province))).andExpect(status().isForbidden());
        assertThat(fixtures.count("id = ? AND version = 0", ours.id())).isEqualTo(1);
    }

    private void assertEverythingAnswers404(Staff staff, OrgUnitView unit, MemberView member) throws Exception {
        long before = fixtures.count("unit_id = ?", unit.id());
        for (AbstractMockHttpServletRequestBuilder<?> request : List.<AbstractMockHttpServletRequestBuilder<?>>of(
                get("/units/" + unit.id() + "/members"),
                get("/units/" + unit.id() + "/members/new"),
                MemberPagesTest.addRequest(unit, "Đỗ Văn Lạ"),
                get("/members/" + member.id()),
                get("/members/" + member.id() + "/edit"),
                PagesRequests.edit(member),
                get("/members/" + member.id() + "/status"),
                PagesRequests.status(member),
                get("/units/" + unit.id() + "/members/import"),
                multipart("/units/" + unit.id() + "/members/import")
                        .file(new MockMultipartFile("file", "ds.csv", "text/csv", PagesRequests.CSV.getBytes(UTF_8)))
                        .with(csrf()))) {
            mvc.perform(request.with(as(staff))).andExpect(status().isNotFound());
        }
        assertThat(fixtures.count("unit_id = ?", unit.id())).isEqualTo(before);
        assertThat(fixtures.count("id = ? AND version = 0 AND status = 'ACTIVE'", member.id())).isEqualTo(1);
    }

    /** Valid requests that would change a member, were they in scope. */
    static final class PagesRequests {

        static final String CSV = "Họ và tên,Giới tính,Năm sinh hoặc ngày sinh,Dân tộc,Đảng viên,Số điện thoại,Địa chỉ,Ngày vào Hội\n"
                + "Bùi Văn Nhập,Nam,1970,Kinh,,,Khu 3,01/02/2020\n";

        static MockHttpServletRequestBuilder edit(MemberView member) {
            return MemberPagesTest.editRequest(member, "Tên Đã Đổi", "2019-03-15", member.version());
        }

        static MockHttpServletRequestBuilder status(MemberView member) {
            return post("/members/" + member.id() + "/status").with(csrf()).param("status", "LEFT")
                    .param("date", "2020-01-01").param("version", String.valueOf(member.version()));
        }
    }
}
