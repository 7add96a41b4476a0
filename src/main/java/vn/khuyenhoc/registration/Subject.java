package vn.khuyenhoc.registration;

import vn.khuyenhoc.shared.Text;

/**
 * Who or what is registered, as stored: the fields of its kind, cleaned (trimmed, spaces collapsed, NFC), and
 * nothing of the other kinds'.
 *
 * @param name the head of household (FAMILY), clan name (CLAN), village or residential group (COMMUNITY), agency,
 *             school or enterprise (UNIT) or full name (CITIZEN)
 */
public record Subject(String name, String address, Integer householdSize, String representative, UnitType unitType,
        Integer birthYear) {

    /** The subject of a command, keeping only the fields of its kind. */
    static Subject of(RegistrationCommand command) {
        String name = Text.clean(command.subjectName());
        return switch (command.kind()) {
            case FAMILY -> new Subject(name, Text.clean(command.address()), command.householdSize(), null, null, null);
            case CLAN -> new Subject(name, null, null, Text.clean(command.representative()), null, null);
            case COMMUNITY, COMMUNE, PROVINCE -> new Subject(name, null, null, null, null, null);
            case UNIT -> new Subject(name, null, null, null, command.unitType(), null);
            case CITIZEN -> new Subject(name, null, null, null, null, command.birthYear());
        };
    }
}
