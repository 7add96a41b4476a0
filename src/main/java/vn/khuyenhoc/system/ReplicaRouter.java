package vn.khuyenhoc.system;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.function.Supplier;

import javax.sql.DataSource;

import jakarta.servlet.http.HttpSession;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.jdbc.datasource.AbstractDataSource;
import org.springframework.transaction.TransactionExecution;
import org.springframework.transaction.TransactionExecutionListener;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.util.WebUtils;

/**
 * Where a read-only transaction reads when a streaming replica is configured ({@link ReplicaRoutingConfiguration}):
 * on the replica, unless the replica has not yet replayed what that read must see. Then on the primary.
 * <ul>
 * <li>A user's own writes: after each writing transaction of a request commits, the primary's WAL position is kept
 * in the user's session; until the replica has replayed up to it, that user's reads go to the primary (so the page
 * after a save shows the save). Once the replica has caught up the mark is dropped and reads cost nothing extra.</li>
 * <li>{@link #current}: a read that is kept as current (a dashboard in the cache, stamped with the cache's
 * generation) first takes the primary's position and reads on the replica only if it has replayed that far.</li>
 * <li>A replica that cannot be reached sends reads to the primary for a few seconds, then is tried again.</li>
 * </ul>
 * The check is one statement on the replica connection itself, before the read's own statements: replay only goes
 * forward, so every statement of the transaction then sees at least that position.
 */
final class ReplicaRouter implements vn.khuyenhoc.shared.CurrentReads, TransactionExecutionListener {

    static final String OWN_WRITE = ReplicaRouter.class.getName() + ".ownWrite";
    private static final Logger log = LoggerFactory.getLogger(ReplicaRouter.class);
    private static final long RETRY_REPLICA_NANOS = 5_000_000_000L;
    private static final ThreadLocal<Long> REQUIRED = new ThreadLocal<>();

    private final DataSource primary;
    private final DataSource replica;
    private final DataSource readOnly = new ReadOnlyDataSource();
    private volatile long replicaDownUntil = System.nanoTime();

    ReplicaRouter(DataSource primary, DataSource replica) {
        this.primary = primary;
        this.replica = replica;
    }

    /** The data source of read-only transactions (given to {@code LazyConnectionDataSourceProxy}). */
    DataSource readOnlyDataSource() {
        return readOnly;
    }

    @Override
    public <T> T current(Supplier<T> read) {
        Long before = REQUIRED.get();
        REQUIRED.set(max(before, primaryPosition()));
        try {
            return read.get();
        }
        finally {
            if (before == null) {
                REQUIRED.remove();
            }
            else {
                REQUIRED.set(before);
            }
        }
    }

    /**
     * A transaction of a signed-in user's request that changed records committed: their next reads must see it. (The
     * audit entry of a read changes nothing they read: after it, their reads stay on the replica.)
     */
    @Override
    public void afterCommit(TransactionExecution transaction, @Nullable Throwable commitFailure) {
        if (commitFailure != null || !vn.khuyenhoc.shared.RecordChanges.changedRecords(transaction)) {
            return;
        }
        HttpSession session = currentSession();
        if (session == null) {
            return;
        }
        long position;
        try {
            position = primaryPosition();
        }
        catch (RuntimeException ex) { // committed all the same: the answer must not become an error page
            log.warn("Could not read the primary's WAL position after a write ({}); this user's next pages may "
                    + "not show it until the replica catches up", ex.getMessage());
            return;
        }
        synchronized (WebUtils.getSessionMutex(session)) {
            session.setAttribute(OWN_WRITE, max((Long) session.getAttribute(OWN_WRITE), position));
        }
    }

    /** The primary's WAL insert position: every transaction committed before this call ends at or before it. */
    long primaryPosition() {
        try (Connection connection = primary.getConnection();
                PreparedStatement statement = connection.prepareStatement(
                        "SELECT pg_current_wal_insert_lsn() - '0/0'::pg_lsn");
                ResultSet result = statement.executeQuery()) {
            result.next();
            return result.getLong(1);
        }
        catch (SQLException ex) {
            throw new CannotGetJdbcConnectionException("Could not read the primary's WAL position", ex);
        }
    }

    private Connection readOnlyConnection() throws SQLException {
        HttpSession session = currentSession();
        Long ownWrite = session == null ? null : (Long) session.getAttribute(OWN_WRITE);
        Long required = max(REQUIRED.get(), ownWrite);
        if (System.nanoTime() - replicaDownUntil < 0) {
            return onPrimary();
        }
        Connection connection;
        try {
            connection = replica.getConnection();
        }
        catch (SQLException ex) {
            replicaDownUntil = System.nanoTime() + RETRY_REPLICA_NANOS;
            log.warn("The replica cannot be reached ({}); reading from the primary for a few seconds", ex.getMessage());
            return onPrimary();
        }
        if (required == null) {
            return connection;
        }
        boolean replayed;
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT coalesce(pg_last_wal_replay_lsn() - '0/0'::pg_lsn >= ?, true)")) {
            statement.setLong(1, required);
            try (ResultSet result = statement.executeQuery()) {
                result.next();
                replayed = result.getBoolean(1);
            }
        }
        catch (SQLException ex) {
            connection.close();
            throw ex;
        }
        if (!replayed) {
            connection.close();
            return onPrimary();
        }
        if (ownWrite != null) {
            synchronized (WebUtils.getSessionMutex(session)) { // unless a newer write has been marked meanwhile
                if (ownWrite.equals(session.getAttribute(OWN_WRITE))) {
                    session.removeAttribute(OWN_WRITE);
                }
            }
        }
        return connection;
    }

    /** A primary connection for a read-only transaction (the pool resets the flag when it is given back). */
    private Connection onPrimary() throws SQLException {
        Connection connection = primary.getConnection();
        connection.setReadOnly(true);
        return connection;
    }

    private static @Nullable HttpSession currentSession() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
            try {
                return attributes.getRequest().getSession(false);
            }
            catch (IllegalStateException ex) { // the request has already ended
                return null;
            }
        }
        return null;
    }

    private static @Nullable Long max(@Nullable Long a, @Nullable Long b) {
        if (a == null) {
            return b;
        }
        return b == null || a >= b ? a : b;
    }

    private final class ReadOnlyDataSource extends AbstractDataSource {

        @Override
        public Connection getConnection() throws SQLException {
            return readOnlyConnection();
        }

        @Override
        public Connection getConnection(String username, String password) throws SQLException {
            throw new SQLException("The replica's credentials are configured, not passed per connection");
        }
    }
}
