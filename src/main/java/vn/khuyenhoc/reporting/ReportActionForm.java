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
        @NotNull(message = "{report.conflict.missing}") @Pattern(regexp = "\\d{1,18}", message = "{report.conflict.missing}") String version,
        @Size(max = 500, message = "{report.reason.size}") String reason) {

    static ReportActionForm of(ReportView report) {
        return new ReportActionForm(String.valueOf(report.year()), String.valueOf(report.version()), "");
    }

    /** The version the page carried (text, so that binding never fails), or null when it is not a number. */
    Long versionValue() {
        return version != null && version.matches("\\d{1,18}") ? Long.valueOf(version) : null;
    }

    /** The year typed, or null when it is not four digits (the field then has its message). */
    Integer yearValue() {
        return year != null && year.strip().matches("\\d{4}") ? Integer.valueOf(year.strip()) : null;
    }
}
