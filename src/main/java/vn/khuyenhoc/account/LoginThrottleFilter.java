package vn.khuyenhoc.account;

import java.io.IOException;
import java.time.Instant;
import java.util.Optional;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Stands before the password check: a sign-in for a locked username or from a locked address is turned away
 * without the password being looked at, back to the login page that says until when.
 */
class LoginThrottleFilter extends OncePerRequestFilter {

    private final LoginThrottle throttle;
    private final SignInEvents signIns;

    LoginThrottleFilter(LoginThrottle throttle, SignInEvents signIns) {
        this.throttle = throttle;
        this.signIns = signIns;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !("POST".equals(request.getMethod()) && "/login".equals(AccountSessionFilter.path(request)));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Optional<Instant> locked = throttle.lockedUntil(request.getParameter("username"), request.getRemoteAddr());
        if (locked.isPresent()) {
            signIns.redirectLocked(request, response, locked.get());
            return;
        }
        chain.doFilter(request, response);
    }
}
