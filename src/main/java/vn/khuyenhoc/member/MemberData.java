package vn.khuyenhoc.member;

import java.time.LocalDate;

/**
 * A member's details once checked and cleaned by {@link MemberRules} (or made by a trusted generator such as the
 * demo data): what is stored.
 */
public record MemberData(String fullName, Gender gender, int birthYear, LocalDate birthDate, int ethnicity,
        boolean partyMember, String phone, String address, LocalDate joinedOn) {

    /** The same person for the duplicate check of an import: name, gender and birth (date if known, else year). */
    public String identityKey() {
        return Folding.fold(fullName) + "|" + gender + "|" + (birthDate != null ? birthDate : birthYear);
    }
}
