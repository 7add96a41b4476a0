package vn.khuyenhoc.member;

/**
 * A member as typed, before any checking: from the form, or from one row of an imported roster. Every value is
 * text, so nothing typed is lost before {@link MemberRules} has said what is wrong with it.
 */
public record MemberInput(String fullName, String gender, String birth, String ethnicity, String partyMember, String phone,
        String address, String joinedOn) {
}
