package vn.khuyenhoc.account;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.khuyenhoc.audit.AuditService;
import vn.khuyenhoc.orgunit.OrgUnitService;
import vn.khuyenhoc.orgunit.OrgUnitView;
import vn.khuyenhoc.shared.NotFoundException;
import vn.khuyenhoc.shared.Role;
import vn.khuyenhoc.shared.RuleViolationException;
import vn.khuyenhoc.shared.Staff;
import vn.khuyenhoc.shared.Text;

/**
 * Staff accounts. Managers (national, province, commune staff) manage the accounts of the nodes one level below
 * their own, inside their subtree; everyone changes their own password.
 */
@Service
@Transactional(readOnly = true)
public class AccountService {

    private static final String AUDIT_TYPE = "ACCOUNT";

    private final AppUserRepository users;
    private final OrgUnitService orgUnits;
    private final PasswordEncoder passwordEncoder;
    private final AuditService audit;
    private final JdbcClient jdbc;
    private final PasswordPolicy policy;

    AccountService(AppUserRepository users, OrgUnitService orgUnits, PasswordEncoder passwordEncoder,
            AuditService audit, JdbcClient jdbc, PasswordPolicy policy) {
        this.policy = policy;
        this.users = users;
        this.orgUnits = orgUnits;
        this.passwordEncoder = passwordEncoder;
        this.audit = audit;
        this.jdbc = jdbc;
    }

    /**
     * The accounts this manager manages: bound to nodes one level below theirs, inside their scope; national staff
     * also manage the other national accounts (never their own), so that nobody shares one administrator's password.
     */
    public Page<AccountView> managed(Staff manager, Pageable pageable) {
        String pattern = manager.scope().likePattern();
        int level = manager.scope().level() + 1;
        int peerLevel = manager.role() == Role.NATIONAL ? 0 : -1;
        long total = jdbc.sql("""
                SELECT count(*) FROM app_user u JOIN org_unit n ON n.id = u.org_unit_id
                WHERE n.path LIKE :pattern AND (n.level = :level OR (n.level = :peer AND u.id <> :self))
                """).param("pattern", pattern).param("level", level).param("peer", peerLevel)
                .param("self", manager.userId()).query(Long.class).single();
        List<AccountView> rows = jdbc.sql("""
                SELECT u.id, u.username, u.full_name, u.role, n.id AS unit_id, n.name, n.admin_type, u.enabled
                FROM app_user u JOIN org_unit n ON n.id = u.org_unit_id
                WHERE n.path LIKE :pattern AND (n.level = :level OR (n.level = :peer AND u.id <> :self))
                ORDER BY n.level, n.path, u.username
                LIMIT :limit OFFSET :offset
                """)
                .param("pattern", pattern).param("level", level).param("peer", peerLevel)
                .param("self", manager.userId())
                .param("limit", pageable.getPageSize()).param("offset", pageable.getOffset())
                .query((rs, i) -> new AccountView(rs.getLong("id"), rs.getString("username"), rs.getString("full_name"),
                        Role.valueOf(rs.getString("role")), rs.getLong("unit_id"), rs.getString("name"),
                        rs.getString("admin_type"), rs.getBoolean("enabled")))
                .list();
        return new PageImpl<>(rows, pageable, total);
    }

    /** The nodes this manager may create accounts for. */
    public List<OrgUnitView> managedUnits(Staff manager) {
        requireManager(manager);
        List<OrgUnitView> below = orgUnits.activeAtLevel(manager.scope(), manager.scope().level() + 1);
        if (manager.role() != Role.NATIONAL) {
            return below;
        }
        List<OrgUnitView> units = new java.util.ArrayList<>();
        units.add(orgUnits.get(manager.scope(), manager.scope().nodeId()));
        units.addAll(below);
        return units;
    }

