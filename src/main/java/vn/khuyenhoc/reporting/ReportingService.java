package vn.khuyenhoc.reporting;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.khuyenhoc.audit.AuditService;
import vn.khuyenhoc.closing.YearClosingService;
import vn.khuyenhoc.orgunit.OrgUnitService;
import vn.khuyenhoc.orgunit.OrgUnitView;
import vn.khuyenhoc.rollup.Figure;
import vn.khuyenhoc.rollup.Figures;
import vn.khuyenhoc.rollup.RollupService;
import vn.khuyenhoc.shared.NotFoundException;
import vn.khuyenhoc.shared.RuleViolationException;
import vn.khuyenhoc.shared.Scope;
import vn.khuyenhoc.shared.Staff;
import vn.khuyenhoc.shared.VietnamTime;

/**
 * The yearly reporting cycle (DESIGN.md section 9): a commune's staff submit its report, its province's staff approve
 * or return it, a province submits once all its communes are approved, the national board accepts or returns it.
 * Submitting keeps the node's dashboard figures and (through the database, {@code require_unlocked}) locks its
 * records of the year; returning lifts the lock. Every change of state is written to the report's history and the
 * audit log in the same transaction. Who may act: the node's own staff submit, the staff of its parent decide;
 * anyone else in scope gets 403, anyone outside 404.
 */
@Service
@Transactional(readOnly = true)
public class ReportingService {

    static final MonthDay PROVINCE_DEADLINE = MonthDay.of(12, 15);
    static final MonthDay COMMUNE_DEADLINE = MonthDay.of(12, 5);
    static final int REASON_MAX = 500;
    private static final String AUDIT_TYPE = "ANNUAL_REPORT";
    private static final TypeReference<LinkedHashMap<String, Object>> FIGURES = new TypeReference<>() {
    };

    private final JdbcClient jdbc;
    private final OrgUnitService orgUnits;
    private final RollupService rollups;
    private final YearClosingService closing;
    private final AuditService audit;
    private final JsonMapper json;
    private final Clock clock;

    ReportingService(JdbcClient jdbc, OrgUnitService orgUnits, RollupService rollups, YearClosingService closing,
            AuditService audit, JsonMapper json, Clock clock) {
        this.jdbc = jdbc;
        this.orgUnits = orgUnits;
        this.rollups = rollups;
        this.closing = closing;
        this.audit = audit;
        this.json = json;
        this.clock = clock;
    }

    /** The year a reporting page shows when none is asked for: this year, in Vietnam. */
    public int currentYear() {
        return VietnamTime.thisYear(clock);
    }

    /** The years a report can be about: from 1990 to next year. */
    public boolean isReportYear(int year) {
        return year >= 1990 && year <= VietnamTime.thisYear(clock) + 1;
    }

    /** A province or commune in scope (the nodes that report). @throws NotFoundException otherwise */
    public OrgUnitView reportingNode(Scope scope, long id) {
        OrgUnitView node = orgUnits.get(scope, id);
        if (node.level() != 1 && node.level() != 2) {
            throw new NotFoundException();
        }
        return node;
    }

    /** Whether this user submits this node's report (its own staff). */
    public boolean canSubmit(Staff staff, OrgUnitView node) {
        return staff.scope().nodeId() == node.id() && (node.level() == 1 || node.level() == 2);
    }

    /** Whether this user approves or returns this node's report (the staff of its parent). */
    public boolean canDecide(Staff staff, OrgUnitView node) {
        return node.parentId() != null && staff.scope().nodeId() == node.parentId()
                && (node.level() == 1 || node.level() == 2);
    }

    /** The report of a province or commune in scope. */
    public ReportView report(Scope scope, long nodeId, int year) {
        return view(reportingNode(scope, nodeId), year);
    }

    /** The report's history, newest first. */
    public List<ReportEvent> history(Scope scope, long nodeId, int year) {
        OrgUnitView node = reportingNode(scope, nodeId);
        return jdbc.sql("""
                SELECT action, from_state, to_state, reason, actor, occurred_at, figures::text
                FROM annual_report_event WHERE node_id = :node AND year = :year ORDER BY occurred_at DESC, id DESC
                """).param("node", node.id()).param("year", year)
                .query((rs, n) -> new ReportEvent(rs.getString(1), ReportState.valueOf(rs.getString(2)),
                        ReportState.valueOf(rs.getString(3)), rs.getString(4), rs.getString(5),
                        rs.getObject(6, OffsetDateTime.class), figures(rs.getString(7))))
                .list();
    }

