package vn.khuyenhoc.registration;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * What a secretary types to register a subject (or correct it while REGISTERED). Only the fields of the chosen
 * kind are shown and kept; which of them are required is checked by {@link ValidRegistration}.
 *
 * @param subjectName head of household, clan name, community name, unit name or citizen's full name, by kind
 */
@ValidRegistration
public record RegistrationForm(
        @NotNull(message = "{registration.kind.required}") TitleKind kind,
        @NotNull(message = "{registration.year.required}") @Min(value = 2000, message = "{registration.year.range}")
        @Max(value = 2100, message = "{registration.year.range}") Integer year,
        @Size(max = 150, message = "{registration.subjectName.size}") String subjectName,
        @Size(max = 200, message = "{registration.address.size}") String address,
        @Min(value = 1, message = "{registration.householdSize.range}")
        @Max(value = 99, message = "{registration.householdSize.range}") Integer householdSize,
        @Size(max = 150, message = "{registration.representative.size}") String representative,
        UnitType unitType,
        @Min(value = 1900, message = "{registration.birthYear.range}") Integer birthYear,
        Long version) {

    static RegistrationForm empty(TitleKind kind, int year) {
        return new RegistrationForm(kind, year, "", "", null, "", null, null, null);
    }

    static RegistrationForm of(RegistrationView registration) {
        Subject subject = registration.subject();
        return new RegistrationForm(registration.kind(), registration.year(), subject.name(), subject.address(),
                subject.householdSize(), subject.representative(), subject.unitType(), subject.birthYear(),
                registration.version());
    }
}
