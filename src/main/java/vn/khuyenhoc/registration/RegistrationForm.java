package vn.khuyenhoc.registration;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * What a secretary types to register a subject (or correct it while REGISTERED). Only the fields of the chosen
 * kind are shown and kept; which of them are required, and the numbers' ranges, are checked by
 * {@link ValidRegistration}.
 *
 * <p>Numbers arrive as the text typed: a word typed for a number is then a message next to that field, while the
 * other fields keep what was typed (a record whose number fails to convert would not be built at all, losing
 * every value, the hidden version included).
 *
 * @param subjectName head of household, clan name, community name, unit name or citizen's full name, by kind
 */
@ValidRegistration
public record RegistrationForm(
        @NotNull(message = "{registration.kind.required}") TitleKind kind,
        String year,
        @Size(max = 150, message = "{registration.subjectName.size}") String subjectName,
        @Size(max = 200, message = "{registration.address.size}") String address,
        String householdSize,
        @Size(max = 150, message = "{registration.representative.size}") String representative,
        UnitType unitType,
        String birthYear,
        Long version) {

    static RegistrationForm empty(TitleKind kind, int year) {
        return new RegistrationForm(kind, String.valueOf(year), "", "", "", "", null, "", null);
    }

    static RegistrationForm of(RegistrationView registration) {
        Subject subject = registration.subject();
        return new RegistrationForm(registration.kind(), String.valueOf(registration.year()), subject.name(),
                subject.address(), text(subject.householdSize()), subject.representative(), subject.unitType(),
                text(subject.birthYear()), registration.version());
    }

    /** A registration made by the application itself (the demo data): numbers given as numbers. */
    public static RegistrationForm of(TitleKind kind, int year, String subjectName, String address,
            Integer householdSize, String representative, UnitType unitType, Integer birthYear) {
        return new RegistrationForm(kind, String.valueOf(year), subjectName, address, text(householdSize),
                representative, unitType, text(birthYear), null);
    }

    /** The year as a number (the form is valid). */
    int yearValue() {
        return number(year);
    }

    Integer householdSizeValue() {
        return number(householdSize);
    }

    Integer birthYearValue() {
        return number(birthYear);
    }

    /** A whole number typed with or without spaces around it; null when blank or not a number. */
    static Integer number(String typed) {
        if (typed == null || !typed.strip().matches("\\d{1,9}")) {
            return null;
        }
        return Integer.valueOf(typed.strip());
    }

    static boolean blank(String typed) {
        return typed == null || typed.isBlank();
    }

    private static String text(Integer value) {
        return value == null ? "" : String.valueOf(value);
    }
}
