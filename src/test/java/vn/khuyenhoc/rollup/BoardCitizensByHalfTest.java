package vn.khuyenhoc.rollup;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import vn.khuyenhoc.orgunit.OrgUnitView;
import vn.khuyenhoc.support.IntegrationTest;
import vn.khuyenhoc.support.TestTree;
import vn.khuyenhoc.support.Today;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A chapter that becomes a board takes its learning citizens to the staff side of the shares (issue 11), half-year
 * by half-year as the roll-up keeps them (issue 13): a unit with citizens registered in both halves of a year moves
 * each once, and back again.
 */
@IntegrationTest
class BoardCitizensByHalfTest {

    @Autowired
    TestTree tree;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aChapterBecomingABoardMovesEachHalfsCitizensOnce() {
        int year = Today.inVietnam().getYear();
        OrgUnitView chapter = tree.newChapter("06688");
        register(chapter, year, "Phạm Thị Xuân", year + "-03-01 09:00+07");
        register(chapter, year, "Vũ Văn Hạ", year + "-09-01 09:00+07");
        register(chapter, year, "Đặng Thị Thu", year + "-09-02 09:00+07");
        assertThat(board(chapter, year)).isZero();

        jdbc.sql("UPDATE org_unit SET kind = 'BOARD' WHERE id = :id").param("id", chapter.id()).update();
        assertThat(board(chapter, year)).isEqualTo(3);
        assertThat(jdbc.sql("""
                SELECT count(*) FROM rollup_titles WHERE node_id = :n AND year = :y AND kind = 'CITIZEN'
                  AND board_registered <> registered""").param("n", chapter.id()).param("y", year)
                .query(Long.class).single()).as("every half's citizens are on the staff side").isZero();
        long communeBoard = jdbc.sql("""
                SELECT coalesce(sum(board_registered), 0) FROM rollup_titles
                WHERE node_id = (SELECT parent_id FROM org_unit WHERE id = :n) AND year = :y AND kind = 'CITIZEN'""")
                .param("n", chapter.id()).param("y", year).query(Long.class).single();
        long direct = jdbc.sql("""
                SELECT count(*) FROM title_registration r JOIN org_unit u ON u.id = r.node_id
                WHERE u.parent_id = (SELECT parent_id FROM org_unit WHERE id = :n) AND u.kind = 'BOARD'
                  AND r.kind = 'CITIZEN' AND r.year = :y AND r.status <> 'WITHDRAWN'""")
                .param("n", chapter.id()).param("y", year).query(Long.class).single();
        assertThat(communeBoard).isEqualTo(direct);

        jdbc.sql("UPDATE org_unit SET kind = 'CHAPTER' WHERE id = :id").param("id", chapter.id()).update();
        assertThat(board(chapter, year)).isZero();
    }

    void register(OrgUnitView unit, int year, String name, String createdAt) {
        jdbc.sql("""
                INSERT INTO title_registration (node_id, year, kind, subject_name, birth_year, created_at, created_by)
                VALUES (:n, :y, 'CITIZEN', :name, 1980, CAST(:at AS timestamptz), 'test')""")
                .param("n", unit.id()).param("y", year).param("name", name + " " + System.nanoTime())
                .param("at", createdAt).update();
    }

    long board(OrgUnitView unit, int year) {
        return jdbc.sql("""
                SELECT coalesce(sum(board_registered), 0) FROM rollup_titles
                WHERE node_id = :n AND year = :y AND kind = 'CITIZEN'""")
                .param("n", unit.id()).param("y", year).query(Long.class).single();
    }
}
