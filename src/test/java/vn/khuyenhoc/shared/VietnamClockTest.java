package vn.khuyenhoc.shared;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.TimeZone;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import vn.khuyenhoc.orgunit.OrgUnitView;
import vn.khuyenhoc.support.IntegrationTest;
import vn.khuyenhoc.support.TestTree;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static vn.khuyenhoc.support.TestTree.as;

/**
 * The date rules on a server whose zone is UTC, at the hours when Viet Nam's date is not the server's: the
 * application's clock is fixed (a {@code @Primary} clock of this test's configuration) and the JVM's default zone
 * set to UTC. At 23:30 on New Year's Eve in Viet Nam (16:30 UTC) both agree on the date; at 00:30 on New Year's Day
 * in Viet Nam (17:30 UTC on New Year's Eve) a decision, a member or a fund entry dated today in Viet Nam must be
 * accepted, and the default year must be Viet Nam's new year.
 */
@IntegrationTest
class VietnamClockTest {

    private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");
    private static TimeZone serverZone;

    @TestConfiguration
    static class FixedClock {

        @Bean
        @Primary
        SettableClock settableClock() {
            return new SettableClock();
        }
    }

    /** A clock the test sets to the moment it needs; in Viet Nam's zone, as the application's own. */
    static final class SettableClock extends Clock {

        private volatile Instant now = Instant.now();

        void set(ZonedDateTime moment) {
            now = moment.toInstant();
        }

        @Override
        public ZoneId getZone() {
            return VIETNAM;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return Clock.fixed(now, zone);
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    @Autowired
    SettableClock clock;

    @Autowired
    MockMvc mvc;

    @Autowired
    TestTree tree;

    @Autowired
    JdbcClient jdbc;

    @BeforeAll
    static void serverInUtc() {
        serverZone = TimeZone.getDefault();
        TimeZone.setDefault(TimeZone.getTimeZone("UTC"));
    }

    @AfterAll
    static void serverZoneBack() {
        TimeZone.setDefault(serverZone);
    }

    @AfterEach
    void clockBack() {
        clock.set(ZonedDateTime.now(VIETNAM));
    }

    @Test
    void justAfterMidnightInVietNamTodayAndThisYearAreVietNams() throws Exception {
        // 00:30 on 1 January 2027 in Viet Nam is 17:30 on 31 December 2026 on the server
        clock.set(ZonedDateTime.of(2027, 1, 1, 0, 30, 0, 0, VIETNAM));
        assertThat(java.time.ZoneId.systemDefault().getId()).isEqualTo("UTC"); // the server's own zone
        rulesAcceptTodayInVietNam(LocalDate.of(2027, 1, 1));
    }

    @Test
    void at2330InVietNamTodayIsStillVietNamsToday() throws Exception {
        clock.set(ZonedDateTime.of(2026, 12, 31, 23, 30, 0, 0, VIETNAM));
        rulesAcceptTodayInVietNam(LocalDate.of(2026, 12, 31));
    }

    private void rulesAcceptTodayInVietNam(LocalDate today) throws Exception {
        int year = today.getYear();
        OrgUnitView commune = tree.unit("06688");
        OrgUnitView chapter = tree.newChapter("06688");
        Staff secretary = tree.staffOf(chapter);
        Staff communeStaff = tree.staffOf(commune);

        // the default year of the lists is Viet Nam's
        Object filter = mvc.perform(get("/units/" + chapter.id() + "/registrations").with(as(secretary)))
                .andExpect(status().isOk()).andReturn().getModelAndView().getModel().get("filter");
        var yearOfFilter = filter.getClass().getDeclaredMethod("year");
        yearOfFilter.setAccessible(true);
        assertThat(yearOfFilter.invoke(filter)).isEqualTo(year);

        // a member who joined today in Viet Nam
        perform(post("/units/" + chapter.id() + "/members"), secretary, "fullName", "Nguyễn Văn Hôm Nay",
                "gender", "MALE", "birth", "1970", "ethnicity", "1", "partyMember", "false", "phone", "",
                "address", "Tổ 1", "joinedOn", today.toString())
                .andExpect(status().is3xxRedirection());

        // a registration of this year, recognised by a decision dated today in Viet Nam
        String head = "Lê Văn Đồng Hồ " + UUID.randomUUID().toString().substring(0, 8);
        perform(post("/units/" + chapter.id() + "/registrations"), secretary, "kind", "FAMILY",
                "year", String.valueOf(year), "subjectName", head, "address", "Tổ 2", "householdSize", "4")
                .andExpect(status().is3xxRedirection());
        long registration = jdbc.sql("SELECT id FROM title_registration WHERE subject_name = :h").param("h", head)
                .query(Long.class).single();
        perform(post("/registrations/" + registration + "/evaluation"), communeStaff, "result", "RECOGNISED",
                "decisionNumber", "1/QĐ-KH", "decisionDate", today.toString(), "version", "0")
                .andExpect(status().is3xxRedirection());
        assertThat(jdbc.sql("SELECT decision_date FROM title_registration WHERE id = :id").param("id", registration)
                .query(LocalDate.class).single()).isEqualTo(today);

        // a fund entry dated today in Viet Nam, which is also the form's default date
        mvc.perform(get("/units/" + chapter.id() + "/fund/entries/new").with(as(secretary)))
                .andExpect(model().attribute("today", today));
        perform(post("/units/" + chapter.id() + "/fund/entries"), secretary, "direction", "RECEIPT",
                "category", "INDIVIDUAL_DONATION", "amount", "500.000", "entryDate", today.toString(),
                "counterparty", "Bà Trần Thị Sáng", "note", "")
                .andExpect(status().is3xxRedirection());
    }

    private org.springframework.test.web.servlet.ResultActions perform(MockHttpServletRequestBuilder request,
            Staff staff, String... params) throws Exception {
        request.with(as(staff)).with(csrf());
        for (int i = 0; i < params.length; i += 2) {
            request.param(params[i], params[i + 1]);
        }
        return mvc.perform(request);
    }
}
