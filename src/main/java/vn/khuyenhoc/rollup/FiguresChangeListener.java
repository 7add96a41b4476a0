package vn.khuyenhoc.rollup;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Listens on its own database connection for the {@code figures_changed} notifications of V17 and starts a new
 * generation of the {@link DashboardCache} on each. Reconnects after a lost connection; the cache keeps nothing
 * meanwhile.
 */
@Component
class FiguresChangeListener implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(FiguresChangeListener.class);
    private static final int POLL_MILLIS = 500;
    private static final long RECONNECT_MILLIS = 2_000;

    private final DataSource dataSource;
    private final DashboardCache cache;
    private volatile Thread thread;
    private final CountDownLatch firstAttempt = new CountDownLatch(1);

    FiguresChangeListener(DataSource dataSource, DashboardCache cache) {
        this.dataSource = dataSource;
        this.cache = cache;
    }

    @Override
    public void start() {
        Thread listener = new Thread(this::listen, "figures-changed-listener");
        listener.setDaemon(true);
        thread = listener;
        listener.start();
        try { // the first pages of a fresh start may already be cached
            firstAttempt.await(10, TimeUnit.SECONDS);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void stop() {
        Thread listener = thread;
        thread = null;
        if (listener != null) {
            listener.interrupt();
            try {
                listener.join(POLL_MILLIS * 4L);
            }
            catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return thread != null;
    }

    private void listen() {
        while (thread == Thread.currentThread()) {
            try (Connection connection = dataSource.getConnection()) {
                connection.setAutoCommit(true);
                try (Statement statement = connection.createStatement()) {
                    statement.execute("LISTEN figures_changed");
                }
                cache.listening(true);
                firstAttempt.countDown();
                PGConnection postgres = connection.unwrap(PGConnection.class);
                while (thread == Thread.currentThread()) {
                    PGNotification[] notifications = postgres.getNotifications(POLL_MILLIS);
                    if (notifications != null && notifications.length > 0) {
                        cache.changed();
                    }
                }
            }
            catch (SQLException e) {
                if (thread == Thread.currentThread()) {
                    log.warn("Not listening for changes of the figures ({}); the dashboards are read afresh until it is back",
                            e.getMessage());
                }
            }
            finally {
                cache.listening(false);
                firstAttempt.countDown();
            }
            if (thread == Thread.currentThread()) {
                try {
                    Thread.sleep(RECONNECT_MILLIS);
                }
                catch (InterruptedException e) {
                    return;
                }
            }
        }
    }
}
