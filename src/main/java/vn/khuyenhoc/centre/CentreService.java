package vn.khuyenhoc.centre;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.khuyenhoc.audit.AuditService;
import vn.khuyenhoc.closing.ClosedYears;
import vn.khuyenhoc.orgunit.OrgUnitService;
import vn.khuyenhoc.orgunit.OrgUnitView;
import vn.khuyenhoc.shared.Keyset;
import vn.khuyenhoc.shared.KeysetPage;
import vn.khuyenhoc.shared.NotFoundException;
import vn.khuyenhoc.shared.Role;
import vn.khuyenhoc.shared.RuleViolationException;
import vn.khuyenhoc.shared.Scope;
import vn.khuyenhoc.shared.Staff;
import vn.khuyenhoc.shared.Text;
import vn.khuyenhoc.shared.VietnamTime;

/**
 * The register of community learning centres and each centre's years (issue 15). A commune's own staff keep its
 * centres; everyone above reads them (their subtree's), and a write by anyone else answers 403 (404 outside the
 * scope, as everywhere). The database refuses what must never happen whoever writes (R__centres.sql): changes in a
 * closed year, a centre's year outside its life, a centre moving commune; this service says the same things first,
 * as field messages.
 */
@Service
@Transactional(readOnly = true)
public class CentreService {

    static final int PAGE_SIZE = 50;
    private static final LocalDate EARLIEST = LocalDate.of(1990, 1, 1);
    private static final String AUDIT_CENTRE = "LEARNING_CENTRE";
    private static final String AUDIT_YEAR = "LEARNING_CENTRE_YEAR";

    private static final String SELECT_CENTRE = """
            SELECT c.id, c.commune_id, o.name AS commune_name, o.admin_type, o.path, c.name, c.address,
                   c.decision_number, c.decision_date, c.director, c.closed_on, c.version
            FROM learning_centre c JOIN org_unit o ON o.id = c.commune_id
            """;

    private final JdbcClient jdbc;
    private final OrgUnitService orgUnits;
    private final ClosedYears closing;
    private final AuditService audit;
    private final Clock clock;

    CentreService(JdbcClient jdbc, OrgUnitService orgUnits, ClosedYears closing, AuditService audit, Clock clock) {
        this.jdbc = jdbc;
        this.orgUnits = orgUnits;
        this.closing = closing;
        this.audit = audit;
        this.clock = clock;
    }

    // ---------------------------------------------------------------------------------------------------- reading

    /**
     * A page of the centres of a node's subtree (a commune's, a province's, the country's), by province, commune and
     * name, paged by keyset: the page after a centre is the next rows of learning_centre_list_order_idx (V65) from
     * that centre's keys, whatever the page, instead of joining, sorting and skipping the whole country's register
     * per request. The subtree is the centre's own column (commune_id, province_id), as for members. The count is
     * exact, from the roll-ups (every centre is "opened" once, in the year of its decision). A link naming a centre
     * outside the subtree gives the first page.
     */
    public CentrePage list(Scope scope, long nodeId, Keyset.Cursor cursor) {
        OrgUnitView node = orgUnits.get(scope, nodeId);
        if (node.level() > 2) {
            throw new NotFoundException();
        }
        String subtree = switch (node.level()) {
            case 2 -> "c.commune_id = :node";
            case 1 -> "c.province_id = :node";
            default -> "TRUE";
        };
        KeysetPage<CentreView> page = Keyset.page(cursor,
                id -> jdbc.sql("SELECT " + LIST_ORDER.columns() + " FROM learning_centre c WHERE c.id = :cursor AND "
                                + subtree)
                        .param("cursor", id).param("node", node.id())
                        .query((rs, n) -> LIST_ORDER.read(rs)).optional(),
                (from, backwards, limit) -> jdbc.sql(SELECT_CENTRE + " WHERE " + subtree
                                + (from == null ? "" : " AND " + LIST_ORDER.after(backwards))
                                + " ORDER BY " + LIST_ORDER.orderBy(backwards) + " LIMIT :limit")
                        .param("node", node.id()).params(from == null ? Map.of() : LIST_ORDER.params(from))
                        .param("limit", limit)
                        .query(CentreService::centre).list(),
                PAGE_SIZE, CentreView::id);
        return new CentrePage(node, page.counted(() -> registered(node)));
    }

