package vn.khuyenhoc.orgunit;

import java.text.Normalizer;
import java.util.Map;
import java.util.UUID;

import jakarta.servlet.http.Cookie;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.web.util.HtmlUtils;

import vn.khuyenhoc.shared.Staff;
import vn.khuyenhoc.support.IntegrationTest;
import vn.khuyenhoc.support.TestTree;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static vn.khuyenhoc.support.TestTree.as;

/** Commune staff keeping the chapters and education promotion boards of their commune. */
@IntegrationTest
class GrassrootsUnitTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    TestTree tree;

    @Autowired
    JdbcClient jdbc;

    @Test
    void communeStaffCreateAChapterAndABoardAndSeeThemListed() throws Exception {
        OrgUnitView commune = tree.unit("06688");
        Staff staff = tree.staffOf(commune);
        String chapter = "Chi hội Khu 3 " + suffix();
        String board = "Ban khuyến học Trường THCS Hạ Long " + suffix();

        create(staff, commune, "CHAPTER", chapter)
                .andExpect(redirectedUrl("/units/" + commune.id()))
                .andExpect(flash().attribute("notice", "unit.created"))
                .andExpect(flash().attribute("noticeArg", chapter));
        create(staff, commune, "BOARD", board).andExpect(redirectedUrl("/units/" + commune.id()));

        Map<String, Object> row = unitRow(commune.id(), chapter);
        assertThat(row).containsEntry("kind", "CHAPTER").containsEntry("level", 3).containsEntry("active", true)
                .containsEntry("province_id", tree.unit("22").id());
        assertThat((String) row.get("path")).isEqualTo(commune.path() + row.get("id") + "/");
        assertThat(unitRow(commune.id(), board)).containsEntry("kind", "BOARD");

        mvc.perform(get("/units/{id}", commune.id()).with(as(staff)))
                .andExpect(content().string(containsString(HtmlUtils.htmlEscape(chapter))))
                .andExpect(content().string(containsString(HtmlUtils.htmlEscape(board))))
                .andExpect(content().string(containsString("Ban khuyến học")));

        long id = ((Number) row.get("id")).longValue();
        Map<String, Object> audit = lastAudit(id);
        assertThat(audit).containsEntry("action", "CREATE").containsEntry("actor_username", staff.username())
                .containsEntry("actor_id", staff.userId()).containsEntry("org_unit_path", row.get("path"));
        assertThat(audit.get("before")).isNull();
        assertThat((String) audit.get("after")).contains(chapter).contains("CHAPTER");
    }

    @Test
    void communeStaffRenameAGrassrootsUnitAndChangeItsKind() throws Exception {
        OrgUnitView commune = tree.unit("06688");
        Staff staff = tree.staffOf(commune);
        OrgUnitView unit = tree.newChapter("06688");
        String renamed = "Ban khuyến học Công ty Than " + suffix();

        mvc.perform(get("/units/{id}/edit", unit.id()).with(as(staff)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("value=\"" + unit.name() + "\"")));
        mvc.perform(post("/units/{id}", unit.id()).with(as(staff)).with(csrf())
                        .param("kind", "BOARD").param("name", "  " + renamed + " ")
                        .param("version", String.valueOf(unit.version())))
                .andExpect(redirectedUrl("/units/" + unit.id()))
                .andExpect(flash().attribute("notice", "unit.updated"));

        Map<String, Object> row = unitRow(commune.id(), renamed);
        assertThat(row).containsEntry("id", unit.id()).containsEntry("kind", "BOARD")
                .containsEntry("version", unit.version() + 1);
        Map<String, Object> audit = lastAudit(unit.id());
        assertThat(audit).containsEntry("action", "UPDATE").containsEntry("actor_username", staff.username());
        assertThat((String) audit.get("before")).contains(unit.name()).contains("CHAPTER");
        assertThat((String) audit.get("after")).contains(renamed).contains("BOARD").doesNotContain(unit.name());
    }

    @Test
    void communeStaffDeactivateAndReactivateAUnit() throws Exception {
        OrgUnitView commune = tree.unit("06688");
        Staff staff = tree.staffOf(commune);
        OrgUnitView unit = tree.newChapter("06688");

        mvc.perform(post("/units/{id}/deactivate", unit.id()).with(as(staff)).with(csrf()))
                .andExpect(redirectedUrl("/units/" + commune.id()))
                .andExpect(flash().attribute("notice", "unit.deactivated"));
        assertThat(active(unit.id())).isFalse();
        assertThat(lastAudit(unit.id())).containsEntry("action", "DEACTIVATE");
        assertThat((String) lastAudit(unit.id()).get("before")).contains("\"active\": true");
        assertThat((String) lastAudit(unit.id()).get("after")).contains("\"active\": false");
        mvc.perform(get("/units/{id}", unit.id()).with(as(staff)))
                .andExpect(content().string(containsString("Ngừng hoạt động")));

        mvc.perform(post("/units/{id}/activate", unit.id()).with(as(staff)).with(csrf()))
                .andExpect(redirectedUrl("/units/" + commune.id()))
                .andExpect(flash().attribute("notice", "unit.activated"));
        assertThat(active(unit.id())).isTrue();
        assertThat(lastAudit(unit.id())).containsEntry("action", "ACTIVATE").containsEntry("actor_username",
                staff.username());
    }

    @Test
    void aNameIsUniqueWithinTheCommuneWhateverItsCaseSpacesOrUnicodeForm() throws Exception {
        OrgUnitView commune = tree.unit("06688");
        Staff staff = tree.staffOf(commune);
        String name = "Chi hội Khu Đông " + suffix();
        create(staff, commune, "CHAPTER", name).andExpect(status().is3xxRedirection());
        long before = children(commune.id());

        for (String same : new String[] {
                name.toUpperCase(java.util.Locale.ROOT),
                name.toLowerCase(java.util.Locale.ROOT),
                "  " + name.replace(" ", "  ") + "\t",
                Normalizer.normalize(name, Normalizer.Form.NFD),
                Normalizer.normalize(name.replace("Khu", " Khu "), Normalizer.Form.NFD).toUpperCase(java.util.Locale.ROOT)}) {
            create(staff, commune, "BOARD", same)
                    .andExpect(status().isOk())
                    .andExpect(model().attributeHasFieldErrorCode("form", "name", "unit.name.taken"))
                    .andExpect(content().string(containsString("Xã, phường này đã có đơn vị cùng tên.")));
        }
        assertThat(children(commune.id())).isEqualTo(before);

        // renaming another unit to that name is refused the same way; renaming a unit to its own name is fine
        OrgUnitView other = tree.newChapter("06688");
        mvc.perform(post("/units/{id}", other.id()).with(as(staff)).with(csrf()).param("kind", "CHAPTER")
                        .param("name", Normalizer.normalize(name.toUpperCase(java.util.Locale.ROOT), Normalizer.Form.NFD))
                        .param("version", String.valueOf(other.version())))
                .andExpect(status().isOk())
                .andExpect(model().attributeHasFieldErrorCode("form", "name", "unit.name.taken"));
        assertThat(unitName(other.id())).isEqualTo(other.name());
        mvc.perform(post("/units/{id}", other.id()).with(as(staff)).with(csrf()).param("kind", "CHAPTER")
                        .param("name", other.name().toUpperCase(java.util.Locale.ROOT))
                        .param("version", String.valueOf(other.version())))
                .andExpect(redirectedUrl("/units/" + other.id()));
    }

    /**
     * The duplicate check ({@code IgnoreCase}) and the unique index ({@code lower(name)}) fold case in the database,
     * with its {@code LC_CTYPE}: a server initialised with the plain {@code C} locale folds only ASCII, and
     * "CHI HỘI" would then pass as a new name beside "Chi hội". This guards that assumption on the test server.
     */
    @Test
    void theDatabaseFoldsTheCaseOfVietnameseLetters() {
        assertThat(jdbc.sql("SELECT lower('CHI HỘI KHU ĐÔNG Ư Ơ Ă Ấ') = 'chi hội khu đông ư ơ ă ấ'")
                .query(Boolean.class).single())
                .as("lower() of Vietnamese capitals: initialise PostgreSQL with a UTF-8 locale such as C.UTF-8")
                .isTrue();
    }

    @Test
    void aNameIsStoredCleanedAndComposed() throws Exception {
        OrgUnitView commune = tree.unit("06688");
        Staff staff = tree.staffOf(commune);
        String name = "Chi hội Tổ 5 " + suffix();
        create(staff, commune, "CHAPTER", " " + Normalizer.normalize(name.replace(" ", "   "), Normalizer.Form.NFD))
                .andExpect(status().is3xxRedirection());
        assertThat(unitRow(commune.id(), name)).isNotNull();
    }

    @Test
    void theSameNameInAnotherCommuneIsFine() throws Exception {
        String name = "Chi hội Khu 1 " + suffix();
        OrgUnitView haLong = tree.unit("06688");
        OrgUnitView haTu = tree.unit("06652");
        create(tree.staffOf(haLong), haLong, "CHAPTER", name).andExpect(status().is3xxRedirection());
        create(tree.staffOf(haTu), haTu, "CHAPTER", name).andExpect(status().is3xxRedirection());
        assertThat(unitRow(haLong.id(), name)).isNotNull();
        assertThat(unitRow(haTu.id(), name)).isNotNull();
    }

    @Test
    void badInputGetsTheVietnameseMessageNextToTheFieldAndCreatesNothing() throws Exception {
        OrgUnitView commune = tree.unit("06688");
        Staff staff = tree.staffOf(commune);
        long before = children(commune.id());
        long audits = auditCount(commune.path());

        create(staff, commune, "CHAPTER", "").andExpect(status().isOk())
                .andExpect(content().string(containsString("Hãy nhập tên đơn vị.")));
        create(staff, commune, "CHAPTER", "   \t ").andExpect(status().isOk())
                .andExpect(content().string(containsString("Hãy nhập tên đơn vị.")));
        create(staff, commune, "CHAPTER", "x".repeat(151)).andExpect(status().isOk())
                .andExpect(content().string(containsString("Tên đơn vị dài tối đa 150 ký tự.")));
        mvc.perform(post("/units/{id}/grassroots", commune.id()).with(as(staff)).with(csrf())
                        .param("name", "Chi hội không loại " + suffix()))
                .andExpect(status().isOk())
                .andExpect(model().attributeHasFieldErrors("form", "kind"))
                .andExpect(content().string(containsString("Hãy chọn chi hội hoặc ban khuyến học.")));
        // a kind that is not a grassroots kind, and one that does not exist
        create(staff, commune, "COMMUNE", "Chi hội sai loại " + suffix()).andExpect(status().isOk())
                .andExpect(content().string(containsString("Hãy chọn chi hội hoặc ban khuyến học.")));
        create(staff, commune, "VILLAGE", "Chi hội sai loại " + suffix()).andExpect(status().isOk())
                .andExpect(model().attributeHasFieldErrors("form", "kind"));

        assertThat(children(commune.id())).isEqualTo(before);
        assertThat(auditCount(commune.path())).isEqualTo(audits);
    }

    @Test
    void anEnglishUserGetsTheEnglishMessage() throws Exception {
        OrgUnitView commune = tree.unit("06688");
        Staff staff = tree.staffOf(commune);
        mvc.perform(post("/units/{id}/grassroots", commune.id()).param("lang", "en").with(as(staff)).with(csrf())
                        .param("kind", "CHAPTER").param("name", ""))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(HtmlUtils.htmlEscape("Enter the unit's name."))))
                .andExpect(content().string(not(containsString("Hãy nhập tên đơn vị."))));
        mvc.perform(post("/units/{id}/grassroots", commune.id()).cookie(new Cookie("lang", "en")).with(as(staff))
                        .with(csrf()).param("name", "x".repeat(151)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(HtmlUtils.htmlEscape("A unit's name has at most 150 characters."))))
                .andExpect(content().string(containsString("Choose chapter or education promotion board.")));
        String name = "Chapter " + suffix();
        create(staff, commune, "CHAPTER", name).andExpect(status().is3xxRedirection());
        mvc.perform(post("/units/{id}/grassroots", commune.id()).cookie(new Cookie("lang", "en")).with(as(staff))
                        .with(csrf()).param("kind", "CHAPTER").param("name", name))
                .andExpect(content().string(containsString("This commune already has a unit of that name.")));
    }

    @Test
    void aRenameOverSomeoneElsesNewerChangeGetsTheConflictPageAndChangesNothing() throws Exception {
        OrgUnitView commune = tree.unit("06688");
        Staff first = tree.staffOf(commune);
        Staff second = tree.staffOf(commune);
        OrgUnitView unit = tree.newChapter("06688");
        String firstName = "Chi hội Tổ 1 " + suffix();

        mvc.perform(post("/units/{id}", unit.id()).with(as(first)).with(csrf()).param("kind", "CHAPTER")
                .param("name", firstName).param("version", String.valueOf(unit.version())))
                .andExpect(status().is3xxRedirection());
        long audits = auditCount(unit.path());

        // the second person's form still carries the version they opened
        mvc.perform(post("/units/{id}", unit.id()).with(as(second)).with(csrf()).param("kind", "BOARD")
                        .param("name", "Ban khuyến học " + suffix()).param("version", String.valueOf(unit.version())))
                .andExpect(status().isConflict())
                .andExpect(content().string(containsString("Dữ liệu vừa được người khác thay đổi")));

        assertThat(unitName(unit.id())).isEqualTo(firstName);
        assertThat(unitRow(commune.id(), firstName)).containsEntry("kind", "CHAPTER").containsEntry("version",
                unit.version() + 1);
        assertThat(auditCount(unit.path())).isEqualTo(audits);
    }

    @Test
    void onlyGrassrootsUnitsAreRenamedOrDeactivatedAndOnlyCommunesGetNewOnes() throws Exception {
        OrgUnitView commune = tree.unit("06688");
        Staff staff = tree.staffOf(commune);
        OrgUnitView chapter = tree.newChapter("06688");
        long audits = auditCount(tree.unit("22").path());

        // their own commune is in scope, but it is not theirs to rename or close
        mvc.perform(get("/units/{id}/edit", commune.id()).with(as(staff))).andExpect(status().isNotFound());
        mvc.perform(post("/units/{id}", commune.id()).with(as(staff)).with(csrf()).param("kind", "CHAPTER")
                .param("name", "Phường Mới").param("version", String.valueOf(commune.version())))
                .andExpect(status().isNotFound());
        mvc.perform(post("/units/{id}/deactivate", commune.id()).with(as(staff)).with(csrf()))
                .andExpect(status().isNotFound());
        // and a unit is not created under a grassroots unit
        mvc.perform(get("/units/{id}/grassroots/new", chapter.id()).with(as(staff))).andExpect(status().isNotFound());
        create(staff, chapter, "CHAPTER", "Chi hội con " + suffix()).andExpect(status().isNotFound());

        assertThat(unitName(commune.id())).isEqualTo("Hạ Long");
        assertThat(active(commune.id())).isTrue();
        assertThat(children(chapter.id())).isZero();
        assertThat(auditCount(tree.unit("22").path())).isEqualTo(audits);
    }

    @Test
    void aChangeWithoutTheCsrfTokenIsRefused() throws Exception {
        OrgUnitView commune = tree.unit("06688");
        Staff staff = tree.staffOf(commune);
        OrgUnitView chapter = tree.newChapter("06688");
        long before = children(commune.id());
        mvc.perform(post("/units/{id}/grassroots", commune.id()).with(as(staff)).param("kind", "CHAPTER")
                .param("name", "Chi hội " + suffix())).andExpect(status().isForbidden());
        mvc.perform(post("/units/{id}/deactivate", chapter.id()).with(as(staff))).andExpect(status().isForbidden());
        assertThat(children(commune.id())).isEqualTo(before);
        assertThat(active(chapter.id())).isTrue();
    }

    // --- helpers ----------------------------------------------------------------------------------------------

    private ResultActions create(Staff staff, OrgUnitView commune, String kind, String name) throws Exception {
        return mvc.perform(post("/units/{id}/grassroots", commune.id()).with(as(staff)).with(csrf())
                .param("kind", kind).param("name", name));
    }

    private static String suffix() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    private Map<String, Object> unitRow(long communeId, String name) {
        return jdbc.sql("""
                SELECT id, kind, level::int AS level, active, path, province_id, version
                FROM org_unit WHERE parent_id = :parent AND name = :name
                """).param("parent", communeId).param("name", name).query().singleRow();
    }

    private String unitName(long id) {
        return jdbc.sql("SELECT name FROM org_unit WHERE id = :id").param("id", id).query(String.class).single();
    }

    private boolean active(long id) {
        return jdbc.sql("SELECT active FROM org_unit WHERE id = :id").param("id", id).query(Boolean.class).single();
    }

    private long children(long communeId) {
        return jdbc.sql("SELECT count(*) FROM org_unit WHERE parent_id = :id").param("id", communeId)
                .query(Long.class).single();
    }

    private long auditCount(String pathPrefix) {
        return jdbc.sql("SELECT count(*) FROM audit_log WHERE org_unit_path LIKE :p").param("p", pathPrefix + "%")
                .query(Long.class).single();
    }

    private Map<String, Object> lastAudit(long unitId) {
        return jdbc.sql("""
                SELECT action, actor_id, actor_username, org_unit_path, before_state::text AS before,
                       after_state::text AS after
                FROM audit_log WHERE entity_type = 'ORG_UNIT' AND entity_id = :id ORDER BY id DESC LIMIT 1
                """).param("id", unitId).query().singleRow();
    }
}