    /** The node's figures now, as its dashboard shows them, keyed like the kept ones. */
    public Map<String, Object> liveFigures(Scope scope, long nodeId, int year) {
        OrgUnitView node = reportingNode(scope, nodeId);
        return snapshot(node, rollups.figures(scope, node.id(), year));
    }

    /** Active communes of a province not yet approved for the year (a province submits when there are none). */
    public long communesNotApproved(long provinceId, int year) {
        return jdbc.sql("""
                SELECT count(*) FROM org_unit c
                LEFT JOIN annual_report r ON r.node_id = c.id AND r.year = :year
                WHERE c.parent_id = :province AND c.level = 2 AND c.active AND r.state IS DISTINCT FROM 'APPROVED'
                """).param("province", provinceId).param("year", year).query(Long.class).single();
    }

    /**
     * The node's own staff submit its report: its figures are kept as they stand, its records of the year lock.
     * A province submits only when every active commune of it is approved.
     */
    @Transactional
    public ReportView submit(Staff staff, long nodeId, int year, long expectedVersion) {
        OrgUnitView node = reportingNode(staff.scope(), nodeId);
        if (!canSubmit(staff, node)) {
            throw new AccessDeniedException("A report is submitted by its own node's staff");
        }
        requireOpen(year);
        if (node.level() == 1) {
            long waiting = communesNotApproved(node.id(), year);
            if (waiting > 0) {
                throw RuleViolationException.of(null, "report.submit.communesNotApproved", waiting);
            }
        }
        Row current = lockRow(node, year, expectedVersion);
        if (current.state.locked()) {
            throw RuleViolationException.of(null, "report.submit.already." + current.state);
        }
        // the row lock above waited for every write of the node's records in flight (require_unlocked share-locks
        // it): the figures read now are final until a return
        Map<String, Object> figures = snapshot(node, rollups.figures(staff.scope(), node.id(), year));
        String figuresJson = json.writeValueAsString(figures);
        OffsetDateTime now = now();
        jdbc.sql("""
                UPDATE annual_report SET state = 'SUBMITTED', submitted_at = :now, submitted_by = :actor,
                       figures = CAST(:figures AS jsonb), changed_at = :now, version = version + 1
                WHERE node_id = :node AND year = :year
                """).param("now", now).param("actor", staff.username()).param("figures", figuresJson)
                .param("node", node.id()).param("year", year).update();
        event(staff, node, year, "SUBMIT", current.state, ReportState.SUBMITTED, null, figuresJson);
        return view(node, year);
    }

    /** One report approved (a commune's by its province, a province's accepted by the national board). */
    @Transactional
    public ReportView approve(Staff staff, long nodeId, int year, long expectedVersion) {
        OrgUnitView node = decidable(staff, nodeId, year);
        approveOne(staff, node, year, expectedVersion);
        return view(node, year);
    }

    /**
     * Several communes approved at once, all or none: each at the version the approver saw.
     *
     * @param versions node id to the version shown on the approver's list
     * @return how many were approved
     */
    @Transactional
    public int approveAll(Staff staff, Map<Long, Long> versions, int year) {
        if (versions.isEmpty()) {
            throw RuleViolationException.of("ids", "report.bulk.none");
        }
        List<Long> ids = new ArrayList<>(versions.keySet());
        ids.sort(null); // always lock in the same order
        for (long id : ids) {
            approveOne(staff, decidable(staff, id, year), year, versions.get(id));
        }
        return ids.size();
    }

    private void approveOne(Staff staff, OrgUnitView node, int year, long expectedVersion) {
        Row current = lockRow(node, year, expectedVersion);
        if (current.state != ReportState.SUBMITTED) {
            throw RuleViolationException.of(null, "report.approve.notSubmitted", displayName(node));
        }
        OffsetDateTime now = now();
        jdbc.sql("""
                UPDATE annual_report SET state = 'APPROVED', decided_at = :now, decided_by = :actor, reason = NULL,
                       changed_at = :now, version = version + 1
                WHERE node_id = :node AND year = :year
                """).param("now", now).param("actor", staff.username()).param("node", node.id()).param("year", year)
                .update();
        event(staff, node, year, "APPROVE", current.state, ReportState.APPROVED, null, null);
    }

