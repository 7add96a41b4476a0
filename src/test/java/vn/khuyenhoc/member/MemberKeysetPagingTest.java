package vn.khuyenhoc.member;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import vn.khuyenhoc.orgunit.OrgUnitView;
import vn.khuyenhoc.shared.Staff;
import vn.khuyenhoc.support.IntegrationTest;
import vn.khuyenhoc.support.OrderedPlans;
import vn.khuyenhoc.support.TestTree;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static vn.khuyenhoc.support.TestTree.as;

/**
 * Member lists page by keyset (issue 18): walking the "next page" links over a commune, a province and the country
 * gives every member of the scope once, in the list's order, and no member of another subtree; the walk back by the
 * "previous page" links gives the same pages; filters hold across pages; a link whose member was tampered with (not a
 * number, or a member of another subtree) shows the first page, never an error and never a position taken from a
 * member outside the scope. Each test marks its members with a made-up word of their own, so that what other tests
 * add to the same provinces stays out of the lists compared.
 */
@IntegrationTest
class MemberKeysetPagingTest {

    private static final String NAME_ORDER = """
            substring(m.full_name FROM '[^ ]+$') COLLATE vietnamese %1$s, m.full_name COLLATE vietnamese %1$s, m.id %1$s""";

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
    OrgUnitView province;
    OrgUnitView chapter;
    OrgUnitView sibling;
    OrgUnitView elsewhere;

    @BeforeEach
    void members() {
        // a word no real name has, unaccented lower case letters only (each hex digit of a random UUID as one of
        // a..p: keeping only its a-f letters left fewer than six now and then, and the set-up failed)
        marker = "zq" + UUID.randomUUID().toString().replace("-", "").substring(0, 8).chars()
                .mapToObj(c -> String.valueOf((char) ('a' + Character.digit(c, 16)))).collect(Collectors.joining());
        commune = tree.unit("06688");
        province = tree.unit("22");
        chapter = tree.newChapter("06688");
        OrgUnitView otherChapter = tree.newChapter("06688");
        String siblingCode = jdbc.sql("""
                SELECT code FROM org_unit WHERE level = 2 AND province_id = :p AND code <> '06688' ORDER BY id LIMIT 1
                """).param("p", province.id()).query(String.class).single();
        sibling = tree.newChapter(siblingCode);
        String farCode = jdbc.sql("""
                SELECT c.code FROM org_unit c JOIN org_unit p ON p.id = c.province_id
                WHERE c.level = 2 AND p.code = '01' ORDER BY c.id LIMIT 1
                """).query(String.class).single();
        elsewhere = tree.newChapter(farCode);
        // the same names again and again (ties broken by id), with diacritics, both genders, some who left
        insert(chapter, 70);
        insert(otherChapter, 45);
        insert(sibling, 40);
        insert(elsewhere, 30);
    }

    private void insert(OrgUnitView unit, int count) {
        jdbc.sql("""
                INSERT INTO member (unit_id, card_number, full_name, gender, birth_year, address, joined_on, status,
                                    status_changed_on)
                SELECT :unit, '22-' || lpad(nextval('member_card_seq')::text, 8, '0'),
                       (ARRAY['Nguyễn', 'Trần', 'Lê', 'Đặng'])[1 + i % 4] || ' ' || :marker || ' '
                           || (ARRAY['An', 'Ánh', 'Ân', 'Anh', 'Đạt', 'Dũng', 'Bình', 'Xuân', 'Ý'])[1 + (i * 7) % 9],
                       CASE WHEN i % 3 = 0 THEN 'FEMALE' ELSE 'MALE' END, 1980,
                       'Khu 1', DATE '2015-01-01' + (i % 40) * 30,
                       CASE WHEN i % 11 = 0 THEN 'LEFT' ELSE 'ACTIVE' END,
                       CASE WHEN i % 11 = 0 THEN DATE '2024-06-01' END
                FROM generate_series(1, :count) i
                """).param("unit", unit.id()).param("marker", marker).param("count", count).update();
    }

