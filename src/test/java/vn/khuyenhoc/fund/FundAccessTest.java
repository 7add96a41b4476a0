package vn.khuyenhoc.fund;

import java.util.List;
import java.util.Map;

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
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static vn.khuyenhoc.support.TestTree.as;

/** Who may read and write which fund, that nothing changes or removes an entry, and the audit trail. */
@IntegrationTest
class FundAccessTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    TestTree tree;

    @Autowired
    FundFixture fixture;

    @Autowired
    JdbcClient jdbc;

    @Test
    void otherNodesFundsAndEntriesAnswer404OnEveryEndpoint() throws Exception {
        OrgUnitView own = tree.newChapter("06688");
        Staff secretary = tree.staffOf(own);
        long ownEntry = fixture.receipt(secretary, 2_000_000, Today.inVietnam()).id();

        OrgUnitView sibling = tree.newChapter("06688");                      // another unit of the same commune
        long siblingEntry = fixture.receipt(tree.staffOf(sibling), 1_000_000, Today.inVietnam()).id();
        OrgUnitView otherCommune = tree.unit("06652");                       // another commune of Quảng Ninh
        long communeEntry = fixture.receipt(tree.staffOf(otherCommune), 1_000_000, Today.inVietnam()).id();
        OrgUnitView otherProvince = tree.unit("01");                         // Hà Nội
        long provinceEntry = fixture.receipt(tree.staffOf(otherProvince), 1_000_000, Today.inVietnam()).id();
        Map<OrgUnitView, Long> before = Map.of(own, 1L, sibling, 1L,
                otherCommune, fixture.entries(otherCommune.id()), otherProvince, fixture.entries(otherProvince.id()));

        for (Object[] other : new Object[][] {{sibling, siblingEntry}, {otherCommune, communeEntry},
                {otherProvince, provinceEntry}}) {
            OrgUnitView node = (OrgUnitView) other[0];
            long entry = (Long) other[1];
            for (MockHttpServletRequestBuilder request : everyEndpoint(secretary, node.id(), entry)) {
                mvc.perform(request).andExpect(status().isNotFound());
            }
            // an entry of another fund under one's own node is not found either
            for (MockHttpServletRequestBuilder request : entryEndpoints(secretary, own.id(), entry)) {
                mvc.perform(request).andExpect(status().isNotFound());
            }
        }
        before.forEach((node, count) -> assertThat(fixture.entries(node.id())).as(node.name()).isEqualTo(count));

        // the secretary's own fund answers on every endpoint
        mvc.perform(get("/units/" + own.id() + "/fund").with(as(secretary))).andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"new-receipt\"")));
        for (MockHttpServletRequestBuilder request : entryEndpoints(secretary, own.id(), ownEntry)) {
            mvc.perform(request).andExpect(status().is2xxSuccessful());
        }
    }

    @Test
    void higherLevelsReadTheFundsOfTheirSubtreeButWriteOnlyTheirOwn() throws Exception {
        OrgUnitView chapter = tree.newChapter("06688");
        long entry = fixture.receipt(tree.staffOf(chapter), 3_000_000, Today.inVietnam()).id();
        Staff commune = tree.staffOf(tree.unit("06688"));
        Staff province = tree.staffOf(tree.unit("22"));

        for (Staff reader : List.of(commune, province)) {
            mvc.perform(get("/units/" + chapter.id() + "/fund").with(as(reader))).andExpect(status().isOk())
                    .andExpect(content().string(containsString("3.000.000 ₫")))
                    .andExpect(content().string(containsString("id=\"read-only\"")))
                    .andExpect(content().string(not(containsString("id=\"new-receipt\""))))
                    .andExpect(content().string(not(containsString("data-reverse"))));
            mvc.perform(get("/units/" + chapter.id() + "/fund/entries/" + entry).with(as(reader))).andExpect(status().isOk());
            mvc.perform(get("/units/" + chapter.id() + "/fund/entries/" + entry + "/receipt").with(as(reader)))
                    .andExpect(status().isOk());
            mvc.perform(get("/units/" + chapter.id() + "/fund/verify").with(as(reader))).andExpect(status().isOk());
            mvc.perform(get("/units/" + chapter.id() + "/fund/entries/new").with(as(reader))).andExpect(status().isNotFound());
            mvc.perform(fixture.entryForm(reader, chapter.id(), "RECEIPT", "INDIVIDUAL_DONATION", "100.000",
                    FundFixture.today(), "Ông Vũ Văn Tám", null)).andExpect(status().isNotFound());
            mvc.perform(get("/units/" + chapter.id() + "/fund/entries/" + entry + "/reverse").with(as(reader)))
                    .andExpect(status().isNotFound());
            mvc.perform(fixture.reverseForm(reader, chapter.id(), entry, FundFixture.today(), "Không phải quỹ của mình"))
                    .andExpect(status().isNotFound());
        }
        assertThat(fixture.entries(chapter.id())).isEqualTo(1);
        // the commune records in its own fund
        mvc.perform(get("/units/" + tree.unit("06688").id() + "/fund").with(as(commune))).andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"new-receipt\"")));
        // a province reads its communes' funds, but no other province's
        mvc.perform(get("/units/" + tree.unit("06652").id() + "/fund").with(as(province))).andExpect(status().isOk());
        mvc.perform(get("/units/" + tree.unit("01").id() + "/fund").with(as(province))).andExpect(status().isNotFound());
    }

    @Test
    void noEndpointChangesOrRemovesAnEntry() throws Exception {
        OrgUnitView chapter = tree.newChapter("06688");
        Staff secretary = tree.staffOf(chapter);
        long entry = fixture.receipt(secretary, 1_500_000, Today.inVietnam()).id();
        String before = row(entry);
        String url = "/units/" + chapter.id() + "/fund/entries/" + entry;

        for (MockHttpServletRequestBuilder request : List.of(put(url), patch(url), delete(url), post(url),
                put("/units/" + chapter.id() + "/fund"), delete("/units/" + chapter.id() + "/fund"),
                delete(url + "/reverse"), put(url + "/reverse"), patch(url + "/reverse"))) {
            mvc.perform(request.with(as(secretary)).with(csrf()).param("amount", "1").param("counterparty", "X"))
                    .andExpect(status().isMethodNotAllowed());
        }
        for (String madeUp : List.of("/edit", "/update", "/delete", "/remove", "/amount")) {
            mvc.perform(post(url + madeUp).with(as(secretary)).with(csrf()).param("amount", "1"))
                    .andExpect(result -> assertThat(result.getResponse().getStatus()).isIn(404, 405));
            mvc.perform(get(url + madeUp).with(as(secretary))).andExpect(status().isNotFound());
        }
        assertThat(row(entry)).isEqualTo(before);

        // the database refuses changes whoever connects
        assertThatThrownBy(() -> jdbc.sql("UPDATE fund_entry SET amount = 1 WHERE id = :id").param("id", entry).update())
                .hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.sql("UPDATE fund_entry SET note = 'sửa' WHERE id = :id").param("id", entry).update())
                .hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.sql("DELETE FROM fund_entry WHERE id = :id").param("id", entry).update())
                .hasMessageContaining("append-only");
        // TRUNCATE: the application's role may not at all; the owner is refused by the trigger (FundReceiptTest's owner)
        assertThatThrownBy(() -> jdbc.sql("TRUNCATE fund_entry").update())
                .satisfies(ex -> assertThat(org.springframework.core.NestedExceptionUtils.getMostSpecificCause(ex).getMessage())
                        .matches("(?s).*(append-only|permission denied).*"));
        assertThatThrownBy(() -> jdbc.sql("UPDATE fund_voucher_counter SET last_number = 0 WHERE node_id = :n")
                .param("n", chapter.id()).update()).hasMessageContaining("refused");
        assertThatThrownBy(() -> jdbc.sql("DELETE FROM fund_voucher_counter WHERE node_id = :n")
                .param("n", chapter.id()).update()).hasMessageContaining("refused");
        assertThatThrownBy(() -> jdbc.sql("UPDATE fund SET last_hash = NULL WHERE node_id = :n")
                .param("n", chapter.id()).update()).hasMessageContaining("refused");
        assertThat(row(entry)).isEqualTo(before);
        assertThat(fixture.entries(chapter.id())).isEqualTo(1);
    }

    @Test
    void everyEntryAndReversalIsInTheAuditLog() throws Exception {
        OrgUnitView chapter = tree.newChapter("06688");
        Staff secretary = tree.staffOf(chapter);
        long entry = fixture.record(secretary, chapter, "RECEIPT", "OVERSEAS_VIETNAMESE", "10.000.000",
                FundFixture.today(), "Anh Phạm Minh Tuấn (Việt kiều Úc)", null);
        long reversal = fixture.reverse(secretary, chapter, entry, FundFixture.today(), "Ghi nhầm quỹ");

        List<Map<String, Object>> log = jdbc.sql("""
                SELECT action, entity_id, actor_username, org_unit_path, after_state ->> 'voucherNumber' AS voucher,
                       after_state ->> 'amount' AS amount
                FROM audit_log WHERE entity_type = 'FUND_ENTRY' AND org_unit_path = :path ORDER BY id
                """).param("path", chapter.path()).query().listOfRows();
        assertThat(log).hasSize(2);
        assertThat(log.get(0)).containsEntry("action", "CREATE").containsEntry("entity_id", entry)
                .containsEntry("actor_username", secretary.username()).containsEntry("amount", "10000000");
        assertThat(log.get(1)).containsEntry("action", "REVERSE").containsEntry("entity_id", reversal)
                .containsEntry("amount", "-10000000");
        assertThat((String) log.get(0).get("voucher")).startsWith("PT-");

        Staff national = tree.staffOf(tree.central());
        mvc.perform(get("/audit").param("type", "FUND_ENTRY").with(as(national))).andExpect(status().isOk())
                .andExpect(content().string(containsString("Thu chi quỹ")))
                .andExpect(content().string(containsString("Ghi nhầm quỹ")));
    }

    @Test
    void theNodePageLinksToItsFund() throws Exception {
        OrgUnitView chapter = tree.newChapter("06688");
        mvc.perform(get("/units/" + chapter.id()).with(as(tree.staffOf(chapter)))).andExpect(status().isOk())
                .andExpect(content().string(containsString("href=\"/units/" + chapter.id() + "/fund\"")))
                .andExpect(content().string(containsString("Quỹ khuyến học")));
    }

    /** Every endpoint of a node's fund, with an entry of that fund. */
    private List<MockHttpServletRequestBuilder> everyEndpoint(Staff staff, long nodeId, long entryId) {
        List<MockHttpServletRequestBuilder> all = new java.util.ArrayList<>(List.of(
                get("/units/" + nodeId + "/fund").with(as(staff)),
                get("/units/" + nodeId + "/fund/verify").with(as(staff)),
                get("/units/" + nodeId + "/fund/entries/new").with(as(staff)),
                fixture.entryForm(staff, nodeId, "RECEIPT", "INDIVIDUAL_DONATION", "100.000", FundFixture.today(),
                        "Ông Vũ Văn Tám", null)));
        all.addAll(entryEndpoints(staff, nodeId, entryId));
        all.add(fixture.reverseForm(staff, nodeId, entryId, FundFixture.today(), "Thử ghi đảo quỹ của người khác"));
        return all;
    }

    /** The read-only endpoints of one entry. */
    private List<MockHttpServletRequestBuilder> entryEndpoints(Staff staff, long nodeId, long entryId) {
        String url = "/units/" + nodeId + "/fund/entries/" + entryId;
        return List.of(get(url).with(as(staff)), get(url + "/receipt").with(as(staff)), get(url + "/reverse").with(as(staff)));
    }

    private String row(long entryId) {
        return jdbc.sql("SELECT row_to_json(e)::text FROM fund_entry e WHERE id = :id").param("id", entryId)
                .query(String.class).single();
    }
}