    /**
     * A node this manager may create accounts for: inside their scope, one level below their own node.
     *
     * @throws NotFoundException otherwise
     */
    public OrgUnitView requireManagedUnit(Staff manager, long unitId) {
        requireManager(manager);
        OrgUnitView unit = orgUnits.get(manager.scope(), unitId);
        if (!managesLevel(manager, unit.level())) {
            throw new NotFoundException();
        }
        return unit;
    }

    public AccountView get(Staff manager, long accountId) {
        AppUser user = managedAccount(manager, accountId);
        OrgUnitView unit = orgUnits.get(manager.scope(), user.getOrgUnitId());
        return view(user, unit);
    }

    @Transactional
    public AccountView create(Staff manager, NewAccountForm form) {
        requireManager(manager);
        OrgUnitView unit = orgUnits.get(manager.scope(), form.unitId());
        if (!managesLevel(manager, unit.level()) || !unit.active()) {
            throw RuleViolationException.of("unitId", "account.unit.required");
        }
        String username = form.username().strip().toLowerCase(Locale.ROOT);
        if (users.existsByUsername(username)) {
            throw RuleViolationException.of("username", "account.username.taken");
        }
        policy.check("password", form.password(), username);
        AppUser user = new AppUser(username, passwordEncoder.encode(form.password()), Text.clean(form.fullName()),
                Role.forLevel(unit.level()), unit.id());
        String phone = form.phoneDigits();
        if (phone != null && !phone.matches("0[0-9]{9,10}")) {
            throw RuleViolationException.of("phone", "account.phone.format");
        }
        user.setPhone(phone);
        user.requirePasswordChange(); // chosen by the manager: a one-time password
        try {
            user = users.saveAndFlush(user);
        }
        catch (DataIntegrityViolationException ex) {
            throw RuleViolationException.of("username", "account.username.taken");
        }
        audit.record(manager, "CREATE", AUDIT_TYPE, user.getId(), unit.path(), null, auditState(user));
        return view(user, unit);
    }

    @Transactional
    public AccountView setEnabled(Staff manager, long accountId, boolean enabled) {
        AppUser user = managedAccount(manager, accountId);
        OrgUnitView unit = orgUnits.get(manager.scope(), user.getOrgUnitId());
        Map<String, Object> before = auditState(user);
        user.setEnabled(enabled);
        users.saveAndFlush(user);
        audit.record(manager, enabled ? "ENABLE" : "DISABLE", AUDIT_TYPE, accountId, unit.path(), before,
                auditState(user));
        return view(user, unit);
    }

    @Transactional
    public void resetPassword(Staff manager, long accountId, PasswordForm form) {
        requireConfirmed(form);
        AppUser user = managedAccount(manager, accountId);
        OrgUnitView unit = orgUnits.get(manager.scope(), user.getOrgUnitId());
        policy.check("newPassword", form.newPassword(), user.getUsername());
        user.changePassword(passwordEncoder.encode(form.newPassword()), false);
        users.saveAndFlush(user);
        audit.record(manager, "RESET_PASSWORD", AUDIT_TYPE, accountId, unit.path(), null, null);
    }

    /**
     * @return the account's new session version: the caller's own session carries it on, every other session of
     *         the account ends
     */
    @Transactional
    public int changeOwnPassword(Staff staff, PasswordForm form) {
        AppUser user = users.findById(staff.userId()).orElseThrow(NotFoundException::new);
        if (form.currentPassword() == null || !passwordEncoder.matches(form.currentPassword(), user.getPasswordHash())) {
            throw RuleViolationException.of("currentPassword", "password.current.wrong");
        }
        requireConfirmed(form);
        policy.check("newPassword", form.newPassword(), user.getUsername());
        if (passwordEncoder.matches(form.newPassword(), user.getPasswordHash())) {
            throw RuleViolationException.of("newPassword", "hardening.password.same");
        }
        user.changePassword(passwordEncoder.encode(form.newPassword()), true);
        users.saveAndFlush(user);
        audit.record(staff, "CHANGE_PASSWORD", AUDIT_TYPE, user.getId(), staff.scope().path(), null, null);
        return user.getSessionVersion();
    }

