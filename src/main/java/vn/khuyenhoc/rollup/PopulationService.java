package vn.khuyenhoc.rollup;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.khuyenhoc.audit.AuditService;
import vn.khuyenhoc.orgunit.OrgUnitService;
import vn.khuyenhoc.orgunit.OrgUnitView;
import vn.khuyenhoc.shared.NotFoundException;
import vn.khuyenhoc.shared.Scope;
import vn.khuyenhoc.shared.Staff;

/**
 * Population of provinces and communes by year. The country's population in a year is the sum of its provinces',
 * known only when every province has one; a grassroots unit has none. Unknown stays unknown: shares and per-capita
 * figures then show "—", never a division by zero.
 */
@Service
@Transactional(readOnly = true)
public class PopulationService {

    private final JdbcClient jdbc;
    private final OrgUnitService orgUnits;
    private final AuditService audit;

    PopulationService(JdbcClient jdbc, OrgUnitService orgUnits, AuditService audit) {
        this.jdbc = jdbc;
        this.orgUnits = orgUnits;
        this.audit = audit;
    }

    /** The population of a node in a year, if known. */
    public Optional<Long> population(OrgUnitView node, int year) {
        if (node.level() == 0) {
            return jdbc.sql("""
                    SELECT CASE WHEN count(p.node_id) = count(*) THEN sum(p.population) END
                    FROM org_unit o LEFT JOIN node_population p ON p.node_id = o.id AND p.year = :year
                    WHERE o.level = 1
                    """).param("year", year).query(Long.class).optional();
        }
        return jdbc.sql("SELECT population FROM node_population WHERE node_id = :node AND year = :year")
                .param("node", node.id()).param("year", year).query(Long.class).optional();
    }

    /** The populations of the children of a node in a year, by child id (absent when unknown). */
    public Map<Long, Long> childPopulations(long parentId, int year) {
        return jdbc.sql("""
                SELECT o.id, p.population FROM org_unit o JOIN node_population p ON p.node_id = o.id AND p.year = :year
                WHERE o.parent_id = :parent
                """).param("parent", parentId).param("year", year)
                .query((rs, n) -> Map.entry(rs.getLong(1), rs.getLong(2))).list().stream()
                .collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    public List<PopulationRow> history(Scope scope, long nodeId) {
        OrgUnitView node = orgUnits.get(scope, nodeId);
        return jdbc.sql("""
                SELECT year, population, households, updated_at, updated_by, version
                FROM node_population WHERE node_id = :node ORDER BY year DESC
                """).param("node", node.id())
                .query((rs, n) -> new PopulationRow(rs.getInt("year"), rs.getLong("population"),
                        (Long) rs.getObject("households"), rs.getObject("updated_at", java.time.OffsetDateTime.class),
                        rs.getString("updated_by"), rs.getLong("version")))
                .list();
    }

    /** Whether this user keeps the population of this node: its own staff, for a province or commune. */
    public boolean canEdit(Staff staff, OrgUnitView node) {
        return staff.scope().nodeId() == node.id() && (node.level() == 1 || node.level() == 2);
    }

    /** Sets a year's figures of the user's own node, creating or replacing them. */
    @Transactional
    public void set(Staff staff, long nodeId, PopulationForm form) {
        OrgUnitView node = orgUnits.get(staff.scope(), nodeId);
        if (!canEdit(staff, node)) {
            throw new NotFoundException();
        }
        var before = jdbc.sql("SELECT population, households, version FROM node_population WHERE node_id = :node AND year = :year")
                .param("node", nodeId).param("year", form.year())
                .query((rs, n) -> new Object[] {rs.getLong(1), rs.getObject(2), rs.getLong(3)}).optional();
        if (before.isPresent() && form.version() != null && form.version() != (long) before.get()[2]) {
            throw new ObjectOptimisticLockingFailureException("node_population", nodeId);
        }
        try {
            write(staff, nodeId, form, before.isPresent());
        }
        catch (org.springframework.dao.DataAccessException ex) {
            // the node's report of the year is submitted (require_unlocked): say so in words
            vn.khuyenhoc.shared.LockedRecords.rethrowAsRefusal(ex, "year");
            throw ex;
        }
        audit.record(staff, before.isPresent() ? "UPDATE" : "CREATE", "POPULATION", nodeId, node.path(),
                before.map(b -> Map.of("year", form.year(), "population", b[0],
                        "households", b[1] == null ? "" : b[1])).orElse(null),
                Map.of("year", form.year(), "population", form.population(),
                        "households", form.households() == null ? "" : form.households()));
    }

    private void write(Staff staff, long nodeId, PopulationForm form, boolean exists) {
        if (exists) {
            jdbc.sql("""
                    UPDATE node_population SET population = :population, households = :households, updated_at = now(),
                           updated_by = :by, version = version + 1
                    WHERE node_id = :node AND year = :year
                    """)
                    .param("population", form.population()).param("households", form.households())
                    .param("by", staff.username()).param("node", nodeId).param("year", form.year()).update();
        }
        else {
            jdbc.sql("""
                    INSERT INTO node_population (node_id, year, population, households, updated_by)
                    VALUES (:node, :year, :population, :households, :by)
                    """)
                    .param("node", nodeId).param("year", form.year()).param("population", form.population())
                    .param("households", form.households()).param("by", staff.username()).update();
        }
    }

    /** Loads figures without a user: the demo data set. */
    @Transactional
    public void load(long nodeId, int year, long population, Long households) {
        jdbc.sql("""
                INSERT INTO node_population (node_id, year, population, households, updated_by)
                VALUES (:node, :year, :population, :households, 'system') ON CONFLICT (node_id, year) DO NOTHING
                """)
                .param("node", nodeId).param("year", year).param("population", population)
                .param("households", households).update();
    }

    public record PopulationRow(int year, long population, Long households, java.time.OffsetDateTime updatedAt,
            String updatedBy, long version) {
    }
}
