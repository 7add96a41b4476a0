package vn.khuyenhoc.centre;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.khuyenhoc.audit.AuditService;
import vn.khuyenhoc.closing.ClosedYears;
import vn.khuyenhoc.orgunit.OrgUnitService;
import vn.khuyenhoc.orgunit.OrgUnitView;
import vn.khuyenhoc.shared.NotFoundException;
import vn.khuyenhoc.shared.RuleViolationException;
import vn.khuyenhoc.shared.Scope;
import vn.khuyenhoc.shared.Staff;
import vn.khuyenhoc.shared.VietnamTime;

/**
 * Per commune and year, the association's staff and those trained in digital skills (issue 15; Decision 387's
 * target: 40 %). Kept by the commune's own staff, read by everyone above; closed years refuse changes in the
 * database (R__centres.sql).
 */
@Service
@Transactional(readOnly = true)
public class DigitalStaffService {

    /** Decision 387's target share of commune education-promotion staff trained in digital skills. */
    public static final double TARGET = 0.40;

    private final JdbcClient jdbc;
    private final OrgUnitService orgUnits;
    private final CentreService centres;
    private final ClosedYears closing;
    private final AuditService audit;
    private final Clock clock;

    DigitalStaffService(JdbcClient jdbc, OrgUnitService orgUnits, CentreService centres, ClosedYears closing,
            AuditService audit, Clock clock) {
        this.jdbc = jdbc;
        this.orgUnits = orgUnits;
        this.centres = centres;
        this.closing = closing;
        this.audit = audit;
        this.clock = clock;
    }

    /** A commune's years, latest first. */
    public List<StaffYear> history(Scope scope, long communeId) {
        OrgUnitView commune = orgUnits.get(scope, communeId);
        if (commune.level() != 2) {
            throw new NotFoundException();
        }
        return jdbc.sql("""
                SELECT year, staff, trained, version, updated_at, updated_by FROM commune_digital_staff
                WHERE commune_id = :commune ORDER BY year DESC
                """).param("commune", commune.id())
                .query((rs, n) -> new StaffYear(rs.getInt(1), rs.getInt(2), rs.getInt(3), rs.getLong(4),
                        rs.getObject(5, OffsetDateTime.class), rs.getString(6)))
                .list();
    }

    /** Sets a year's figures of the user's own commune, creating or replacing them. */
    @Transactional
    public StaffYear set(Staff staff, long communeId, int year, int count, int trained, Long version) {
        OrgUnitView commune = centres.writableCommune(staff, communeId);
        RuleViolationException.Collector rules = new RuleViolationException.Collector();
        if (year > VietnamTime.thisYear(clock)) {
            rules.add("year", "centre.year.future");
        }
        if (trained > count) {
            rules.add("trained", "digitalStaff.trained.exceeds");
        }
        rules.throwIfAny();
        closing.requireOpen(year, "year");
        Optional<StaffYear> before = history(staff.scope(), communeId).stream().filter(y -> y.year() == year).findFirst();
        if (before.isPresent() && version != null && version != before.get().version()) {
            throw new ObjectOptimisticLockingFailureException("commune_digital_staff", communeId);
        }
        DatabaseRefusals.map("year", () -> jdbc.sql("""
                INSERT INTO commune_digital_staff AS s (commune_id, year, province_id, staff, trained, updated_by)
                VALUES (:commune, :year, :commune, :staff, :trained, :by)
                ON CONFLICT (commune_id, year) DO UPDATE SET staff = EXCLUDED.staff, trained = EXCLUDED.trained,
                    updated_by = EXCLUDED.updated_by, version = s.version + 1
                """).param("commune", commune.id()).param("year", year).param("staff", count)
                .param("trained", trained).param("by", staff.username()).update());
        StaffYear after = history(staff.scope(), communeId).stream().filter(y -> y.year() == year).findFirst().orElseThrow();
        audit.record(staff, before.isPresent() ? "UPDATE" : "CREATE", "DIGITAL_STAFF", communeId, commune.path(),
                before.map(DigitalStaffService::auditState).orElse(null), auditState(after));
        return after;
    }

    private static Map<String, Object> auditState(StaffYear y) {
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("year", y.year());
        state.put("staff", y.staff());
        state.put("trained", y.trained());
        return state;
    }

    /** A commune's year: staff, trained, and the share (null without staff). */
    public record StaffYear(int year, int staff, int trained, long version, OffsetDateTime updatedAt, String updatedBy) {

        public Double share() {
            return staff == 0 ? null : (double) trained / staff;
        }

        public boolean meetsTarget() {
            return share() != null && share() >= TARGET;
        }
    }
}
