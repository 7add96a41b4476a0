package vn.khuyenhoc.rollup;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** When the cache reads a dashboard: once for many users who miss it together, again after any change. */
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

    private static DashboardCache listeningCache() {
        DashboardCache cache = new DashboardCache(null, vn.khuyenhoc.shared.CurrentReads.DIRECT);
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
