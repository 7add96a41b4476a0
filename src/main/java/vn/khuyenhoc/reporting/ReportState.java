package vn.khuyenhoc.reporting;

import java.util.Arrays;
import java.util.Optional;

/**
 * Where a node's report of a year stands. NOT_STARTED has no row (nothing of the year recorded yet); IN_PROGRESS
 * once a record of the year changed; SUBMITTED by the node's own staff; APPROVED by the level above (for a province:
 * accepted by the national board); RETURNED by the level above, with a reason. SUBMITTED and APPROVED lock the
 * node's records of the year in the database.
 */
public enum ReportState {

    NOT_STARTED, IN_PROGRESS, SUBMITTED, APPROVED, RETURNED;

    public boolean locked() {
        return this == SUBMITTED || this == APPROVED;
    }

    /** Whether the report counts as submitted in the reporting rates (approved ones were submitted first). */
    public boolean submitted() {
        return locked();
    }

    /** The state named by a filter's text, if it names one. */
    public static Optional<ReportState> parse(String text) {
        return Arrays.stream(values()).filter(s -> s.name().equals(text)).findFirst();
    }
}
