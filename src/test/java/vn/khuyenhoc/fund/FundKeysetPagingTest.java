package vn.khuyenhoc.fund;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import vn.khuyenhoc.orgunit.OrgUnitView;
import vn.khuyenhoc.shared.KeysetPage;
import vn.khuyenhoc.shared.Staff;
import vn.khuyenhoc.support.IntegrationTest;
import vn.khuyenhoc.support.OrderedPlans;
import vn.khuyenhoc.support.TestTree;
import vn.khuyenhoc.support.Today;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static vn.khuyenhoc.support.TestTree.as;

/**
 * A fund's entries page by keyset (issue 18), as the member list does: newest first, walking the "next page" links
 * gives every entry of the year once, also among the many entries of one day; the "previous page" links give the
 * same pages back; the direction, category and date filters hold across pages; a link naming an entry of another
 * fund or another year, or no entry at all, shows the first page and says so.
 */
@IntegrationTest
class FundKeysetPagingTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    TestTree tree;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    OrderedPlans plans;


    int year;
    OrgUnitView chapter;
    OrgUnitView neighbour;
    String url;

    @BeforeEach
    void entries() {
        year = Today.inVietnam().getYear();
        chapter = tree.newChapter("06688");
        neighbour = tree.newChapter("06688");
        url = "/units/" + chapter.id() + "/fund";
        // 45 receipts on five days of this year (nine a day), then 6 scholarships, and 10 receipts of last year
        receipts(chapter, year, 45);
        jdbc.sql("""
                INSERT INTO fund_entry (node_id, entry_date, direction, category, amount, counterparty, people_reached,
                                        recorded_by)
                SELECT :n, make_date(:y, 1, 1) + i % 5, 'DISBURSEMENT', 'SCHOLARSHIP_UNDERPRIVILEGED', 10000,
                       'Em ' || i, 1, 'test'
                FROM generate_series(1, 6) i
                """).param("n", chapter.id()).param("y", year).update();
        receipts(chapter, year - 1, 10);
        receipts(neighbour, year, 5);
    }

    private void receipts(OrgUnitView unit, int y, int count) {
        jdbc.sql("""
                INSERT INTO fund_entry (node_id, entry_date, direction, category, amount, counterparty, recorded_by)
                SELECT :n, make_date(:y, 1, 1) + i % 5, 'RECEIPT',
                       (ARRAY['INDIVIDUAL_DONATION', 'BUSINESS_DONATION'])[1 + i % 2], 100000 * i, 'Nhà hảo tâm', 'test'
                FROM generate_series(1, :count) i
                """).param("n", unit.id()).param("y", y).param("count", count).update();
    }

    @Test
    void walkingForwardAndBackGivesEveryEntryOfTheYearOnceNewestFirst() throws Exception {
        Staff secretary = tree.staffOf(chapter);
        List<Long> expected = ids(chapter, year, "TRUE");
        assertThat(expected).hasSize(51);
        List<KeysetPage<FundEntryView>> pages = walk(secretary, "year", String.valueOf(year));
        assertThat(pages).hasSize(3);
        assertThat(flatten(pages)).containsExactlyElementsOf(expected);
        assertThat(pages.get(0).total()).isEqualTo(51);
        assertThat(pages.get(0).totalCapped()).isFalse();
        for (int i = pages.size() - 1; i > 0; i--) {
            KeysetPage<FundEntryView> previous = page(secretary, "year", String.valueOf(year), "before",
                    String.valueOf(pages.get(i).firstId()));
            assertThat(ids(previous)).containsExactlyElementsOf(ids(pages.get(i - 1)));
            assertThat(previous.hasPrevious()).isEqualTo(i > 1);
        }
        // last year's list is its own
        assertThat(flatten(walk(secretary, "year", String.valueOf(year - 1))))
                .containsExactlyElementsOf(ids(chapter, year - 1, "TRUE"));
        // the commune reads the unit's fund, paged the same way
        assertThat(flatten(walk(tree.staffOf(tree.unit("06688")), "year", String.valueOf(year))))
                .containsExactlyElementsOf(expected);

        String html = html(secretary, "year", String.valueOf(year), "after", String.valueOf(pages.get(0).lastId()));
        assertThat(html).contains("before=" + pages.get(1).firstId()).contains("after=" + pages.get(1).lastId())
                .contains("Có 51 khoản thu chi.").doesNotContain("page=");
    }

    @Test
    void filtersHoldAcrossPages() throws Exception {
        Staff secretary = tree.staffOf(chapter);
        String y = String.valueOf(year);
        assertThat(flatten(walk(secretary, "year", y, "direction", "RECEIPT")))
                .containsExactlyElementsOf(ids(chapter, year, "e.direction = 'RECEIPT'")).hasSize(45);
        assertThat(flatten(walk(secretary, "year", y, "category", "INDIVIDUAL_DONATION")))
                .containsExactlyElementsOf(ids(chapter, year, "e.category = 'INDIVIDUAL_DONATION'"));
        String from = year + "-01-02";
        String to = year + "-01-04";
        List<KeysetPage<FundEntryView>> dated = walk(secretary, "year", y, "from", from, "to", to, "direction", "RECEIPT");
        List<Long> expected = ids(chapter, year, "e.direction = 'RECEIPT' AND e.entry_date BETWEEN DATE '" + from
                + "' AND DATE '" + to + "'");
        assertThat(flatten(dated)).containsExactlyElementsOf(expected);
        assertThat(dated.get(0).total()).isEqualTo(expected.size());
    }

    @Test
    void aLinkNamingAnEntryOutsideTheListShowsTheFirstPage() throws Exception {
        Staff secretary = tree.staffOf(chapter);
        String y = String.valueOf(year);
        List<Long> first = ids(page(secretary, "year", y));
        long neighbours = ids(neighbour, year, "TRUE").get(0);
        long lastYears = ids(chapter, year - 1, "TRUE").get(0);
        for (String[] tampered : List.of(new String[] {"after", "abc"}, new String[] {"before", "-1"},
                new String[] {"after", "99999999999999999999999"}, new String[] {"after", String.valueOf(neighbours)},
                new String[] {"before", String.valueOf(neighbours)}, new String[] {"after", String.valueOf(lastYears)},
                new String[] {"after", "0"})) {
            KeysetPage<FundEntryView> page = page(secretary, "year", y, tampered[0], tampered[1]);
            assertThat(ids(page)).as(String.join("=", tampered)).containsExactlyElementsOf(first);
            assertThat(page.hasPrevious()).isFalse();
        }
        assertThat(html(secretary, "year", y, "after", String.valueOf(neighbours))).contains("id=\"list-restarted\"");
        // another commune's staff: 404, whatever the link
        Staff stranger = tree.staffOf(tree.unit("06685"));
        mvc.perform(get(url).param("after", String.valueOf(neighbours)).with(as(stranger)))
                .andExpect(status().isNotFound());
    }

    @Test
    void aPageIsOneRangeOfTheFundsDateIndex() {
        // with sorting off, a plan that reads an index in the list's order is the only one that avoids it: the page
        // after an entry starts in fund_entry_node_date_idx at that entry's date and id, and ends with the year
        String plan = plans.of("""
                SELECT e.id FROM fund_entry e
                WHERE e.node_id = :n AND e.year = :y
                  AND e.entry_date BETWEEN make_date(:y, 1, 1) AND make_date(:y, 12, 31)
                  AND (e.entry_date, e.id) < (make_date(:y, 1, 3), 1000000)
                ORDER BY e.entry_date DESC, e.id DESC LIMIT 21
                """, Map.of("n", chapter.id(), "y", year));
        assertThat(plan).contains("fund_entry_node_date_idx").contains("Index Cond").doesNotContain("Sort");
    }

    /** A fund's entries of a year (a condition on e), newest first. */
    private List<Long> ids(OrgUnitView unit, int y, String where) {
        return jdbc.sql("SELECT e.id FROM fund_entry e WHERE e.node_id = :n AND e.year = :y AND " + where
                + " ORDER BY e.entry_date DESC, e.id DESC").param("n", unit.id()).param("y", y).query(Long.class).list();
    }

    private static List<Long> ids(KeysetPage<FundEntryView> page) {
        return page.rows().stream().map(FundEntryView::id).toList();
    }

    private static List<Long> flatten(List<KeysetPage<FundEntryView>> pages) {
        return pages.stream().flatMap(p -> ids(p).stream()).toList();
    }

    private List<KeysetPage<FundEntryView>> walk(Staff staff, String... params) throws Exception {
        List<KeysetPage<FundEntryView>> pages = new ArrayList<>();
        KeysetPage<FundEntryView> page = page(staff, params);
        pages.add(page);
        while (page.hasNext()) {
            assertThat(pages).hasSizeLessThan(20);
            assertThat(page.rows()).hasSize(FundService.PAGE_SIZE);
            List<String> next = new ArrayList<>(List.of(params));
            next.add("after");
            next.add(String.valueOf(page.lastId()));
            page = page(staff, next.toArray(String[]::new));
            assertThat(page.hasPrevious()).isTrue();
            pages.add(page);
        }
        return pages;
    }

    private KeysetPage<FundEntryView> page(Staff staff, String... params) throws Exception {
        return ((FundService.FundYear) list(staff, params).getModelAndView().getModel().get("fund")).entries();
    }

    private String html(Staff staff, String... params) throws Exception {
        return list(staff, params).getResponse().getContentAsString();
    }

    private MvcResult list(Staff staff, String... params) throws Exception {
        var request = get(url).with(as(staff)).locale(Locale.forLanguageTag("vi"));
        for (int i = 0; i < params.length; i += 2) {
            request = request.param(params[i], params[i + 1]);
        }
        return mvc.perform(request).andExpect(status().isOk()).andReturn();
    }
}
