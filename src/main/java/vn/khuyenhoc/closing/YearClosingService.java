package vn.khuyenhoc.closing;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.khuyenhoc.audit.AuditService;
import vn.khuyenhoc.shared.NotFoundException;
import vn.khuyenhoc.shared.Role;
import vn.khuyenhoc.shared.RuleViolationException;
import vn.khuyenhoc.shared.Staff;

/**
 * Closing a year: the national board's statement that its figures are final, and its history. Features that write
 * records dated in a year ask {@link ClosedYears} whether it is closed; the database refuses the same writes too
 * ({@code require_open_year}), whatever connects to it.
 */
@Service
@Transactional(readOnly = true)
public class YearClosingService {

    private final JdbcClient jdbc;
    private final ClosedYears closedYears;
    private final AuditService audit;

    // asked when a year is closed, not when this service is made: a check may itself use closing (issue 12)
    private final ObjectProvider<YearClosingCheck> checks;

    YearClosingService(JdbcClient jdbc, ClosedYears closedYears, AuditService audit,
            ObjectProvider<YearClosingCheck> checks) {
        this.checks = checks;
        this.jdbc = jdbc;
        this.closedYears = closedYears;
        this.audit = audit;
    }

    public boolean isClosed(int year) {
        return closedYears.isClosed(year);
    }

    public List<ClosedYear> closedYears() {
        return jdbc.sql("SELECT year, closed_at, closed_by FROM closed_year ORDER BY year DESC")
                .query((rs, n) -> new ClosedYear(rs.getInt(1), rs.getObject(2, OffsetDateTime.class), rs.getString(3)))
                .list();
    }

    public List<ClosingEvent> history() {
        return jdbc.sql("SELECT year, action, reason, actor, occurred_at FROM year_closing_event ORDER BY occurred_at DESC, id DESC LIMIT 100")
                .query((rs, n) -> new ClosingEvent(rs.getInt(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getObject(5, OffsetDateTime.class)))
                .list();
    }

    @Transactional
    public void close(Staff staff, int year) {
        requireNational(staff);
        lockYear(year);
        checks.orderedStream().forEach(check -> check.requireClosable(year));
        int inserted = jdbc.sql("INSERT INTO closed_year (year, closed_by) VALUES (:year, :by) ON CONFLICT DO NOTHING")
                .param("year", year).param("by", staff.username()).update();
        if (inserted == 0) {
            throw RuleViolationException.of("year", "closing.alreadyClosed");
        }
        event(staff, year, "CLOSE", null);
    }

    @Transactional
    public void reopen(Staff staff, int year, String reason) {
        requireNational(staff);
        lockYear(year);
        int deleted = jdbc.sql("DELETE FROM closed_year WHERE year = :year").param("year", year).update();
        if (deleted == 0) {
            throw RuleViolationException.of("year", "closing.notClosed");
        }
        event(staff, year, "REOPEN", reason.strip());
    }

    /**
     * The exclusive side of the year's lock (R__hardening.sql): waits for every write into the year under way, whose
     * {@code require_open_year} holds the shared side until it commits, and holds back those that start meanwhile.
     */
    private void lockYear(int year) {
        jdbc.sql("SELECT lock_year_for_closing(:year)").param("year", year).query(Object.class).optional();
    }

    private void event(Staff staff, int year, String action, String reason) {
        jdbc.sql("INSERT INTO year_closing_event (year, action, reason, actor) VALUES (:year, :action, :reason, :actor)")
                .param("year", year).param("action", action).param("reason", reason).param("actor", staff.username())
                .update();
        audit.record(staff, action, "YEAR", (long) year, staff.scope().path(),
                Map.of("closed", action.equals("REOPEN")),
                reason == null ? Map.of("closed", true) : Map.of("closed", false, "reason", reason));
    }

    private static void requireNational(Staff staff) {
        if (staff.role() != Role.NATIONAL) {
            throw new NotFoundException();
        }
    }

    public record ClosedYear(int year, OffsetDateTime closedAt, String closedBy) {
    }

    public record ClosingEvent(int year, String action, String reason, String actor, OffsetDateTime occurredAt) {
    }
}