    /**
     * The level above returns a submitted or approved report with a reason: the lock lifts. A province returning an
     * approved commune sends its own submitted report back to in progress; once the national board has accepted
     * the province's report, that board must return it first.
     */
    @Transactional
    public ReportView returnReport(Staff staff, long nodeId, int year, long expectedVersion, String reason) {
        OrgUnitView node = decidable(staff, nodeId, year);
        String why = reason == null ? "" : reason.strip();
        if (why.isEmpty()) {
            throw RuleViolationException.of("reason", "report.reason.required");
        }
        if (why.length() > REASON_MAX) {
            throw RuleViolationException.of("reason", "report.reason.size", REASON_MAX);
        }
        Row current = lockRow(node, year, expectedVersion);
        if (!current.state.locked()) {
            throw RuleViolationException.of(null, "report.return.notSubmitted", displayName(node));
        }
        if (node.level() == 2) {
            OrgUnitView province = orgUnits.get(staff.scope(), node.parentId());
            Row provinceRow = row(province.id(), year, true).orElse(null);
            if (provinceRow != null && provinceRow.state == ReportState.APPROVED) {
                throw RuleViolationException.of(null, "report.return.provinceAccepted");
            }
            if (provinceRow != null && provinceRow.state == ReportState.SUBMITTED) {
                jdbc.sql("""
                        UPDATE annual_report SET state = 'IN_PROGRESS', changed_at = :now, version = version + 1
                        WHERE node_id = :node AND year = :year
                        """).param("now", now()).param("node", province.id()).param("year", year).update();
                event(staff, province, year, "REOPEN", ReportState.SUBMITTED, ReportState.IN_PROGRESS,
                        displayName(node) + ": " + why, null);
            }
        }
        OffsetDateTime now = now();
        jdbc.sql("""
                UPDATE annual_report SET state = 'RETURNED', decided_at = :now, decided_by = :actor, reason = :reason,
                       changed_at = :now, version = version + 1
                WHERE node_id = :node AND year = :year
                """).param("now", now).param("actor", staff.username()).param("reason", why)
                .param("node", node.id()).param("year", year).update();
        event(staff, node, year, "RETURN", current.state, ReportState.RETURNED, why, null);
        return view(node, year);
    }

    /** A node in scope whose report this user decides on (403 for anyone else in scope), in an open year. */
    private OrgUnitView decidable(Staff staff, long nodeId, int year) {
        OrgUnitView node = reportingNode(staff.scope(), nodeId);
        if (!canDecide(staff, node)) {
            throw new AccessDeniedException("A report is approved or returned by the level above");
        }
        requireOpen(year);
        return node;
    }

    private void requireOpen(int year) {
        if (!isReportYear(year)) {
            throw RuleViolationException.of("year", "report.year.invalid");
        }
        if (closing.isClosed(year)) {
            throw RuleViolationException.of(null, "report.year.closed", String.valueOf(year));
        }
    }

    /**
     * The node's report row, created (in progress) when missing, locked for this transaction and at the version the
     * user saw: of two staff acting at once, the second finds the version moved on and is told so.
     */
    private Row lockRow(OrgUnitView node, int year, long expectedVersion) {
        jdbc.sql("""
                INSERT INTO annual_report (node_id, year, state) VALUES (:node, :year, 'IN_PROGRESS')
                ON CONFLICT DO NOTHING
                """).param("node", node.id()).param("year", year).update();
        Row row = row(node.id(), year, true).orElseThrow();
        if (row.version != expectedVersion) {
            throw RuleViolationException.of(null, "report.conflict", displayName(node),
                    new org.springframework.context.support.DefaultMessageSourceResolvable(
                            (node.level() == 1 && row.state == ReportState.APPROVED) ? "report.state.ACCEPTED"
                                    : "report.state." + row.state.name()));
        }
        return row;
    }

    private Optional<Row> row(long nodeId, int year, boolean forUpdate) {
        return jdbc.sql("SELECT state, version FROM annual_report WHERE node_id = :node AND year = :year"
                + (forUpdate ? " FOR UPDATE" : "")).param("node", nodeId).param("year", year)
                .query((rs, n) -> new Row(ReportState.valueOf(rs.getString(1)), rs.getLong(2))).optional();
    }

