package vn.khuyenhoc.registration;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * What a secretary types to register a subject (or correct it while REGISTERED). Only the fields of the chosen
 * kind are shown and kept. The web edge checks what typing gets wrong (a word for a number, a name too long);
 * which fields each kind requires and the numbers' ranges are {@link RegistrationService}'s rules, applied to the
 * {@link RegistrationCommand} this form becomes.
 *
 * <p>Numbers arrive as the text typed: a word typed for a number is then a message next to that field, while the
 * other fields keep what was typed (a record whose number fails to convert would not be built at all, losing
 * every value, the hidden version included).
 *
 * @param subjectName head of household, clan name, community name, unit name or citizen's full name, by kind
 */
public record RegistrationForm(
        @NotNull(message = "{registration.kind.required}") TitleKind kind,
        @Pattern(regexp = NUMBER, message = "{registration.year.number}") String year,
        @Size(max = 150, message = "{registration.subjectName.size}") String subjectName,
        @Size(max = 200, message = "{registration.address.size}") String address,
        @Pattern(regexp = NUMBER, message = "{registration.householdSize.number}") String householdSize,
        @Size(max = 150, message = "{registration.representative.size}") String representative,
        UnitType unitType,
        @Pattern(regexp = NUMBER, message = "{registration.birthYear.number}") String birthYear,
        Long version) {

    /** Blank, or a whole number with or without spaces around it. */
    static final String NUMBER = "\\s*(\\d{1,9})?\\s*";

    static RegistrationForm empty(TitleKind kind, int year) {
        return new RegistrationForm(kind, String.valueOf(year), "", "", "", "", null, "", null);
    }

    static RegistrationForm of(RegistrationView registration) {
        Subject subject = registration.subject();
        return new RegistrationForm(registration.kind(), String.valueOf(registration.year()), subject.name(),
                subject.address(), text(subject.householdSize()), subject.representative(), subject.unitType(),
                text(subject.birthYear()), registration.version());
    }

    /** The command for the service: numbers that do not read (the edge said so) are left out, as if blank. */
    RegistrationCommand toCommand() {
        return new RegistrationCommand(kind, number(year), subjectName, address, number(householdSize), representative,
                unitType, number(birthYear), version);
    }

    /** A whole number typed with or without spaces around it; null when blank or not a number. */
    static Integer number(String typed) {
        if (typed == null || !typed.strip().matches("\\d{1,9}")) {
            return null;
        }
        return Integer.valueOf(typed.strip());
    }

    private static String text(Integer value) {
        return value == null ? "" : String.valueOf(value);
    }
}
