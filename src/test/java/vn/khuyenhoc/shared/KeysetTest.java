package vn.khuyenhoc.shared;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.LongStream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The keyset paging every long list shares, over an in-memory list: links read leniently, the page before a row,
 * the first page for a row that is not in the list, and counts that say "more than" beyond the cap.
 */
class KeysetTest {

    /** A list of ids 1..n in ascending order, read as the SQL of a list would read it. */
    private static Keyset.Rows<Long> rows(long n) {
        return (from, backwards, limit) -> {
            long at = from == null ? (backwards ? n + 1 : 0) : (Long) from.get(0);
            List<Long> found = new ArrayList<>();
            for (long id = backwards ? at - 1 : at + 1; id >= 1 && id <= n && found.size() < limit; id += backwards ? -1 : 1) {
                found.add(id);
            }
            return found;
        };
    }

    private static KeysetPage<Long> page(Keyset.Cursor cursor, long n) {
        return Keyset.page(cursor, id -> id >= 1 && id <= n ? Optional.of(List.<Object>of(id)) : Optional.empty(),
                rows(n), 10, Long::longValue);
    }

    @Test
    void linksAreReadLeniently() {
        assertThat(Keyset.Cursor.read("12", null)).isEqualTo(new Keyset.Cursor(12L, null));
        assertThat(Keyset.Cursor.read(" 12 ", "5")).isEqualTo(new Keyset.Cursor(12L, null));
        assertThat(Keyset.Cursor.read("x", "5")).isEqualTo(new Keyset.Cursor(null, 5L));
        for (String bad : new String[] {"abc", "-1", "1e3", "99999999999999999999", "", " ", "1;DROP"}) {
            assertThat(Keyset.Cursor.read(bad, bad).present()).as(bad).isFalse();
        }
    }

    @Test
    void pagesGoForwardAndBackFromARow() {
        KeysetPage<Long> first = page(Keyset.Cursor.none(), 25);
        assertThat(first.rows()).containsExactlyElementsOf(LongStream.rangeClosed(1, 10).boxed().toList());
        assertThat(first.hasPrevious()).isFalse();
        assertThat(first.hasNext()).isTrue();
        KeysetPage<Long> third = page(new Keyset.Cursor(20L, null), 25);
        assertThat(third.rows()).containsExactly(21L, 22L, 23L, 24L, 25L);
        assertThat(third.hasNext()).isFalse();
        assertThat(third.hasPrevious()).isTrue();
        KeysetPage<Long> second = page(new Keyset.Cursor(null, 21L), 25);
        assertThat(second.rows()).containsExactlyElementsOf(LongStream.rangeClosed(11, 20).boxed().toList());
        assertThat(second.firstId()).isEqualTo(11L);
        assertThat(second.lastId()).isEqualTo(20L);
        // less than a page before the row: the whole first page
        KeysetPage<Long> back = page(new Keyset.Cursor(null, 4L), 25);
        assertThat(back.rows()).containsExactlyElementsOf(first.rows());
        assertThat(back.hasPrevious()).isFalse();
        // a row not in the list: the first page, marked
        KeysetPage<Long> tampered = page(new Keyset.Cursor(999L, null), 25);
        assertThat(tampered.rows()).containsExactlyElementsOf(first.rows());
        assertThat(tampered.restarted()).isTrue();
    }

    @Test
    void countsAreExactOrSayMoreThanTheCap() {
        KeysetPage<Long> paged = page(Keyset.Cursor.none(), 25);
        assertThat(paged.countedUpTo(() -> 25).total()).isEqualTo(25);
        KeysetPage<Long> many = paged.countedUpTo(() -> Keyset.COUNT_LIMIT + 1);
        assertThat(many.total()).isEqualTo(Keyset.COUNT_LIMIT);
        assertThat(many.totalCapped()).isTrue();
        assertThat(paged.counted(() -> 50_000).totalCapped()).isFalse();
        // the whole list on one page is its own count: nothing is asked
        KeysetPage<Long> whole = page(Keyset.Cursor.none(), 7);
        assertThat(whole.countedUpTo(() -> {
            throw new AssertionError("counted");
        }).total()).isEqualTo(7);
    }
}
