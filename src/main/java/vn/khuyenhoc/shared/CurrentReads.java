package vn.khuyenhoc.shared;

import java.util.function.Supplier;

/**
 * Runs a read so that it sees every change committed before it began, wherever read-only work is sent. With a
 * streaming replica ({@code system/ReplicaRoutingConfiguration}) read-only transactions go to the replica, which
 * replays the primary's changes a little later: what is then kept as current (the dashboards' cache) must not be
 * read from a replica that is still behind. Without a replica the read simply runs.
 */
public interface CurrentReads {

    /** No replica: every read already sees every committed change. */
    CurrentReads DIRECT = new CurrentReads() {
        @Override
        public <T> T current(Supplier<T> read) {
            return read.get();
        }
    };

    /**
     * The read, made on a database that has every change committed before this call (the replica once it has
     * replayed them, else the primary). Its transaction must begin inside {@code read}.
     */
    <T> T current(Supplier<T> read);
}
