package vn.khuyenhoc.centre;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

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

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static vn.khuyenhoc.support.TestTree.as;

/**
 * The register of learning centres pages by keyset (issue 18), as the member list does: walking the "next page"
 * links over a province or the country gives every centre of it once, by province, commune and name, and no centre
 * of another subtree; the "previous page" links give the same pages back; the count is exact, from the roll-ups;
 * a link naming a centre of another subtree (or no centre) shows the first page and says so; and the province's and
 * the country's pages are read from the index of V65 without sorting the register.
 */
@IntegrationTest
class CentreKeysetPagingTest {

    private static final String ORDER = "c.province_id, c.commune_id, lower(c.name), c.id";

    @Autowired
    MockMvc mvc;

    @Autowired
    TestTree tree;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    OrderedPlans plans;


    OrgUnitView province;
    List<OrgUnitView> communes;
    OrgUnitView far;

    @BeforeEach
    void centres() {
        province = tree.unit("22");
        communes = jdbc.sql("SELECT code FROM org_unit WHERE level = 2 AND province_id = :p ORDER BY id LIMIT 3")
                .param("p", province.id()).query(String.class).list().stream().map(tree::unit).toList();
        far = tree.unit(jdbc.sql("""
                SELECT c.code FROM org_unit c JOIN org_unit p ON p.id = c.province_id
                WHERE c.level = 2 AND p.code = '01' ORDER BY c.id LIMIT 1
                """).query(String.class).single());
        // names in both cases (the order is by lower(name)) and names that differ in their last letters only
        for (OrgUnitView commune : communes) {
            insert(commune, 25);
        }
        insert(far, 4);
    }

    private void insert(OrgUnitView commune, int count) {
        String marker = UUID.randomUUID().toString().substring(0, 8);
        jdbc.sql("""
                INSERT INTO learning_centre (commune_id, name, decision_number, decision_date, updated_by)
                SELECT :c, CASE WHEN i % 2 = 0 THEN 'trung tâm ' ELSE 'Trung Tâm ' END || :marker || ' ' || i,
                       i || '/QĐ-UBND', DATE '2019-05-01', 'test'
                FROM generate_series(1, :count) i
                """).param("c", commune.id()).param("marker", marker).param("count", count).update();
    }

    @Test
    void walkingTheProvinceAndTheCountryGivesEveryCentreOnceInOrderAndBack() throws Exception {
        Staff provinceStaff = tree.staffOf(province);
        List<Long> expected = ids("c.province_id = " + province.id());
        assertThat(expected.size()).isGreaterThanOrEqualTo(75);
        List<KeysetPage<CentreView>> pages = walk(provinceStaff, province);
        assertThat(flatten(pages)).containsExactlyElementsOf(expected);
        assertThat(pages.get(0).total()).isEqualTo(expected.size());
        assertThat(pages.get(0).totalCapped()).isFalse();
        for (int i = pages.size() - 1; i > 0; i--) {
            KeysetPage<CentreView> previous = page(provinceStaff, province, "before", String.valueOf(pages.get(i).firstId()));
            assertThat(ids(previous)).containsExactlyElementsOf(ids(pages.get(i - 1)));
            assertThat(previous.hasPrevious()).isEqualTo(i > 1);
            assertThat(previous.hasNext()).isTrue();
        }
        String html = html(provinceStaff, province, "after", String.valueOf(pages.get(0).lastId()));
        assertThat(html).contains("before=" + pages.get(1).firstId()).contains("id=\"page-first\"").doesNotContain("page=");

        Staff national = tree.staffOf(tree.central());
        List<KeysetPage<CentreView>> country = walk(national, tree.central());
        assertThat(flatten(country)).containsExactlyElementsOf(ids("TRUE"));
        assertThat(country.get(0).total()).isEqualTo(ids("TRUE").size());

        // a commune's own centres (other tests may have registered some there too): every one once, counted
        OrgUnitView commune = communes.get(0);
        List<KeysetPage<CentreView>> own = walk(tree.staffOf(commune), commune);
        assertThat(flatten(own)).containsExactlyElementsOf(ids("c.commune_id = " + commune.id()));
        assertThat(own.get(0).total()).isEqualTo(flatten(own).size());
    }

