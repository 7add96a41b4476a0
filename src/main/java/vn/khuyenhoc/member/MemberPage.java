package vn.khuyenhoc.member;

import java.util.List;

/**
 * A page of a member list, paged by keyset: the links to the next and previous pages carry the id of the last (first)
 * member shown, never a page number, so that a page deep in the country's list costs what the first one does.
 * The number of members matching the filter is exact when {@code totalCapped} is false (from the roll-ups, or counted
 * in a small subtree); otherwise the list holds more than {@code total} of them and the page says so in words.
 *
 * @param sort      the order actually used (a name search over a province or the country goes by name, not relevance)
 * @param restarted the link named a member that is not in this list (tampered with, or gone): this is the first page
 */
public record MemberPage(List<MemberRow> rows, String sort, boolean hasPrevious, boolean hasNext, long total,
        boolean totalCapped, boolean restarted) {

    /** The id the "previous page" link carries: the first member shown. */
    public long firstId() {
        return rows.get(0).id();
    }

    /** The id the "next page" link carries: the last member shown. */
    public long lastId() {
        return rows.get(rows.size() - 1).id();
    }
}
