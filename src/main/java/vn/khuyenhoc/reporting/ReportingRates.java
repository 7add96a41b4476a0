package vn.khuyenhoc.reporting;

import java.util.List;

/**
 * The reporting rates of a year below a node: expected reports (active communes), submitted (approved included),
 * approved, on time and late (of the submitted), not yet submitted; each also as a share of the expected.
 */
public record ReportingRates(long expected, long submitted, long approved, long onTime, long late, long notSubmitted) {

    static ReportingRates of(List<CommuneReportRow> rows) {
        long submitted = rows.stream().filter(r -> r.state().submitted()).count();
        long approved = rows.stream().filter(r -> r.state() == ReportState.APPROVED).count();
        long onTime = rows.stream().filter(r -> Boolean.TRUE.equals(r.onTime())).count();
        return new ReportingRates(rows.size(), submitted, approved, onTime, submitted - onTime, rows.size() - submitted);
    }

    /** count / expected, 0..1, or null without any expected report. */
    public Double share(long count) {
        return expected == 0 ? null : (double) count / expected;
    }
}
