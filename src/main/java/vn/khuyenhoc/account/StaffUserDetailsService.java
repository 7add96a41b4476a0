package vn.khuyenhoc.account;

import java.util.Locale;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsPasswordService;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;

import vn.khuyenhoc.shared.Role;
import vn.khuyenhoc.shared.Scope;
import vn.khuyenhoc.shared.Staff;

/**
 * Loads an account with its node's path: the scope is fixed at sign-in. An account whose unit is deactivated
 * cannot sign in. Rehashes a password stored under an older scheme ({@code {bcrypt}}) at its owner's sign-in.
 */
@Service
class StaffUserDetailsService implements UserDetailsService, UserDetailsPasswordService {

    private final JdbcClient jdbc;

    StaffUserDetailsService(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        return jdbc.sql("""
                SELECT u.id, u.username, u.password_hash, u.full_name, u.role, u.enabled AND n.active AS enabled,
                       u.session_version, n.id AS node_id, n.path, n.level
                FROM app_user u JOIN org_unit n ON n.id = u.org_unit_id
                WHERE u.username = :username
                """)
                .param("username", username.strip().toLowerCase(Locale.ROOT))
                .query((rs, i) -> new StaffUser(
                        new Staff(rs.getLong("id"), rs.getString("username"), Role.valueOf(rs.getString("role")),
                                new Scope(rs.getLong("node_id"), rs.getString("path"), rs.getInt("level"))),
                        rs.getString("full_name"), rs.getString("password_hash"), rs.getBoolean("enabled"),
                        rs.getInt("session_version")))
                .optional()
                .orElseThrow(() -> new UsernameNotFoundException(username));
    }

    /** The same password, hashed with today's scheme: its sessions stay valid (the version does not move). */
    @Override
    public UserDetails updatePassword(UserDetails user, String newPassword) {
        StaffUser staffUser = (StaffUser) user;
        jdbc.sql("UPDATE app_user SET password_hash = :hash WHERE id = :id")
                .param("hash", newPassword).param("id", staffUser.getStaff().userId()).update();
        return new StaffUser(staffUser.getStaff(), staffUser.getFullName(), newPassword, staffUser.isEnabled(),
                staffUser.sessionVersion());
    }
}
