package vn.khuyenhoc.member;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

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

    /**
     * The details that Decree 13/2023 counts as sensitive or that only the member's chapter and commune need: shown to
     * them alone, and kept out of the audit log (which says that they changed, not what they are).
     */
    static final Set<String> PERSONAL = Set.of("birthDate", "ethnicity", "partyMember", "phone", "address");
    private static final String WITHHELD = "***";

    /** This member as staff above the commune see them: no phone, address, ethnicity, Party membership, birth date. */
    MemberView withoutPersonalData() {
        return new MemberView(id, unitId, unitName, communeId, provinceId, cardNumber, fullName, gender, birthYear,
                null, null, false, null, null, joinedOn, status, statusChangedOn, createdAt, updatedAt, version);
    }

    /** What the audit log keeps of a new member: its details, the personal ones only as present ("***") or not. */
    Map<String, Object> auditState() {
        Map<String, Object> state = fullState();
        PERSONAL.forEach(key -> state.computeIfPresent(key, (k, v) -> WITHHELD));
        return state;
    }

    /**
     * What the audit log keeps of a change: the fields that changed, with their values before (index 0) and after
     * (index 1), the personal ones as "***".
     */
    static List<Map<String, Object>> auditChanges(MemberView before, MemberView after) {
        Map<String, Object> was = before.fullState();
        Map<String, Object> now = after.fullState();
        Map<String, Object> changedFrom = new LinkedHashMap<>();
        Map<String, Object> changedTo = new LinkedHashMap<>();
        now.forEach((key, value) -> {
            if (!Objects.equals(String.valueOf(was.get(key)), String.valueOf(value))) {
                boolean personal = PERSONAL.contains(key);
                changedFrom.put(key, personal ? WITHHELD : was.get(key));
                changedTo.put(key, personal ? WITHHELD : value);
            }
        });
        return List.of(changedFrom, changedTo);
    }

    private Map<String, Object> fullState() {
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
