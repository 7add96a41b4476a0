package vn.khuyenhoc.closing;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * Reopening a closed year: the year and, always, the reason. The reason's rule lives here, with the form's other
 * rules, so that it is checked even when the year could not be read (a controller's own {@code rejectValue} on a
 * record whose construction failed answered 500).
 */
public record YearReopenForm(
        @NotNull(message = "{closing.year.required}") @Min(value = 1990, message = "{population.year.range}")
        @Max(value = 2100, message = "{population.year.range}") Integer year,
        @NotBlank(message = "{closing.reason.required}") @Size(max = 500, message = "{closing.reason.size}") String reason) {
}
