package vn.khuyenhoc.registration;

import java.util.List;

/**
 * The learning-title figures of a node and year: for each kind, how many registered and how many were recognised.
 * <ul>
 * <li><b>registered</b> = registrations of the year whose status is not WITHDRAWN: REGISTERED, RECOGNISED and
 * NOT_RECOGNISED all count (a registration evaluated either way was still registered);</li>
 * <li><b>recognised</b> = registrations of the year whose status is RECOGNISED.</li>
 * </ul>
 * Of a grassroots unit: what it registered itself. Of a commune: its whole subtree (its own clans and learning
 * units plus everything its grassroots units registered). These are the numbers the dashboards roll up.
 *
 * @param kinds one line per kind the node's level has, in report order (zeros included)
 */
public record TitleCounts(long nodeId, int year, List<KindCount> kinds) {

    public long totalRegistered() {
        return kinds.stream().mapToLong(KindCount::registered).sum();
    }

    public long totalRecognised() {
        return kinds.stream().mapToLong(KindCount::recognised).sum();
    }

    public KindCount of(TitleKind kind) {
        return kinds.stream().filter(k -> k.kind() == kind).findFirst().orElse(new KindCount(kind, 0, 0));
    }

    public record KindCount(TitleKind kind, long registered, long recognised) {
    }
}
