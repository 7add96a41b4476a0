package vn.khuyenhoc.reporting;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import vn.khuyenhoc.orgunit.OrgUnitView;
import vn.khuyenhoc.rollup.RollupService;
import vn.khuyenhoc.shared.Staff;
import vn.khuyenhoc.shared.VietnamTime;
import vn.khuyenhoc.support.IntegrationTest;
import vn.khuyenhoc.support.TestTree;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static vn.khuyenhoc.support.TestTree.as;

/**
 * The whole yearly cycle through the pages against the real database: a commune submits (its figures kept equal to
 * its dashboard's, its records locked by the database whoever connects), its province approves in bulk or returns
 * with a reason, the province submits once every commune is approved, the national board accepts and can then close
 * the year.
 */
@IntegrationTest
class ReportingCycleTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    TestTree tree;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    DataSource dataSource;

    @Autowired
    RollupService rollups;

    @Autowired
    ReportingService reports;

    @Autowired
    Clock clock;

    int year;
    OrgUnitView province;
    OrgUnitView commune;
    OrgUnitView chapter;
    Staff national;
    Staff provinceStaff;
    Staff communeStaff;
    Staff secretary;
    /** The history is append-only and shared by the tests: each looks at what it added. */
    long eventsBefore;

    @BeforeEach
    void setUp() {
        eventsBefore = jdbc.sql("SELECT coalesce(max(id), 0) FROM annual_report_event").query(Long.class).single();
        year = reports.currentYear();
        province = tree.unit("22");
        commune = tree.unit("06688");
        chapter = tree.newChapter("06688");
        national = tree.staffOf(tree.central());
        provinceStaff = tree.staffOf(province);
        communeStaff = tree.staffOf(commune);
        secretary = tree.staffOf(chapter);
    }

    @Test
    void aCommuneSubmitsItsFiguresAreKeptAndItsRecordsLockForEveryone() throws Exception {
        addMember("Nguyễn Văn An", LocalDate.of(year, 1, 2)).andExpect(status().is3xxRedirection());
        assertThat(state(commune)).isEqualTo("IN_PROGRESS"); // a record of the year changed

        submit(communeStaff, commune, version(commune)).andExpect(redirectedUrl(reportUrl(commune)));
        assertThat(state(commune)).isEqualTo("SUBMITTED");

        // the figures kept are the dashboard's at submission, figure by figure
        Map<String, Object> dashboard = ReportingService.snapshot(commune,
                rollups.dashboard(communeStaff.scope(), commune.id(), year, 8, false).total());
        Map<String, Object> kept = reports.report(communeStaff.scope(), commune.id(), year).figures();
        assertThat(kept.keySet()).isEqualTo(dashboard.keySet()).contains("members");
        dashboard.forEach((key, value) -> assertThat(FigureLines.same(kept.get(key), value)).as(key).isTrue());
        mvc.perform(get(reportUrl(commune)).with(as(communeStaff)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"figures\"")))
                .andExpect(content().string(not(containsString("id=\"figures-differ\""))));

        // the chapter's form for that year refuses, in words
        addMember("Trần Thị Bình", LocalDate.of(year, 1, 3))
                .andExpect(status().isOk())
                .andExpect(model().attributeHasFieldErrors("form", "joinedOn"))
                .andExpect(content().string(containsString("đã được nộp ngày")))
                .andExpect(content().string(containsString("Hãy đề nghị xã/phường")));
        assertThat(members(chapter)).isEqualTo(1);
        // ... and a year not reported on stays open
        addMember("Lê Văn Cường", LocalDate.of(year - 1, 6, 1)).andExpect(status().is3xxRedirection());

        // the database refuses whoever connects: members, registrations, fund entries, populations of the year
        assertLocked("INSERT INTO member (unit_id, card_number, full_name, gender, birth_year, address, joined_on) "
                + "VALUES (" + chapter.id() + ", '22-99999901', 'Người Ngoài', 'MALE', 1980, 'Khu 1', '" + year + "-02-01')");
        assertLocked("INSERT INTO title_registration (node_id, year, kind, subject_name, address, household_size, created_by) "
                + "VALUES (" + chapter.id() + ", " + year + ", 'FAMILY', 'Hộ Ngoài', 'Tổ 9', 4, 'psql')");
        assertLocked("INSERT INTO fund_entry (node_id, entry_date, direction, category, amount, recorded_by) "
                + "VALUES (" + commune.id() + ", '" + year + "-01-05', 'RECEIPT', 'INDIVIDUAL_DONATION', 100000, 'psql')");
        assertLocked("INSERT INTO node_population (node_id, year, population, updated_by) VALUES ("
                + commune.id() + ", " + year + ", 12345, 'psql') ON CONFLICT (node_id, year) DO UPDATE SET population = 12346");
        assertLocked("UPDATE member SET status = 'LEFT', status_changed_on = '" + year + "-03-01' WHERE unit_id = "
                + chapter.id() + " AND joined_on >= '" + year + "-01-01'");
        // the same function other record tables call
        assertThatThrownBy(() -> jdbc.sql("SELECT require_unlocked(:path, :year)").param("path", chapter.path())
                .param("year", year).query(Object.class).single()).hasMessageContaining("report_locked");
        jdbc.sql("SELECT require_unlocked(:path, :year)").param("path", chapter.path()).param("year", year - 1)
                .query(Object.class).single();

        // every change of state audited and kept in the history
        assertThat(jdbc.sql("SELECT count(*) FROM audit_log WHERE entity_type = 'ANNUAL_REPORT' AND entity_id = :id "
                + "AND action = 'SUBMIT' AND actor_username = :who").param("id", commune.id())
                .param("who", communeStaff.username()).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void theProvinceApprovesInBulkReturnsWithAReasonAndTheNationalBoardAccepts() throws Exception {
        addMember("Nguyễn Văn An", LocalDate.of(year, 1, 2));
        submit(communeStaff, commune, version(commune));
        OrgUnitView other = otherCommune();
        Staff otherStaff = tree.staffOf(other);
        submit(otherStaff, other, version(other)).andExpect(status().is3xxRedirection());

        // the province sees what waits for it on its home page
        mvc.perform(get("/units/" + province.id()).with(as(provinceStaff)))
                .andExpect(content().string(containsString("2 xã/phường đang chờ bạn duyệt báo cáo năm " + year)));

        // the list with checkboxes and key figures, then a confirmation, then approval of both
        mvc.perform(get("/units/" + province.id() + "/reporting").with(as(provinceStaff)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"approve-" + commune.id() + "\"")))
                .andExpect(content().string(containsString("id=\"approve-" + other.id() + "\"")));
        String[] ids = {commune.id() + ":" + version(commune), other.id() + ":" + version(other)};
        mvc.perform(post("/units/" + province.id() + "/reporting/approve").with(as(provinceStaff)).with(csrf())
                        .param("year", "" + year).param("ids", ids))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"confirm-approve\"")));
        assertThat(state(commune)).isEqualTo("SUBMITTED");
        mvc.perform(post("/units/" + province.id() + "/reporting/approve").with(as(provinceStaff)).with(csrf())
                        .param("year", "" + year).param("ids", ids).param("confirmed", "true"))
                .andExpect(redirectedUrl("/units/" + province.id() + "/reporting?year=" + year));
        assertThat(state(commune)).isEqualTo("APPROVED");
        assertThat(state(other)).isEqualTo("APPROVED");

        // the province cannot submit while other communes are not approved
        mvc.perform(post("/units/" + province.id() + "/report/submit").with(as(provinceStaff)).with(csrf())
                        .param("year", "" + year).param("version", "" + version(province)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("chưa được duyệt")));
        approveAllOtherCommunes();
        submit(provinceStaff, province, version(province)).andExpect(status().is3xxRedirection());
        assertThat(state(province)).isEqualTo("SUBMITTED");

        // returning an approved commune: no reason refused, then with a reason; the province goes back to in progress
        mvc.perform(post("/units/" + commune.id() + "/report/return").with(as(provinceStaff)).with(csrf())
                        .param("year", "" + year).param("version", "" + version(commune)).param("reason", "  "))
                .andExpect(status().isOk())
                .andExpect(model().attributeHasFieldErrors("action", "reason"));
        assertThat(state(commune)).isEqualTo("APPROVED");
        mvc.perform(post("/units/" + commune.id() + "/report/return").with(as(provinceStaff)).with(csrf())
                        .param("year", "" + year).param("version", "" + version(commune))
                        .param("reason", "Thiếu số liệu quỹ tháng 12"))
                .andExpect(redirectedUrl(reportUrl(commune)));
        assertThat(state(commune)).isEqualTo("RETURNED");
        assertThat(state(province)).isEqualTo("IN_PROGRESS");
        // the commune sees why, and its records are open again: the new member shows as a difference
        mvc.perform(get("/units/" + commune.id()).with(as(communeStaff)))
                .andExpect(content().string(containsString("Thiếu số liệu quỹ tháng 12")));
        addMember("Phạm Thị Dung", LocalDate.of(year, 2, 1)).andExpect(status().is3xxRedirection());
        mvc.perform(get(reportUrl(commune)).with(as(communeStaff)))
                .andExpect(content().string(containsString("id=\"figures-differ\"")));
        assertThat(jdbc.sql("SELECT array_agg(action ORDER BY id)::text FROM annual_report_event WHERE node_id = :n AND year = :y AND id > :e")
                .param("n", commune.id()).param("y", year).param("e", eventsBefore).query(String.class).single())
                .isEqualTo("{SUBMIT,APPROVE,RETURN}");

        // resubmitted, approved, the province submits, the national board accepts; the year can close
        submit(communeStaff, commune, version(commune));
        mvc.perform(post("/units/" + commune.id() + "/report/approve").with(as(provinceStaff)).with(csrf())
                .param("year", "" + year).param("version", "" + version(commune))).andExpect(status().is3xxRedirection());
        submit(provinceStaff, province, version(province)).andExpect(status().is3xxRedirection());
        mvc.perform(get("/units/" + tree.central().id()).with(as(national)))
                .andExpect(content().string(containsString("đang chờ Trung ương chấp nhận báo cáo năm " + year)));
        mvc.perform(post("/units/" + province.id() + "/report/approve").with(as(national)).with(csrf())
                .param("year", "" + year).param("version", "" + version(province))).andExpect(status().is3xxRedirection());
        assertThat(state(province)).isEqualTo("APPROVED");
        // closing needs every province accepted
        mvc.perform(post("/years/close").with(as(national)).with(csrf()).param("year", "" + year))
                .andExpect(model().attributeHasFieldErrors("closeForm", "year"))
                .andExpect(content().string(containsString("chưa được chấp nhận")));
        jdbc.sql("""
                INSERT INTO annual_report (node_id, year, state, submitted_at, submitted_by, figures)
                SELECT id, :year, 'APPROVED', now(), 'test', '{}' FROM org_unit WHERE level = 1 AND active AND id <> :p
                """).param("year", year).param("p", province.id()).update();
        mvc.perform(post("/years/close").with(as(national)).with(csrf()).param("year", "" + year))
                .andExpect(redirectedUrl("/years"));
        // an accepted province's communes are not returned by the province any more
        jdbc.sql("DELETE FROM closed_year").update();
        mvc.perform(post("/units/" + commune.id() + "/report/return").with(as(provinceStaff)).with(csrf())
                        .param("year", "" + year).param("version", "" + version(commune)).param("reason", "Sửa"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Trung ương Hội đã chấp nhận")));
        assertThat(state(commune)).isEqualTo("APPROVED");
    }

    @Test
    void twoStaffActingAtOnceOneWinsAndTheOtherIsTold() throws Exception {
        submit(communeStaff, commune, version(commune));
        long seen = version(commune);
        Staff colleague = tree.staffOf(province);
        mvc.perform(post("/units/" + commune.id() + "/report/approve").with(as(provinceStaff)).with(csrf())
                .param("year", "" + year).param("version", "" + seen)).andExpect(status().is3xxRedirection());
        mvc.perform(post("/units/" + commune.id() + "/report/return").with(as(colleague)).with(csrf())
                        .param("year", "" + year).param("version", "" + seen).param("reason", "Sai số liệu"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Người khác vừa xử lý báo cáo")))
                .andExpect(content().string(containsString("Đã duyệt")));
        assertThat(state(commune)).isEqualTo("APPROVED");
        // a bulk approval of a list that changed meanwhile approves nothing
        OrgUnitView other = otherCommune();
        submit(tree.staffOf(other), other, version(other));
        long otherSeen = version(other);
        jdbc.sql("UPDATE annual_report SET version = version + 1 WHERE node_id = :n AND year = :y")
                .param("n", other.id()).param("y", year).update();
        mvc.perform(post("/units/" + province.id() + "/reporting/approve").with(as(provinceStaff)).with(csrf())
                        .param("year", "" + year).param("ids", other.id() + ":" + otherSeen).param("confirmed", "true"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Người khác vừa xử lý")));
        assertThat(state(other)).isEqualTo("SUBMITTED");
    }

    @Test
    void theDeadlineDecidesOnTimeAndBadInputChangesNothing() throws Exception {
        String url = "/units/" + province.id() + "/reporting/deadline";
        mvc.perform(post(url).with(as(provinceStaff)).with(csrf()).param("year", "" + year)
                        .param("deadline", (year - 1) + "-12-31").param("version", "0"))
                .andExpect(status().isOk())
                .andExpect(model().attributeHasFieldErrors("deadlineForm", "deadline"))
                .andExpect(content().string(containsString("trước khi năm " + year + " bắt đầu")));
        for (String bad : List.of("abc", "31/02/" + year, "99999999999999999999", "1e400", "")) {
            mvc.perform(post(url).with(as(provinceStaff)).with(csrf()).param("year", "" + year)
                            .param("deadline", bad).param("version", "0"))
                    .andExpect(status().isOk())
                    .andExpect(model().attributeHasFieldErrors("deadlineForm", "deadline"));
        }
        mvc.perform(post(url).with(as(provinceStaff)).with(csrf()).param("year", "abc")
                        .param("deadline", year + "-12-01").param("version", "x"))
                .andExpect(status().isOk())
                .andExpect(model().attributeHasFieldErrors("deadlineForm", "year", "version"));
        assertThat(jdbc.sql("SELECT count(*) FROM report_deadline").query(Long.class).single()).isZero();
        assertThat(reports.deadlineOf(province.id(), 1, year)).isEqualTo(LocalDate.of(year, 12, 5));

        // a deadline already past: the commune submitting now is late; another with a later deadline is on time
        mvc.perform(post(url).with(as(provinceStaff)).with(csrf()).param("year", "" + year)
                .param("deadline", "01/01/" + year).param("version", "0")).andExpect(status().is3xxRedirection());
        submit(communeStaff, commune, version(commune));
        ReportView late = reports.report(communeStaff.scope(), commune.id(), year);
        assertThat(late.onTime()).isEqualTo(!LocalDate.of(year, 1, 1).isBefore(VietnamTime.today(clock)));
        mvc.perform(post(url).with(as(provinceStaff)).with(csrf()).param("year", "" + year)
                .param("deadline", (year + 1) + "-01-31").param("version", "1")).andExpect(status().is3xxRedirection());
        assertThat(reports.report(communeStaff.scope(), commune.id(), year).onTime()).isTrue();
        // someone else's change meanwhile
        mvc.perform(post(url).with(as(provinceStaff)).with(csrf()).param("year", "" + year)
                        .param("deadline", year + "-12-10").param("version", "1"))
                .andExpect(status().isOk())
                .andExpect(model().attributeHasFieldErrors("deadlineForm", "deadline"));
        // a commune sets no deadline, a province sets none for the country
        mvc.perform(post("/units/" + tree.central().id() + "/reporting/deadline").with(as(provinceStaff)).with(csrf())
                .param("year", "" + year).param("deadline", year + "-12-10").param("version", "0"))
                .andExpect(status().isNotFound());
        // (commune staff never set a deadline: refused as a role, before the id is looked up)
        mvc.perform(post("/units/" + commune.id() + "/reporting/deadline").with(as(communeStaff)).with(csrf())
                .param("year", "" + year).param("deadline", year + "-12-10").param("version", "0"))
                .andExpect(status().isForbidden());
    }

    @Test
    void badInputGetsAFieldMessageAndChangesNothing() throws Exception {
        mvc.perform(get("/units/" + province.id() + "/reporting").with(as(provinceStaff)).param("state", "DONE_AND_DUSTED"))
                .andExpect(status().isOk())
                .andExpect(model().attributeHasFieldErrors("filter", "state"));
        mvc.perform(get("/units/" + province.id() + "/reporting").with(as(provinceStaff)).param("year", "99999999999999999999"))
                .andExpect(status().isOk())
                .andExpect(model().attributeHasFieldErrors("filter", "year"));
        mvc.perform(get(reportUrl(commune)).with(as(communeStaff)).param("year", "1e400"))
                .andExpect(status().isOk())
                .andExpect(model().attributeHasFieldErrors("filter", "year"));
        mvc.perform(post("/units/" + commune.id() + "/report/submit").with(as(communeStaff)).with(csrf())
                        .param("year", "abc").param("version", "99999999999999999999"))
                .andExpect(status().isOk())
                .andExpect(model().attributeHasFieldErrors("action", "year", "version"));
        mvc.perform(post("/units/" + province.id() + "/reporting/approve").with(as(provinceStaff)).with(csrf())
                        .param("year", "" + year).param("ids", "1; DROP TABLE member").param("confirmed", "true"))
                .andExpect(status().isOk())
                .andExpect(model().attributeHasFieldErrors("bulk", "ids"));
        mvc.perform(post("/units/" + province.id() + "/reporting/approve").with(as(provinceStaff)).with(csrf())
                        .param("year", "" + year).param("confirmed", "true"))
                .andExpect(status().isOk())
                .andExpect(model().attributeHasFieldErrors("bulk", "ids"));
        // approving a report that was never submitted
        mvc.perform(post("/units/" + commune.id() + "/report/approve").with(as(provinceStaff)).with(csrf())
                        .param("year", "" + year).param("version", "" + version(commune)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("không ở trạng thái chờ duyệt")));
        assertThat(jdbc.sql("SELECT count(*) FROM annual_report WHERE state <> 'IN_PROGRESS'").query(Long.class).single())
                .isZero();
        assertThat(jdbc.sql("SELECT count(*) FROM annual_report_event WHERE id > :e").param("e", eventsBefore)
                .query(Long.class).single()).isZero();
    }

    // ---- helpers

    org.springframework.test.web.servlet.ResultActions addMember(String name, LocalDate joined) throws Exception {
        return mvc.perform(post("/units/" + chapter.id() + "/members").with(as(secretary)).with(csrf())
                .param("fullName", name).param("gender", "MALE").param("birth", "1975")
                .param("address", "Tổ 3, Khu 1").param("joinedOn", joined.toString()));
    }

    org.springframework.test.web.servlet.ResultActions submit(Staff staff, OrgUnitView node, long version)
            throws Exception {
        return mvc.perform(post("/units/" + node.id() + "/report/submit").with(as(staff)).with(csrf())
                .param("year", "" + year).param("version", "" + version));
    }

    String reportUrl(OrgUnitView node) {
        return "/units/" + node.id() + "/report?year=" + year;
    }

    String state(OrgUnitView node) {
        return jdbc.sql("SELECT coalesce(max(state), 'NOT_STARTED') FROM annual_report WHERE node_id = :n AND year = :y")
                .param("n", node.id()).param("y", year).query(String.class).single();
    }

    long version(OrgUnitView node) {
        return jdbc.sql("SELECT coalesce(max(version), 0) FROM annual_report WHERE node_id = :n AND year = :y")
                .param("n", node.id()).param("y", year).query(Long.class).single();
    }

    long members(OrgUnitView unit) {
        return jdbc.sql("SELECT count(*) FROM member WHERE unit_id = :u").param("u", unit.id()).query(Long.class).single();
    }

    OrgUnitView otherCommune() {
        long id = jdbc.sql("SELECT min(id) FROM org_unit WHERE parent_id = :p AND level = 2 AND active AND id <> :c")
                .param("p", province.id()).param("c", commune.id()).query(Long.class).single();
        String code = jdbc.sql("SELECT code FROM org_unit WHERE id = :id").param("id", id).query(String.class).single();
        return tree.unit(code);
    }

    void approveAllOtherCommunes() {
        jdbc.sql("""
                INSERT INTO annual_report (node_id, year, state, submitted_at, submitted_by, figures)
                SELECT id, :year, 'APPROVED', now(), 'test', '{}' FROM org_unit
                WHERE parent_id = :p AND level = 2 AND active
                ON CONFLICT (node_id, year) DO NOTHING
                """).param("year", year).param("p", province.id()).update();
    }

    /** A statement over a plain JDBC connection (no application in between) is refused with the lock's SQLSTATE. */
    void assertLocked(String sql) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            connection.setAutoCommit(true);
            assertThatThrownBy(() -> statement.executeUpdate(sql))
                    .isInstanceOfSatisfying(SQLException.class, ex -> assertThat(ex.getSQLState()).isEqualTo("KH120"))
                    .hasMessageContaining("report_locked");
        }
    }
}
