package vn.khuyenhoc.shares;

import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.core.io.InputStreamSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import vn.khuyenhoc.audit.AuditService;
import vn.khuyenhoc.orgunit.OrgUnitService;
import vn.khuyenhoc.orgunit.OrgUnitView;
import vn.khuyenhoc.rollup.RollupService;
import vn.khuyenhoc.rollup.ShareKind;
import vn.khuyenhoc.rollup.Shares;
import vn.khuyenhoc.shared.NotFoundException;
import vn.khuyenhoc.shared.RuleViolationException;
import vn.khuyenhoc.shared.Scope;
import vn.khuyenhoc.shared.Staff;
import vn.khuyenhoc.shared.spreadsheet.SpreadsheetReader;
import vn.khuyenhoc.shared.spreadsheet.UploadSlots;

/**
 * The denominators of provinces and communes by year (households, clans, villages and residential groups,
 * organisations, their staff, adults): kept by each node's own staff, and by a province's staff for all its communes
 * at once from a spreadsheet. Every change is audited; a closed year refuses changes (the database itself,
 * require_open_year). What a node's shares are measured against (its own entry, or its children's complete sum) is
 * the roll-ups' business: {@link RollupService} reads it for the dashboards and this page alike.
 */
@Service
@Transactional(readOnly = true)
public class DenominatorService {

    /** An upload lists a province's communes: the largest has about 170; a file of more rows is refused. */
    static final int MAX_ROWS = 1_000;
    /** A spreadsheet of 170 communes is a few kilobytes; 2 MB is far more than any honest one. */
    static final long MAX_BYTES = 2L * 1024 * 1024;

    private final JdbcClient jdbc;
    private final OrgUnitService orgUnits;
    private final AuditService audit;
    private final RollupService rollups;
    private final UploadSlots slots;
    private final TransactionTemplate transactions;

    DenominatorService(JdbcClient jdbc, OrgUnitService orgUnits, AuditService audit, RollupService rollups,
            UploadSlots slots, PlatformTransactionManager transactionManager) {
        this.jdbc = jdbc;
        this.orgUnits = orgUnits;
        this.audit = audit;
        this.rollups = rollups;
        this.slots = slots;
        this.transactions = new TransactionTemplate(transactionManager);
    }

    /** A province, commune or the country in the user's scope (404 otherwise, and for grassroots units). */
    public OrgUnitView node(Scope scope, long nodeId) {
        OrgUnitView node = orgUnits.get(scope, nodeId);
        if (node.level() > 2) {
            throw new NotFoundException();
        }
        return node;
    }

    /** Whether this user keeps this node's own denominators: its own staff, of a province or commune. */
    public boolean canEdit(Staff staff, OrgUnitView node) {
        return staff.scope().nodeId() == node.id() && (node.level() == 1 || node.level() == 2);
    }

    /** Whether this user fills in this node's communes from a spreadsheet: a province's own staff. */
    public boolean canUpload(Staff staff, OrgUnitView node) {
        return staff.scope().nodeId() == node.id() && node.level() == 1;
    }

    /** The node's own entry for a year, if any. */
    public Optional<Entry> own(long nodeId, int year) {
        return jdbc.sql("""
                SELECT households, clans, villages, organisations, staff, adults, updated_at, updated_by, version
                FROM node_denominator WHERE node_id = :node AND year = :year
                """).param("node", nodeId).param("year", year)
                .query((rs, n) -> new Entry(values(rs), rs.getObject("updated_at", OffsetDateTime.class),
                        rs.getString("updated_by"), rs.getLong("version")))
                .optional();
    }

    /** What the node's shares are measured against in a year: by share, the value and where it comes from. */
    public Map<ShareKind, Shares.Denominator> effective(Scope scope, long nodeId, int year) {
        return rollups.figures(scope, nodeId, year).shares().denominators();
    }

    /** The node's active children (provinces or communes) with their own entries of the year, by code. */
    public List<ChildRow> children(Scope scope, long nodeId, int year) {
        OrgUnitView node = node(scope, nodeId);
        if (node.level() >= 2) {
            return List.of();
        }
        return jdbc.sql("""
                SELECT o.id, o.code, o.name, o.admin_type, d.households, d.clans, d.villages, d.organisations,
                       d.staff, d.adults
                FROM org_unit o LEFT JOIN node_denominator d ON d.node_id = o.id AND d.year = :year
                WHERE o.parent_id = :node AND o.active
                ORDER BY o.code
                """).param("node", node.id()).param("year", year)
                .query((rs, n) -> new ChildRow(rs.getLong("id"), rs.getString("code"), rs.getString("name"),
                        rs.getString("admin_type") == null ? "unit.title.plain" : "unit.title." + rs.getString("admin_type"),
                        values(rs)))
                .list();
    }

