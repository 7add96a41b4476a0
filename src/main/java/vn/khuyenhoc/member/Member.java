package vn.khuyenhoc.member;

import java.time.LocalDate;
import java.time.OffsetDateTime;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.hibernate.annotations.Generated;
import org.hibernate.generator.EventType;

/**
 * A member of a grassroots unit. The database sets {@code communeId} and {@code provinceId} from the unit on insert
 * and refuses to move a member or change their card number afterwards.
 */
@Entity
@Table(name = "member")
class Member {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Generated(event = EventType.INSERT)
    @Column(name = "province_id", insertable = false, updatable = false)
    private Long provinceId;

    @Generated(event = EventType.INSERT)
    @Column(name = "commune_id", insertable = false, updatable = false)
    private Long communeId;

    @Column(name = "unit_id", updatable = false)
    private long unitId;

    @Column(name = "card_number", updatable = false)
    private String cardNumber;

    @Column(name = "full_name")
    private String fullName;

    @Enumerated(EnumType.STRING)
    private Gender gender;

    @Column(name = "birth_year")
    private short birthYear;

    @Column(name = "birth_date")
    private LocalDate birthDate;

    private short ethnicity;

    @Column(name = "party_member")
    private boolean partyMember;

    private String phone;

    private String address;

    @Column(name = "joined_on")
    private LocalDate joinedOn;

    @Enumerated(EnumType.STRING)
    private MemberStatus status = MemberStatus.ACTIVE;

    @Column(name = "status_changed_on")
    private LocalDate statusChangedOn;

    @Generated(event = EventType.INSERT)
    @Column(name = "created_at", insertable = false, updatable = false)
    private OffsetDateTime createdAt;

    @Generated(event = {EventType.INSERT, EventType.UPDATE})
    @Column(name = "updated_at", insertable = false, updatable = false)
    private OffsetDateTime updatedAt;

    @Version
    private long version;

    protected Member() {
    }

    static Member create(long unitId, String cardNumber, MemberData data) {
        Member member = new Member();
        member.unitId = unitId;
        member.cardNumber = cardNumber;
        member.update(data);
        return member;
    }

    void update(MemberData data) {
        fullName = data.fullName();
        gender = data.gender();
        birthYear = (short) data.birthYear();
        birthDate = data.birthDate();
        ethnicity = (short) data.ethnicity();
        partyMember = data.partyMember();
        phone = data.phone();
        address = data.address();
        joinedOn = data.joinedOn();
    }

    void changeStatus(MemberStatus newStatus, LocalDate on) {
        status = newStatus;
        statusChangedOn = newStatus.isDeparted() ? on : null;
    }

    MemberView view(String unitName) {
        return new MemberView(id, unitId, unitName, communeId, provinceId, cardNumber, fullName, gender, birthYear,
                birthDate, Ethnicity.of(ethnicity), partyMember, phone, address, joinedOn, status, statusChangedOn,
                createdAt, updatedAt, version);
    }

    Long getId() {
        return id;
    }

    long getUnitId() {
        return unitId;
    }

    LocalDate getJoinedOn() {
        return joinedOn;
    }

    MemberStatus getStatus() {
        return status;
    }

    LocalDate getStatusChangedOn() {
        return statusChangedOn;
    }

    boolean isPartyMember() {
        return partyMember;
    }

    long getVersion() {
        return version;
    }
}
