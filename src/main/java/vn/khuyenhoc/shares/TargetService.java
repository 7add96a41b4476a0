package vn.khuyenhoc.shares;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.khuyenhoc.audit.AuditService;
import vn.khuyenhoc.orgunit.OrgUnitService;
import vn.khuyenhoc.orgunit.OrgUnitView;
import vn.khuyenhoc.rollup.RollupService;
import vn.khuyenhoc.rollup.ShareKind;
import vn.khuyenhoc.rollup.Shares;
import vn.khuyenhoc.shared.NotFoundException;
import vn.khuyenhoc.shared.Role;
import vn.khuyenhoc.shared.Scope;
import vn.khuyenhoc.shared.Staff;

/**
 * Targets: the shares a node means to reach in a year. The country's are the national programme's (shipped:
 * Decisions 387/QĐ-TTg and 677/QĐ-TTg of 2022, for 2025 and 2030) and only national staff change them; a province's
 * or commune's own are set by its own staff. Which target applies where (own, else the nearest ancestor's; the
 * country's carried over from the latest earlier year) is read with the figures by {@link RollupService}.
 */
@Service
@Transactional(readOnly = true)
public class TargetService {

    private static final String[] COLUMNS = {"family", "clan", "community", "unit", "citizen_adults", "citizen_staff"};

    private final JdbcClient jdbc;
    private final OrgUnitService orgUnits;
    private final AuditService audit;
    private final RollupService rollups;

    TargetService(JdbcClient jdbc, OrgUnitService orgUnits, AuditService audit, RollupService rollups) {
        this.jdbc = jdbc;
        this.orgUnits = orgUnits;
        this.audit = audit;
        this.rollups = rollups;
    }

    /** The country, a province or a commune in the user's scope (404 otherwise, and for grassroots units). */
    public OrgUnitView node(Scope scope, long nodeId) {
        OrgUnitView node = orgUnits.get(scope, nodeId);
        if (node.level() > 2) {
            throw new NotFoundException();
        }
        return node;
    }

    /** The node's own staff set its targets: national staff the country's, a province's or commune's its own. */
    public boolean canEdit(Staff staff, OrgUnitView node) {
        return staff.scope().nodeId() == node.id() && node.level() <= 2
                && (node.level() > 0 || staff.role() == Role.NATIONAL);
    }

    /** The node's own targets of a year, if it set any. */
    public Optional<Entry> own(long nodeId, int year) {
        return history(nodeId).stream().filter(e -> e.year() == year).findFirst();
    }

    /** The node's own targets, newest year first. */
    public List<Entry> history(long nodeId) {
        return jdbc.sql("""
                SELECT year, family, clan, community, unit, citizen_adults, citizen_staff, source, updated_at,
                       updated_by, version
                FROM node_target WHERE node_id = :node ORDER BY year DESC
                """).param("node", nodeId)
                .query((rs, n) -> {
                    Map<ShareKind, BigDecimal> values = new EnumMap<>(ShareKind.class);
                    for (ShareKind kind : ShareKind.values()) {
                        values.put(kind, rs.getBigDecimal(COLUMNS[kind.ordinal()]));
                    }
                    return new Entry(rs.getInt("year"), TargetValues.of(values, rs.getString("source")),
                            rs.getObject("updated_at", OffsetDateTime.class), rs.getString("updated_by"),
                            rs.getLong("version"));
                }).list();
    }

    /** The targets that apply to the node in a year, with where each comes from. */
    public Map<ShareKind, Shares.Target> effective(Scope scope, long nodeId, int year) {
        return rollups.figures(scope, nodeId, year).shares().targets();
    }

    /**
     * Sets the user's own node's targets for a year. Anyone but national staff asking to set the country's is refused
     * with 403 (they may know the country exists; they may not change its targets).
     */
    @Transactional
    public void set(Staff staff, long nodeId, TargetForm.TargetCommand command) {
        OrgUnitView node = editable(staff, nodeId);
        Optional<Entry> before = own(nodeId, command.year());
        if (before.isPresent() && command.version() != null && command.version() != before.get().version()) {
            throw new ObjectOptimisticLockingFailureException("node_target", nodeId);
        }
        TargetValues v = command.values();
        try {
            jdbc.sql("""
                    INSERT INTO node_target (node_id, year, family, clan, community, unit, citizen_adults, citizen_staff,
                                             source, updated_by)
                    VALUES (:node, :year, :family, :clan, :community, :unit, :adults, :staff, :source, :by)
                    ON CONFLICT (node_id, year) DO UPDATE
                        SET family = EXCLUDED.family, clan = EXCLUDED.clan, community = EXCLUDED.community,
                            unit = EXCLUDED.unit, citizen_adults = EXCLUDED.citizen_adults,
                            citizen_staff = EXCLUDED.citizen_staff, source = EXCLUDED.source, updated_at = now(),
                            updated_by = EXCLUDED.updated_by, version = node_target.version + 1
                    """).param("node", nodeId).param("year", command.year())
                    .param("family", v.get(ShareKind.FAMILY)).param("clan", v.get(ShareKind.CLAN))
                    .param("community", v.get(ShareKind.COMMUNITY)).param("unit", v.get(ShareKind.UNIT))
                    .param("adults", v.get(ShareKind.CITIZEN_ADULTS)).param("staff", v.get(ShareKind.CITIZEN_STAFF))
                    .param("source", v.source()).param("by", staff.username()).update();
        }
        catch (DataAccessException ex) {
            throw DenominatorService.closedYear(ex);
        }
        audit.record(staff, before.isPresent() ? "UPDATE" : "CREATE", "TARGET", nodeId, node.path(),
                before.map(b -> b.values().audit(command.year())).orElse(null), v.audit(command.year()));
    }

    /** The node whose targets this user may set: 403 for the country unless national staff, 404 outside the scope. */
    public OrgUnitView editable(Staff staff, long nodeId) {
        if (nodeId == orgUnits.centralScope().nodeId() && staff.role() != Role.NATIONAL) {
            throw new AccessDeniedException("only national staff set the country's targets");
        }
        OrgUnitView node = node(staff.scope(), nodeId);
        if (!canEdit(staff, node)) {
            throw new AccessDeniedException("only the node's own staff set its targets");
        }
        return node;
    }

    /** A node's own targets of one year. */
    public record Entry(int year, TargetValues values, OffsetDateTime updatedAt, String updatedBy, long version) {
    }
}
