package vn.khuyenhoc.shared;

import java.util.List;
import java.util.function.LongSupplier;

/**
 * A page of a list paged by keyset ({@link Keyset}): the links to the next and previous pages carry the id of the
 * last (first) row shown, never a page number. The number of rows of the list is exact when {@code totalCapped} is
 * false; otherwise the list holds more than {@code total} rows and the page says so in words, as the member list does.
 *
 * @param hasPrevious there are rows before these (the page has a "previous" and a "first page" link)
 * @param hasNext     there are rows after these
 * @param restarted   the link named a row that is not in this list (tampered with, or gone): this is the first page
 * @param firstId     the id the "previous page" link carries (the first row shown), null on an empty page
 * @param lastId      the id the "next page" link carries (the last row shown), null on an empty page
 */
public record KeysetPage<T>(List<T> rows, boolean hasPrevious, boolean hasNext, boolean restarted, Long firstId,
        Long lastId, long total, boolean totalCapped) {

    /** Whether the whole list is on this page (then its rows are its count, whatever the list). */
    public boolean whole() {
        return !hasPrevious && !hasNext;
    }

    /** Whether the page has links to other pages. */
    public boolean paged() {
        return hasPrevious || hasNext;
    }

    /** This page with the list's exact count (from the roll-ups, or counted where that is cheap). */
    public KeysetPage<T> counted(LongSupplier exact) {
        return withTotal(whole() ? rows.size() : exact.getAsLong(), false);
    }

    /**
     * This page with the list's count read up to a cap: {@code upToCap} counts at most {@link Keyset#COUNT_LIMIT} + 1
     * rows (a {@code LIMIT} in its SQL), and a list longer than the cap is "more than" the cap.
     */
    public KeysetPage<T> countedUpTo(LongSupplier upToCap) {
        if (whole()) {
            return withTotal(rows.size(), false);
        }
        long found = upToCap.getAsLong();
        return withTotal(Math.min(found, Keyset.COUNT_LIMIT), found > Keyset.COUNT_LIMIT);
    }

    private KeysetPage<T> withTotal(long count, boolean capped) {
        return new KeysetPage<>(rows, hasPrevious, hasNext, restarted, firstId, lastId, count, capped);
    }
}