    private record Row(ReportState state, long version) {
    }

    private void event(Staff staff, OrgUnitView node, int year, String action, ReportState from, ReportState to,
            String reason, String figuresJson) {
        jdbc.sql("""
                INSERT INTO annual_report_event (node_id, year, action, from_state, to_state, reason, figures, actor, occurred_at)
                VALUES (:node, :year, :action, :from, :to, :reason, CAST(:figures AS jsonb), :actor, :now)
                """).param("node", node.id()).param("year", year).param("action", action).param("from", from.name())
                .param("to", to.name()).param("reason", reason).param("figures", figuresJson)
                .param("actor", staff.username()).param("now", now()).update();
        Map<String, Object> before = new LinkedHashMap<>();
        before.put("year", year);
        before.put("state", from.name());
        Map<String, Object> after = new LinkedHashMap<>(before);
        after.put("state", to.name());
        if (reason != null) {
            after.put("reason", reason);
        }
        audit.record(staff, action, AUDIT_TYPE, node.id(), node.path(), before, after);
    }

    /** The deadline by which the children of this node (central: provinces; province: communes) report. */
    public LocalDate deadlineOf(long parentId, int parentLevel, int year) {
        MonthDay fallback = parentLevel == 0 ? PROVINCE_DEADLINE : COMMUNE_DEADLINE;
        return jdbc.sql("SELECT deadline FROM report_deadline WHERE node_id = :node AND year = :year")
                .param("node", parentId).param("year", year).query(LocalDate.class).optional()
                .orElse(fallback.atYear(year));
    }

    /** The version of a node's deadline row for a year (0 while the default applies; a row starts at 1). */
    public long deadlineVersion(long nodeId, int year) {
        return jdbc.sql("SELECT version FROM report_deadline WHERE node_id = :node AND year = :year")
                .param("node", nodeId).param("year", year).query(Long.class).optional().orElse(0L);
    }

