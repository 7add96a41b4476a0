package vn.khuyenhoc.reporting;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A province approving several communes' reports at once: each ticked box is "commune id:version shown", and the
 * approval happens only once the list has been confirmed.
 */
public record BulkApprovalForm(
        @NotNull(message = "{report.year.invalid}") @Pattern(regexp = "\\d{4}", message = "{report.year.invalid}") String year,
        @Size(max = 5000, message = "{report.bulk.tooMany}") List<String> ids,
        String confirmed) {

    /** The year typed, or null when it is not four digits (the field then has its message). */
    Integer yearValue() {
        return year != null && year.strip().matches("\\d{4}") ? Integer.valueOf(year.strip()) : null;
    }

    boolean isConfirmed() {
        return "true".equals(confirmed);
    }

    /** The ticked communes and their versions, or empty when a box's value is not "id:version". */
    Optional<Map<Long, Long>> versions() {
        Map<Long, Long> versions = new LinkedHashMap<>();
        for (String id : ids == null ? List.<String>of() : ids) {
            if (id == null || !id.matches("\\d{1,18}:\\d{1,18}")) {
                return Optional.empty();
            }
            String[] parts = id.split(":");
            versions.put(Long.parseLong(parts[0]), Long.parseLong(parts[1]));
        }
        return Optional.of(versions);
    }
}
