package vn.khuyenhoc.account;

import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.authentication.logout.LogoutHandler;
import org.springframework.stereotype.Component;

import vn.khuyenhoc.audit.AuditService;
import vn.khuyenhoc.shared.VietnamTime;

/**
 * What happens around a sign-in attempt: each success, failure, lock and sign-out goes to the audit log (type
 * {@code SIGN_IN}, with the client's address), failures count towards {@link LoginThrottle}'s locks, and a locked
 * sign-in goes back to the login page, which says until when (in Vietnam's time).
 */
@Component
class SignInEvents {

    /** Session attribute read by the login page: the time (HH:mm, Vietnam) until which sign-in is locked. */
    static final String LOCKED_UNTIL = "khuyenhoc.login.lockedUntil";
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm dd/MM/yyyy");

    private final LoginThrottle throttle;
    private final AuditService audit;
    private final JdbcClient jdbc;

    SignInEvents(LoginThrottle throttle, AuditService audit, JdbcClient jdbc) {
        this.throttle = throttle;
        this.audit = audit;
        this.jdbc = jdbc;
    }

    AuthenticationSuccessHandler successHandler() {
        SavedRequestAwareAuthenticationSuccessHandler next = new SavedRequestAwareAuthenticationSuccessHandler();
        next.setDefaultTargetUrl("/");
        return (request, response, authentication) -> {
            throttle.succeeded(authentication.getName());
            record(authentication.getName(), "SIGN_IN", request, null);
            next.onAuthenticationSuccess(request, response, authentication);
        };
    }

    AuthenticationFailureHandler failureHandler() {
        return (request, response, exception) -> {
            String username = request.getParameter("username");
            Optional<Instant> locked = throttle.failed(username, request.getRemoteAddr());
            record(username, "SIGN_IN_FAILED", request, exception.getClass().getSimpleName());
            if (locked.isPresent()) {
                record(username, "SIGN_IN_LOCKED", request, null);
                redirectLocked(request, response, locked.get());
            }
            else {
                response.sendRedirect(request.getContextPath() + "/login?error");
            }
        };
    }

    LogoutHandler logoutHandler() {
        return (request, response, authentication) -> {
            if (authentication != null) {
                record(authentication.getName(), "SIGN_OUT", request, null);
            }
        };
    }

    void redirectLocked(HttpServletRequest request, HttpServletResponse response, Instant until) throws IOException {
        request.getSession().setAttribute(LOCKED_UNTIL, TIME.format(until.atZone(VietnamTime.ZONE)));
        response.sendRedirect(request.getContextPath() + "/login?locked");
    }

    private void record(String username, String action, HttpServletRequest request, String reason) {
        String name = username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("address", request.getRemoteAddr());
        if (reason != null) {
            details.put("reason", reason);
        }
        Optional<Account> account = jdbc.sql("""
                SELECT u.id, n.path FROM app_user u JOIN org_unit n ON n.id = u.org_unit_id WHERE u.username = :username
                """).param("username", name).query((rs, i) -> new Account(rs.getLong(1), rs.getString(2))).optional();
        String path = account.map(Account::path).orElseGet(() -> jdbc.sql("SELECT path FROM org_unit WHERE level = 0")
                .query(String.class).single());
        audit.recordSignIn(account.map(Account::id).orElse(null), name, action, path, details);
    }

    private record Account(long id, String path) {
    }
}
