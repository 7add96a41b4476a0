package vn.khuyenhoc.reporting;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Map;

import vn.khuyenhoc.orgunit.OrgUnitView;
import vn.khuyenhoc.shared.VietnamTime;

/**
 * A commune's or province's report of a year, as pages show it (never a row of the database).
 *
 * @param figures  the figures kept at the last submission (figure key to value), empty when never submitted
 * @param deadline the deadline its level above set (or the default)
 * @param version  what a form sends back, so that of two staff acting at once only the first wins
 */
public record ReportView(OrgUnitView node, int year, ReportState state, OffsetDateTime submittedAt, String submittedBy,
        OffsetDateTime decidedAt, String decidedBy, String reason, Map<String, Object> figures, LocalDate deadline,
        long version) {

    /** The day of the last submission in Vietnam, or null. */
    public LocalDate submittedOn() {
        return submittedAt == null ? null : submittedAt.atZoneSameInstant(VietnamTime.ZONE).toLocalDate();
    }

    /** When it was last submitted, in Vietnam's time (what pages show), or null. */
    public java.time.LocalDateTime submittedTime() {
        return submittedAt == null ? null : submittedAt.atZoneSameInstant(VietnamTime.ZONE).toLocalDateTime();
    }

    /** When the level above last decided, in Vietnam's time, or null. */
    public java.time.LocalDateTime decidedTime() {
        return decidedAt == null ? null : decidedAt.atZoneSameInstant(VietnamTime.ZONE).toLocalDateTime();
    }

    /** Whether it was submitted on or before its deadline (Vietnam's days); null while not submitted. */
    public Boolean onTime() {
        return state.submitted() ? !submittedOn().isAfter(deadline) : null;
    }

    public boolean isProvince() {
        return node.level() == 1;
    }
}
