package vn.khuyenhoc.shared;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.ToLongFunction;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * Keyset paging (issue 18), the shape the member list and the audit log set and the other long lists follow: the
 * page after (or before) a row is the next rows in the list's order from that row's own keys, one row comparison
 * {@code (a, b, id) > (:k0, :k1, :k2)} that an index serves, never an OFFSET that sorts and skips everything before
 * the page. A link carries the id of the row it goes on from ({@code ?after=} for the next page, {@code ?before=} for
 * the previous one); the row's keys are read back only when it is in the list's scope, so a row of another unit
 * (a tampered link) never serves as a position, and the list starts again from its beginning.
 */
public final class Keyset {

    /** Rows counted at most where a list's count is not kept by the roll-ups (beyond it, "more than …"). */
    public static final int COUNT_LIMIT = 10_000;

    private Keyset() {
    }

    /**
     * What a page link asks for, read leniently from the query string: a value that is not a plausible id (not a
     * number, negative, too long) is no cursor at all, so a hand-edited link shows the first page, never an error.
     *
     * @param after  the id of the last row of the page before (the "next page" link)
     * @param before the id of the first row of the page after (the "previous page" link), when no {@code after}
     */
    public record Cursor(Long after, Long before) {

        public static Cursor read(String after, String before) {
            Long next = id(after);
            return new Cursor(next, next == null ? id(before) : null);
        }

        public static Cursor none() {
            return new Cursor(null, null);
        }

        /** The row the page goes on from, if any. */
        public Long id() {
            return after != null ? after : before;
        }

        /** Whether the page ends before the row (a "previous page" link) rather than starting after it. */
        public boolean backwards() {
            return after == null && before != null;
        }

        public boolean present() {
            return id() != null;
        }

        private static Long id(String value) {
            if (value == null || !value.strip().matches("\\d{1,18}")) {
                return null;
            }
            return Long.valueOf(value.strip());
        }
    }

    /**
     * A list's order: key expressions ending in a unique one, all ascending or all descending, so that "after this
     * row" is one row comparison. The expressions are fixed SQL of the caller, never user input; a row's keys are
     * bound as {@code :k0}, {@code :k1}, …
     */
    public record Order(List<String> keys, boolean ascending) {

        public static Order ascending(String... keys) {
            return new Order(List.of(keys), true);
        }

        public static Order descending(String... keys) {
            return new Order(List.of(keys), false);
        }

        /** The keys as the columns of a SELECT, named k0, k1, … (to read a row's position). */
        public String columns() {
            return IntStream.range(0, keys.size()).mapToObj(i -> keys.get(i) + " AS k" + i)
                    .collect(Collectors.joining(", "));
        }

        /** The rows after a position in this order (or before it, {@code backwards}). */
        public String after(boolean backwards) {
            String op = ascending != backwards ? " > " : " < ";
            String position = IntStream.range(0, keys.size()).mapToObj(i -> ":k" + i).collect(Collectors.joining(", "));
            return "(" + String.join(", ", keys) + ")" + op + "(" + position + ")";
        }

        /** The ORDER BY list of this order (or of its reverse, to read the rows before a position). */
        public String orderBy(boolean backwards) {
            String direction = ascending != backwards ? " ASC" : " DESC";
            return String.join(direction + ", ", keys) + direction;
        }

        /** A row's keys, read from a SELECT of {@link #columns()}. */
        public List<Object> read(ResultSet rs) throws SQLException {
            List<Object> position = new ArrayList<>();
            for (int i = 0; i < keys.size(); i++) {
                position.add(rs.getObject("k" + i));
            }
            return position;
        }

        /** A position's keys as the parameters of {@link #after}. */
        public Map<String, Object> params(List<Object> position) {
            Map<String, Object> params = new HashMap<>();
            for (int i = 0; i < position.size(); i++) {
                params.put("k" + i, position.get(i));
            }
            return params;
        }
    }

    /** Reads at most {@code limit} rows of a list from a position (null: from its start), forwards or backwards. */
    @FunctionalInterface
    public interface Rows<T> {
        List<T> read(List<Object> from, boolean backwards, int limit);
    }

    /**
     * The page a cursor asks for. {@code position} gives the keys of a row of the list's scope (empty for any other
     * id); {@code rows} reads the list. A "previous page" with less than a page before it is the first page, whole.
     * The page's count is left to the caller ({@link KeysetPage#counted}, {@link KeysetPage#countedUpTo}).
     */
    public static <T> KeysetPage<T> page(Cursor cursor, Function<Long, Optional<List<Object>>> position, Rows<T> rows,
            int size, ToLongFunction<T> id) {
        List<Object> from = cursor.present() ? position.apply(cursor.id()).orElse(null) : null;
        boolean restarted = cursor.present() && from == null;
        if (from != null && cursor.backwards()) {
            List<T> before = rows.read(from, true, size + 1);
            if (before.size() > size) {
                List<T> shown = new ArrayList<>(before.subList(0, size));
                Collections.reverse(shown);
                return of(shown, true, true, false, id);
            }
            from = null; // less than a page before that row: the start of the list
        }
        List<T> found = rows.read(from, false, size + 1);
        boolean hasNext = found.size() > size;
        return of(hasNext ? List.copyOf(found.subList(0, size)) : found, from != null, hasNext, restarted, id);
    }

    private static <T> KeysetPage<T> of(List<T> rows, boolean hasPrevious, boolean hasNext, boolean restarted,
            ToLongFunction<T> id) {
        Long first = rows.isEmpty() ? null : id.applyAsLong(rows.get(0));
        Long last = rows.isEmpty() ? null : id.applyAsLong(rows.get(rows.size() - 1));
        return new KeysetPage<>(rows, hasPrevious, hasNext, restarted, first, last, rows.size(), false);
    }
}
