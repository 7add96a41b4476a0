package vn.khuyenhoc.member;

import java.time.LocalDate;

/** One line of a member list. */
public record MemberRow(long id, String cardNumber, String fullName, Gender gender, int birthYear,
        boolean partyMember, LocalDate joinedOn, MemberStatus status, LocalDate statusChangedOn, long unitId,
        String unitName) {
}
