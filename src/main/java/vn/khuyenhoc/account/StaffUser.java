package vn.khuyenhoc.account;

import java.util.Collection;
import java.util.List;

import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

import vn.khuyenhoc.shared.Staff;

/** The security principal: a {@link Staff} (what the application uses) plus what Spring Security needs. */
public final class StaffUser implements UserDetails, CredentialsContainer {

    private final Staff staff;
    private final String fullName;
    private String passwordHash;
    private final boolean enabled;
    private final int sessionVersion;

    public StaffUser(Staff staff, String fullName, String passwordHash, boolean enabled) {
        this(staff, fullName, passwordHash, enabled, 0);
    }

    /** @param sessionVersion the account's {@code session_version} at sign-in: a session opened under an older one ends */
    public StaffUser(Staff staff, String fullName, String passwordHash, boolean enabled, int sessionVersion) {
        this.staff = staff;
        this.fullName = fullName;
        this.passwordHash = passwordHash;
        this.enabled = enabled;
        this.sessionVersion = sessionVersion;
    }

    public int sessionVersion() {
        return sessionVersion;
    }

    public Staff getStaff() {
        return staff;
    }

    public String getFullName() {
        return fullName;
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return List.of(new SimpleGrantedAuthority("ROLE_" + staff.role().name()));
    }

    @Override
    public String getPassword() {
        return passwordHash;
    }

    @Override
    public String getUsername() {
        return staff.username();
    }

    @Override
    public boolean isEnabled() {
        return enabled;
    }

    @Override
    public void eraseCredentials() {
        passwordHash = null;
    }
}
