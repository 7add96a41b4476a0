package vn.khuyenhoc.rollup;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import org.junit.jupiter.api.Test;

import vn.khuyenhoc.orgunit.OrgUnitKind;
import vn.khuyenhoc.orgunit.OrgUnitView;
import vn.khuyenhoc.shared.NotFoundException;
import vn.khuyenhoc.shared.Scope;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * When the cache reads a dashboard: once for many users who miss it together, again after any change; and when it makes
 * a dashboard's page: once per way of showing it and generation.
 */
class DashboardCacheReadsTest {

    private static final DashboardCache.Key NATIONAL = new DashboardCache.Key(1, 2026, 8, false);

    @Test
    void usersWhoMissTheSameDashboardTogetherWaitForOneReading() throws Exception {
        DashboardCache cache = listeningCache();
        AtomicInteger readings = new AtomicInteger();
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService users = Executors.newFixedThreadPool(8);
        try {
            List<Future<RollupService.Dashboard>> pages = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                pages.add(users.submit(() -> {
                    start.await();
                    return cache.get(NATIONAL, () -> slowReading(readings));
                }));
            }
            start.countDown();
            RollupService.Dashboard first = pages.get(0).get(10, TimeUnit.SECONDS);
            for (Future<RollupService.Dashboard> page : pages) {
                assertThat(page.get(10, TimeUnit.SECONDS)).isSameAs(first);
            }
            assertThat(readings).hasValue(1);
        }
        finally {
            users.shutdownNow();
        }
    }

    @Test
    void aChangeWhileADashboardIsReadMakesItStaleAndAnyLaterChangeToo() {
        DashboardCache cache = listeningCache();
        AtomicInteger readings = new AtomicInteger();
        cache.get(NATIONAL, () -> {
            cache.changed(); // committed while the figures were being read: they may not include it
            return dashboard(readings);
        });
        RollupService.Dashboard second = cache.get(NATIONAL, () -> dashboard(readings));
        assertThat(readings).hasValue(2);
        assertThat(cache.get(NATIONAL, () -> dashboard(readings))).isSameAs(second);
        assertThat(readings).hasValue(2);

        cache.afterCommit(new ReadWrite(), null);
        cache.get(NATIONAL, () -> dashboard(readings));
        assertThat(readings).as("read again after a writing transaction").hasValue(3);
    }

    @Test
    void nothingIsKeptWhileChangesCannotBeHeard() {
        DashboardCache cache = listeningCache();
        cache.listening(false);
        AtomicInteger readings = new AtomicInteger();
        cache.get(NATIONAL, () -> dashboard(readings));
        cache.get(NATIONAL, () -> dashboard(readings));
        assertThat(readings).hasValue(2);
    }

    @Test
    void aPageIsMadeOncePerViewAndGenerationFromTheDashboardOfThatGeneration() {
        DashboardCache cache = listeningCache();
        AtomicInteger readings = new AtomicInteger();
        AtomicInteger makings = new AtomicInteger();
        Function<RollupService.Dashboard, String> render = d -> "page " + makings.incrementAndGet();

        String first = cache.rendered(COUNTRY, NATIONAL, "vi, by members", () -> province(readings), render);
        assertThat(cache.rendered(COUNTRY, NATIONAL, "vi, by members", () -> province(readings), render)).isSameAs(first);
        assertThat(makings).hasValue(1);
        // another way of showing it is made anew, from the same dashboard
        assertThat(cache.rendered(COUNTRY, NATIONAL, "en, by members", () -> province(readings), render)).isEqualTo("page 2");
        assertThat(readings).hasValue(1);

        cache.afterCommit(new ReadWrite(), null);
        assertThat(cache.rendered(COUNTRY, NATIONAL, "vi, by members", () -> province(readings), render)).isEqualTo("page 3");
        assertThat(readings).as("a change reads the figures again").hasValue(2);
    }

    @Test
    void aPageMadeFromFiguresAChangeOvertookIsNotServedAgain() {
        DashboardCache cache = listeningCache();
        AtomicInteger readings = new AtomicInteger();
        AtomicInteger makings = new AtomicInteger();
        cache.rendered(COUNTRY, NATIONAL, "vi", () -> province(readings), d -> {
            cache.changed(); // committed while the page was being made
            return "page " + makings.incrementAndGet();
        });
        assertThat(cache.<String>rendered(COUNTRY, NATIONAL, "vi", () -> province(readings), d -> "page " + makings.incrementAndGet()))
                .isEqualTo("page 2");
    }

    @Test
    void aKeptPageIsShownOnlyWithinTheScopeAndNothingIsKeptWhileChangesCannotBeHeard() {
        DashboardCache cache = listeningCache();
        AtomicInteger readings = new AtomicInteger();
        cache.rendered(COUNTRY, NATIONAL, "vi", () -> province(readings), d -> "page");
        Scope otherProvince = new Scope(7, "/1/7/", 1);
        assertThatThrownBy(() -> cache.rendered(otherProvince, NATIONAL, "vi", () -> province(readings), d -> "page"))
                .isInstanceOf(NotFoundException.class);

        cache.listening(false);
        AtomicInteger makings = new AtomicInteger();
        cache.rendered(COUNTRY, NATIONAL, "vi", () -> province(readings), d -> "page " + makings.incrementAndGet());
        cache.rendered(COUNTRY, NATIONAL, "vi", () -> province(readings), d -> "page " + makings.incrementAndGet());
        assertThat(makings).hasValue(2);
    }

    @Test
    void withinTheWindowAChangedDashboardIsStillServedExceptToWhoeverCommittedTheChange() {
        java.util.concurrent.atomic.AtomicLong now = new java.util.concurrent.atomic.AtomicLong();
        DashboardCache cache = new DashboardCache(null, vn.khuyenhoc.shared.CurrentReads.DIRECT, SIGNED_IN::get,
                java.time.Duration.ofSeconds(1), now::get);
        cache.listening(true);
        AtomicInteger readings = new AtomicInteger();
        RollupService.Dashboard first = cache.get(NATIONAL, () -> province(readings));
        String firstPage = cache.rendered(COUNTRY, NATIONAL, "vi", () -> province(readings), d -> "page 1");

        now.addAndGet(400_000_000);
        signedInAs("secretary", () -> cache.afterCommit(new ReadWrite(), null));
        now.addAndGet(400_000_000);
        assertThat(signedInAs("national", () -> cache.get(NATIONAL, () -> province(readings))))
                .as("0.8 s old, and the national board changed nothing").isSameAs(first);
        String nationalPage = signedInAs("national",
                () -> cache.rendered(COUNTRY, NATIONAL, "vi", () -> province(readings), d -> "page 2"));
        assertThat(nationalPage).isSameAs(firstPage);
        assertThat(readings).hasValue(1);

        RollupService.Dashboard secretarySees = signedInAs("secretary", () -> cache.get(NATIONAL, () -> province(readings)));
        assertThat(secretarySees).as("read before her change: read afresh for her").isNotSameAs(first);
        assertThat(signedInAs("national", () -> cache.get(NATIONAL, () -> province(readings)))).isSameAs(secretarySees);

        signedInAs("secretary", () -> cache.afterCommit(new ReadWrite(), null));
        now.addAndGet(1_000_000_000);
        assertThat(signedInAs("national", () -> cache.get(NATIONAL, () -> province(readings))))
                .as("a second after it was read, a changed dashboard is read afresh for everyone").isNotSameAs(secretarySees);
        assertThat(readings).hasValue(3);
    }

    /** Who the cache sees as signed in, in {@link #signedInAs}. */
    private static final ThreadLocal<String> SIGNED_IN = new ThreadLocal<>();

    private static <T> T signedInAs(String username, java.util.concurrent.Callable<T> work) {
        SIGNED_IN.set(username);
        try {
            return work.call();
        }
        catch (Exception ex) {
            throw new IllegalStateException(ex);
        }
        finally {
            SIGNED_IN.remove();
        }
    }

    private static void signedInAs(String username, Runnable work) {
        signedInAs(username, () -> {
            work.run();
            return null;
        });
    }

    private static DashboardCache listeningCache() {
        DashboardCache cache = new DashboardCache(null, vn.khuyenhoc.shared.CurrentReads.DIRECT, () -> null, java.time.Duration.ZERO, System::nanoTime);
        cache.listening(true);
        return cache;
    }

    private static RollupService.Dashboard slowReading(AtomicInteger readings) {
        try {
            Thread.sleep(200);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return dashboard(readings);
    }

    private static final Scope COUNTRY = new Scope(1, "/1/", 0);

    /** A province's dashboard (node /1/22/). */
    private static RollupService.Dashboard province(AtomicInteger readings) {
        readings.incrementAndGet();
        OrgUnitView node = new OrgUnitView(22, 1L, 1, OrgUnitKind.PROVINCE, null, "22", "Quảng Ninh", null, "/1/22/", 22L,
                true, 0);
        return new RollupService.Dashboard(node, List.of(), 2026, Figures.empty(), List.of(), null, null, List.of());
    }

    private static RollupService.Dashboard dashboard(AtomicInteger readings) {
        readings.incrementAndGet();
        return new RollupService.Dashboard(null, List.of(), 2026, Figures.empty(), List.of(), null, null, List.of());
    }

    /** A transaction that may have written. */
    private static final class ReadWrite implements org.springframework.transaction.TransactionExecution {
        @Override
        public boolean isReadOnly() {
            return false;
        }
    }
}
