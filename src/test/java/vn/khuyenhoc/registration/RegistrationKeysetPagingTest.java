package vn.khuyenhoc.registration;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

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
import vn.khuyenhoc.support.Requests;
import vn.khuyenhoc.support.OrderedPlans;
import vn.khuyenhoc.support.TestTree;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static vn.khuyenhoc.registration.Registrations.YEAR;
import static vn.khuyenhoc.support.TestTree.as;

/**
 * A unit's registrations and a commune's evaluation list page by keyset (issue 18), as the member list does: walking
 * the "next page" links gives every registration of the list once, in its order (kind, registering unit, subject,
 * id), also among subjects whose names fold to the same text; the "previous page" links give the same pages back;
 * filters hold across pages; a link naming a registration outside the list (another unit's, another commune's, not
 * a number) shows the first page and says so, never an error nor a position taken from elsewhere.
 */
@IntegrationTest
class RegistrationKeysetPagingTest {

    private static final String ORDER = """
            array_position(ARRAY['FAMILY', 'CLAN', 'COMMUNITY', 'UNIT', 'CITIZEN', 'COMMUNE', 'PROVINCE']::varchar[], r.kind),
            title_fold(n.name), title_fold(r.subject_name), r.id""";
    /** The evaluation list's order (V66's index): kind, subject, id. */
    private static final String EVALUATION_ORDER = """
            array_position(ARRAY['FAMILY', 'CLAN', 'COMMUNITY', 'UNIT', 'CITIZEN', 'COMMUNE', 'PROVINCE']::varchar[], r.kind),
            title_fold(r.subject_name), r.id""";

    @Autowired
    MockMvc mvc;

    @Autowired
    TestTree tree;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    OrderedPlans plans;


    String marker;
    OrgUnitView commune;
    OrgUnitView chapter;
    OrgUnitView neighbour;
    OrgUnitView elsewhere;

    @BeforeEach
    void registrations() {
        // a word no real name has, in letters only (each hex digit of a random UUID as one of a..p)
        marker = "zq" + UUID.randomUUID().toString().replace("-", "").substring(0, 8).chars()
                .mapToObj(c -> String.valueOf((char) ('a' + Character.digit(c, 16)))).collect(Collectors.joining());
        commune = tree.unit("06688");
        chapter = tree.newChapter("06688");
        neighbour = tree.newChapter("06688");
        elsewhere = tree.newChapter(jdbc.sql("""
                SELECT c.code FROM org_unit c JOIN org_unit p ON p.id = c.province_id
                WHERE c.level = 2 AND p.code = '01' ORDER BY c.id LIMIT 1
                """).query(String.class).single());
        // families whose heads' names fold to the same text ("Nguyễn Văn Ấn" = "Nguyen Van An"), communities and
        // citizens; some withdrawn
        families(chapter, 30);
        communities(chapter, 10);
        citizens(chapter, 12);
        families(neighbour, 25);
        families(elsewhere, 5);
    }

    private void families(OrgUnitView unit, int count) {
        jdbc.sql("""
                INSERT INTO title_registration (node_id, year, kind, subject_name, address, household_size, status, created_by)
                SELECT :unit, :year, 'FAMILY',
                       (ARRAY['Nguyễn Văn Ấn', 'Nguyen Van An', 'Trần Thị Bình', 'Lê Đạt'])[1 + i % 4] || ' ' || :marker,
                       'Tổ ' || i || ', ' || :unit, 1 + i % 6, CASE WHEN i % 7 = 0 THEN 'WITHDRAWN' ELSE 'REGISTERED' END, 'test'
                FROM generate_series(1, :count) i
                """).param("unit", unit.id()).param("year", YEAR).param("marker", marker).param("count", count).update();
    }

