package vn.khuyenhoc.orgunit;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.khuyenhoc.audit.AuditService;
import vn.khuyenhoc.shared.NotFoundException;
import vn.khuyenhoc.shared.RuleViolationException;
import vn.khuyenhoc.shared.Scope;
import vn.khuyenhoc.shared.Staff;
import vn.khuyenhoc.shared.Text;

/**
 * The tree: looking nodes up inside a scope (the one place every feature resolves a node id through), browsing,
 * and the grassroots units that commune staff create, rename and deactivate.
 */
@Service
@Transactional(readOnly = true)
public class OrgUnitService {

    private static final String AUDIT_TYPE = "ORG_UNIT";

    private final OrgUnitRepository units;
    private final JdbcClient jdbc;
    private final AuditService audit;

    OrgUnitService(OrgUnitRepository units, JdbcClient jdbc, AuditService audit) {
        this.units = units;
        this.jdbc = jdbc;
        this.audit = audit;
    }

    /**
     * The node with this id, if it lies inside the scope.
     *
     * @throws NotFoundException when it does not exist or lies outside the scope
     */
    public OrgUnitView get(Scope scope, long id) {
        OrgUnit unit = units.findById(id).orElseThrow(NotFoundException::new);
        scope.requireContains(unit.getPath());
        return OrgUnitView.of(unit);
    }

    /** The central node's scope: for what the application does on its own (demo data, first administrator). */
    public Scope centralScope() {
        OrgUnit central = units.findByLevel(0);
        return new Scope(central.getId(), central.getPath(), 0);
    }

    /** A province or commune by its official code, anywhere in the country. */
    public Optional<OrgUnitView> byOfficialCode(String code) {
        return units.findByCode(code).map(OrgUnitView::of);
    }

    /** The node's ancestors from the central node down, then the node itself. */
    public List<OrgUnitView> lineage(OrgUnitView unit) {
        List<Long> ids = Arrays.stream(unit.path().split("/")).filter(s -> !s.isEmpty()).map(Long::valueOf).toList();
        return units.findByIdInOrderByLevel(ids).stream().map(OrgUnitView::of).toList();
    }

    /** The children of a node in scope, each with the number of its own active children. */
    public List<ChildUnit> children(Scope scope, long id) {
        OrgUnitView parent = get(scope, id);
        return jdbc.sql("""
                SELECT c.id, c.kind, c.admin_type, c.code, c.name, c.active,
                       (SELECT count(*) FROM org_unit g WHERE g.parent_id = c.id AND g.active) AS child_count
                FROM org_unit c
                WHERE c.parent_id = :parent
                ORDER BY c.active DESC, c.code NULLS LAST, lower(c.name)
                """)
                .param("parent", parent.id())
                .query((rs, n) -> new ChildUnit(rs.getLong("id"), OrgUnitKind.valueOf(rs.getString("kind")),
                        rs.getString("admin_type"), rs.getString("code"), rs.getString("name"),
                        rs.getBoolean("active"), rs.getLong("child_count")))
                .list();
    }

    /** The children of a node in scope, as views, in the official order (codes, then names). */
    public List<OrgUnitView> childViews(Scope scope, long id) {
        OrgUnitView parent = get(scope, id);
        return units.findByParentIdOrderByCodeAscNameAsc(parent.id()).stream().map(OrgUnitView::of).toList();
    }

    /** Every node of one level inside the subtree of a node in scope (itself when of that level), in tree order. */
    public List<OrgUnitView> atLevelBelow(Scope scope, long rootId, int level) {
        OrgUnitView root = get(scope, rootId);
        return units.findByPathStartingWithAndLevelOrderByPath(root.path(), level).stream().map(OrgUnitView::of).toList();
    }

    /** The active nodes of one level inside the scope (e.g. the communes a province manages accounts for). */
    public List<OrgUnitView> activeAtLevel(Scope scope, int level) {
        return units.findByPathStartingWithAndLevelOrderByPath(scope.path(), level).stream()
                .filter(OrgUnit::isActive).map(OrgUnitView::of).toList();
    }

    @Transactional
    public OrgUnitView createGrassroots(Staff staff, long communeId, GrassrootsUnitForm form) {
        OrgUnitView commune = get(staff.scope(), communeId);
        if (!commune.isCommune()) {
            throw new NotFoundException();
        }
        requireGrassrootsKind(form);
        String name = Text.clean(form.name());
        if (units.existsByParentIdAndNameIgnoreCase(communeId, name)) {
            throw RuleViolationException.of("name", "unit.name.taken");
        }
        OrgUnit created = save(OrgUnit.grassroots(communeId, form.kind(), name));
        OrgUnitView view = OrgUnitView.of(created);
        audit.record(staff, "CREATE", AUDIT_TYPE, view.id(), view.path(), null, auditState(view));
        return view;
    }

    @Transactional
    public OrgUnitView updateGrassroots(Staff staff, long unitId, GrassrootsUnitForm form) {
        OrgUnit unit = grassrootsForUpdate(staff.scope(), unitId, form.version());
        requireGrassrootsKind(form);
        String name = Text.clean(form.name());
        if (units.existsByParentIdAndNameIgnoreCaseAndIdNot(unit.getParentId(), name, unitId)) {
            throw RuleViolationException.of("name", "unit.name.taken");
        }
        Map<String, Object> before = auditState(OrgUnitView.of(unit));
        unit.rename(form.kind(), name);
        OrgUnitView after = OrgUnitView.of(save(unit));
        audit.record(staff, "UPDATE", AUDIT_TYPE, unitId, after.path(), before, auditState(after));
        return after;
    }

    @Transactional
    public OrgUnitView setGrassrootsActive(Staff staff, long unitId, boolean active) {
        OrgUnit unit = grassrootsForUpdate(staff.scope(), unitId, null);
        Map<String, Object> before = auditState(OrgUnitView.of(unit));
        unit.setActive(active);
        OrgUnitView after = OrgUnitView.of(save(unit));
        audit.record(staff, active ? "ACTIVATE" : "DEACTIVATE", AUDIT_TYPE, unitId, after.path(), before,
                auditState(after));
        return after;
    }

    private OrgUnit grassrootsForUpdate(Scope scope, long unitId, Long expectedVersion) {
        OrgUnit unit = units.findById(unitId).orElseThrow(NotFoundException::new);
        scope.requireContains(unit.getPath());
        if (!unit.getKind().isGrassroots()) {
            throw new NotFoundException();
        }
        if (expectedVersion != null && expectedVersion != unit.getVersion()) {
            throw new ObjectOptimisticLockingFailureException(OrgUnit.class, unitId);
        }
        return unit;
    }

    private static void requireGrassrootsKind(GrassrootsUnitForm form) {
        if (!form.kind().isGrassroots()) {
            throw RuleViolationException.of("kind", "unit.kind.required");
        }
    }

    private OrgUnit save(OrgUnit unit) {
        try {
            return units.saveAndFlush(unit);
        }
        catch (DataIntegrityViolationException ex) {
            // Two people creating the same name at the same moment: the unique index decides.
            throw RuleViolationException.of("name", "unit.name.taken");
        }
    }

    private static Map<String, Object> auditState(OrgUnitView unit) {
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("parentId", unit.parentId());
        state.put("kind", unit.kind());
        state.put("name", unit.name());
        state.put("active", unit.active());
        return state;
    }

    /** A child in a node's page: enough to list and link it. */
    public record ChildUnit(long id, OrgUnitKind kind, String adminType, String code, String name, boolean active,
            long childCount) {

        public String titleKey() {
            return adminType == null ? "unit.title.plain" : "unit.title." + adminType;
        }
    }
}