    @Test
    void aLinkNamingACentreOutsideTheSubtreeShowsTheFirstPage() throws Exception {
        Staff provinceStaff = tree.staffOf(province);
        List<Long> first = ids(page(provinceStaff, province));
        long farCentre = ids("c.commune_id = " + far.id()).get(0);
        for (String[] tampered : List.of(new String[] {"after", "abc"}, new String[] {"before", "-3"},
                new String[] {"after", "99999999999999999999999"}, new String[] {"after", String.valueOf(farCentre)},
                new String[] {"before", String.valueOf(farCentre)}, new String[] {"after", "0"})) {
            KeysetPage<CentreView> page = page(provinceStaff, province, tampered[0], tampered[1]);
            assertThat(ids(page)).as(String.join("=", tampered)).containsExactlyElementsOf(first);
            assertThat(page.hasPrevious()).isFalse();
        }
        assertThat(html(provinceStaff, province, "after", String.valueOf(farCentre))).contains("id=\"list-restarted\"");
        // a commune's list: a centre of the next commune is no position in it either
        OrgUnitView commune = communes.get(0);
        long neighbours = ids("c.commune_id = " + communes.get(1).id()).get(0);
        KeysetPage<CentreView> own = page(tree.staffOf(commune), commune, "after", String.valueOf(neighbours));
        assertThat(own.restarted()).isTrue();
        assertThat(ids(own)).containsExactlyElementsOf(ids("c.commune_id = " + commune.id()));
        // and another province's list answers 404 as before
        mvc.perform(get("/units/" + far.id() + "/centres").param("after", String.valueOf(farCentre)).with(as(provinceStaff)))
                .andExpect(status().isNotFound());
    }

    @Test
    void theProvincesAndTheCountrysPagesAreReadFromTheIndexWithoutSorting() {
        String after = " AND (" + ORDER + ") > (" + province.id() + ", 0, 'a', 0)";
        assertThat(plan("TRUE" + after)).contains("learning_centre_list_order_idx").contains("Index Cond")
                .doesNotContain("Sort");
        assertThat(plan("c.province_id = " + province.id() + after)).contains("learning_centre_list_order_idx")
                .doesNotContain("Sort");
    }

    private String plan(String where) {
        return plans.of("SELECT c.id FROM learning_centre c WHERE " + where + " ORDER BY " + ORDER + " LIMIT 51");
    }

    private List<Long> ids(String where) {
        return jdbc.sql("SELECT c.id FROM learning_centre c WHERE " + where + " ORDER BY " + ORDER)
                .query(Long.class).list();
    }

    private static List<Long> ids(KeysetPage<CentreView> page) {
        return page.rows().stream().map(CentreView::id).toList();
    }

    private static List<Long> flatten(List<KeysetPage<CentreView>> pages) {
        return pages.stream().flatMap(p -> ids(p).stream()).toList();
    }

    private List<KeysetPage<CentreView>> walk(Staff staff, OrgUnitView node) throws Exception {
        List<KeysetPage<CentreView>> pages = new ArrayList<>();
        KeysetPage<CentreView> page = page(staff, node);
        pages.add(page);
        while (page.hasNext()) {
            assertThat(pages).hasSizeLessThan(500);
            assertThat(page.rows()).hasSize(CentreService.PAGE_SIZE);
            page = page(staff, node, "after", String.valueOf(page.lastId()));
            assertThat(page.hasPrevious()).isTrue();
            pages.add(page);
        }
        return pages;
    }

    private KeysetPage<CentreView> page(Staff staff, OrgUnitView node, String... params) throws Exception {
        return ((CentreService.CentrePage) list(staff, node, params).getModelAndView().getModel().get("centrePage"))
                .centres();
    }

    private String html(Staff staff, OrgUnitView node, String... params) throws Exception {
        return list(staff, node, params).getResponse().getContentAsString();
    }

    private MvcResult list(Staff staff, OrgUnitView node, String... params) throws Exception {
        var request = get("/units/" + node.id() + "/centres").with(as(staff)).locale(Locale.forLanguageTag("vi"));
        for (int i = 0; i < params.length; i += 2) {
            request = request.param(params[i], params[i + 1]);
        }
        return mvc.perform(request).andExpect(status().isOk()).andReturn();
    }
}