    /** The lists' order: by province, commune, name (as the commune's unique index has it) and id. */
    private static final Keyset.Order LIST_ORDER = Keyset.Order.ascending("c.province_id", "c.commune_id",
            "lower(c.name)", "c.id");

    /** The centres registered in a node's subtree, from rollup_centres (the country's: {@link OrgUnitService#rollupNodes}). */
    private long registered(OrgUnitView node) {
        return jdbc.sql("SELECT coalesce(sum(r.opened), 0) FROM rollup_centres r WHERE r.node_id = ANY(:nodes)")
                .param("nodes", orgUnits.rollupNodes(node)).query(Long.class).single();
    }

    /** A centre of the scope's subtree; any other answers 404 like a missing one. */
    public CentreView get(Scope scope, long centreId) {
        CentreView centre = find(centreId).orElseThrow(NotFoundException::new);
        scope.requireContains(centre.communePath());
        return centre;
    }

    private Optional<CentreView> find(long centreId) {
        return jdbc.sql(SELECT_CENTRE + " WHERE c.id = :id").param("id", centreId).query(CentreService::centre).optional();
    }

    /** Whether this user keeps the register of this node: the commune's own staff. */
    public boolean canWrite(Staff staff, OrgUnitView node) {
        return staff.role() == Role.COMMUNE && staff.scope().nodeId() == node.id();
    }

    /**
     * The commune whose register this user may change.
     *
     * @throws NotFoundException     outside the scope, or not a commune
     * @throws AccessDeniedException in scope but not the commune's own staff (provinces and the country read only)
     */
    public OrgUnitView writableCommune(Staff staff, long communeId) {
        OrgUnitView node = orgUnits.get(staff.scope(), communeId);
        if (node.level() != 2) {
            throw new NotFoundException();
        }
        if (!canWrite(staff, node)) {
            throw new AccessDeniedException("Only the commune's own staff keep its learning centres");
        }
        return node;
    }

    /** A centre this user may change (see {@link #writableCommune}). */
    public CentreView writableCentre(Staff staff, long centreId) {
        CentreView centre = get(staff.scope(), centreId);
        writableCommune(staff, centre.communeId());
        return centre;
    }

    /** The recorded years of a centre, latest first. */
    public List<CentreYear> years(Scope scope, long centreId) {
        CentreView centre = get(scope, centreId);
        return jdbc.sql("SELECT * FROM centre_year WHERE centre_id = :id ORDER BY year DESC").param("id", centre.id())
                .query((rs, n) -> year(rs)).list();
    }

    public Optional<CentreYear> year(Scope scope, long centreId, int year) {
        CentreView centre = get(scope, centreId);
        return jdbc.sql("SELECT * FROM centre_year WHERE centre_id = :id AND year = :year").param("id", centre.id())
                .param("year", year).query((rs, n) -> year(rs)).optional();
    }

