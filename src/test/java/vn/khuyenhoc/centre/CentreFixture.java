package vn.khuyenhoc.centre;

import java.time.LocalDate;
import java.util.EnumMap;
import java.util.Map;
import java.util.UUID;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import vn.khuyenhoc.orgunit.OrgUnitView;
import vn.khuyenhoc.shared.Staff;
import vn.khuyenhoc.support.TestTree;

/** Centres and their years for tests, straight through the service, with unique names (tests share a database). */
@Component
class CentreFixture {

    @Autowired
    CentreService centres;

    @Autowired
    TestTree tree;

    @Autowired
    JdbcClient jdbc;

    CentreView centre(Staff communeStaff, OrgUnitView commune, LocalDate setUp) {
        return centres.create(communeStaff, commune.id(), new CentreData("Trung tâm HTCĐ thử " + UUID.randomUUID(),
                "Tổ 5, khu 3", "12/QĐ-UBND", setUp, "Nguyễn Văn Giám Đốc", true, null));
    }

    static CentreYearData year(int year, int classesEach, int turnsEach, boolean hub, boolean chair) {
        Map<CentreKind, Integer> classes = new EnumMap<>(CentreKind.class);
        Map<CentreKind, Integer> turns = new EnumMap<>(CentreKind.class);
        for (CentreKind kind : CentreKind.values()) {
            classes.put(kind, classesEach + kind.ordinal());
            turns.put(kind, turnsEach + 10 * kind.ordinal());
        }
        return new CentreYearData(year, classes, turns, chair, hub, hub ? 5 : 0, hub, CentreGrade.GOOD);
    }

    long centresOf(OrgUnitView commune) {
        return jdbc.sql("SELECT count(*) FROM learning_centre WHERE commune_id = :c").param("c", commune.id())
                .query(Long.class).single();
    }

    long yearsOf(long centreId) {
        return jdbc.sql("SELECT count(*) FROM centre_year WHERE centre_id = :c").param("c", centreId)
                .query(Long.class).single();
    }

    void close(int year) {
        jdbc.sql("INSERT INTO closed_year (year, closed_by) VALUES (:y, 'test') ON CONFLICT DO NOTHING").param("y", year)
                .update();
    }
}
