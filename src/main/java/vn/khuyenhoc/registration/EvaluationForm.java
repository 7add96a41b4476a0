package vn.khuyenhoc.registration;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.List;
import java.util.stream.Stream;

import jakarta.validation.constraints.Size;

import vn.khuyenhoc.shared.RuleViolationException;

/**
 * The year-end decision on one registration (with its {@code version}) or on several at once ({@code selected},
 * each "id:version" as the user saw it): RECOGNISED with the decision's number and date, or NOT_RECOGNISED.
 * The date comes as typed (so that a typo keeps the rest of the form): from the phone's date picker (2025-12-15)
 * or the Vietnamese way (15/12/2025); an impossible date (30/02/2025) is refused when the form becomes an
 * {@link EvaluationCommand}. What a decision needs is {@link EvaluationService}'s rule.
 */
public record EvaluationForm(
        List<String> selected,
        RegistrationStatus result,
        @Size(max = 50, message = "{evaluation.decisionNumber.size}") String decisionNumber,
        String decisionDate,
        Long version) {

    private static final List<DateTimeFormatter> DATES = Stream.of("uuuu-M-d", "d/M/uuuu", "d-M-uuuu", "d.M.uuuu")
            .map(p -> DateTimeFormatter.ofPattern(p).withResolverStyle(ResolverStyle.STRICT)).toList();

    static EvaluationForm empty(Long version) {
        return new EvaluationForm(List.of(), RegistrationStatus.RECOGNISED, "", "", version);
    }

    /** The form of one registration: its current decision, if it has one, ready to be corrected. */
    static EvaluationForm of(RegistrationView registration) {
        RegistrationStatus result = registration.status().isResult() ? registration.status() : RegistrationStatus.RECOGNISED;
        return new EvaluationForm(List.of(), result, registration.decisionNumber(),
                registration.decisionDate() == null ? "" : registration.decisionDate().toString(), registration.version());
    }

    /**
     * The command for the service.
     *
     * @throws RuleViolationException {@code evaluation.decisionDate.invalid} when a date is typed that is none
     */
    EvaluationCommand toCommand() {
        LocalDate date = decisionDateValue();
        if (date == null && decisionDate != null && !decisionDate.isBlank()) {
            throw RuleViolationException.of("decisionDate", "evaluation.decisionDate.invalid");
        }
        return new EvaluationCommand(result, decisionNumber, date, version);
    }

    /** The decision date, or null when blank or not a real date. */
    LocalDate decisionDateValue() {
        if (decisionDate == null || decisionDate.isBlank()) {
            return null;
        }
        for (DateTimeFormatter format : DATES) {
            try {
                return LocalDate.parse(decisionDate.strip(), format);
            }
            catch (DateTimeParseException ex) {
                // try the next way of writing it
            }
        }
        return null;
    }

}