    /** Sets a year's denominators of the user's own node (blank = not known), creating or replacing them. */
    @Transactional
    public void set(Staff staff, long nodeId, DenominatorForm.DenominatorCommand command) {
        OrgUnitView node = node(staff.scope(), nodeId);
        if (!canEdit(staff, node)) {
            throw new AccessDeniedException("only the node's own staff keep its denominators");
        }
        Optional<Entry> before = own(nodeId, command.year());
        if (before.isPresent() && command.version() != null && command.version() != before.get().version()) {
            throw new ObjectOptimisticLockingFailureException("node_denominator", nodeId);
        }
        write(staff, node, command.year(), before.map(Entry::values).orElse(null), command.values());
    }

    /**
     * Reads a province's spreadsheet of its communes for a year and, when not a single row is wrong, writes every
     * commune's figures (blank cells leave a figure as it was); otherwise writes nothing and lists every bad row.
     * The file is read outside any transaction (a slow or hostile file holds no connection) through the safe reader,
     * in one of the instance's few {@link UploadSlots} (the next uploader is told to try again shortly); the
     * figures are then written in one short transaction.
     */
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    public UploadResult upload(Staff staff, long provinceId, String yearText, String fileName, long size,
            InputStreamSource file) {
        OrgUnitView province = node(staff.scope(), provinceId);
        if (!canUpload(staff, province)) {
            throw new AccessDeniedException("only a province's own staff upload its communes' denominators");
        }
        int year;
        try {
            year = Numbers.year(yearText);
        }
        catch (Numbers.BadNumber ex) {
            return UploadResult.fileError(fileName, ex.code);
        }
        if (size > MAX_BYTES) {
            return UploadResult.fileError(fileName, "shares.upload.tooLarge");
        }
        if (jdbc.sql("SELECT count(*) FROM closed_year WHERE year = :year").param("year", year).query(Long.class).single() > 0) {
            return UploadResult.fileError(fileName, "year.closed");
        }
        var slot = slots.tryTake();
        if (slot.isEmpty()) {
            return UploadResult.fileError(fileName, "shares.upload.busy");
        }
        List<DenominatorSheet.Row> rows;
        try (var taken = slot.get()) {
            rows = DenominatorSheet.read(file, size, MAX_ROWS);
        }
        catch (DenominatorSheet.TooManyRows ex) {
            return UploadResult.fileError(fileName, "shares.upload.tooManyRows", MAX_ROWS);
        }
        catch (SpreadsheetReader.UnreadableFileException ex) {
            return switch (ex.problem()) {
                case TOO_MANY_ROWS -> UploadResult.fileError(fileName, "shares.upload.tooManyRows", MAX_ROWS);
                case CELL_TOO_LONG -> UploadResult.fileError(fileName, "shares.upload.cellTooLong", (Object[]) ex.args());
                case ARCHIVE -> UploadResult.fileError(fileName, "shares.upload.archive");
                case OLD_EXCEL -> UploadResult.fileError(fileName, "shares.upload.xls");
                case ENCODING -> UploadResult.fileError(fileName, "shares.upload.encoding");
                case UNREADABLE -> UploadResult.fileError(fileName, "shares.upload.unreadable");
            };
        }
        if (rows.isEmpty()) {
            return UploadResult.fileError(fileName, "shares.upload.empty");
        }
        return transactions.execute(status -> checkAndWrite(staff, provinceId, year, fileName, rows));
    }

    /** Checks every row against the province's communes and writes them all, or none and lists the bad rows. */
    private UploadResult checkAndWrite(Staff staff, long provinceId, int year, String fileName,
            List<DenominatorSheet.Row> rows) {
        Map<String, ChildRow> communes = new HashMap<>();
        children(staff.scope(), provinceId, year).forEach(c -> communes.put(normalCode(c.code()), c));
        List<UploadResult.RowError> errors = new ArrayList<>();
        Map<Long, DenominatorValues> changes = new java.util.LinkedHashMap<>();
        Set<String> seen = new HashSet<>();
        for (DenominatorSheet.Row row : rows) {
            String code = normalCode(row.code());
            ChildRow commune = null;
            if (code.isEmpty()) {
                errors.add(new UploadResult.RowError(row.number(), "code", "shares.upload.code.required", null));
            }
            else if (!communes.containsKey(code)) {
                errors.add(new UploadResult.RowError(row.number(), "code", "shares.upload.code.unknown", row.code()));
            }
            else if (!seen.add(code)) {
                errors.add(new UploadResult.RowError(row.number(), "code", "shares.upload.code.repeated", row.code()));
            }
            else {
                commune = communes.get(code);
            }
            Map<ShareKind, Long> values = new java.util.EnumMap<>(ShareKind.class);
            for (ShareKind kind : ShareKind.values()) {
                try {
                    values.put(kind, Numbers.count(row.value(kind)));
                }
                catch (Numbers.BadNumber ex) {
                    errors.add(new UploadResult.RowError(row.number(), kind.denominatorKey(), ex.code, row.value(kind)));
                }
            }
            DenominatorValues parsed = DenominatorValues.of(values);
            if (commune != null && !parsed.isEmpty()) {
                changes.put(commune.id(), parsed);
            }
        }
        if (!errors.isEmpty()) {
            return new UploadResult(fileName, year, 0, null, List.of(), errors);
        }
        Map<Long, OrgUnitView> byId = new HashMap<>();
        orgUnits.childViews(staff.scope(), provinceId).forEach(c -> byId.put(c.id(), c));
        for (Map.Entry<Long, DenominatorValues> change : changes.entrySet()) {
            DenominatorValues before = own(change.getKey(), year).map(Entry::values).orElse(null);
            DenominatorValues after = (before == null ? DenominatorValues.NONE : before).overriddenBy(change.getValue());
            if (!after.equals(before)) {
                write(staff, byId.get(change.getKey()), year, before, after);
            }
        }
        return new UploadResult(fileName, year, changes.size(), null, List.of(), List.of());
    }