    /** The fund disbursements that name the centre (reversals with their minus sign), latest first, and their sum. */
    public Support support(Scope scope, long centreId) {
        CentreView centre = get(scope, centreId);
        List<SupportEntry> entries = jdbc.sql("""
                SELECT e.id, e.node_id, o.name, o.admin_type, e.entry_date, e.voucher_number, e.amount, e.counterparty
                FROM fund_entry e JOIN org_unit o ON o.id = e.node_id
                WHERE e.centre_id = :id ORDER BY e.entry_date DESC, e.id DESC
                """).param("id", centre.id())
                .query((rs, n) -> new SupportEntry(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4),
                        rs.getObject(5, LocalDate.class), rs.getString(6), rs.getLong(7), rs.getString(8)))
                .list();
        return new Support(entries, entries.stream().mapToLong(SupportEntry::amount).sum());
    }

    /**
     * The centres a fund entry of this node may name: those of the node's subtree (a commune's own, a province's
     * communes'), for the select of the fund entry form. The central fund and grassroots funds name none.
     */
    public List<CentreOption> optionsWithin(OrgUnitView fundNode) {
        if (fundNode.level() < 1 || fundNode.level() > 2) {
            return List.of();
        }
        return jdbc.sql("""
                SELECT c.id, c.name, o.name, o.admin_type, c.closed_on IS NULL
                FROM learning_centre c JOIN org_unit o ON o.id = c.commune_id
                WHERE o.path LIKE :pattern ORDER BY o.path, lower(c.name) LIMIT 2000
                """).param("pattern", fundNode.path() + "%")
                .query((rs, n) -> new CentreOption(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getBoolean(5)))
                .list();
    }

    /** Whether a fund entry of this node may name this centre (the database checks the same: KH453). */
    public boolean isWithin(long centreId, OrgUnitView fundNode) {
        return fundNode.level() >= 1 && fundNode.level() <= 2 && find(centreId)
                .map(c -> c.communePath().startsWith(fundNode.path())).orElse(false);
    }

    // ---------------------------------------------------------------------------------------------------- writing

    @Transactional
    public CentreView create(Staff staff, long communeId, CentreData data) {
        OrgUnitView commune = writableCommune(staff, communeId);
        CentreData clean = clean(data);
        RuleViolationException.Collector rules = check(clean);
        if (nameTaken(commune.id(), clean.name(), null)) {
            rules.add("name", "centre.name.taken");
        }
        rules.throwIfAny();
        requireOpen(clean.decisionDate(), "decisionDate");
        requireOpen(clean.closedOn(), "closedOn");
        long id = DatabaseRefusals.map("decisionDate", () -> jdbc.sql("""
                INSERT INTO learning_centre (commune_id, province_id, name, address, decision_number, decision_date,
                                             director, closed_on, updated_by)
                VALUES (:commune, :commune, :name, :address, :number, :date, :director, :closed, :by) RETURNING id
                """).param("commune", commune.id()).param("name", clean.name()).param("address", clean.address())
                .param("number", clean.decisionNumber()).param("date", clean.decisionDate())
                .param("director", clean.director()).param("closed", clean.closedOn()).param("by", staff.username())
                .query(Long.class).single());
        CentreView created = find(id).orElseThrow();
        audit.record(staff, "CREATE", AUDIT_CENTRE, id, commune.path(), null, auditState(created));
        return created;
    }

    @Transactional
    public CentreView update(Staff staff, long centreId, CentreData data, Long version) {
        CentreView before = writableCentre(staff, centreId);
        if (version != null && version != before.version()) {
            throw new ObjectOptimisticLockingFailureException("learning_centre", centreId);
        }
        CentreData clean = clean(data);
        RuleViolationException.Collector rules = check(clean);
        if (nameTaken(before.communeId(), clean.name(), centreId)) {
            rules.add("name", "centre.name.taken");
        }
        if (clean.decisionDate() != null && (clean.closedOn() != null || clean.operating())) {
            int first = clean.decisionDate().getYear();
            int last = clean.closedOn() == null ? 2100 : clean.closedOn().getYear();
            List<Integer> outside = jdbc.sql("""
                    SELECT year FROM centre_year WHERE centre_id = :id AND (year < :first OR year > :last) ORDER BY year
                    """).param("id", centreId).param("first", first).param("last", last).query(Integer.class).list();
            if (!outside.isEmpty()) {
                rules.add(outside.get(0) < first ? "decisionDate" : "closedOn", "centre.yearsOutside",
                        String.valueOf(outside.get(0)));
            }
        }
        rules.throwIfAny();
        if (before.decisionDate().getYear() != clean.decisionDate().getYear()) {
            requireOpen(before.decisionDate(), "decisionDate");
            requireOpen(clean.decisionDate(), "decisionDate");
        }
        if (!java.util.Objects.equals(yearOf(before.closedOn()), yearOf(clean.closedOn()))) {
            requireOpen(before.closedOn(), "closedOn");
            requireOpen(clean.closedOn(), "closedOn");
        }
        int updated = DatabaseRefusals.map("decisionDate", () -> jdbc.sql("""
                UPDATE learning_centre SET name = :name, address = :address, decision_number = :number,
                       decision_date = :date, director = :director, closed_on = :closed, updated_by = :by,
                       version = version + 1
                WHERE id = :id AND version = :version
                """).param("name", clean.name()).param("address", clean.address())
                .param("number", clean.decisionNumber()).param("date", clean.decisionDate())
                .param("director", clean.director()).param("closed", clean.closedOn()).param("by", staff.username())
                .param("id", centreId).param("version", before.version()).update());
        if (updated == 0) {
            throw new ObjectOptimisticLockingFailureException("learning_centre", centreId);
        }
        CentreView after = find(centreId).orElseThrow();
        audit.record(staff, "UPDATE", AUDIT_CENTRE, centreId, before.communePath(), auditState(before), auditState(after));
        return after;
    }

    /** Records or corrects a centre's year. {@code version}: of the record being corrected, null for a new one. */
    @Transactional
    public CentreYear saveYear(Staff staff, long centreId, CentreYearData data, Long version) {
        CentreView centre = writableCentre(staff, centreId);
        RuleViolationException.Collector rules = new RuleViolationException.Collector();
        int thisYear = VietnamTime.thisYear(clock);
        if (data.year() > thisYear) {
            rules.add("year", "centre.year.future");
        }
        else if (!centre.existedIn(data.year())) {
            rules.add("year", "centre.year.outsideLife", String.valueOf(centre.decisionDate().getYear()),
                    centre.closedOn() == null ? "" : String.valueOf(centre.closedOn().getYear()));
        }
        rules.throwIfAny();
        closing.requireOpen(data.year(), "year");
        Optional<CentreYear> before = year(staff.scope(), centreId, data.year());
        if (before.isPresent() && version != null && version != before.get().version()) {
            throw new ObjectOptimisticLockingFailureException("centre_year", centreId);
        }
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("centre", centreId);
        params.put("year", data.year());
        for (CentreKind kind : CentreKind.values()) {
            params.put("c_" + kind.column(), data.classes().getOrDefault(kind, 0));
            params.put("t_" + kind.column(), data.turns().getOrDefault(kind, 0));
        }
        params.put("chair", data.chairTakesPart());
        params.put("internet", data.internet());
        params.put("computers", data.learnerComputers());
        params.put("materials", data.openMaterials());
        params.put("grade", data.grade() == null ? null : data.grade().name());
        params.put("by", staff.username());
        DatabaseRefusals.map("year", () -> jdbc.sql("""
                INSERT INTO centre_year AS y (centre_id, year, commune_id, province_id,
                    classes_literacy, classes_vocational, classes_law, classes_digital, classes_languages,
                    classes_health, classes_other, turns_literacy, turns_vocational, turns_law, turns_digital,
                    turns_languages, turns_health, turns_other, chair_takes_part, internet, learner_computers,
                    open_materials, grade, updated_by)
                SELECT :centre, :year, c.commune_id, c.province_id,
                    :c_literacy, :c_vocational, :c_law, :c_digital, :c_languages, :c_health, :c_other,
                    :t_literacy, :t_vocational, :t_law, :t_digital, :t_languages, :t_health, :t_other,
                    :chair, :internet, :computers, :materials, :grade, :by
                FROM learning_centre c WHERE c.id = :centre
                ON CONFLICT (centre_id, year) DO UPDATE SET
                    classes_literacy = EXCLUDED.classes_literacy, classes_vocational = EXCLUDED.classes_vocational,
                    classes_law = EXCLUDED.classes_law, classes_digital = EXCLUDED.classes_digital,
                    classes_languages = EXCLUDED.classes_languages, classes_health = EXCLUDED.classes_health,
                    classes_other = EXCLUDED.classes_other, turns_literacy = EXCLUDED.turns_literacy,
                    turns_vocational = EXCLUDED.turns_vocational, turns_law = EXCLUDED.turns_law,
                    turns_digital = EXCLUDED.turns_digital, turns_languages = EXCLUDED.turns_languages,
                    turns_health = EXCLUDED.turns_health, turns_other = EXCLUDED.turns_other,
                    chair_takes_part = EXCLUDED.chair_takes_part, internet = EXCLUDED.internet,
                    learner_computers = EXCLUDED.learner_computers, open_materials = EXCLUDED.open_materials,
                    grade = EXCLUDED.grade, updated_by = EXCLUDED.updated_by, version = y.version + 1
                """).params(params).update());
        CentreYear after = year(staff.scope(), centreId, data.year()).orElseThrow();
        audit.record(staff, before.isPresent() ? "UPDATE" : "CREATE", AUDIT_YEAR, centreId, centre.communePath(),
                before.map(CentreService::auditState).orElse(null), auditState(after));
        return after;
    }

    // ---------------------------------------------------------------------------------------------------- rules

    private CentreData clean(CentreData d) {
        return new CentreData(Text.clean(d.name()), blankToNull(Text.clean(d.address())),
                Text.clean(d.decisionNumber()), d.decisionDate(), blankToNull(Text.clean(d.director())), d.operating(),
                d.closedOn());
    }

    private RuleViolationException.Collector check(CentreData d) {
        RuleViolationException.Collector rules = new RuleViolationException.Collector();
        LocalDate today = VietnamTime.today(clock);
        if (d.name() == null || d.name().isEmpty()) {
            rules.add("name", "centre.name.required");
        }
        else if (d.name().length() > 200) {
            rules.add("name", "centre.name.size");
        }
        if (d.address() != null && d.address().length() > 300) {
            rules.add("address", "centre.address.size");
        }
        if (d.decisionNumber() == null || d.decisionNumber().isEmpty()) {
            rules.add("decisionNumber", "centre.decisionNumber.required");
        }
        else if (d.decisionNumber().length() > 60) {
            rules.add("decisionNumber", "centre.decisionNumber.size");
        }
        if (d.director() != null && d.director().length() > 120) {
            rules.add("director", "centre.director.size");
        }
        if (d.decisionDate() == null) {
            rules.add("decisionDate", "centre.decisionDate.required");
        }
        else if (d.decisionDate().isAfter(today)) {
            rules.add("decisionDate", "centre.date.future");
        }
        else if (d.decisionDate().isBefore(EARLIEST)) {
            rules.add("decisionDate", "centre.date.tooEarly");
        }
        if (d.operating() && d.closedOn() != null) {
            rules.add("closedOn", "centre.closedOn.whileOperating");
        }
        else if (!d.operating() && d.closedOn() == null) {
            rules.add("closedOn", "centre.closedOn.required");
        }
        else if (d.closedOn() != null) {
            if (d.closedOn().isAfter(today)) {
                rules.add("closedOn", "centre.date.future");
            }
            else if (d.decisionDate() != null && d.closedOn().isBefore(d.decisionDate())) {
                rules.add("closedOn", "centre.closedOn.beforeSetUp");
            }
        }
        return rules;
    }

    private boolean nameTaken(long communeId, String name, Long except) {
        return name != null && jdbc.sql("""
                SELECT EXISTS (SELECT 1 FROM learning_centre WHERE commune_id = :commune AND lower(name) = lower(:name)
                               AND id IS DISTINCT FROM :except)
                """).param("commune", communeId).param("name", name).param("except", except)
                .query(Boolean.class).single();
    }

    private void requireOpen(LocalDate date, String field) {
        if (date != null) {
            closing.requireOpen(date.getYear(), field);
        }
    }

    private static Integer yearOf(LocalDate date) {
        return date == null ? null : date.getYear();
    }

    private static String blankToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }

    // ---------------------------------------------------------------------------------------------------- rows

    private static CentreView centre(ResultSet rs, int n) throws SQLException {
        return new CentreView(rs.getLong("id"), rs.getLong("commune_id"), rs.getString("commune_name"),
                rs.getString("admin_type"), rs.getString("path"), rs.getString("name"), rs.getString("address"),
                rs.getString("decision_number"), rs.getObject("decision_date", LocalDate.class), rs.getString("director"),
                rs.getObject("closed_on", LocalDate.class), rs.getLong("version"));
    }

    private static CentreYear year(ResultSet rs) throws SQLException {
        Map<CentreKind, Integer> classes = new EnumMap<>(CentreKind.class);
        Map<CentreKind, Integer> turns = new EnumMap<>(CentreKind.class);
        for (CentreKind kind : CentreKind.values()) {
            classes.put(kind, rs.getInt("classes_" + kind.column()));
            turns.put(kind, rs.getInt("turns_" + kind.column()));
        }
        String grade = rs.getString("grade");
        return new CentreYear(rs.getLong("centre_id"), rs.getInt("year"), classes, turns,
                rs.getBoolean("chair_takes_part"), rs.getBoolean("internet"), rs.getInt("learner_computers"),
                rs.getBoolean("open_materials"), grade == null ? null : CentreGrade.valueOf(grade), rs.getLong("version"),
                rs.getObject("updated_at", OffsetDateTime.class), rs.getString("updated_by"));
    }

    private static Map<String, Object> auditState(CentreView c) {
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("name", c.name());
        state.put("address", c.address());
        state.put("decisionNumber", c.decisionNumber());
        state.put("decisionDate", c.decisionDate().toString());
        state.put("director", c.director());
        state.put("closedOn", c.closedOn() == null ? null : c.closedOn().toString());
        return state;
    }

    private static Map<String, Object> auditState(CentreYear y) {
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("year", y.year());
        state.put("classes", y.classesByKind());
        state.put("learnerTurns", y.turnsByKind());
        state.put("chairTakesPart", y.chairTakesPart());
        state.put("internet", y.internet());
        state.put("learnerComputers", y.learnerComputers());
        state.put("openMaterials", y.openMaterials());
        state.put("grade", y.grade());
        state.put("digitalHub", y.isDigitalHub());
        return state;
    }

    // ---------------------------------------------------------------------------------------------------- views

    /** A page of a node's centres. */
    public record CentrePage(OrgUnitView node, KeysetPage<CentreView> centres) {
    }

    /** A centre a fund entry may name, for a select: its name and commune, and whether it still operates. */
    public record CentreOption(long id, String name, String communeName, String communeAdminType, boolean operating) {

        public String communeTitleKey() {
            return communeAdminType == null ? "unit.title.plain" : "unit.title." + communeAdminType;
        }
    }

    /** A disbursement naming a centre: the fund (node) it came from, its voucher and amount. */
    public record SupportEntry(long entryId, long fundNodeId, String fundNodeName, String fundNodeAdminType,
            LocalDate entryDate, String voucherNumber, long amount, String counterparty) {

        public String fundTitleKey() {
            return fundNodeAdminType == null ? "unit.title.plain" : "unit.title." + fundNodeAdminType;
        }
    }

    public record Support(List<SupportEntry> entries, long total) {
    }
}
