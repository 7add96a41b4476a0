package vn.khuyenhoc.member;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

import vn.khuyenhoc.orgunit.OrgUnitView;
import vn.khuyenhoc.rollup.RollupService;
import vn.khuyenhoc.shared.RuleViolationException;
import vn.khuyenhoc.shared.Staff;
import vn.khuyenhoc.support.IntegrationTest;
import vn.khuyenhoc.support.TestTree;
import vn.khuyenhoc.support.Today;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static vn.khuyenhoc.support.TestTree.as;

/**
 * The member roll-up the dashboards read (joined / departed per node and year, Party members likewise) always
 * equals a direct count over the member rows, and a closed year's figures cannot be changed through members.
 */
@IntegrationTest
class MemberRollupTest {

    /** Closed by this test only, and reopened at its end: no other test dates anything in it. */
    static final int CLOSED = 2009;

    @Autowired
    MockMvc mvc;

    @Autowired
    TestTree tree;

    @Autowired
    MemberFixtures fixtures;

    @Autowired
    MemberService members;

    @Autowired
    RollupService rollups;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate transactions;

    @Test
    void afterARandomMixOfChangesEveryNodeAndYearMatchesADirectCount() {
        Random random = new Random(7);
        List<OrgUnitView> units = List.of(tree.newChapter("06724"), tree.newChapter("06724"), tree.newChapter("06733"),
                tree.newChapter("00004"));
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < 150; i++) {
            int op = ids.isEmpty() ? 0 : random.nextInt(5);
            try {
                transactions.executeWithoutResult(s -> change(op, random, units, ids));
            }
            catch (RuleViolationException sameStatusAndDate) {
                // a random departure on the date already recorded: refused, nothing to count
            }
        }
        assertRollupEqualsDirectCount(units);
    }

    private void change(int op, Random random, List<OrgUnitView> units, List<Long> ids) {
                if (op <= 1) {
                    OrgUnitView unit = units.get(random.nextInt(units.size()));
                    LocalDate joined = LocalDate.of(2012 + random.nextInt(13), 1 + random.nextInt(12), 1 + random.nextInt(28));
                    ids.add(members.add(MemberFixtures.secretary(unit), unit.id(), data("Nguyễn Văn Thử " + (char) ('A' + ids.size() % 26),
                            joined, random.nextBoolean())).id());
                    return;
                }
                long id = ids.get(random.nextInt(ids.size()));
                MemberView m = members.get(scopeOfAll(), id);
                Staff staff = MemberFixtures.secretary(unitOf(units, m.unitId()));
                switch (op) {
                    case 2 -> {
                        LocalDate joined = m.statusChangedOn() != null ? m.joinedOn().minusDays(random.nextInt(400))
                                : LocalDate.of(2012 + random.nextInt(13), 1 + random.nextInt(12), 1 + random.nextInt(28));
                        members.update(staff, id, data(m.fullName(), joined, random.nextBoolean()), m.version());
                    }
                    case 3 -> {
                        if (m.status().isDeparted()) {
                            members.changeStatus(staff, id, MemberStatus.ACTIVE, null, m.version());
                        }
                        else {
                            LocalDate on = m.joinedOn().plusDays(random.nextInt(3000));
                            members.changeStatus(staff, id, random.nextBoolean() ? MemberStatus.LEFT : MemberStatus.DECEASED,
                                    on.isAfter(Today.inVietnam()) ? Today.inVietnam() : on, m.version());
                        }
                    }
                    default -> {
                        if (m.status().isDeparted()) {
                            LocalDate on = m.joinedOn().plusDays(random.nextInt(2000));
                            members.changeStatus(staff, id, MemberStatus.LEFT, on.isAfter(Today.inVietnam()) ? Today.inVietnam() : on,
                                    m.version());
                        }
                    }
                }
    }

    private void assertRollupEqualsDirectCount(List<OrgUnitView> units) {
        List<String> mismatches = jdbc.sql("""
                WITH flows AS (
                    SELECT unit_id, commune_id, province_id, extract(year FROM joined_on)::int AS year,
                           1 AS joined, 0 AS departed, party_member::int AS party_joined, 0 AS party_departed
                    FROM member
                    UNION ALL
                    SELECT unit_id, commune_id, province_id, extract(year FROM status_changed_on)::int, 0, 1, 0, party_member::int
                    FROM member WHERE status <> 'ACTIVE'
                ), direct AS (
                    SELECT n.node_id, f.year, sum(joined) AS joined, sum(departed) AS departed,
                           sum(party_joined) AS party_joined, sum(party_departed) AS party_departed
                    FROM flows f CROSS JOIN LATERAL (VALUES (f.unit_id), (f.commune_id), (f.province_id)) n (node_id)
                    GROUP BY n.node_id, f.year
                ), kept AS (
                    SELECT * FROM rollup_members WHERE joined <> 0 OR departed <> 0 OR party_joined <> 0 OR party_departed <> 0
                )
                SELECT coalesce(d.node_id, k.node_id) || '/' || coalesce(d.year, k.year) || ': ' || row(d.joined, d.departed,
                       d.party_joined, d.party_departed) || ' vs ' || row(k.joined, k.departed, k.party_joined, k.party_departed)
                FROM direct d FULL JOIN kept k ON k.node_id = d.node_id AND k.year = d.year
                WHERE (d.joined, d.departed, d.party_joined, d.party_departed)
                      IS DISTINCT FROM (k.joined, k.departed, k.party_joined, k.party_departed)
                """).query(String.class).list();
        assertThat(mismatches).isEmpty();
        assertThat(jdbc.sql("SELECT count(*) FROM member WHERE unit_id IN (:ids) AND status <> 'ACTIVE'")
                .param("ids", units.stream().map(OrgUnitView::id).toList()).query(Long.class).single()).isPositive();

        // and the dashboards' figures (members at year end, new members, Party members) equal a direct count
        var scope = scopeOfAll();
        for (OrgUnitView node : List.of(units.get(0), tree.unit("06724"), tree.unit("22"), tree.unit("01"))) {
            String column = switch (node.level()) {
                case 3 -> "unit_id";
                case 2 -> "commune_id";
                default -> "province_id";
            };
            for (int year : new int[] {2014, 2019, 2024}) {
                var figures = rollups.figures(scope, node.id(), year);
                LocalDate end = LocalDate.of(year, 12, 31);
                String activeAtEnd = column + " = :node AND joined_on <= :end AND (status = 'ACTIVE' OR status_changed_on > :end)";
                assertThat(figures.members()).as("members of %s at the end of %d", node.name(), year)
                        .isEqualTo(count(activeAtEnd, node, end));
                assertThat(figures.partyMembers()).isEqualTo(count(activeAtEnd + " AND party_member", node, end));
                assertThat(figures.newMembers()).isEqualTo(count(column + " = :node AND extract(year FROM joined_on) = "
                        + year + " AND :end IS NOT NULL", node, end));
            }
        }
    }

    @Test
    void aClosedYearRefusesMemberChangesDatedInIt() throws Exception {
        OrgUnitView unit = tree.newChapter("06688");
        Staff secretary = tree.staffOf(unit);
        MemberView joinedInClosed = fixtures.add(unit, "Đỗ Văn Khóa", Gender.MALE, LocalDate.of(CLOSED, 5, 1), false);
        MemberView joinedBefore = fixtures.add(unit, "Ngô Thị Sổ", Gender.FEMALE, LocalDate.of(CLOSED - 1, 5, 1), false);
        jdbc.sql("INSERT INTO closed_year (year, closed_by) VALUES (:y, 'test')").param("y", CLOSED).update();
        try {
            // a new member dated in the closed year
            mvc.perform(MemberPagesTest.addRequest(unit, "Hồ Văn Mới", "2009-06-01").with(as(secretary)))
                    .andExpect(model().attributeHasFieldErrorCode("form", "joinedOn", "year.closed"))
                    .andExpect(content().string(containsString("Năm này đã khóa sổ")));
            // a departure dated in it
            mvc.perform(MemberPagesTest.statusRequest(joinedBefore, "LEFT", "2009-12-01", 0).with(as(secretary)))
                    .andExpect(model().attributeHasFieldErrorCode("form", "date", "year.closed"));
            // moving the date joined out of it, and making its member a Party member (its Party figures would change)
            mvc.perform(MemberPagesTest.editRequest(joinedInClosed, "Đỗ Văn Khóa", "2010-05-01", 0).with(as(secretary)))
                    .andExpect(model().attributeHasFieldErrorCode("form", "joinedOn", "year.closed"));
            mvc.perform(MemberPagesTest.editRequest(joinedInClosed, "Đỗ Văn Khóa", "2009-05-01", 0).param("partyMember", "true")
                    .with(as(secretary)))
                    .andExpect(model().attributeHasFieldErrorCode("form", "partyMember", "year.closed"));
            assertThat(fixtures.count("unit_id = ? AND version = 0 AND status = 'ACTIVE' AND NOT party_member", unit.id()))
                    .isEqualTo(2);
            // what does not touch the year's figures goes through: a corrected name, a departure dated later
            mvc.perform(MemberPagesTest.editRequest(joinedInClosed, "Đỗ Văn Khoa", "2009-05-01", 0).with(as(secretary)))
                    .andExpect(redirectedUrl("/members/" + joinedInClosed.id()));
            mvc.perform(MemberPagesTest.statusRequest(joinedBefore, "LEFT", "2010-02-01", 0).with(as(secretary)))
                    .andExpect(redirectedUrl("/members/" + joinedBefore.id()));
            // and the database refuses it whoever connects
            assertThatThrownBy(() -> jdbc.sql("UPDATE member SET joined_on = DATE '2009-01-01' WHERE id = :id")
                    .param("id", joinedBefore.id()).update()).hasMessageContaining("year 2009 is closed");
        }
        finally {
            jdbc.sql("DELETE FROM closed_year WHERE year = :y").param("y", CLOSED).update();
        }
    }

    private long count(String where, OrgUnitView node, LocalDate end) {
        return jdbc.sql("SELECT count(*) FROM member WHERE " + where).param("node", node.id()).param("end", end)
                .query(Long.class).single();
    }

    private vn.khuyenhoc.shared.Scope scopeOfAll() {
        OrgUnitView central = tree.central();
        return new vn.khuyenhoc.shared.Scope(central.id(), central.path(), 0);
    }

    private static OrgUnitView unitOf(List<OrgUnitView> units, long id) {
        return units.stream().filter(u -> u.id() == id).findFirst().orElseThrow();
    }

    private static MemberData data(String name, LocalDate joined, boolean party) {
        return new MemberData(name, Gender.MALE, 1960, null, Ethnicity.KINH, party, null, "Khu 4", joined);
    }
}
