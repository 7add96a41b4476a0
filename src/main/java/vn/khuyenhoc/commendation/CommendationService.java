package vn.khuyenhoc.commendation;

import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.khuyenhoc.audit.AuditService;
import vn.khuyenhoc.closing.YearClosingService;
import vn.khuyenhoc.orgunit.OrgUnitService;
import vn.khuyenhoc.orgunit.OrgUnitView;
import vn.khuyenhoc.shared.DatabaseRefusals;
import vn.khuyenhoc.shared.NotFoundException;
import vn.khuyenhoc.shared.Role;
import vn.khuyenhoc.shared.RuleViolationException;
import vn.khuyenhoc.shared.Staff;
import vn.khuyenhoc.shared.VietnamTime;

/**
 * Commendations of the emulation movement (Decision 1315/QĐ-TTg): recorded at the node they belong to by
 * national, province or commune staff for any node of their subtree (chapter secretaries read them), listed per
 * node with its subtree, counted by the roll-up of V63 for the dashboards and the export. Outside the scope 404;
 * a chapter secretary recording 403.
 */
@Service
@Transactional(readOnly = true)
public class CommendationService {

    static final String AUDIT_TYPE = "COMMENDATION";
    private static final int LIST_LIMIT = 500;

    private final JdbcClient jdbc;
    private final OrgUnitService orgUnits;
    private final AuditService audit;
    private final YearClosingService closing;
    private final Clock clock;

    CommendationService(JdbcClient jdbc, OrgUnitService orgUnits, AuditService audit, YearClosingService closing,
            Clock clock) {
        this.jdbc = jdbc;
        this.orgUnits = orgUnits;
        this.audit = audit;
        this.closing = closing;
        this.clock = clock;
    }

    /** One commendation as the list shows it. */
    public record CommendationView(long id, long nodeId, String nodeName, int year, String recipientKind,
            String recipientName, String level, String form, String decisionNumber, LocalDate decisionDate,
            String createdBy) {
    }

    /** The commendations of a node's subtree in a year (at most 500), and the counts of its roll-up row. */
    public record Listing(List<CommendationView> items, long collectives, long individuals) {
    }

    public Listing list(Staff staff, long nodeId, int year) {
        OrgUnitView node = orgUnits.get(staff.scope(), nodeId);
        List<CommendationView> items = jdbc.sql("""
                SELECT c.*, u.name AS node_name FROM commendation c JOIN org_unit u ON u.id = c.node_id
                WHERE u.path LIKE :pattern AND c.year = :year
                ORDER BY array_position(ARRAY['NATIONAL', 'PROVINCE', 'COMMUNE']::varchar[], c.level),
                         c.decision_date DESC, c.recipient_name, c.id
                LIMIT :limit
                """).param("pattern", node.path() + "%").param("year", year).param("limit", LIST_LIMIT)
                .query((rs, n) -> new CommendationView(rs.getLong("id"), rs.getLong("node_id"), rs.getString("node_name"),
                        rs.getInt("year"), rs.getString("recipient_kind"), rs.getString("recipient_name"),
                        rs.getString("level"), rs.getString("form"), rs.getString("decision_number"),
                        rs.getObject("decision_date", LocalDate.class), rs.getString("created_by")))
                .list();
        // the node's own roll-up row; the country's is its provinces' rows plus its own (as every figure)
        long[] counts = jdbc.sql("""
                SELECT coalesce(sum(collectives), 0), coalesce(sum(individuals), 0) FROM rollup_commendations
                WHERE year = :year AND node_id = ANY(:nodes)""")
                .param("nodes", orgUnits.rollupNodes(node)).param("year", year)
                .query(rs -> {
                    rs.next();
                    return new long[] {rs.getLong(1), rs.getLong(2)};
                });
        return new Listing(items, counts[0], counts[1]);
    }

    /** Whether this user records commendations at this node (in scope: the caller has resolved it). */
    public boolean canRecord(Staff staff) {
        return staff.role() != Role.CHAPTER;
    }

    @Transactional
    public long record(Staff staff, long nodeId, CommendationForm form) {
        OrgUnitView node = orgUnits.get(staff.scope(), nodeId);
        requireRecorder(staff);
        CommendationForm.Commendation c = form.toCommand(VietnamTime.today(clock));
        if (closing.isClosed(c.year())) {
            throw RuleViolationException.of("year", "year.closed");
        }
        long id = DatabaseRefusals.translating("year", () -> jdbc.sql("""
                INSERT INTO commendation (node_id, year, recipient_kind, recipient_name, level, form, decision_number,
                                          decision_date, created_by)
                VALUES (:node, :year, :kind, :name, :level, :form, :number, :date, :by) RETURNING id
                """)
                .param("node", node.id()).param("year", c.year()).param("kind", c.kind().name())
                .param("name", c.name()).param("level", c.level().name()).param("form", c.form().name())
                .param("number", c.decisionNumber()).param("date", c.decisionDate()).param("by", staff.username())
                .query(Long.class).single());
        audit.record(staff, "CREATE", AUDIT_TYPE, id, node.path(), null, state(c));
        return id;
    }

    /** Deletes a mistaken record (the audit log keeps it). @return the node it was recorded at */
    @Transactional
    public long delete(Staff staff, long id) {
        Map<String, Object> row = jdbc.sql("SELECT * FROM commendation WHERE id = :id").param("id", id)
                .query().listOfRows().stream().findFirst().orElseThrow(NotFoundException::new);
        long nodeId = ((Number) row.get("node_id")).longValue();
        OrgUnitView node = orgUnits.get(staff.scope(), nodeId);
        requireRecorder(staff);
        int year = ((Number) row.get("year")).intValue();
        if (closing.isClosed(year)) {
            throw RuleViolationException.of(null, "year.closed");
        }
        DatabaseRefusals.translating(null, () -> jdbc.sql("DELETE FROM commendation WHERE id = :id").param("id", id).update());
        Map<String, Object> before = new LinkedHashMap<>(row);
        before.replaceAll((k, v) -> v == null ? null : v.toString());
        audit.record(staff, "DELETE", AUDIT_TYPE, id, node.path(), before, null);
        return nodeId;
    }

    private void requireRecorder(Staff staff) {
        if (!canRecord(staff)) {
            throw new AccessDeniedException("Chapter secretaries do not record commendations");
        }
    }

    private static Map<String, Object> state(CommendationForm.Commendation c) {
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("year", c.year());
        state.put("recipientKind", c.kind());
        state.put("recipientName", c.name());
        state.put("level", c.level());
        state.put("form", c.form());
        state.put("decisionNumber", c.decisionNumber());
        state.put("decisionDate", c.decisionDate().toString());
        return state;
    }
}
