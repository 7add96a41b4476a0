package vn.khuyenhoc.orgunit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
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
import vn.khuyenhoc.shared.VietnamTime;

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
    private final Clock clock;

    OrgUnitService(OrgUnitRepository units, JdbcClient jdbc, AuditService audit, Clock clock) {
        this.units = units;
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * The node with this id, if it lies inside the scope.
     *
     * @throws NotFoundException when it does not exist or lies outside the scope
     */
    public OrgUnitView get(Scope scope, long id) {
        // by SQL, like the lineage: every request about a node reads it, and Hibernate's load of the entity was a
        // tenth of a member save's time (the service's own changes are flushed before anything reads them)
        OrgUnitView unit = jdbc.sql("SELECT " + VIEW_COLUMNS + " FROM org_unit WHERE id = :id").param("id", id)
                .query(OrgUnitService::view).optional().orElseThrow(NotFoundException::new);
        scope.requireContains(unit.path());
        return unit;
    }

    private static final String VIEW_COLUMNS =
            "id, parent_id, level, kind, admin_type, code, name, name_en, path, province_id, active, version";

    private static OrgUnitView view(ResultSet rs, int row) throws SQLException {
        return new OrgUnitView(rs.getLong("id"), rs.getObject("parent_id", Long.class), rs.getInt("level"),
                OrgUnitKind.valueOf(rs.getString("kind")), rs.getString("admin_type"), rs.getString("code"),
                rs.getString("name"), rs.getString("name_en"), rs.getString("path"),
                rs.getObject("province_id", Long.class), rs.getBoolean("active"), rs.getLong("version"));
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
        Long[] ids = Arrays.stream(unit.path().split("/")).filter(s -> !s.isEmpty()).map(Long::valueOf)
                .toArray(Long[]::new);
        // read by SQL: through JPA, the collection parameter made Hibernate translate the query afresh on every call,
        // a fifth of a member save's time (and every page about a node reads its lineage)
        return jdbc.sql("SELECT " + VIEW_COLUMNS + " FROM org_unit WHERE id = ANY(:ids) ORDER BY level")
                .param("ids", ids).query(OrgUnitService::view).list();
    }

    /**
     * The nodes whose roll-up rows add up to this node's figures: the node's own, and for the country its provinces'
     * too (a record is rolled up at its unit, commune and province, never again at the country, which holds only the
     * central association's own). The one place that says so: member, centre, commendation and title totals
     * read {@code node_id = ANY(...)} of these. The provinces are found by parent (org_unit_parent_idx): asked as
     * {@code level = 1} inside a query, the planner scanned all 150,000 units for them, 50 ms at the country's scale.
     */
    public Long[] rollupNodes(OrgUnitView node) {
        if (node.level() > 0) {
            return new Long[] {node.id()};
        }
        List<Long> nodes = new ArrayList<>(List.of(node.id()));
        nodes.addAll(jdbc.sql("SELECT id FROM org_unit WHERE parent_id = :id").param("id", node.id())
                .query(Long.class).list());
        return nodes.toArray(Long[]::new);
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
        LocalDate today = VietnamTime.today(clock);
        Span span = span(form, today, today);
        requireOpenYears(null, span.foundedOn(), "foundedOn");
        requireOpenYears(null, span.dissolvedOn(), "dissolvedOn");
        OrgUnit unit = OrgUnit.grassroots(communeId, form.kind(), name);
        unit.setSpan(span.foundedOn(), span.dissolvedOn());
        OrgUnit created = save(unit);
        OrgUnitView view = OrgUnitView.of(created);
        audit.record(staff, "CREATE", AUDIT_TYPE, view.id(), view.path(), null, auditState(created));
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
        Map<String, Object> before = auditState(unit);
        Span span = form.foundedOn() == null && form.dissolvedOn() == null
                ? new Span(unit.getFoundedOn(), unit.getDissolvedOn())
                : span(form, unit.getFoundedOn(), VietnamTime.today(clock));
        requireOpenYears(unit.getFoundedOn(), span.foundedOn(), "foundedOn");
        requireOpenYears(unit.getDissolvedOn(), span.dissolvedOn(), "dissolvedOn");
        unit.rename(form.kind(), name);
        unit.setSpan(span.foundedOn(), span.dissolvedOn());
        OrgUnit saved = save(unit);
        audit.record(staff, "UPDATE", AUDIT_TYPE, unitId, saved.getPath(), before, auditState(saved));
        return OrgUnitView.of(saved);
    }

    @Transactional
    public OrgUnitView setGrassrootsActive(Staff staff, long unitId, boolean active) {
        OrgUnit unit = grassrootsForUpdate(staff.scope(), unitId, null);
        Map<String, Object> before = auditState(unit);
        // deactivating dissolves the unit today (never before its founding); reactivating clears the date
        LocalDate dissolvedOn = active ? null : max(VietnamTime.today(clock), unit.getFoundedOn());
        requireOpenYears(unit.getDissolvedOn(), dissolvedOn, "dissolvedOn");
        unit.setSpan(unit.getFoundedOn(), dissolvedOn);
        OrgUnit saved = save(unit);
        audit.record(staff, active ? "ACTIVATE" : "DEACTIVATE", AUDIT_TYPE, unitId, saved.getPath(), before,
                auditState(saved));
        return OrgUnitView.of(saved);
    }

    /** The founding and dissolution dates of a grassroots unit in scope (null dates for other nodes). */
    public Span span(Scope scope, long unitId) {
        OrgUnitView unit = get(scope, unitId);
        return jdbc.sql("SELECT founded_on, dissolved_on FROM org_unit WHERE id = :id").param("id", unit.id())
                .query((rs, n) -> new Span(rs.getObject(1, LocalDate.class), rs.getObject(2, LocalDate.class)))
                .single();
    }

    /** When a grassroots unit stood: founded on, and dissolved on (null while it is active). */
    public record Span(LocalDate foundedOn, LocalDate dissolvedOn) {
    }

    private static final DateTimeFormatter TYPED = DateTimeFormatter.ofPattern("d/M/uuuu");
    private static final LocalDate EARLIEST = LocalDate.of(1990, 1, 1);

    /**
     * The dates of the form, checked: each a real date (day/month/year or yyyy-mm-dd), from 1990, not after today;
     * dissolution not before founding; a founding date left empty is {@code foundedIfEmpty}.
     */
    private static Span span(GrassrootsUnitForm form, LocalDate foundedIfEmpty, LocalDate today) {
        RuleViolationException.Collector problems = new RuleViolationException.Collector();
        LocalDate founded = date(form.foundedOn(), "foundedOn", today, problems);
        LocalDate dissolved = date(form.dissolvedOn(), "dissolvedOn", today, problems);
        if (founded == null && problems.isEmpty()) {
            founded = foundedIfEmpty;
        }
        if (founded != null && dissolved != null && dissolved.isBefore(founded)) {
            problems.add("dissolvedOn", "unit.dissolvedOn.beforeFounded");
        }
        problems.throwIfAny();
        return new Span(founded, dissolved);
    }

    private static LocalDate date(String typed, String field, LocalDate today,
            RuleViolationException.Collector problems) {
        if (typed == null || typed.isBlank()) {
            return null;
        }
        String text = typed.strip();
        LocalDate date;
        try {
            date = text.contains("/") ? LocalDate.parse(text, TYPED.withResolverStyle(java.time.format.ResolverStyle.STRICT))
                    : LocalDate.parse(text);
        }
        catch (DateTimeParseException ex) {
            problems.add(field, "unit.date.format");
            return null;
        }
        if (date.isAfter(today)) {
            problems.add(field, "unit.date.future");
            return null;
        }
        if (date.isBefore(EARLIEST)) {
            problems.add(field, "unit.date.tooEarly");
            return null;
        }
        return date;
    }

    /** A date moved from or to a closed year would change that year's figures: refused (the database agrees). */
    private void requireOpenYears(LocalDate before, LocalDate after, String field) {
        if (java.util.Objects.equals(before, after)) {
            return;
        }
        for (LocalDate d : new LocalDate[] {before, after}) {
            if (d != null && jdbc.sql("SELECT count(*) FROM closed_year WHERE year = :y").param("y", d.getYear())
                    .query(Long.class).single() > 0) {
                throw RuleViolationException.of(field, "unit.date.closedYear", String.valueOf(d.getYear()));
            }
        }
    }

    private static LocalDate max(LocalDate a, LocalDate b) {
        return b == null || a.isAfter(b) ? a : b;
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

    private static Map<String, Object> auditState(OrgUnit unit) {
        Map<String, Object> state = auditState(OrgUnitView.of(unit));
        state.put("foundedOn", unit.getFoundedOn() == null ? null : unit.getFoundedOn().toString());
        state.put("dissolvedOn", unit.getDissolvedOn() == null ? null : unit.getDissolvedOn().toString());
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