    private void communities(OrgUnitView unit, int count) {
        jdbc.sql("""
                INSERT INTO title_registration (node_id, year, kind, subject_name, created_by)
                SELECT :unit, :year, 'COMMUNITY', 'Cộng đồng ' || :marker || ' ' || i, 'test'
                FROM generate_series(1, :count) i
                """).param("unit", unit.id()).param("year", YEAR).param("marker", marker).param("count", count).update();
    }

    private void citizens(OrgUnitView unit, int count) {
        jdbc.sql("""
                INSERT INTO title_registration (node_id, year, kind, subject_name, birth_year, created_by)
                SELECT :unit, :year, 'CITIZEN', 'Công dân ' || :marker, 1950 + i, 'test'
                FROM generate_series(1, :count) i
                """).param("unit", unit.id()).param("year", YEAR).param("marker", marker).param("count", count).update();
    }

    @Test
    void aUnitsListWalksForwardAndBackGivingEveryRegistrationOnce() throws Exception {
        Staff secretary = tree.staffOf(chapter);
        String url = "/units/" + chapter.id() + "/registrations";
        List<Long> expected = ids("r.node_id = " + chapter.id());
        assertThat(expected).hasSize(52); // withdrawn ones too, marked
        List<KeysetPage<RegistrationView>> pages = walk(secretary, url, "year", String.valueOf(YEAR));
        assertThat(pages).hasSize(3);
        assertThat(pages.stream().flatMap(p -> ids(p).stream()).toList()).containsExactlyElementsOf(expected);
        assertThat(pages.get(0).total()).isEqualTo(52);
        assertThat(pages.get(0).totalCapped()).isFalse();
        walkBack(secretary, url, pages, "year", String.valueOf(YEAR));

        // the page's links carry the rows, not page numbers
        String html = html(secretary, url, "year", String.valueOf(YEAR));
        assertThat(html).contains("after=" + pages.get(0).lastId()).doesNotContain("page=").contains("Có 52 đăng ký");
        String second = html(secretary, url, "year", String.valueOf(YEAR), "after", String.valueOf(pages.get(0).lastId()));
        assertThat(second).contains("before=" + pages.get(1).firstId()).contains("id=\"page-first\"");
    }

    @Test
    void filtersHoldAcrossPages() throws Exception {
        Staff secretary = tree.staffOf(chapter);
        String url = "/units/" + chapter.id() + "/registrations";
        assertThat(flatten(walk(secretary, url, "year", String.valueOf(YEAR), "kind", "FAMILY")))
                .containsExactlyElementsOf(ids("r.node_id = " + chapter.id() + " AND r.kind = 'FAMILY'"))
                .hasSize(30);
        assertThat(flatten(walk(secretary, url, "year", String.valueOf(YEAR), "status", "REGISTERED")))
                .containsExactlyElementsOf(ids("r.node_id = " + chapter.id() + " AND r.status = 'REGISTERED'"));
        assertThat(flatten(walk(secretary, url, "year", String.valueOf(YEAR), "kind", "FAMILY", "status", "WITHDRAWN")))
                .containsExactlyElementsOf(ids("r.node_id = " + chapter.id() + " AND r.kind = 'FAMILY' AND r.status = 'WITHDRAWN'"))
                .hasSize(4);
        // another year: none, and a link from this year's list is no position in it
        assertThat(page(secretary, url, "year", String.valueOf(YEAR - 1), "after",
                String.valueOf(ids("r.node_id = " + chapter.id()).get(0))).restarted()).isTrue();
    }

