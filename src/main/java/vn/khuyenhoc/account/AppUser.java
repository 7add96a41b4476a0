package vn.khuyenhoc.account;

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

import vn.khuyenhoc.shared.Role;

/** A staff account, bound to one node of the tree with the role of that node's level. */
@Entity
@Table(name = "app_user")
class AppUser {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(updatable = false)
    private String username;

    @Column(name = "password_hash")
    private String passwordHash;

    @Column(name = "full_name")
    private String fullName;

    @Enumerated(EnumType.STRING)
    @Column(updatable = false)
    private Role role;

    @Column(name = "org_unit_id", updatable = false)
    private long orgUnitId;

    private boolean enabled = true;

    @Column(name = "password_changed_at")
    private OffsetDateTime passwordChangedAt = OffsetDateTime.now();

    /** Optional: how staff above ring this account's holder (the list of late reports shows it). */
    private String phone;

    /** Raised when every open session of the account must end (see {@link AccountSessionFilter}). */
    @Column(name = "session_version")
    private int sessionVersion;

    /** A password set by someone else: a one-time password, to be replaced at the first sign-in. */
    @Column(name = "must_change_password")
    private boolean mustChangePassword;

    @Version
    private long version;

    protected AppUser() {
    }

    AppUser(String username, String passwordHash, String fullName, Role role, long orgUnitId) {
        this.username = username;
        this.passwordHash = passwordHash;
        this.fullName = fullName;
        this.role = role;
        this.orgUnitId = orgUnitId;
    }

    /**
     * A new password ends every session opened with the old one. Set by someone else (a manager), it is a one-time
     * password; chosen by the holder, it is theirs.
     */
    void changePassword(String newHash, boolean byHolder) {
        this.passwordHash = newHash;
        this.passwordChangedAt = OffsetDateTime.now();
        this.mustChangePassword = !byHolder;
        this.sessionVersion++;
    }

    /** A password chosen by a manager for a new account: one-time, like a reset. */
    void requirePasswordChange() {
        this.mustChangePassword = true;
    }

    void setEnabled(boolean enabled) {
        if (this.enabled && !enabled) {
            this.sessionVersion++; // every open session ends
        }
        this.enabled = enabled;
    }

    int getSessionVersion() {
        return sessionVersion;
    }

    Long getId() {
        return id;
    }

    String getUsername() {
        return username;
    }

    String getPasswordHash() {
        return passwordHash;
    }

    String getFullName() {
        return fullName;
    }

    Role getRole() {
        return role;
    }

    long getOrgUnitId() {
        return orgUnitId;
    }

    boolean mustChangePassword() {
        return mustChangePassword;
    }

    boolean isEnabled() {
        return enabled;
    }

    String getPhone() {
        return phone;
    }

    void setPhone(String phone) {
        this.phone = phone;
    }
}
