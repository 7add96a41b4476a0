package vn.khuyenhoc.registration;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import vn.khuyenhoc.orgunit.OrgUnitView;
import vn.khuyenhoc.shared.Staff;
import vn.khuyenhoc.support.IntegrationTest;
import vn.khuyenhoc.support.TestTree;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static vn.khuyenhoc.registration.Registrations.YEAR;
import static vn.khuyenhoc.registration.Registrations.unique;
import static vn.khuyenhoc.support.TestTree.as;

/**
 * The figures on the unit pages equal a direct count of the rows, after a random mix of registrations,
 * withdrawals and evaluations; and what the database itself refuses, whoever writes to it.
 */
@IntegrationTest
class CountsAndDatabaseTest {

    private static final TitleKind[] UNIT_KINDS = {TitleKind.FAMILY, TitleKind.COMMUNITY, TitleKind.CITIZEN};

    @Autowired
    MockMvc mvc;

    @Autowired
    TestTree tree;

    Registrations registrations;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    RegistrationService service;

    @BeforeEach
    void helpers() {
        registrations = new Registrations(mvc, jdbc);
    }

    @Test
    void theCountsOnTheUnitAndCommunePagesEqualADirectCount() throws Exception {
        var commune = tree.unit("06658"); // Phường Cao Xanh
        var communeStaff = tree.staffOf(commune);
        List<OrgUnitView> units = List.of(tree.newChapter("06658"), tree.newChapter("06658"));
        Random random = new Random(7);
        List<Long> made = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            int year = random.nextInt(4) == 0 ? YEAR - 1 : YEAR;
            String name = unique("Đối tượng " + i);
            if (random.nextInt(5) == 0) {
                if (random.nextBoolean()) {
                    registrations.clan(communeStaff, commune.id(), year, name, "Người đại diện");
                }
                else {
                    registrations.learningUnit(communeStaff, commune.id(), year, name, "AGENCY");
                }
            }
            else {
                OrgUnitView unit = units.get(random.nextInt(units.size()));
                Staff secretary = tree.staffOf(unit);
                switch (UNIT_KINDS[random.nextInt(UNIT_KINDS.length)]) {
                    case FAMILY -> registrations.family(secretary, unit.id(), year, name, "Tổ " + i, "4");
                    case COMMUNITY -> registrations.community(secretary, unit.id(), year, name);
                    default -> registrations.citizen(secretary, unit.id(), year, name, "1980");
                }
            }
            made.add(registrations.idOf(name));
        }
        for (long id : made) {
            switch (random.nextInt(4)) {
                case 0 -> registrations.post(communeStaff, "/registrations/" + id + "/evaluation", "result", "RECOGNISED",
                        "decisionNumber", "3/QĐ-KH", "decisionDate", YEAR + "-01-02", "version", "0");
                case 1 -> registrations.post(communeStaff, "/registrations/" + id + "/evaluation", "result",
                        "NOT_RECOGNISED", "version", "0");
                case 2 -> {
                    long node = jdbc.sql("SELECT node_id FROM title_registration WHERE id = :id").param("id", id)
                            .query(Long.class).single();
                    Staff owner = node == commune.id() ? communeStaff
                            : tree.staffOf(units.stream().filter(u -> u.id() == node).findFirst().orElseThrow());
                    registrations.post(owner, "/registrations/" + id + "/withdraw", "version", "0");
                }
                default -> {
                    // left registered
                }
            }
        }
        assertThat(jdbc.sql("SELECT count(DISTINCT status) FROM title_registration WHERE commune_id = :c")
                .param("c", commune.id()).query(Long.class).single()).isEqualTo(4);

