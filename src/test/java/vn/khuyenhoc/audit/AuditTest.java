package vn.khuyenhoc.audit;

import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.IllegalTransactionStateException;
import org.springframework.transaction.support.TransactionTemplate;

import vn.khuyenhoc.orgunit.OrgUnitView;
import vn.khuyenhoc.shared.Staff;
import vn.khuyenhoc.support.IntegrationTest;
import vn.khuyenhoc.support.TestTree;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static vn.khuyenhoc.support.TestTree.as;

/** The audit log: national staff read it; nobody, not even the application, rewrites it. */
@IntegrationTest
class AuditTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    TestTree tree;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    AuditService audit;

    @Autowired
    TransactionTemplate transactions;

    @Test
    void onlyNationalStaffReadTheAuditLog() throws Exception {
        for (OrgUnitView node : new OrgUnitView[] {tree.unit("22"), tree.unit("06688"), tree.newChapter("06688")}) {
            mvc.perform(get("/audit").with(as(tree.staffOf(node)))).andExpect(status().isForbidden());
            mvc.perform(get("/audit").param("type", "ORG_UNIT").with(as(tree.staffOf(node))))
                    .andExpect(status().isForbidden());
        }
        mvc.perform(get("/audit")).andExpect(status().is3xxRedirection()); // to the login page
        mvc.perform(get("/audit").with(as(tree.staffOf(tree.central())))).andExpect(status().isOk());
    }

    @Test
    void thePageShowsWhoChangedWhatWhenWithTheValuesBeforeAndAfter() throws Exception {
        OrgUnitView commune = tree.unit("06688");
        Staff communeStaff = tree.staffOf(commune);
        String marker = UUID.randomUUID().toString().substring(0, 8);
        mvc.perform(post("/units/{id}/grassroots", commune.id()).with(as(communeStaff)).with(csrf())
                .param("kind", "CHAPTER").param("name", "Chi hội Nhật ký " + marker)).andExpect(status().is3xxRedirection());
        long unitId = jdbc.sql("SELECT id FROM org_unit WHERE name = :n").param("n", "Chi hội Nhật ký " + marker)
                .query(Long.class).single();
        mvc.perform(post("/units/{id}", unitId).with(as(communeStaff)).with(csrf()).param("kind", "BOARD")
                .param("name", "Ban khuyến học Nhật ký " + marker).param("version", "0"))
                .andExpect(status().is3xxRedirection());

        Staff national = tree.staffOf(tree.central());
        mvc.perform(get("/audit").with(as(national)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(communeStaff.username())))
                .andExpect(content().string(containsString("Chi hội Nhật ký " + marker)))
                .andExpect(content().string(containsString("Ban khuyến học Nhật ký " + marker)))
                .andExpect(content().string(containsString("UPDATE")))
                .andExpect(content().string(containsString("Đơn vị #" + unitId)))
                .andExpect(content().string(matchesPattern("(?s).*<td class=\"text-nowrap\">\\d{2}/\\d{2}/\\d{4} \\d{2}:\\d{2}:\\d{2}</td>.*")));
        mvc.perform(get("/audit").param("type", "ORG_UNIT").with(as(national)))
                .andExpect(content().string(containsString("Ban khuyến học Nhật ký " + marker)));
        mvc.perform(get("/audit").param("type", "ACCOUNT").with(as(national)))
                .andExpect(status().isOk())
                .andExpect(content().string(not(containsString("Nhật ký " + marker))));
        mvc.perform(get("/audit").param("lang", "en").with(as(national)))
                .andExpect(content().string(containsString("Audit log")))
                .andExpect(content().string(containsString("Unit #" + unitId)));
    }

    @Test
    void theTableRefusesUpdatesAndDeletes() {
        Staff staff = tree.staffOf(tree.unit("06688"));
        OrgUnitView unit = tree.newChapter("06688");
        long id = jdbc.sql("SELECT max(id) FROM audit_log WHERE entity_type = 'ORG_UNIT' AND entity_id = :u")
                .param("u", unit.id()).query(Long.class).single();

        assertThatThrownBy(() -> jdbc.sql("UPDATE audit_log SET actor_username = :u WHERE id = :id")
                .param("u", staff.username()).param("id", id).update()).hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.sql("DELETE FROM audit_log WHERE id = :id").param("id", id).update())
                .hasMessageContaining("append-only");
        // TRUNCATE too; inside a transaction that is rolled back in any case, so that a failure cannot wipe the log
        transactions.executeWithoutResult(tx -> {
            tx.setRollbackOnly();
            // the application's role may not truncate at all; an owner would be refused by the trigger
            assertThatThrownBy(() -> jdbc.sql("TRUNCATE audit_log").update())
                    .satisfies(ex -> assertThat(org.springframework.core.NestedExceptionUtils.getMostSpecificCause(ex).getMessage())
                            .matches("(?s).*(append-only|permission denied).*"));
        });
        assertThat(jdbc.sql("SELECT actor_username FROM audit_log WHERE id = :id").param("id", id)
                .query(String.class).single()).isEqualTo("system");
    }

    @Test
    void anEntryIsWrittenOnlyInsideTheTransactionOfItsChange() {
        Staff staff = tree.staffOf(tree.unit("06688"));
        assertThatThrownBy(() -> audit.record(staff, "UPDATE", "ORG_UNIT", 1L, "/1/", null, null))
                .isInstanceOf(IllegalTransactionStateException.class);
    }
}