    /** The template of a province's communes for a year, their current figures filled in: XLSX or CSV. */
    byte[] template(Staff staff, long provinceId, int year, boolean xlsx, DenominatorSheet.Labels labels) {
        OrgUnitView province = node(staff.scope(), provinceId);
        if (province.level() != 1) {
            throw new NotFoundException();
        }
        List<ChildRow> communes = children(staff.scope(), provinceId, year);
        return xlsx ? DenominatorSheet.xlsx(communes, labels, year) : DenominatorSheet.csv(communes, labels);
    }

    /** Loads figures without a user (the demo data set); existing figures are kept. */
    @Transactional
    public void load(long nodeId, int year, DenominatorValues values) {
        jdbc.sql("""
                INSERT INTO node_denominator (node_id, year, households, clans, villages, organisations, staff, adults,
                                              updated_by)
                VALUES (:node, :year, :households, :clans, :villages, :organisations, :staff, :adults, 'system')
                ON CONFLICT (node_id, year) DO NOTHING
                """).param("node", nodeId).param("year", year).param("households", values.households())
                .param("clans", values.clans()).param("villages", values.villages())
                .param("organisations", values.organisations()).param("staff", values.staff())
                .param("adults", values.adults()).update();
    }

    /** Households wherever a population is known and no denominators are (the demo data set): population / size. */
    @Transactional
    public void loadHouseholdsFromPopulation(double personsPerHousehold) {
        jdbc.sql("""
                INSERT INTO node_denominator (node_id, year, households, updated_by)
                SELECT node_id, year, round(population / :size), 'system' FROM node_population
                ON CONFLICT (node_id, year) DO NOTHING
                """).param("size", personsPerHousehold).update();
    }

    private void write(Staff staff, OrgUnitView node, int year, DenominatorValues before, DenominatorValues after) {
        try {
            jdbc.sql("""
                    INSERT INTO node_denominator (node_id, year, households, clans, villages, organisations, staff, adults,
                                                  updated_by)
                    VALUES (:node, :year, :households, :clans, :villages, :organisations, :staff, :adults, :by)
                    ON CONFLICT (node_id, year) DO UPDATE
                        SET households = EXCLUDED.households, clans = EXCLUDED.clans, villages = EXCLUDED.villages,
                            organisations = EXCLUDED.organisations, staff = EXCLUDED.staff, adults = EXCLUDED.adults,
                            updated_at = now(), updated_by = EXCLUDED.updated_by,
                            version = node_denominator.version + 1
                    """).param("node", node.id()).param("year", year).param("households", after.households())
                    .param("clans", after.clans()).param("villages", after.villages())
                    .param("organisations", after.organisations()).param("staff", after.staff())
                    .param("adults", after.adults()).param("by", staff.username()).update();
        }
        catch (DataAccessException ex) {
            throw closedYear(ex);
        }
        audit.record(staff, before == null ? "CREATE" : "UPDATE", "DENOMINATOR", node.id(), node.path(),
                before == null ? null : before.audit(year), after.audit(year));
    }

    /** The database's refusal of a closed year (KH001) as a field message; anything else as it was. */
    static RuntimeException closedYear(DataAccessException ex) {
        for (Throwable t = ex; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && "KH001".equals(sql.getSQLState())) {
                return RuleViolationException.of("year", "year.closed");
            }
        }
        return ex;
    }

    /** "6688", " 06688 " -> "06688": spreadsheets drop leading zeros of codes typed as numbers. */
    static String normalCode(String code) {
        String t = code == null ? "" : code.strip();
        if (t.endsWith(".0")) {
            t = t.substring(0, t.length() - 2);
        }
        if (t.matches("[0-9]{1,5}")) {
            return "0".repeat(5 - t.length()) + t;
        }
        return t;
    }

    private static DenominatorValues values(java.sql.ResultSet rs) throws SQLException {
        return new DenominatorValues(rs.getObject("households", Long.class), rs.getObject("clans", Long.class),
                rs.getObject("villages", Long.class), rs.getObject("organisations", Long.class),
                rs.getObject("staff", Long.class), rs.getObject("adults", Long.class));
    }

    /** A node's own entry: values, when and by whom last changed, version. */
    public record Entry(DenominatorValues values, OffsetDateTime updatedAt, String updatedBy, long version) {
    }

    /** A child and its own entry of the year. */
    public record ChildRow(long id, String code, String name, String titleKey, DenominatorValues values) {
    }
}