    @Test
    void walkingForwardGivesEveryMemberOfTheScopeOnceInOrder() throws Exception {
        Staff communeStaff = tree.staffOf(commune);
        List<Long> expected = ids("m.commune_id = " + commune.id(), NAME_ORDER.formatted("ASC"));
        assertThat(expected).hasSize(115);
        // a name search in a commune goes by relevance unless asked otherwise
        assertThat(walk(communeStaff, commune, "q", marker, "sort", "name")).containsExactlyElementsOf(expected);
        assertThat(walk(communeStaff, commune, "q", marker, "sort", "name", "dir", "desc"))
                .containsExactlyElementsOf(reversed(expected));
        assertThat(walk(communeStaff, commune, "q", marker, "sort", "joined"))
                .containsExactlyElementsOf(ids("m.commune_id = " + commune.id(), "m.joined_on, m.id"));
        assertThat(walk(communeStaff, commune, "q", marker, "sort", "card", "dir", "desc"))
                .containsExactlyElementsOf(ids("m.commune_id = " + commune.id(), "m.card_number DESC"));
        // relevance (the default of a name search in a commune): every member once
        assertThat(walk(communeStaff, commune, "q", marker + " an")).doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(ids("m.commune_id = " + commune.id()
                        + " AND lower(immutable_unaccent(m.full_name)) ~ '(^| )an'", "m.id"));

        Staff provinceStaff = tree.staffOf(province);
        List<Long> provinceWide = ids("m.province_id = " + province.id(), "m.card_number");
        assertThat(provinceWide).hasSize(155);
        // a name search over a province or the country goes by card number, asked for by name or not
        assertThat(walk(provinceStaff, province, "q", marker)).containsExactlyElementsOf(provinceWide);
        assertThat(walk(provinceStaff, province, "q", marker, "sort", "name")).containsExactlyElementsOf(provinceWide);
        assertThat(walk(provinceStaff, province, "q", marker, "sort", "joined", "dir", "desc"))
                .containsExactlyElementsOf(ids("m.province_id = " + province.id(), "m.joined_on DESC, m.id DESC"));

        Staff national = tree.staffOf(tree.central());
        List<Long> country = ids("TRUE", "m.card_number");
        assertThat(country).hasSize(185);
        assertThat(walk(national, tree.central(), "q", marker)).containsExactlyElementsOf(country);
        assertThat(walk(national, tree.central(), "q", marker, "sort", "card"))
                .containsExactlyElementsOf(ids("TRUE", "m.card_number"));
    }

    @Test
    void walkingBackGivesTheSamePages() throws Exception {
        Staff provinceStaff = tree.staffOf(province);
        List<MemberPage> forward = new ArrayList<>();
        MemberPage page = page(provinceStaff, province, "q", marker);
        forward.add(page);
        while (page.hasNext()) {
            page = page(provinceStaff, province, "q", marker, "after", String.valueOf(page.lastId()));
            forward.add(page);
        }
        assertThat(forward).hasSize(4); // 155 members: 50, 50, 50, 5
        for (int i = forward.size() - 1; i > 0; i--) {
            MemberPage previous = page(provinceStaff, province, "q", marker, "before", String.valueOf(forward.get(i).firstId()));
            assertThat(ids(previous)).containsExactlyElementsOf(ids(forward.get(i - 1)));
            assertThat(previous.hasPrevious()).isEqualTo(i > 1);
            assertThat(previous.hasNext()).isTrue();
        }
        // a link back from a member near the start shows the whole first page, not a short one
        MemberPage nearStart = page(provinceStaff, province, "q", marker, "before", String.valueOf(forward.get(0).rows().get(3).id()));
        assertThat(ids(nearStart)).containsExactlyElementsOf(ids(forward.get(0)));
        assertThat(nearStart.hasPrevious()).isFalse();
    }

