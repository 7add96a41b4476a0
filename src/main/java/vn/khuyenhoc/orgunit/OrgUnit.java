package vn.khuyenhoc.orgunit;

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

/** A node of the tree. The database sets {@code path}, {@code level} and {@code provinceId} on insert. */
@Entity
@Table(name = "org_unit")
class OrgUnit {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "parent_id", updatable = false)
    private Long parentId;

    @Column(updatable = false)
    private short level;

    @Enumerated(EnumType.STRING)
    private OrgUnitKind kind;

    @Column(name = "admin_type", updatable = false)
    private String adminType;

    @Column(updatable = false)
    private String code;

    private String name;

    @Column(name = "name_en")
    private String nameEn;

    @Generated(event = EventType.INSERT)
    @Column(insertable = false, updatable = false)
    private String path;

    @Generated(event = EventType.INSERT)
    @Column(name = "province_id", insertable = false, updatable = false)
    private Long provinceId;

    private boolean active = true;

    @Column(name = "created_at", insertable = false, updatable = false)
    @Generated(event = EventType.INSERT)
    private OffsetDateTime createdAt;

    @Version
    private long version;

    /** The day a grassroots unit was founded. */
    @Column(name = "founded_on")
    private LocalDate foundedOn;

    /** The day a grassroots unit was dissolved; null while it is active (the database keeps the two in step). */
    @Column(name = "dissolved_on")
    private LocalDate dissolvedOn;

    protected OrgUnit() {
    }

    static OrgUnit grassroots(long communeId, OrgUnitKind kind, String name) {
        if (!kind.isGrassroots()) {
            throw new IllegalArgumentException("Not a grassroots kind: " + kind);
        }
        OrgUnit unit = new OrgUnit();
        unit.parentId = communeId;
        unit.level = 3;
        unit.kind = kind;
        unit.name = name;
        return unit;
    }

    void rename(OrgUnitKind kind, String name) {
        this.kind = kind;
        this.name = name;
    }

    void setActive(boolean active) {
        this.active = active;
    }

    /** Founded and, if so, dissolved on these days: a dissolved unit is inactive, an undissolved one active. */
    void setSpan(LocalDate foundedOn, LocalDate dissolvedOn) {
        this.foundedOn = foundedOn;
        this.dissolvedOn = dissolvedOn;
        this.active = dissolvedOn == null;
    }

    LocalDate getFoundedOn() {
        return foundedOn;
    }

    LocalDate getDissolvedOn() {
        return dissolvedOn;
    }

    Long getId() {
        return id;
    }

    Long getParentId() {
        return parentId;
    }

    int getLevel() {
        return level;
    }

    OrgUnitKind getKind() {
        return kind;
    }

    String getAdminType() {
        return adminType;
    }

    String getCode() {
        return code;
    }

    String getName() {
        return name;
    }

    String getNameEn() {
        return nameEn;
    }

    String getPath() {
        return path;
    }

    Long getProvinceId() {
        return provinceId;
    }

    boolean isActive() {
        return active;
    }

    long getVersion() {
        return version;
    }
}
