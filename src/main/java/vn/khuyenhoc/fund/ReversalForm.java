package vn.khuyenhoc.fund;

import java.time.LocalDate;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.springframework.format.annotation.DateTimeFormat;

/** Reversing an entry: the date of the reversing entry and why (kept as its note). */
public record ReversalForm(
        @NotNull(message = "{fund.entryDate.required}")
        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE, fallbackPatterns = "d/M/yyyy") LocalDate entryDate,
        @NotBlank(message = "{fund.reason.required}") @Size(max = 500, message = "{fund.note.size}") String reason) {
}