    @Test
    void filtersHoldAcrossPages() throws Exception {
        Staff communeStaff = tree.staffOf(commune);
        String where = "m.commune_id = " + commune.id() + " AND m.gender = 'FEMALE' AND m.status = 'ACTIVE'";
        assertThat(walk(communeStaff, commune, "q", marker, "gender", "FEMALE", "status", "ACTIVE", "sort", "name"))
                .containsExactlyElementsOf(ids(where, NAME_ORDER.formatted("ASC")));
        Staff provinceStaff = tree.staffOf(province);
        assertThat(walk(provinceStaff, province, "q", marker, "status", "LEFT"))
                .containsExactlyElementsOf(ids("m.province_id = " + province.id() + " AND m.status = 'LEFT'",
                        "m.card_number"));
        // Party membership is a personal detail: a commune filters by it across pages, a province cannot
        jdbc.sql("UPDATE member SET party_member = true WHERE unit_id = :u AND id % 2 = 0").param("u", chapter.id()).update();
        assertThat(walk(communeStaff, commune, "q", marker, "party", "yes", "sort", "joined"))
                .containsExactlyElementsOf(ids("m.commune_id = " + commune.id() + " AND m.party_member", "m.joined_on, m.id"));
        assertThat(walk(provinceStaff, province, "q", marker, "party", "yes")).hasSize(155);
    }

    @Test
    void aTamperedLinkShowsTheFirstPageNeverAnErrorNorAPositionFromElsewhere() throws Exception {
        Staff provinceStaff = tree.staffOf(province);
        List<Long> first = ids(page(provinceStaff, province, "q", marker));
        long outside = jdbc.sql("SELECT max(id) FROM member WHERE unit_id = :u").param("u", elsewhere.id())
                .query(Long.class).single();
        for (String[] tampered : List.of(new String[] {"after", "abc"}, new String[] {"after", "-5"},
                new String[] {"after", "99999999999999999999999"}, new String[] {"before", "1e400"},
                new String[] {"after", "1;DROP TABLE member"}, new String[] {"after", String.valueOf(outside)},
                new String[] {"before", String.valueOf(outside)}, new String[] {"after", "0"})) {
            MemberPage page = page(provinceStaff, province, "q", marker, tampered[0], tampered[1]);
            assertThat(ids(page)).as(String.join("=", tampered)).containsExactlyElementsOf(first);
            assertThat(page.hasPrevious()).isFalse();
        }
        MvcResult restarted = list(provinceStaff, province, "q", marker, "after", String.valueOf(outside));
        assertThat(restarted.getResponse().getContentAsString()).contains("id=\"member-restarted\"");
        // a member of the scope who is not in the filtered list still marks a place in its order
        long inScope = jdbc.sql("SELECT min(id) FROM member WHERE unit_id = :u").param("u", sibling.id())
                .query(Long.class).single();
        MemberPage fromThere = page(provinceStaff, province, "q", marker, "gender", "FEMALE", "after", String.valueOf(inScope));
        assertThat(fromThere.restarted()).isFalse();
        assertThat(fromThere.rows()).allMatch(r -> r.gender() == Gender.FEMALE);
    }

    @Test
    void linksCarryTheLastMemberAndCountsSayWhenTheyAreNotExact() throws Exception {
        Staff provinceStaff = tree.staffOf(province);
        MvcResult result = list(provinceStaff, province);
        MemberPage page = page(result);
        String html = result.getResponse().getContentAsString();
        assertThat(html).contains("after=" + page.lastId()).doesNotContain("page=");
        // the province's members: exact, from the roll-ups, whatever other tests added
        long all = jdbc.sql("SELECT count(*) FROM member WHERE province_id = :p").param("p", province.id())
                .query(Long.class).single();
        assertThat(page.totalCapped()).isFalse();
        assertThat(page.total()).isEqualTo(all);
        long active = jdbc.sql("SELECT count(*) FROM member WHERE province_id = :p AND status = 'ACTIVE'")
                .param("p", province.id()).query(Long.class).single();
        assertThat(page(provinceStaff, province, "status", "ACTIVE").total()).isEqualTo(active);
        Staff national = tree.staffOf(tree.central());
        MemberPage country = page(national, tree.central());
        assertThat(country.total()).isEqualTo(jdbc.sql("SELECT count(*) FROM member").query(Long.class).single());
        // a filtered list the roll-ups do not count, over a province: "more than" what is shown, never counted;
        // exact when it fits on one page
        MemberPage marked = page(provinceStaff, province, "q", marker, "gender", "MALE");
        assertThat(marked.totalCapped()).isTrue();
        assertThat(marked.total()).isEqualTo(50);
        assertThat(list(provinceStaff, province, "q", marker, "gender", "MALE").getResponse().getContentAsString())
                .contains("Có hơn 50 hội viên");
        MemberPage left = page(provinceStaff, province, "q", marker, "status", "LEFT");
        assertThat(left.totalCapped()).isFalse();
        assertThat(left.total()).isEqualTo(ids("m.province_id = " + province.id() + " AND m.status = 'LEFT'", "m.id").size());
    }

