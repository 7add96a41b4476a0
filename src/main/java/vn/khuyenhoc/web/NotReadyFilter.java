package vn.khuyenhoc.web;

import java.io.IOException;
import java.util.Locale;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.boot.availability.ApplicationAvailability;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.context.MessageSource;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Requests are served only once the application is ready: the web server listens before the start-up runners
 * (the demo data set among them) have finished, and a sign-in in those seconds would have failed as a wrong
 * password. Until Spring Boot reports readiness ({@link ReadinessState#ACCEPTING_TRAFFIC}, published after every
 * runner), every request but the health endpoints answers 503 with {@code Retry-After}; the readiness probe itself
 * ({@code /actuator/health/readiness}) says OUT_OF_SERVICE meanwhile.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class NotReadyFilter extends OncePerRequestFilter {

    private final ApplicationAvailability availability;
    private final MessageSource messages;
    private volatile boolean ready;

    NotReadyFilter(ApplicationAvailability availability, MessageSource messages) {
        this.availability = availability;
        this.messages = messages;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (ready || request.getRequestURI().startsWith(request.getContextPath() + "/actuator/health")) {
            chain.doFilter(request, response);
            return;
        }
        if (availability.getReadinessState() == ReadinessState.ACCEPTING_TRAFFIC) {
            ready = true; // from now on, without asking again
            chain.doFilter(request, response);
            return;
        }
        response.setStatus(HttpStatus.SERVICE_UNAVAILABLE.value());
        response.setHeader(HttpHeaders.RETRY_AFTER, "5");
        response.setContentType("text/plain;charset=UTF-8");
        response.getWriter().write(messages.getMessage("startup.notReady", null, WebConfig.VIETNAMESE) + "\n"
                + messages.getMessage("startup.notReady", null, Locale.ENGLISH) + "\n");
    }
}
