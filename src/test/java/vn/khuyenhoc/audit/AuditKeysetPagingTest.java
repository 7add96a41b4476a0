package vn.khuyenhoc.audit;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import vn.khuyenhoc.audit.AuditService.AuditPage;
import vn.khuyenhoc.shared.Staff;
import vn.khuyenhoc.support.IntegrationTest;
import vn.khuyenhoc.support.TestTree;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static vn.khuyenhoc.support.TestTree.as;

/**
 * The audit log pages by keyset (issue 18): following "next" gives every entry of a kind once, newest first, also
 * among entries written at the same instant; "previous" gives the same pages back; a tampered link is the first page.
 */
@IntegrationTest
class AuditKeysetPagingTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    TestTree tree;

    @Autowired
    JdbcClient jdbc;

    @Test
    void everyEntryOnceNewestFirstAndBackAgain() throws Exception {
        String type = "KEYSET_" + UUID.randomUUID().toString().substring(0, 8);
        // 130 entries, 60 of them at one and the same instant (a bulk import writes so)
        jdbc.sql("""
                INSERT INTO audit_log (occurred_at, actor_username, action, entity_type, entity_id, org_unit_path)
                SELECT CASE WHEN i <= 60 THEN TIMESTAMPTZ '2026-01-01 08:00+07' ELSE now() - i * INTERVAL '1 minute' END,
                       'tester', 'TEST', :type, i, :path
                FROM generate_series(1, 130) i
                """).param("type", type).param("path", tree.unit("22").path()).update();
        List<Long> expected = jdbc.sql("SELECT id FROM audit_log WHERE entity_type = :type ORDER BY occurred_at DESC, id DESC")
                .param("type", type).query(Long.class).list();
        Staff national = tree.staffOf(tree.central());

        List<AuditPage> pages = new ArrayList<>();
        AuditPage page = page(national, type, null, null);
        pages.add(page);
        while (page.hasNext()) {
            assertThat(pages).hasSizeLessThan(10);
            page = page(national, type, "after", String.valueOf(page.lastId()));
            assertThat(page.hasPrevious()).isTrue();
            pages.add(page);
        }
        assertThat(pages.stream().flatMap(p -> ids(p).stream()).toList()).containsExactlyElementsOf(expected);
        for (int i = pages.size() - 1; i > 0; i--) {
            AuditPage previous = page(national, type, "before", String.valueOf(pages.get(i).firstId()));
            assertThat(ids(previous)).containsExactlyElementsOf(ids(pages.get(i - 1)));
        }
        for (String tampered : List.of("abc", "-1", "0", "99999999999999999999999", "1 OR 1=1")) {
            assertThat(ids(page(national, type, "after", tampered))).containsExactlyElementsOf(ids(pages.get(0)));
            assertThat(ids(page(national, type, "before", tampered))).containsExactlyElementsOf(ids(pages.get(0)));
        }
        String html = mvc.perform(get("/audit").param("type", type).with(as(national))).andReturn().getResponse()
                .getContentAsString();
        assertThat(html).contains("after=" + pages.get(0).lastId()).doesNotContain("page=");
    }

    private AuditPage page(Staff staff, String type, String name, String value) throws Exception {
        var request = get("/audit").param("type", type).with(as(staff));
        if (name != null) {
            request = request.param(name, value);
        }
        return (AuditPage) mvc.perform(request).andExpect(status().isOk()).andReturn().getModelAndView().getModel()
                .get("auditPage");
    }

    private static List<Long> ids(AuditPage page) {
        return page.entries().stream().map(AuditService.AuditEntry::id).toList();
    }
}
