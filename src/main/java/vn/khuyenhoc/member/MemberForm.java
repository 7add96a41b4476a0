package vn.khuyenhoc.member;

/**
 * The member form, as typed: text everywhere (a date or a year that does not parse is shown back as typed, with its
 * message), checked by {@link MemberRules}. {@code joinedOn} comes from a date picker (yyyy-MM-dd) or is typed
 * day first (15/03/2019); {@code birth} is a year or a date.
 */
record MemberForm(String fullName, String gender, String birth, String ethnicity, Boolean partyMember, String phone,
        String address, String joinedOn, Long version) {

    static MemberForm empty(java.time.LocalDate today) {
        return new MemberForm("", null, "", String.valueOf(Ethnicity.KINH), false, "", "", today.toString(),
                null);
    }

    static MemberForm of(MemberView member) {
        return new MemberForm(member.fullName(), member.gender().name(), member.birth(),
                String.valueOf(member.ethnicity().code()), member.partyMember(),
                member.phone() == null ? "" : member.phoneDisplay(), member.address(), member.joinedOn().toString(),
                member.version());
    }

    MemberInput input() {
        return new MemberInput(fullName, gender, birth, ethnicity, Boolean.TRUE.equals(partyMember) ? "1" : "0", phone,
                address, joinedOn);
    }

}
