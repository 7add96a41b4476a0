package vn.khuyenhoc.closing;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** Closing or reopening a year; a reopening needs its reason. */
public record YearClosingForm(
        @NotNull(message = "{closing.year.required}") @Min(value = 1990, message = "{population.year.range}")
        @Max(value = 2100, message = "{population.year.range}") Integer year,
        @Size(max = 500, message = "{closing.reason.size}") String reason) {
}