    /**
     * The national board sets the provinces' deadline, a province its communes': on their own node only, not before
     * the year starts, and before the end of the next year.
     */
    @Transactional
    public LocalDate setDeadline(Staff staff, long nodeId, int year, LocalDate deadline, long expectedVersion) {
        OrgUnitView node = orgUnits.get(staff.scope(), nodeId);
        if (node.level() > 1) {
            throw new NotFoundException();
        }
        if (staff.scope().nodeId() != node.id()) {
            throw new AccessDeniedException("A deadline is set by the node whose children report");
        }
        if (!isReportYear(year)) {
            throw RuleViolationException.of("year", "report.year.invalid");
        }
        if (deadline.isBefore(LocalDate.of(year, 1, 1))) {
            throw RuleViolationException.of("deadline", "report.deadline.beforeYear", String.valueOf(year));
        }
        if (!deadline.isBefore(LocalDate.of(year + 2, 1, 1))) {
            throw RuleViolationException.of("deadline", "report.deadline.tooLate", String.valueOf(year + 1));
        }
        if (closing.isClosed(year)) {
            throw RuleViolationException.of(null, "report.year.closed", String.valueOf(year));
        }
        LocalDate before = deadlineOf(node.id(), node.level(), year);
        int changed;
        if (expectedVersion == 0) {
            changed = jdbc.sql("""
                    INSERT INTO report_deadline (node_id, year, deadline, set_by, set_at, version)
                    VALUES (:node, :year, :deadline, :actor, :now, 1) ON CONFLICT DO NOTHING
                    """).param("node", node.id()).param("year", year).param("deadline", deadline)
                    .param("actor", staff.username()).param("now", now()).update();
        }
        else {
            changed = jdbc.sql("""
                    UPDATE report_deadline SET deadline = :deadline, set_by = :actor, set_at = :now, version = version + 1
                    WHERE node_id = :node AND year = :year AND version = :version
                    """).param("node", node.id()).param("year", year).param("deadline", deadline)
                    .param("actor", staff.username()).param("now", now()).param("version", expectedVersion).update();
        }
        if (changed == 0) {
            throw RuleViolationException.of("deadline", "report.deadline.conflict",
                    deadlineOf(node.id(), node.level(), year).format(java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy")));
        }
        audit.record(staff, "DEADLINE", "REPORT_DEADLINE", node.id(), node.path(),
                Map.of("year", year, "deadline", before.toString()), Map.of("year", year, "deadline", deadline.toString()));
        return deadline;
    }

    /**
     * The reports of these nodes for a year (for the annual export): state and the figures kept at the last
     * submission. Nodes without a report are absent. The caller has resolved the nodes in its user's scope.
     */
    public Map<Long, KeptReport> keptReports(java.util.Collection<Long> nodeIds, int year) {
        Map<Long, KeptReport> reports = new java.util.HashMap<>();
        if (nodeIds.isEmpty()) {
            return reports;
        }
        jdbc.sql("SELECT node_id, state, figures::text FROM annual_report WHERE year = :year AND node_id = ANY(:ids)")
                .param("year", year).param("ids", nodeIds.toArray(Long[]::new))
                .query((rs, n) -> reports.put(rs.getLong(1), new KeptReport(ReportState.valueOf(rs.getString(2)),
                        figures(rs.getString(3)))))
                .list();
        return reports;
    }

    /** A node's report as the export sees it: its state and the figures it kept (figure key to value). */
    public record KeptReport(ReportState state, Map<String, Object> figures) {

        public boolean approved() {
            return state == ReportState.APPROVED;
        }
    }

    /** Whether every active province's report of the year is accepted (what closing the year needs). */
    public long provincesNotAccepted(int year) {
        return jdbc.sql("""
                SELECT count(*) FROM org_unit p
                LEFT JOIN annual_report r ON r.node_id = p.id AND r.year = :year
                WHERE p.level = 1 AND p.active AND r.state IS DISTINCT FROM 'APPROVED'
                """).param("year", year).query(Long.class).single();
    }

    ReportView view(OrgUnitView node, int year) {
        LocalDate deadline = deadlineOf(node.parentId(), node.level() - 1, year);
        return jdbc.sql("""
                SELECT state, submitted_at, submitted_by, decided_at, decided_by, reason, figures::text, version
                FROM annual_report WHERE node_id = :node AND year = :year
                """).param("node", node.id()).param("year", year)
                .query((rs, n) -> view(node, year, rs, deadline)).optional()
                .orElseGet(() -> new ReportView(node, year, notStartedState(node, year), null, null, null, null,
                        null, Map.of(), deadline, 0));
    }

    private ReportView view(OrgUnitView node, int year, ResultSet rs, LocalDate deadline) throws SQLException {
        return new ReportView(node, year, ReportState.valueOf(rs.getString("state")),
                rs.getObject("submitted_at", OffsetDateTime.class), rs.getString("submitted_by"),
                rs.getObject("decided_at", OffsetDateTime.class), rs.getString("decided_by"), rs.getString("reason"),
                figures(rs.getString("figures")), deadline, rs.getLong("version"));
    }

    /** Without a row of its own, a province is in progress as soon as one of its communes is. */
    private ReportState notStartedState(OrgUnitView node, int year) {
        if (node.level() != 1) {
            return ReportState.NOT_STARTED;
        }
        boolean anyCommune = jdbc.sql("""
                SELECT EXISTS (SELECT 1 FROM annual_report r JOIN org_unit c ON c.id = r.node_id
                               WHERE r.year = :year AND c.parent_id = :province)
                """).param("year", year).param("province", node.id()).query(Boolean.class).single();
        return anyCommune ? ReportState.IN_PROGRESS : ReportState.NOT_STARTED;
    }

    /** The figures of a node's dashboard that apply to its level, keyed by figure (what a submission keeps). */
    static Map<String, Object> snapshot(OrgUnitView node, Figures figures) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (Figure figure : Figure.forLevel(node.level())) {
            Number value = figure.of(figures);
            if (value != null) {
                values.put(figure.key(), value);
            }
        }
        return values;
    }

    Map<String, Object> figures(String text) {
        return text == null ? Map.of() : json.readValue(text, FIGURES);
    }

    private OffsetDateTime now() {
        return OffsetDateTime.ofInstant(clock.instant(), VietnamTime.ZONE);
    }

    private static String displayName(OrgUnitView node) {
        return node.name();
    }
}
