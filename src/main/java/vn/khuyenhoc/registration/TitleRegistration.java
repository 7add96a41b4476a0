package vn.khuyenhoc.registration;

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
 * One subject's registration for a learning title in a year. The database places it (province and commune from
 * its node) and keeps node, year and kind fixed; see V6__title_registrations.sql.
 */
@Entity
@Table(name = "title_registration")
class TitleRegistration {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Generated(event = EventType.INSERT)
    @Column(name = "province_id", insertable = false, updatable = false)
    private Long provinceId;

    @Generated(event = EventType.INSERT)
    @Column(name = "commune_id", insertable = false, updatable = false)
    private Long communeId;

    @Generated(event = EventType.INSERT)
    @Column(name = "recognising_node_id", insertable = false, updatable = false)
    private Long recognisingNodeId;

    @Column(name = "node_id", updatable = false)
    private long nodeId;

    @Column(updatable = false)
    private short year;

    @Enumerated(EnumType.STRING)
    @Column(updatable = false)
    private TitleKind kind;

    @Column(name = "subject_name")
    private String subjectName;

    private String address;

    @Column(name = "household_size")
    private Short householdSize;

    private String representative;

    @Enumerated(EnumType.STRING)
    @Column(name = "unit_type")
    private UnitType unitType;

    @Column(name = "birth_year")
    private Short birthYear;

    @Column(name = "member_id")
    private Long memberId;

    @Enumerated(EnumType.STRING)
    private RegistrationStatus status;

    @Column(name = "decision_number")
    private String decisionNumber;

    @Column(name = "decision_date")
    private LocalDate decisionDate;

    @Enumerated(EnumType.STRING)
    @Column(name = "recognising_level")
    private RecognisingLevel recognisingLevel;

    @Column(name = "evaluated_at")
    private OffsetDateTime evaluatedAt;

    @Column(name = "evaluated_by")
    private String evaluatedBy;

    @Generated(event = EventType.INSERT)
    @Column(name = "created_at", insertable = false, updatable = false)
    private OffsetDateTime createdAt;

    @Column(name = "created_by", updatable = false)
    private String createdBy;

    @Column(name = "updated_at")
    private OffsetDateTime updatedAt;

    @Version
    private long version;

    protected TitleRegistration() {
    }

    static TitleRegistration register(long nodeId, int year, TitleKind kind, Subject subject, String createdBy,
            OffsetDateTime now) {
        TitleRegistration registration = new TitleRegistration();
        registration.nodeId = nodeId;
        registration.year = (short) year;
        registration.kind = kind;
        registration.status = RegistrationStatus.REGISTERED;
        registration.createdBy = createdBy;
        registration.describe(subject, now);
        return registration;
    }

    /** Replaces the subject's fields (only while REGISTERED: the service checks). */
    void describe(Subject subject, OffsetDateTime now) {
        this.subjectName = subject.name();
        this.address = subject.address();
        this.householdSize = subject.householdSize() == null ? null : subject.householdSize().shortValue();
        this.representative = subject.representative();
        this.unitType = subject.unitType();
        this.birthYear = subject.birthYear() == null ? null : subject.birthYear().shortValue();
        this.updatedAt = now;
    }

    void withdraw(OffsetDateTime now) {
        this.status = RegistrationStatus.WITHDRAWN;
        this.updatedAt = now;
    }

    void recognise(String decisionNumber, LocalDate decisionDate, RecognisingLevel level, String by,
            OffsetDateTime now) {
        this.status = RegistrationStatus.RECOGNISED;
        this.decisionNumber = decisionNumber;
        this.decisionDate = decisionDate;
        this.recognisingLevel = level;
        evaluated(by, now);
    }

    void refuse(String by, OffsetDateTime now) {
        this.status = RegistrationStatus.NOT_RECOGNISED;
        this.decisionNumber = null;
        this.decisionDate = null;
        this.recognisingLevel = null;
        evaluated(by, now);
    }

    private void evaluated(String by, OffsetDateTime now) {
        this.evaluatedBy = by;
        this.evaluatedAt = now;
        this.updatedAt = this.evaluatedAt;
    }

    Subject subject() {
        return new Subject(subjectName, address, householdSize == null ? null : householdSize.intValue(),
                representative, unitType, birthYear == null ? null : birthYear.intValue());
    }

    Long getId() {
        return id;
    }

    Long getProvinceId() {
        return provinceId;
    }

    Long getCommuneId() {
        return communeId;
    }

    Long getRecognisingNodeId() {
        return recognisingNodeId;
    }

    long getNodeId() {
        return nodeId;
    }

    int getYear() {
        return year;
    }

    TitleKind getKind() {
        return kind;
    }

    Long getMemberId() {
        return memberId;
    }

    RegistrationStatus getStatus() {
        return status;
    }

    String getDecisionNumber() {
        return decisionNumber;
    }

    LocalDate getDecisionDate() {
        return decisionDate;
    }

    RecognisingLevel getRecognisingLevel() {
        return recognisingLevel;
    }

    OffsetDateTime getEvaluatedAt() {
        return evaluatedAt;
    }

    String getEvaluatedBy() {
        return evaluatedBy;
    }

    OffsetDateTime getCreatedAt() {
        return createdAt;
    }

    String getCreatedBy() {
        return createdBy;
    }

    OffsetDateTime getUpdatedAt() {
        return updatedAt;
    }

    long getVersion() {
        return version;
    }
}
