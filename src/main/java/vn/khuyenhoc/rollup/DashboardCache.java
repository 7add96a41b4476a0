package vn.khuyenhoc.rollup;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.TransactionExecution;
import org.springframework.transaction.TransactionExecutionListener;

import vn.khuyenhoc.shared.CurrentReads;
import vn.khuyenhoc.shared.CurrentUsername;
import vn.khuyenhoc.shared.RecordChanges;
import vn.khuyenhoc.shared.Scope;

/**
 * The dashboards' figures kept in memory between changes, so that the pages the national board and the provinces
 * open all day cost no database work while nothing changes — and are never older than the data by more than a
 * second (see below), nor at all for whoever changed it.
 * <p>
 * Every cached dashboard carries the generation it was read in; a change of anything a dashboard reads starts a
 * new generation, and only a dashboard of the current generation is served. A generation ends
 * <ul>
 * <li>after each writing transaction of this application commits, before its request answers (so a user always
 * sees their own change; others within the window below), except one that only wrote an audit entry
 * ({@link RecordChanges#changedRecords}: reading member lists all day is audited), and</li>
 * <li>when the database notifies a change of a roll-up, population, unit or group table, whoever made it: another
 * instance, an administrator's SQL, a rebuild ({@link FiguresChangeListener}, V17).</li>
 * </ul>
 * <p>
 * <b>At most {@code khuyenhoc.dashboards.max-staleness} behind (one second), for those who did not make the change.</b>
 * At the year-end peak fifty secretaries save a second, and each save ends a generation: read afresh for every
 * change, the national page would be read and written fifty times a second, and the saves would wait for it. So a
 * dashboard (and its page) read less than that long ago is still served after a change, to every user who has not
 * committed a change of their own since it was read; the first request after the window reads it afresh (the
 * others waiting for that one reading). Whoever saved sees their own change on their next page, whatever dashboard
 * they open. A window of zero (the tests' setting) serves only the current generation.
 * <p>
 * While the notifications cannot be listened to (at start, or the connection lost), nothing is cached. The
 * generation is read before a dashboard is, so a change committed while it is read makes it stale at once. With a
 * streaming replica, a dashboard to be kept is read where every change committed before its generation began is
 * visible ({@link CurrentReads}: on the replica once it has replayed the primary's position, else on the primary), so
 * a lagging replica never stamps old figures with a current generation.
 */
@Component
class DashboardCache implements TransactionExecutionListener {

    /**
     * One entry per dashboard asked for (a change replaces it in place when it is next asked for), from a few
     * kilobytes (a commune) to about a hundred (the country, 35 nodes' figures): 5,000 of them — the country, its
     * provinces and the communes being looked at, a few years each — stay within a couple of hundred megabytes, and
     * those not asked for in half an hour leave.
     */
    private static final int MAXIMUM_SIZE = 5_000;
    private static final Duration UNUSED_FOR = Duration.ofMinutes(30);
    private static final int MAXIMUM_RENDERINGS = 2_000;

    private final RollupService rollups;
    private final CurrentReads currentReads;
    private final AtomicLong generation = new AtomicLong();
    private final Cache<Key, Entry> entries = Caffeine.newBuilder().maximumSize(MAXIMUM_SIZE)
            .expireAfterAccess(UNUSED_FOR).build();
    /**
     * Pages made from the dashboards, one per way of showing one (sorted, charted, in a language), of the generation of
     * the dashboard they were made from: 20 to 110 kilobytes each. The few national and provincial ones are asked for
     * all day; a commune's is small.
     */
    private final Cache<RenderedKey, Rendered> renderings = Caffeine.newBuilder().maximumSize(MAXIMUM_RENDERINGS)
            .expireAfterAccess(UNUSED_FOR).build();
    private volatile boolean listening;
    private final long maxStalenessNanos;
    private final LongSupplier nanoTime;
    /**
     * Who committed a change lately, and when ({@link #nanoTime}): they are never served a dashboard read before it.
     * Kept as long as the window, after which no dashboard read before the change is served to anyone.
     */
    private final Cache<String, Long> recentWriters;

    private final CurrentUsername currentUser;

    @Autowired
    DashboardCache(RollupService rollups, CurrentReads currentReads, CurrentUsername currentUser,
            @Value("${khuyenhoc.dashboards.max-staleness:1s}") Duration maxStaleness) {
        this(rollups, currentReads, currentUser, maxStaleness, System::nanoTime);
    }

    DashboardCache(RollupService rollups, CurrentReads currentReads, CurrentUsername currentUser, Duration maxStaleness,
            LongSupplier nanoTime) {
        this.rollups = rollups;
        this.currentReads = currentReads;
        this.currentUser = currentUser;
        this.maxStalenessNanos = maxStaleness.isNegative() ? 0 : maxStaleness.toNanos();
        this.nanoTime = nanoTime;
        this.recentWriters = Caffeine.newBuilder().expireAfterWrite(maxStaleness.isNegative() ? Duration.ZERO : maxStaleness)
                .maximumSize(100_000).build();
    }

    /**
     * {@link RollupService#dashboard}, from memory when nothing has changed since it was last read. The node must lie
     * in the scope whether the dashboard is read or cached (read by a user whose scope holds it).
     */
    RollupService.Dashboard dashboard(Scope scope, long nodeId, int year, int trendYears, boolean withGroups) {
        return dashboard(scope, nodeId, Period.year(year), trendYears, withGroups);
    }