        var reader = tree.staffOf(tree.unit("22"));
        for (int year : new int[] {YEAR, YEAR - 1}) {
            for (OrgUnitView unit : units) {
                String page = page(reader, "/units/" + unit.id() + "?year=" + year);
                for (TitleKind kind : UNIT_KINDS) {
                    assertThat(UnitPage.counts(page, kind.name())).as(unit.name() + " " + kind + " " + year)
                            .isEqualTo(direct("node_id", unit.id(), year, kind));
                }
                assertThat(page).doesNotContain("id=\"count-CLAN\"");
            }
            String communePage = page(reader, "/units/" + commune.id() + "?year=" + year);
            for (TitleKind kind : TitleKind.countedAtLevel(2)) {
                assertThat(UnitPage.counts(communePage, kind.name())).as("commune " + kind + " " + year)
                        .isEqualTo(direct("commune_id", commune.id(), year, kind));
            }
            // the service method the dashboards will share gives the same figures
            TitleCounts counts = service.counts(reader.scope(), commune.id(), year);
            for (TitleKind kind : TitleKind.values()) {
                assertThat(counts.of(kind).registered() + "/" + counts.of(kind).recognised())
                        .isEqualTo(direct("commune_id", commune.id(), year, kind));
            }
        }
        // provinces and the country show no counts box (the dashboards will give theirs)
        mvc.perform(get("/units/" + tree.unit("22").id()).with(as(reader)))
                .andExpect(status().isOk()).andExpect(content().string(not(containsString("id=\"title-counts\""))));
        mvc.perform(get("/units/" + commune.id()).param("year", "abc").with(as(reader)))
                .andExpect(status().isOk()).andExpect(content().string(containsString("Danh hiệu học tập năm " + YEAR)));
    }

    @Test
    void theDatabaseRefusesADuplicateAKindAtTheWrongNodeAndMovingARegistration() {
        var unit = tree.newChapter("06658");
        var commune = tree.unit("06658");
        String head = unique("Nguyễn Văn Mười");
        insertFamily(unit.id(), head, "Tổ 3, Khu 5");
        assertThatThrownBy(() -> insertFamily(unit.id(), head.toUpperCase().replace("Ư", "U").replace("Ờ", "O"), "to 3 khu 5"))
                .hasMessageContaining("title_registration_subject_uq");
        assertThatThrownBy(() -> jdbc.sql("""
                INSERT INTO title_registration (province_id, commune_id, node_id, year, kind, subject_name, representative, created_by)
                VALUES (0, 0, :node, :year, 'CLAN', 'Dòng họ Mai', 'Mai Văn A', 'test')
                """).param("node", unit.id()).param("year", YEAR).update())
                .hasMessageContaining("cannot be made at org_unit");
        assertThatThrownBy(() -> jdbc.sql("""
                INSERT INTO title_registration (province_id, commune_id, node_id, year, kind, subject_name, created_by)
                VALUES (0, 0, :node, :year, 'FAMILY', 'Thiếu địa chỉ', 'test')
                """).param("node", unit.id()).param("year", YEAR).update())
                .hasMessageContaining("title_registration_kind_fields");
        long id = registrations.idOf(head);
        assertThat(jdbc.sql("SELECT commune_id = :c AND province_id = :p FROM title_registration WHERE id = :id")
                .param("c", commune.id()).param("p", commune.provinceId()).param("id", id).query(Boolean.class).single())
                .isTrue();
        assertThatThrownBy(() -> jdbc.sql("UPDATE title_registration SET year = year - 1 WHERE id = :id")
                .param("id", id).update()).hasMessageContaining("are fixed");
        assertThatThrownBy(() -> jdbc.sql("UPDATE title_registration SET status = 'RECOGNISED' WHERE id = :id")
                .param("id", id).update()).hasMessageContaining("title_registration_decision");
        assertThatThrownBy(() -> jdbc.sql("""
                UPDATE title_registration SET status = 'RECOGNISED', decision_number = '1', decision_date = make_date(year - 1, 6, 1),
                       recognising_level = 'COMMUNE', evaluated_at = now(), evaluated_by = 'test' WHERE id = :id
                """).param("id", id).update()).hasMessageContaining("title_registration_decision_date");
        jdbc.sql("INSERT INTO closed_year (year, closed_by) VALUES (2013, 'test') ON CONFLICT DO NOTHING").update();
        assertThatThrownBy(() -> jdbc.sql("""
                INSERT INTO title_registration (province_id, commune_id, node_id, year, kind, subject_name, created_by)
                VALUES (0, 0, :node, 2013, 'COMMUNITY', 'Khu 13', 'test')
                """).param("node", unit.id()).update()).hasMessageContaining("year 2013 is closed");
    }

    private void insertFamily(long nodeId, String head, String address) {
        jdbc.sql("""
                INSERT INTO title_registration (province_id, commune_id, node_id, year, kind, subject_name, address,
                                                household_size, created_by)
                VALUES (0, 0, :node, :year, 'FAMILY', :head, :address, 3, 'test')
                """).param("node", nodeId).param("year", YEAR).param("head", head).param("address", address).update();
    }

    /** "registered/recognised" counted straight from the rows. */
    private String direct(String column, long id, int year, TitleKind kind) {
        return jdbc.sql("""
                SELECT count(*) FILTER (WHERE status <> 'WITHDRAWN') || '/' || count(*) FILTER (WHERE status = 'RECOGNISED')
                FROM title_registration WHERE %s = :id AND year = :year AND kind = :kind
                """.formatted(column)).param("id", id).param("year", year).param("kind", kind.name())
                .query(String.class).single();
    }

    private String page(Staff staff, String url) throws Exception {
        return mvc.perform(get(url).with(as(staff))).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
    }
}