    @Test
    void theEvaluationListOfTheCommuneWalksForwardAndBackWithItsFilters() throws Exception {
        Staff communeStaff = tree.staffOf(commune);
        String url = "/units/" + commune.id() + "/evaluation";
        String live = "r.recognising_node_id = " + commune.id() + " AND r.status <> 'WITHDRAWN'";
        List<Long> expected = evaluationIds(live);
        assertThat(expected.size()).isGreaterThan(EvaluationService.PAGE_SIZE);
        List<KeysetPage<RegistrationView>> pages = walk(communeStaff, url, "year", String.valueOf(YEAR));
        assertThat(flatten(pages)).containsExactlyElementsOf(expected);
        assertThat(pages.get(0).total()).isEqualTo(expected.size());
        walkBack(communeStaff, url, pages, "year", String.valueOf(YEAR));
        // one registering unit, one kind: across pages too
        assertThat(flatten(walk(communeStaff, url, "year", String.valueOf(YEAR), "unit", String.valueOf(chapter.id()),
                "kind", "FAMILY")))
                .containsExactlyElementsOf(evaluationIds(live + " AND r.node_id = " + chapter.id() + " AND r.kind = 'FAMILY'"))
                .hasSize(26);

        // a decision taken on a page further down comes back to that page (here: this test's unit, from its third row)
        List<RegistrationView> ours = page(communeStaff, url, "year", String.valueOf(YEAR), "unit",
                String.valueOf(chapter.id())).rows();
        long from = ours.get(2).id();
        Requests.post(mvc, communeStaff, url, "year", String.valueOf(YEAR), "unit", String.valueOf(chapter.id()),
                        "after", String.valueOf(from), "selected", ours.get(3).selectionValue(), "result", "NOT_RECOGNISED")
                .andExpect(redirectedUrl(url + "?year=" + YEAR + "&unit=" + chapter.id() + "&after=" + from));
        assertThat(ids(page(communeStaff, url, "year", String.valueOf(YEAR), "unit", String.valueOf(chapter.id()),
                "after", String.valueOf(from))).get(0)).isEqualTo(ours.get(3).id());
    }

    @Test
    void aLinkNamingARegistrationOutsideTheListShowsTheFirstPage() throws Exception {
        Staff secretary = tree.staffOf(chapter);
        String url = "/units/" + chapter.id() + "/registrations";
        List<Long> first = ids(page(secretary, url, "year", String.valueOf(YEAR)));
        long neighbours = ids("r.node_id = " + neighbour.id()).get(0);
        long far = ids("r.node_id = " + elsewhere.id()).get(0);
        for (String[] tampered : List.of(new String[] {"after", "abc"}, new String[] {"after", "-5"},
                new String[] {"before", "99999999999999999999999"}, new String[] {"after", "1;DROP TABLE member"},
                new String[] {"after", String.valueOf(neighbours)}, new String[] {"before", String.valueOf(far)},
                new String[] {"after", String.valueOf(far)}, new String[] {"after", "0"})) {
            KeysetPage<RegistrationView> page = page(secretary, url, "year", String.valueOf(YEAR), tampered[0], tampered[1]);
            assertThat(ids(page)).as(String.join("=", tampered)).containsExactlyElementsOf(first);
            assertThat(page.hasPrevious()).isFalse();
        }
        assertThat(html(secretary, url, "year", String.valueOf(YEAR), "after", String.valueOf(far)))
                .contains("id=\"list-restarted\"");

        // the commune's evaluation list: another commune's registration is no position either
        Staff communeStaff = tree.staffOf(commune);
        String evaluation = "/units/" + commune.id() + "/evaluation";
        List<Long> firstOfCommune = ids(page(communeStaff, evaluation, "year", String.valueOf(YEAR)));
        KeysetPage<RegistrationView> fromFar = page(communeStaff, evaluation, "year", String.valueOf(YEAR), "after",
                String.valueOf(far));
        assertThat(fromFar.restarted()).isTrue();
        assertThat(ids(fromFar)).containsExactlyElementsOf(firstOfCommune);
        // and a unit of another commune answers 404 as before, whatever the link
        mvc.perform(get("/units/" + elsewhere.id() + "/registrations").param("after", String.valueOf(neighbours))
                .with(as(secretary))).andExpect(status().isNotFound());
    }

