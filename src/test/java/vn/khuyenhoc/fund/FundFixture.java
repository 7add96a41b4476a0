package vn.khuyenhoc.fund;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import vn.khuyenhoc.orgunit.OrgUnitView;
import vn.khuyenhoc.shared.Staff;
import vn.khuyenhoc.support.Today;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static vn.khuyenhoc.support.TestTree.as;

/** Recording entries in tests: through the forms users fill in, or straight through the service for set-up. */
@Component
class FundFixture {

    static final DateTimeFormatter DMY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    /** Only the MockMvc contexts have one (the browser tests' context shares this component but not MockMvc). */
    @Autowired
    ObjectProvider<MockMvc> mvc;

    @Autowired
    FundService funds;

    @Autowired
    JdbcClient jdbc;

    static String today() {
        return Today.inVietnam().format(DMY);
    }

    /** The form POST of a new entry, as a browser sends it. */
    MockHttpServletRequestBuilder entryForm(Staff staff, long nodeId, String direction, String category, String amount,
            String date, String counterparty, String people) {
        return post("/units/" + nodeId + "/fund/entries").with(as(staff)).with(csrf())
                .param("direction", direction).param("category", category).param("amount", amount)
                .param("entryDate", date).param("counterparty", counterparty == null ? "" : counterparty)
                .param("peopleReached", people == null ? "" : people).param("note", "");
    }

    /** Records an entry through the form and returns its id (from the redirect to its page). */
    long record(Staff staff, OrgUnitView node, String direction, String category, String amount, String date,
            String counterparty, String people) throws Exception {
        ResultActions result = mvc.getObject().perform(entryForm(staff, node.id(), direction, category, amount, date, counterparty, people));
        return idFromRedirect(result);
    }

    /** Reverses an entry through the form and returns the reversal's id. */
    long reverse(Staff staff, OrgUnitView node, long entryId, String date, String reason) throws Exception {
        return idFromRedirect(mvc.getObject().perform(reverseForm(staff, node.id(), entryId, date, reason)));
    }

    MockHttpServletRequestBuilder reverseForm(Staff staff, long nodeId, long entryId, String date, String reason) {
        return post("/units/" + nodeId + "/fund/entries/" + entryId + "/reverse").with(as(staff)).with(csrf())
                .param("entryDate", date).param("reason", reason);
    }

    /** A receipt straight through the service. */
    FundEntryView receipt(Staff staff, long amount, LocalDate date) {
        return funds.record(staff, new FundEntryCommand(FundDirection.RECEIPT, FundCategory.INDIVIDUAL_DONATION, amount,
                date, "Nhà hảo tâm", null, null));
    }

    /** A scholarship for one student straight through the service. */
    FundEntryView scholarship(Staff staff, long amount, LocalDate date) {
        return funds.record(staff, new FundEntryCommand(FundDirection.DISBURSEMENT,
                FundCategory.SCHOLARSHIP_UNDERPRIVILEGED, amount, date, "Em Trần Thị Hoa, lớp 7A", 1, null));
    }

    long entries(long nodeId) {
        return jdbc.sql("SELECT count(*) FROM fund_entry WHERE node_id = :n").param("n", nodeId).query(Long.class).single();
    }

    long balance(long nodeId) {
        return jdbc.sql("SELECT coalesce(sum(CASE WHEN direction = 'RECEIPT' THEN amount ELSE -amount END), 0) FROM fund_entry WHERE node_id = :n")
                .param("n", nodeId).query(Long.class).single();
    }

    private static long idFromRedirect(ResultActions result) throws Exception {
        String location = result.andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        return Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
    }
}