    /** {@link RollupService#dashboard(Scope, long, Period, int, boolean)}, from memory as above. */
    RollupService.Dashboard dashboard(Scope scope, long nodeId, Period period, int trendYears, boolean withGroups) {
        RollupService.Dashboard dashboard = get(new Key(nodeId, period, trendYears, withGroups),
                () -> rollups.dashboard(scope, nodeId, period, trendYears, withGroups));
        scope.requireContains(dashboard.node().path());
        return dashboard;
    }

    /**
     * What {@code render} makes of the dashboard {@link #dashboard(Scope, long, Period, int, boolean)} returns, made once
     * per generation and {@code view} (everything else the rendering depends on: sort, chart, columns, language): the
     * national page writes a 35-row table of thirty formatted figures, which cost most of its time when made per
     * request. The node must lie in the scope, whether it is rendered or kept.
     */
    <T> T rendered(Scope scope, long nodeId, Period period, int trendYears, boolean withGroups, Object view,
            Function<RollupService.Dashboard, T> render) {
        return rendered(scope, new Key(nodeId, period, trendYears, withGroups), view,
                () -> rollups.dashboard(scope, nodeId, period, trendYears, withGroups), render);
    }

    @SuppressWarnings("unchecked")
    <T> T rendered(Scope scope, Key key, Object view, Supplier<RollupService.Dashboard> read,
            Function<RollupService.Dashboard, T> render) {
        RenderedKey renderedKey = new RenderedKey(key, view);
        Rendered kept = renderings.getIfPresent(renderedKey);
        if (kept != null && servable(kept.generation(), kept.readAt())) {
            scope.requireContains(kept.dashboard().node().path());
            return (T) kept.value();
        }
        Entry entry = entry(key, read);
        scope.requireContains(entry.dashboard().node().path());
        T value = render.apply(entry.dashboard());
        if (entry.generation() != NOT_KEPT) {
            // stamped with the dashboard's generation, not the current one: made from figures a change has since
            // overtaken, it is never served again
            renderings.put(renderedKey, new Rendered(entry.generation(), entry.readAt(), entry.dashboard(), value));
        }
        return value;
    }

    /** What a dashboard is read for: the node, the period, the years of the trend and whether by group of provinces. */
    record Key(long nodeId, Period period, int trendYears, boolean withGroups) {

        Key(long nodeId, int year, int trendYears, boolean withGroups) {
            this(nodeId, Period.year(year), trendYears, withGroups);
        }
    }

    /** A dashboard, the generation it was read in and when that reading began ({@link #nanoTime}). */
    private record Entry(long generation, long readAt, RollupService.Dashboard dashboard) {
    }

    private record RenderedKey(Key key, Object view) {
    }

    private record Rendered(long generation, long readAt, RollupService.Dashboard dashboard, Object value) {
    }

    /** The generation of a dashboard read while changes cannot be heard: never kept, never matching. */
    private static final long NOT_KEPT = -1;

    /**
     * The kept dashboard for this key if it is of the current generation; otherwise read, kept and returned. Requests
     * that miss the same key at once wait for one reading rather than each reading it (after a change, the national
     * page is asked for by many users at the same moment).
     */
    RollupService.Dashboard get(Key key, Supplier<RollupService.Dashboard> read) {
        return entry(key, read).dashboard();
    }

    private Entry entry(Key key, Supplier<RollupService.Dashboard> read) {
        Entry entry = entries.getIfPresent(key);
        if (entry != null && servable(entry.generation(), entry.readAt())) {
            return entry;
        }
        if (!listening) {
            return new Entry(NOT_KEPT, nanoTime.getAsLong(), read.get());
        }
        return entries.asMap().compute(key, (k, kept) -> {
            if (kept != null && servable(kept.generation(), kept.readAt())) {
                return kept; // read by the request this one waited for
            }
            long current = generation.get(); // read before the dashboard is: a change committed meanwhile makes it stale
            long readAt = nanoTime.getAsLong();
            // and read where every change that ended an earlier generation is visible (a replica may lag)
            return new Entry(current, readAt, currentReads.current(read));
        });
    }

    /**
     * Whether something kept may be served to the current user: of the current generation, or read less than the
     * window ago and the user has committed no change since.
     */
    private boolean servable(long keptGeneration, long readAt) {
        if (!listening || keptGeneration == NOT_KEPT) {
            return false;
        }
        if (keptGeneration == generation.get()) {
            return true;
        }
        if (maxStalenessNanos == 0 || nanoTime.getAsLong() - readAt >= maxStalenessNanos) {
            return false;
        }
        String user = currentUser.get();
        Long wrote = user == null ? null : recentWriters.getIfPresent(user);
        return wrote == null || wrote - readAt < 0;
    }


    /** Something a dashboard reads has changed: every cached dashboard is stale. */
    void changed() {
        generation.incrementAndGet();
    }

    /** Whether changes are being notified; a new generation starts either way, as changes may have been missed. */
    void listening(boolean listening) {
        changed();
        this.listening = listening;
        changed();
    }

    /** A writing transaction has committed: unless it only wrote an audit entry (a read, a sign-in), figures may have changed. */
    @Override
    public void afterCommit(TransactionExecution transaction, @Nullable Throwable commitFailure) {
        if (RecordChanges.changedRecords(transaction)) {
            String user = currentUser.get();
            if (user != null && maxStalenessNanos > 0) {
                recentWriters.put(user, nanoTime.getAsLong()); // before the generation ends: no gap for their next page
            }
            changed();
        }
    }
}
