package vn.khuyenhoc.member;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.transaction.support.TransactionTemplate;

import vn.khuyenhoc.orgunit.OrgUnitView;
import vn.khuyenhoc.shared.Staff;
import vn.khuyenhoc.support.IntegrationTest;
import vn.khuyenhoc.support.TestTree;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static vn.khuyenhoc.support.TestTree.as;

/** Search by name with or without diacritics and by card number, filters, sorting and paging, all in SQL. */
@IntegrationTest
class MemberSearchTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    TestTree tree;

    @Autowired
    MemberFixtures fixtures;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate transactions;

    @Test
    void theDatabaseFoldsVietnameseLettersIncludingDStroke() {
        assertThat(jdbc.sql("SELECT lower(immutable_unaccent('Đặng Đức Thắng, Nguyễn Thị Ánh Tuyết'))")
                .query(String.class).single()).isEqualTo("dang duc thang, nguyen thi anh tuyet");
    }

    @Test
    void namesAreFoundWithOrWithoutDiacriticsAndByTheirWords() throws Exception {
        OrgUnitView unit = tree.newChapter("06688");
        Staff secretary = tree.staffOf(unit);
        MemberView an = fixtures.add(unit, "Nguyễn Văn An");
        fixtures.add(unit, "Nguyễn Văn Anh");
        fixtures.add(unit, "Lê Thị Lan", Gender.FEMALE, LocalDate.of(2020, 1, 10), false);
        fixtures.add(unit, "Trần Văn Bình");
        MemberView thang = fixtures.add(unit, "Đặng Đức Thắng");

        assertThat(names(secretary, unit, "nguyen van an")).first().isEqualTo("Nguyễn Văn An");
        assertThat(names(secretary, unit, "nguyen van an")).containsExactlyInAnyOrder("Nguyễn Văn An", "Nguyễn Văn Anh");
        // a word starting with what was typed: An and Anh, not Lan nor Văn
        assertThat(names(secretary, unit, "an")).containsExactly("Nguyễn Văn An", "Nguyễn Văn Anh");
        assertThat(names(secretary, unit, "NGUYEN")).containsExactlyInAnyOrder("Nguyễn Văn An", "Nguyễn Văn Anh");
        assertThat(names(secretary, unit, "Nguyễn Văn An")).first().isEqualTo("Nguyễn Văn An");
        // what a phone keyboard may send: decomposed diacritics
        assertThat(names(secretary, unit, "Nguye\u0302\u0303n  an")).first().isEqualTo("Nguyễn Văn An");
        assertThat(names(secretary, unit, "dang duc")).containsExactly("Đặng Đức Thắng");
        assertThat(names(secretary, unit, "van binh tran")).containsExactly("Trần Văn Bình");
        assertThat(names(secretary, unit, "xyz")).isEmpty();

        // by card number, whole or by its serial alone
        assertThat(names(secretary, unit, an.cardNumber())).containsExactly("Nguyễn Văn An");
        String serial = thang.cardNumber().substring(3);
        assertThat(names(secretary, unit, serial)).containsExactly("Đặng Đức Thắng");
        assertThat(names(secretary, unit, String.valueOf(Long.parseLong(serial)))).containsExactly("Đặng Đức Thắng");
        assertThat(names(secretary, unit, thang.cardNumber().replace("-", ""))).containsExactly("Đặng Đức Thắng");

        // the same search over a whole province, by its staff
        Staff province = tree.staffOf(tree.unit("22"));
        List<String> provinceWide = names(province, tree.unit("22"), "dang duc thang");
        assertThat(provinceWide).contains("Đặng Đức Thắng");
    }

    @Test
    void theNameSearchUsesTheTrigramIndex() {
        String plan = transactions.execute(s -> {
            jdbc.sql("SET LOCAL enable_seqscan = off").update();
            return String.join("\n", jdbc.sql("""
                    EXPLAIN SELECT id FROM member m
                    WHERE lower(immutable_unaccent(m.full_name)) ~ ('(^| )' || lower(immutable_unaccent('nguyen')))
                    """).query(String.class).list());
        });
        assertThat(plan).contains("member_name_trgm_idx");
    }

    @Test
    void filtersSortingAndPaging() throws Exception {
        OrgUnitView unit = tree.newChapter("06688");
        Staff secretary = tree.staffOf(unit);
        fixtures.add(unit, "Bùi Thị Xuân", Gender.FEMALE, LocalDate.of(2021, 6, 1), true);
        fixtures.add(unit, "Võ Văn Bảo", Gender.MALE, LocalDate.of(2018, 2, 1), false);
        fixtures.add(unit, "Dương Minh Châu", Gender.FEMALE, LocalDate.of(2018, 9, 1), false);
        assertThat(names(secretary, unit, "", "party", "yes")).containsExactly("Bùi Thị Xuân");
        assertThat(names(secretary, unit, "", "party", "no")).containsExactly("Võ Văn Bảo", "Dương Minh Châu");
        assertThat(names(secretary, unit, "", "gender", "FEMALE")).containsExactly("Dương Minh Châu", "Bùi Thị Xuân");
        assertThat(names(secretary, unit, "", "year", "2018")).containsExactly("Võ Văn Bảo", "Dương Minh Châu");
        // by given name (Bảo, Châu, Xuân), by date joined, newest first
        assertThat(names(secretary, unit, "", "sort", "name")).containsExactly("Võ Văn Bảo", "Dương Minh Châu", "Bùi Thị Xuân");
        assertThat(names(secretary, unit, "", "sort", "joined", "dir", "desc"))
                .containsExactly("Bùi Thị Xuân", "Dương Minh Châu", "Võ Văn Bảo");
        assertThat(names(secretary, unit, "", "sort", "card")).containsExactly("Bùi Thị Xuân", "Võ Văn Bảo", "Dương Minh Châu");
        // nonsense in the URL is no filter, not an error
        assertThat(names(secretary, unit, "", "year", "abc", "status", "X", "after", "-3", "sort", "'; drop")).hasSize(3);

        // 60 more: two pages of 50
        jdbc.sql("""
                INSERT INTO member (unit_id, card_number, full_name, gender, birth_year, address, joined_on)
                SELECT :unit, '22-' || lpad(nextval('member_card_seq')::text, 8, '0'), 'Phan Văn Số ' || chr(64 + (i % 26) + 1) || i,
                       'MALE', 1980, 'Khu 1', DATE '2022-01-01'
                FROM generate_series(1, 60) i
                """).param("unit", unit.id()).update();
        MvcResult first = list(secretary, unit, "");
        MemberPage page = (MemberPage) first.getModelAndView().getModel().get("memberPage");
        assertThat(page.rows()).hasSize(50);
        assertThat(page.total()).isEqualTo(63);
        assertThat(page.hasNext()).isTrue();
        MemberPage second = (MemberPage) list(secretary, unit, "", "after", String.valueOf(page.lastId()))
                .getModelAndView().getModel().get("memberPage");
        assertThat(second.rows()).hasSize(13);
        assertThat(second.hasNext()).isFalse();
        assertThat(second.hasPrevious()).isTrue();
        assertThat(second.rows()).doesNotContainAnyElementsOf(page.rows());
    }

    @Test
    void rostersAreInVietnameseAlphabeticalOrderOfTheGivenName() throws Exception {
        OrgUnitView unit = tree.newChapter("06688");
        Staff secretary = tree.staffOf(unit);
        for (String name : List.of("Trần Văn Đạt", "Lê Văn Dũng", "Hồ Thị Ánh", "Phạm Văn Anh", "Ngô Thị Ân", "Bùi Văn Anh")) {
            fixtures.add(unit, name);
        }
        assertThat(names(secretary, unit, "", "sort", "name"))
                .containsExactly("Bùi Văn Anh", "Phạm Văn Anh", "Hồ Thị Ánh", "Ngô Thị Ân", "Lê Văn Dũng", "Trần Văn Đạt");
    }

    private List<String> names(Staff staff, OrgUnitView node, String q, String... params) throws Exception {
        MemberPage page = (MemberPage) list(staff, node, q, params).getModelAndView().getModel().get("memberPage");
        return page.rows().stream().map(MemberRow::fullName).toList();
    }

    private MvcResult list(Staff staff, OrgUnitView node, String q, String... params) throws Exception {
        var request = get("/units/" + node.id() + "/members").with(as(staff)).param("q", q);
        for (int i = 0; i < params.length; i += 2) {
            request = request.param(params[i], params[i + 1]);
        }
        return mvc.perform(request).andExpect(status().isOk()).andReturn();
    }
}
