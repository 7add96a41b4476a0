package vn.khuyenhoc.account;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Slows password guessing down (issue 16: 225 guesses at 13 a second went through). Failed sign-ins are counted
 * per username and per client address over a window; past the limit, that username (or address) is locked until
 * the window has passed since the lock began, whatever password comes, the right one included. A successful
 * sign-in clears its username's count. Kept in memory (Caffeine, bounded): on several instances each counts its
 * own, which still bounds guessing to a few per window per instance.
 */
@Component
public class LoginThrottle {

    /** Failures of one username before it is locked. */
    final int maxPerUsername;
    /** Failures from one client address (an office behind one NAT address has many users) before it is locked. */
    final int maxPerAddress;
    final Duration lockFor;

    private final Clock clock;
    private final Cache<String, Counter> counters;

    LoginThrottle(Clock clock, @Value("${khuyenhoc.login.max-failures-per-username:5}") int maxPerUsername,
            @Value("${khuyenhoc.login.max-failures-per-address:50}") int maxPerAddress,
            @Value("${khuyenhoc.login.lock-minutes:15}") int lockMinutes) {
        this.clock = clock;
        this.maxPerUsername = maxPerUsername;
        this.maxPerAddress = maxPerAddress;
        this.lockFor = Duration.ofMinutes(lockMinutes);
        this.counters = Caffeine.newBuilder().maximumSize(200_000)
                .expireAfterWrite(lockMinutes * 2L, TimeUnit.MINUTES).build();
    }

    /** When the lock on this username or address ends, if either is locked now. */
    public Optional<Instant> lockedUntil(String username, String address) {
        Instant now = clock.instant();
        Instant until = null;
        for (String key : new String[] {userKey(username), addressKey(address)}) {
            Counter counter = counters.getIfPresent(key);
            if (counter != null && counter.lockedUntil != null && counter.lockedUntil.isAfter(now)) {
                until = until == null || counter.lockedUntil.isAfter(until) ? counter.lockedUntil : until;
            }
        }
        return Optional.ofNullable(until);
    }

    /**
     * Counts a failed sign-in.
     *
     * @return when the lock this failure caused ends, if it caused one
     */
    public Optional<Instant> failed(String username, String address) {
        Instant a = count(userKey(username), maxPerUsername);
        Instant b = count(addressKey(address), maxPerAddress);
        return Optional.ofNullable(a != null ? a : b);
    }

    public void succeeded(String username) {
        counters.invalidate(userKey(username));
    }

    private Instant count(String key, int max) {
        Instant now = clock.instant();
        Counter counter = counters.asMap().compute(key, (k, c) -> {
            Counter next = c == null || c.windowStart.plus(lockFor).isBefore(now)
                    && (c.lockedUntil == null || c.lockedUntil.isBefore(now)) ? new Counter(now) : c;
            next.failures++;
            if (next.failures >= max && (next.lockedUntil == null || next.lockedUntil.isBefore(now))) {
                next.lockedUntil = now.plus(lockFor);
                next.justLocked = true;
            }
            else {
                next.justLocked = false;
            }
            return next;
        });
        return counter.justLocked ? counter.lockedUntil : null;
    }

    /** At most the 50 characters a username can have: a guesser's megabyte-long names take no more room. */
    private static String userKey(String username) {
        String name = username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
        return "u:" + (name.length() > 50 ? name.substring(0, 51) : name);
    }

    private static String addressKey(String address) {
        return "a:" + address;
    }

    private static final class Counter {
        final Instant windowStart;
        int failures;
        Instant lockedUntil;
        boolean justLocked;

        Counter(Instant windowStart) {
            this.windowStart = windowStart;
        }
    }
}