    @Test
    void theListOrdersAreServedByTheirIndexes() {
        // the expressions of V55 and of MemberService must stay the same for the planner to match them: with sorting
        // off, a plan that reads the index in order is the only one that avoids it
        // the country's page after a member: one range of the index, the cursor an index condition
        assertThat(plan("TRUE AND (" + NAME_ORDER_OF_SERVICE + ") > ('An', 'Nguyễn Văn An', 5)", NAME_ORDER_OF_SERVICE))
                .contains("member_name_order_idx").contains("Index Cond").doesNotContain("Sort");
        assertThat(plan("m.province_id = " + province.id(), NAME_ORDER_OF_SERVICE))
                .contains("member_province_name_order_idx").doesNotContain("Sort");
        assertThat(plan("m.commune_id = " + commune.id(), NAME_ORDER_OF_SERVICE))
                .contains("member_commune_name_order_idx").doesNotContain("Sort");
        assertThat(plan("m.province_id = " + province.id(), "m.joined_on DESC, m.id DESC"))
                .containsPattern("member_(province_)?joined_order_idx").doesNotContain("Sort");
        // by card: the province's index, or (the cards of a province share its prefix) the country's in order
        assertThat(plan("m.province_id = " + province.id(), "m.card_number"))
                .containsPattern("member_province_card_idx|member_card_number_uq").doesNotContain("Sort");
    }

    private static final String NAME_ORDER_OF_SERVICE = MemberService.GIVEN_KEY + ", " + MemberService.FULL_KEY + ", m.id";

    private String plan(String where, String order) {
        return plans.of("SELECT m.id FROM member m WHERE " + where + " ORDER BY " + order + " LIMIT 51");
    }

    /** The ids of this test's members in a scope (a condition on m), in an order. */
    private List<Long> ids(String where, String order) {
        return jdbc.sql("SELECT m.id FROM member m WHERE lower(immutable_unaccent(m.full_name)) ~ ('(^| )' || :marker) AND "
                + where + " ORDER BY " + order).param("marker", marker).query(Long.class).list();
    }

    private static List<Long> reversed(List<Long> ids) {
        List<Long> copy = new ArrayList<>(ids);
        java.util.Collections.reverse(copy);
        return copy;
    }

    private static List<Long> ids(MemberPage page) {
        return page.rows().stream().map(MemberRow::id).toList();
    }

    /** Every member of a list, following its "next page" links to the end. */
    private List<Long> walk(Staff staff, OrgUnitView node, String... params) throws Exception {
        List<Long> seen = new ArrayList<>();
        MemberPage page = page(staff, node, params);
        seen.addAll(ids(page));
        for (int guard = 0; page.hasNext(); guard++) {
            assertThat(guard).isLessThan(20);
            assertThat(page.rows()).hasSize(MemberService.PAGE_SIZE);
            List<String> next = new ArrayList<>(List.of(params));
            next.add("after");
            next.add(String.valueOf(page.lastId()));
            page = page(staff, node, next.toArray(String[]::new));
            assertThat(page.hasPrevious()).isTrue();
            seen.addAll(ids(page));
        }
        return seen;
    }

    private MemberPage page(Staff staff, OrgUnitView node, String... params) throws Exception {
        return page(list(staff, node, params));
    }

    private static MemberPage page(MvcResult result) {
        return (MemberPage) result.getModelAndView().getModel().get("memberPage");
    }

    private MvcResult list(Staff staff, OrgUnitView node, String... params) throws Exception {
        var request = get("/units/" + node.id() + "/members").with(as(staff)).locale(Locale.forLanguageTag("vi"));
        for (int i = 0; i < params.length; i += 2) {
            request = request.param(params[i], params[i + 1]);
        }
        return mvc.perform(request).andExpect(status().isOk()).andReturn();
    }
}
