package vn.khuyenhoc.account;

import java.io.IOException;
import java.util.Optional;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Checks the signed-in account on every request (one primary-key read), so that what a manager does takes effect
 * in sessions already open: a session ends when its account is disabled, its unit deactivated, or its password
 * set since the session began (the account's {@code session_version} moved on); and the holder of a one-time
 * password (set by someone else) can open nothing but the page that changes it.
 */
class AccountSessionFilter extends OncePerRequestFilter {

    private final JdbcClient jdbc;

    AccountSessionFilter(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = path(request);
        return path.startsWith("/assets/") || path.startsWith("/webjars/") || path.equals("/favicon.ico");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !(authentication.getPrincipal() instanceof StaffUser user)) {
            chain.doFilter(request, response);
            return;
        }
        Optional<State> state = jdbc.sql("""
                SELECT u.session_version, u.enabled AND n.active AS usable, u.must_change_password
                FROM app_user u JOIN org_unit n ON n.id = u.org_unit_id WHERE u.id = :id
                """).param("id", user.getStaff().userId())
                .query((rs, i) -> new State(rs.getInt(1), rs.getBoolean(2), rs.getBoolean(3))).optional();
        if (state.isEmpty() || !state.get().usable() || state.get().sessionVersion() != user.sessionVersion()) {
            SecurityContextHolder.clearContext();
            HttpSession session = request.getSession(false);
            if (session != null) {
                session.invalidate();
            }
            response.sendRedirect(request.getContextPath() + "/login?expired");
            return;
        }
        if (state.get().mustChangePassword() && !allowedBeforeChange(path(request))) {
            response.sendRedirect(request.getContextPath() + "/password");
            return;
        }
        chain.doFilter(request, response);
    }

    /** The path inside the application (the request URI without the context path). */
    static String path(HttpServletRequest request) {
        return request.getRequestURI().substring(request.getContextPath().length());
    }

    private static boolean allowedBeforeChange(String path) {
        return path.equals("/password") || path.equals("/logout") || path.equals("/login") || path.equals("/error");
    }

    private record State(int sessionVersion, boolean usable, boolean mustChangePassword) {
    }
}
