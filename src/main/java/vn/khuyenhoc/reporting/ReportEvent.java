package vn.khuyenhoc.reporting;

import java.time.OffsetDateTime;
import java.util.Map;

/** One change of state of a report, with who, when and why; a submission carries the figures it kept. */
public record ReportEvent(String action, ReportState from, ReportState to, String reason, String actor,
        OffsetDateTime occurredAt, Map<String, Object> figures) {

    /** When it happened, in Vietnam's time. */
    public java.time.LocalDateTime time() {
        return occurredAt.atZoneSameInstant(vn.khuyenhoc.shared.VietnamTime.ZONE).toLocalDateTime();
    }
}
