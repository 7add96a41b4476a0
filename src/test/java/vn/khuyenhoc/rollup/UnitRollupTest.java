package vn.khuyenhoc.rollup;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import vn.khuyenhoc.orgunit.GrassrootsUnitForm;
import vn.khuyenhoc.orgunit.OrgUnitKind;
import vn.khuyenhoc.orgunit.OrgUnitService;
import vn.khuyenhoc.orgunit.OrgUnitView;
import vn.khuyenhoc.shared.Staff;
import vn.khuyenhoc.support.IntegrationTest;
import vn.khuyenhoc.support.TestTree;

import static org.assertj.core.api.Assertions.assertThat;

/** The structure roll-up (chapters, boards, communes with an association) always equals a direct count. */
@IntegrationTest
class UnitRollupTest {

    @Autowired
    OrgUnitService orgUnits;

    @Autowired
    TestTree tree;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate transactions;

    @Test
    void afterARandomMixOfCreationsRenamesAndDeactivationsEveryNodeMatchesADirectCount() {
        Random random = new Random(42);
        String[] communes = {"06724", "06733", "06757", "00004"}; // three in Quảng Ninh, one in Hà Nội
        List<OrgUnitView> created = new ArrayList<>();
        Staff system = Staff.system(orgUnits.centralScope());
        for (int i = 0; i < 60; i++) {
            int op = created.isEmpty() ? 0 : random.nextInt(4);
            transactions.executeWithoutResult(s -> {
                if (op == 0) {
                    String commune = communes[random.nextInt(communes.length)];
                    OrgUnitKind kind = random.nextBoolean() ? OrgUnitKind.CHAPTER : OrgUnitKind.BOARD;
                    created.add(orgUnits.createGrassroots(system, tree.unit(commune).id(),
                            new GrassrootsUnitForm(kind, "Đơn vị " + random.nextLong(), null)));
                }
                else {
                    OrgUnitView unit = created.get(random.nextInt(created.size()));
                    OrgUnitView current = orgUnits.get(system.scope(), unit.id());
                    switch (op) {
                        case 1 -> orgUnits.setGrassrootsActive(system, unit.id(), !current.active());
                        case 2 -> orgUnits.updateGrassroots(system, unit.id(), new GrassrootsUnitForm(
                                current.kind() == OrgUnitKind.CHAPTER ? OrgUnitKind.BOARD : OrgUnitKind.CHAPTER,
                                current.name(), current.version()));
                        default -> orgUnits.setGrassrootsActive(system, unit.id(), current.active());
                    }
                }
            });
        }
        List<String> mismatches = jdbc.sql("""
                SELECT n.id || ': ' || r.chapters || '/' || r.boards || '/' || r.communes_with_association || ' vs '
                       || d.chapters || '/' || d.boards || '/' || d.communes
                FROM org_unit n
                JOIN rollup_units r ON r.node_id = n.id
                CROSS JOIN LATERAL (
                    SELECT count(*) FILTER (WHERE g.kind = 'CHAPTER') AS chapters,
                           count(*) FILTER (WHERE g.kind = 'BOARD') AS boards,
                           CASE WHEN n.level = 2 THEN 0 ELSE count(DISTINCT g.parent_id) END AS communes
                    FROM org_unit g WHERE g.level = 3 AND g.active AND g.path LIKE n.path || '%') d
                WHERE n.level < 3
                  AND (r.chapters, r.boards, r.communes_with_association) IS DISTINCT FROM (d.chapters, d.boards, d.communes)
                """).query(String.class).list();
        assertThat(mismatches).isEmpty();
        assertThat(jdbc.sql("SELECT count(*) FROM rollup_units").query(Long.class).single()).isEqualTo(1 + 34 + 3321);
    }
}
