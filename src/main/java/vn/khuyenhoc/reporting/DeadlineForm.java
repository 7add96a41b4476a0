package vn.khuyenhoc.reporting;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/** The deadline a national board or province sets for its children's reports of a year (a date field's text). */
public record DeadlineForm(
        @NotNull(message = "{report.year.invalid}") @Pattern(regexp = "\\d{4}", message = "{report.year.invalid}") String year,
        @NotBlank(message = "{report.deadline.required}") String deadline,
        @NotNull(message = "{report.conflict.missing}") @Pattern(regexp = "\\d{1,18}", message = "{report.conflict.missing}") String version) {

    private static final DateTimeFormatter TYPED = DateTimeFormatter.ofPattern("dd/MM/uuuu");

    /** The date, from a date input (2026-12-05) or typed the Vietnamese way (05/12/2026); empty if neither. */
    Optional<LocalDate> date() {
        String text = deadline == null ? "" : deadline.strip();
        if (text.length() > 10) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDate.parse(text));
        }
        catch (DateTimeParseException ex) {
            try {
                return Optional.of(LocalDate.parse(text, TYPED.withResolverStyle(java.time.format.ResolverStyle.STRICT)));
            }
            catch (DateTimeParseException again) {
                return Optional.empty();
            }
        }
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
