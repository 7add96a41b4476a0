package vn.khuyenhoc.member;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;

/** A member as pages and other features see it (never the entity). */
public record MemberView(long id, long unitId, String unitName, long communeId, long provinceId, String cardNumber,
        String fullName, Gender gender, int birthYear, LocalDate birthDate, Ethnicity ethnicity, boolean partyMember,
        String phone, String address, LocalDate joinedOn, MemberStatus status, LocalDate statusChangedOn,
        OffsetDateTime createdAt, OffsetDateTime updatedAt, long version) {

    /** "15/03/1975", or just "1975" when only the year is known. */
    public String birth() {
        return birthDate != null ? birthDate.format(java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy"))
                : String.valueOf(birthYear);
    }

    public String phoneDisplay() {
        return Inputs.displayPhone(phone);
    }

    /** What the audit log keeps of a member: the details, never anything beyond them. */
    Map<String, Object> auditState() {
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("unitId", unitId);
        state.put("cardNumber", cardNumber);
        state.put("fullName", fullName);
        state.put("gender", gender);
        state.put("birthYear", birthYear);
        state.put("birthDate", birthDate == null ? null : birthDate.toString());
        state.put("ethnicity", ethnicity.code());
        state.put("partyMember", partyMember);
        state.put("phone", phone);
        state.put("address", address);
        state.put("joinedOn", joinedOn.toString());
        state.put("status", status);
        state.put("statusChangedOn", statusChangedOn == null ? null : statusChangedOn.toString());
        return state;
    }
}