    /** Whether this account must replace a one-time password before anything else. */
    public boolean mustChangePassword(Staff staff) {
        return users.findById(staff.userId()).map(AppUser::mustChangePassword).orElse(false);
    }

    /**
     * Creates an account without a manager: the first national administrator of a production database, and the
     * demo accounts. Does nothing when the username exists already.
     *
     * @return whether an account was created
     */
    @Transactional
    public boolean createIfAbsent(String username, String password, String fullName, OrgUnitView unit) {
        String normalised = username.strip().toLowerCase(Locale.ROOT);
        if (users.existsByUsername(normalised)) {
            return false;
        }
        AppUser user = users.saveAndFlush(new AppUser(normalised, passwordEncoder.encode(password), fullName,
                Role.forLevel(unit.level()), unit.id()));
        audit.record(null, "CREATE", AUDIT_TYPE, user.getId(), unit.path(), null, auditState(user));
        return true;
    }

    public boolean anyAccount() {
        return users.count() > 0;
    }

    /**
     * The enabled staff accounts bound to these nodes, with name and phone, by node: whom to ring about a report.
     * The caller has resolved the nodes in its user's scope.
     */
    public Map<Long, List<StaffContact>> contacts(java.util.Collection<Long> nodeIds) {
        Map<Long, List<StaffContact>> byNode = new LinkedHashMap<>();
        if (nodeIds.isEmpty()) {
            return byNode;
        }
        jdbc.sql("""
                SELECT org_unit_id, full_name, phone FROM app_user
                WHERE org_unit_id = ANY(:ids) AND enabled ORDER BY org_unit_id, full_name, id
                """).param("ids", nodeIds.toArray(Long[]::new))
                .query((rs, n) -> byNode.computeIfAbsent(rs.getLong(1), k -> new java.util.ArrayList<>())
                        .add(new StaffContact(rs.getString(2), rs.getString(3))))
                .list();
        return byNode;
    }

    /** A staff member to contact: full name and phone (null when none was given). */
    public record StaffContact(String fullName, String phone) {
    }

    public boolean anyNationalAccount() {
        return users.existsByRole(Role.NATIONAL);
    }

    private AppUser managedAccount(Staff manager, long accountId) {
        requireManager(manager);
        AppUser user = users.findById(accountId).orElseThrow(NotFoundException::new);
        OrgUnitView unit = orgUnits.get(manager.scope(), user.getOrgUnitId());
        if (!managesLevel(manager, unit.level()) || user.getId() == manager.userId()) {
            throw new NotFoundException(); // one's own account is changed on the password page, never here
        }
        return user;
    }

    /** One level below the manager's; national staff also manage their peers. */
    private static boolean managesLevel(Staff manager, int level) {
        return level == manager.scope().level() + 1 || manager.role() == Role.NATIONAL && level == 0;
    }

    private static void requireManager(Staff staff) {
        if (!staff.role().managesAccounts()) {
            throw new NotFoundException();
        }
    }

    private static void requireConfirmed(PasswordForm form) {
        if (!form.newPassword().equals(form.confirmPassword())) {
            throw RuleViolationException.of("confirmPassword", "password.confirm.mismatch");
        }
    }

    private static AccountView view(AppUser user, OrgUnitView unit) {
        return new AccountView(user.getId(), user.getUsername(), user.getFullName(), user.getRole(), unit.id(),
                unit.name(), unit.adminType(), user.isEnabled());
    }

    private static Map<String, Object> auditState(AppUser user) {
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("username", user.getUsername());
        state.put("fullName", user.getFullName());
        state.put("role", user.getRole());
        state.put("orgUnitId", user.getOrgUnitId());
        state.put("enabled", user.isEnabled());
        if (user.getPhone() != null) {
            state.put("phone", user.getPhone());
        }
        return state;
    }
}
