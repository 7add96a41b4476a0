package vn.khuyenhoc.registration;

/**
 * Registering a subject, or correcting a registration seen at {@code version}: the typed values as the service
 * takes them (numbers as numbers, null when not given). Which fields each kind requires and the numbers' ranges are
 * {@link RegistrationService}'s rules; a form turns into this once its numbers read as numbers.
 *
 * @param subjectName head of household, clan name, community name, unit name or citizen's full name, by kind
 */
public record RegistrationCommand(TitleKind kind, Integer year, String subjectName, String address,
        Integer householdSize, String representative, UnitType unitType, Integer birthYear, Long version) {

    /** A registration of this year's or another year's subject, as the application itself makes it (demo, tests). */
    public static RegistrationCommand of(TitleKind kind, int year, String subjectName, String address,
            Integer householdSize, String representative, UnitType unitType, Integer birthYear) {
        return new RegistrationCommand(kind, year, subjectName, address, householdSize, representative, unitType,
                birthYear, null);
    }
}