    /** The ids of a list of this year (a condition on r), live ones only unless {@code withdrawnToo}, in its order. */
    private List<Long> ids(String where, boolean withdrawnToo) {
        return jdbc.sql("SELECT r.id FROM title_registration r JOIN org_unit n ON n.id = r.node_id WHERE r.year = :year AND "
                + where + (withdrawnToo ? "" : " AND r.status <> 'WITHDRAWN'") + " ORDER BY " + ORDER)
                .param("year", YEAR).query(Long.class).list();
    }

    @Test
    void aPageOfTheEvaluationListIsOneRangeOfItsIndex() {
        // with sorting off, only a plan that reads V66's index in the list's order avoids a sort: the page after a
        // registration starts in the index at that registration's keys
        String plan = plans.of("SELECT r.id FROM title_registration r"
                + " WHERE r.recognising_node_id = :c AND r.year = :y AND r.status <> 'WITHDRAWN'"
                + " AND (" + EVALUATION_ORDER + ") > (1, 'nguyen van an', 1000)"
                + " ORDER BY " + EVALUATION_ORDER + " LIMIT 51", Map.of("c", commune.id(), "y", YEAR));
        assertThat(plan).contains("title_registration_evaluation_order_idx").contains("Index Cond").doesNotContain("Sort");
    }

    /** The ids of the evaluation list of this year (a condition on r), in its order. */
    private List<Long> evaluationIds(String where) {
        return jdbc.sql("SELECT r.id FROM title_registration r WHERE r.year = :year AND " + where + " ORDER BY "
                + EVALUATION_ORDER).param("year", YEAR).query(Long.class).list();
    }

    private List<Long> ids(String where) {
        return ids(where, true);
    }

    private static List<Long> ids(KeysetPage<RegistrationView> page) {
        return page.rows().stream().map(RegistrationView::id).toList();
    }

    private static List<Long> flatten(List<KeysetPage<RegistrationView>> pages) {
        return pages.stream().flatMap(p -> ids(p).stream()).toList();
    }

    /** Every page of a list, following its "next page" links to the end. */
    private List<KeysetPage<RegistrationView>> walk(Staff staff, String url, String... params) throws Exception {
        List<KeysetPage<RegistrationView>> pages = new ArrayList<>();
        KeysetPage<RegistrationView> page = page(staff, url, params);
        pages.add(page);
        while (page.hasNext()) {
            assertThat(pages).hasSizeLessThan(20);
            page = page(staff, url, with(params, "after", String.valueOf(page.lastId())));
            assertThat(page.hasPrevious()).isTrue();
            pages.add(page);
        }
        return pages;
    }

    /** The "previous page" links from each page give the page before it. */
    private void walkBack(Staff staff, String url, List<KeysetPage<RegistrationView>> pages, String... params)
            throws Exception {
        for (int i = pages.size() - 1; i > 0; i--) {
            KeysetPage<RegistrationView> previous = page(staff, url, with(params, "before", String.valueOf(pages.get(i).firstId())));
            assertThat(ids(previous)).containsExactlyElementsOf(ids(pages.get(i - 1)));
            assertThat(previous.hasPrevious()).isEqualTo(i > 1);
            assertThat(previous.hasNext()).isTrue();
        }
    }

    private static String[] with(String[] params, String name, String value) {
        List<String> all = new ArrayList<>(List.of(params));
        all.add(name);
        all.add(value);
        return all.toArray(String[]::new);
    }

    @SuppressWarnings("unchecked")
    private KeysetPage<RegistrationView> page(Staff staff, String url, String... params) throws Exception {
        return (KeysetPage<RegistrationView>) list(staff, url, params).getModelAndView().getModel().get("registrations");
    }

    private String html(Staff staff, String url, String... params) throws Exception {
        return list(staff, url, params).getResponse().getContentAsString();
    }

    private MvcResult list(Staff staff, String url, String... params) throws Exception {
        var request = get(url).with(as(staff)).locale(Locale.forLanguageTag("vi"));
        for (int i = 0; i < params.length; i += 2) {
            request = request.param(params[i], params[i + 1]);
        }
        return mvc.perform(request).andExpect(status().isOk()).andReturn();
    }
}
