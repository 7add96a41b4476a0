package vn.khuyenhoc.member;

import java.util.List;

/**
 * A page of a member list, with the number of members matching the filter, counted up to {@code countLimit}
 * (beyond it the page says "more than …" rather than count millions of rows on every view).
 */
public record MemberPage(List<MemberRow> rows, int page, int pageSize, boolean hasNext, long total,
        boolean totalCapped) {

    public boolean hasPrevious() {
        return page > 0;
    }

    /** Number of pages, when the total is known exactly. */
    public long pages() {
        return Math.max(1, (total + pageSize - 1) / pageSize);
    }
}
