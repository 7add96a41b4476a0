package vn.khuyenhoc.centre;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/**
 * A commune association's staff in a year and how many of them were trained in digital skills (Decision 387 asks
 * for 40 %). Numbers bind as numbers: text or absurd values get field messages.
 */
public record DigitalStaffForm(
        @NotNull(message = "{centre.year.required}") @Min(value = 1990, message = "{centre.year.range}")
        @Max(value = 2100, message = "{centre.year.range}") Integer year,
        @NotNull(message = "{digitalStaff.staff.required}") @Min(value = 0, message = "{digitalStaff.staff.range}")
        @Max(value = 100_000, message = "{digitalStaff.staff.range}")
        Integer staff,
        @NotNull(message = "{digitalStaff.trained.required}") @Min(value = 0, message = "{digitalStaff.staff.range}")
        @Max(value = 100_000, message = "{digitalStaff.staff.range}")
        Integer trained,
        Long version) {
}
