package vn.khuyenhoc.reporting;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * Submitting, approving or returning one report: the year, the version the user saw (so that of two acting at once
 * the second is told), and for a return its reason (required then, checked by the service).
 */
public record ReportActionForm(
        @NotNull(message = "{report.year.invalid}") @Pattern(regexp = "\\d{4}", message = "{report.year.invalid}") String year,
        @NotNull(message = "{report.conflict.missing}") Long version,
        @Size(max = 500, message = "{report.reason.size}") String reason) {

    static ReportActionForm of(ReportView report) {
        return new ReportActionForm(String.valueOf(report.year()), report.version(), "");
    }

    int yearValue() {
        return Integer.parseInt(year);
    }
}
