package vn.khuyenhoc.fund;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import vn.khuyenhoc.shared.Keyset;
import vn.khuyenhoc.shared.KeysetPage;

/**
 * The SQL of the ledger. It can append an entry and read entries, and nothing else: there is no update and no
 * delete here (nor anywhere), and the database refuses both whoever asks. The database also places each entry,
 * numbers its voucher and links it into the fund's hash chain ({@code fund_entry_before_insert}).
 */
@Repository
class FundLedger {

    private static final String SELECT_ENTRY = """
            SELECT e.id, e.node_id, e.year, e.entry_date, e.direction, e.category, e.amount, e.counterparty,
                   e.people_reached, e.voucher_number, e.note, e.reverses_entry_id, o.voucher_number AS reverses_voucher,
                   r.id AS reversed_by_id, r.voucher_number AS reversed_by_voucher, e.recorded_by,
                   u.full_name AS recorded_by_name, e.recorded_at, e.entry_hash, e.centre_id, lc.name AS centre_name
            FROM fund_entry e
            LEFT JOIN learning_centre lc ON lc.id = e.centre_id
            LEFT JOIN fund_entry o ON o.id = e.reverses_entry_id
            LEFT JOIN fund_entry r ON r.reverses_entry_id = e.id
            LEFT JOIN app_user u ON u.id = e.recorded_by_id
            """;

    private final JdbcClient jdbc;

    FundLedger(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Opens the node's fund if it has none yet and locks it until the transaction ends: entries of one fund are
     * written one after the other, so the balance checked is the balance the entry lands on.
     */
    void lock(long nodeId) {
        if (lockRow(nodeId)) {
            return;
        }
        // the fund's first entry opens it; of two first entries at once, the second waits here for the first
        jdbc.sql("INSERT INTO fund (node_id) VALUES (:node) ON CONFLICT (node_id) DO NOTHING").param("node", nodeId)
                .update();
        if (!lockRow(nodeId)) {
            throw new IllegalStateException("fund " + nodeId + " could not be opened");
        }
    }

    private boolean lockRow(long nodeId) {
        return jdbc.sql("SELECT node_id FROM fund WHERE node_id = :node FOR UPDATE").param("node", nodeId)
                .query(Long.class).optional().isPresent();
    }

    /** What the fund can pay out on that date without going below zero then or on any later day. */
    long available(long nodeId, LocalDate date) {
        return jdbc.sql("SELECT fund_available(:node, :date)").param("node", nodeId).param("date", date)
                .query(Long.class).single();
    }

    /** Appends an entry; the database fills in its place, year, voucher number, time and hash. */
    long append(long nodeId, LocalDate date, FundDirection direction, FundCategory category, long amount,
            String counterparty, Integer peopleReached, String note, Long reversesEntryId, Long recordedById,
            String recordedBy, Long centreId) {
        return jdbc.sql("""
                INSERT INTO fund_entry (node_id, entry_date, direction, category, amount, counterparty, people_reached,
                                        note, reverses_entry_id, recorded_by_id, recorded_by, centre_id)
                VALUES (:node, :date, :direction, :category, :amount, :counterparty, :people, :note, :reverses,
                        :recordedById, :recordedBy, :centre)
                RETURNING id
                """)
                .param("node", nodeId).param("date", date).param("direction", direction.name())
                .param("category", category.name()).param("amount", amount).param("counterparty", counterparty)
                .param("people", peopleReached).param("note", note).param("reverses", reversesEntryId)
                .param("recordedById", recordedById).param("recordedBy", recordedBy).param("centre", centreId)
                .query(Long.class).single();
    }

    Optional<FundEntryView> find(long entryId) {
        return jdbc.sql(SELECT_ENTRY + " WHERE e.id = :id").param("id", entryId).query(FundLedger::entry).optional();
    }

    /**
     * A page of a fund's entries of a year, newest first, narrowed by the filter, paged by keyset: the page after an
     * entry is the next rows of fund_entry_node_date_idx (node_id, entry_date, id) backwards from that entry's date
     * and id, whatever the page, instead of an OFFSET that reads and skips every newer entry. The year is also
     * written as its dates (the same rows: fund_entry_year) so that the index range ends with the year. An entry
     * of another fund or year named by a link gives the first page.
     */
    KeysetPage<FundEntryView> entries(long nodeId, int year, FundFilter filter, int size) {
        Map<String, Object> params = filterParams(nodeId, year, filter);
        return Keyset.page(filter.cursor(),
                id -> jdbc.sql("SELECT " + ENTRY_ORDER.columns()
                                + " FROM fund_entry e WHERE e.id = :cursor AND e.node_id = :node AND e.year = :year")
                        .param("cursor", id).param("node", nodeId).param("year", year)
                        .query((rs, n) -> ENTRY_ORDER.read(rs)).optional(),
                (from, backwards, limit) -> jdbc.sql(SELECT_ENTRY + " WHERE e.node_id = :node AND e.year = :year"
                                + YEAR_DATES + FILTER + (from == null ? "" : " AND " + ENTRY_ORDER.after(backwards))
                                + " ORDER BY " + ENTRY_ORDER.orderBy(backwards) + " LIMIT :limit")
                        .params(params).params(from == null ? Map.of() : ENTRY_ORDER.params(from)).param("limit", limit)
                        .query(FundLedger::entry).list(),
                size, FundEntryView::id);
    }

    /** The entries of a fund's year the filter keeps, counted up to {@link Keyset#COUNT_LIMIT} + 1. */
    long countUpToCap(long nodeId, int year, FundFilter filter) {
        return jdbc.sql("SELECT count(*) FROM (SELECT 1 FROM fund_entry e WHERE e.node_id = :node AND e.year = :year"
                        + YEAR_DATES + FILTER + " LIMIT :cap) c")
                .params(filterParams(nodeId, year, filter)).param("cap", Keyset.COUNT_LIMIT + 1)
                .query(Long.class).single();
    }

    private static final Keyset.Order ENTRY_ORDER = Keyset.Order.descending("e.entry_date", "e.id");

    private static final String YEAR_DATES = " AND e.entry_date BETWEEN make_date(:year, 1, 1) AND make_date(:year, 12, 31)";

    private static final String FILTER = """
             AND (CAST(:direction AS varchar) IS NULL OR e.direction = :direction)
             AND (CAST(:category AS varchar) IS NULL OR e.category = :category)
             AND (CAST(:from AS date) IS NULL OR e.entry_date >= :from)
             AND (CAST(:to AS date) IS NULL OR e.entry_date <= :to)
            """;

    private static Map<String, Object> filterParams(long nodeId, int year, FundFilter filter) {
        Map<String, Object> params = new HashMap<>();
        params.put("node", nodeId);
        params.put("year", year);
        params.put("direction", filter.direction() == null ? null : filter.direction().name());
        params.put("category", filter.category() == null ? null : filter.category().name());
        params.put("from", filter.from());
        params.put("to", filter.to());
        return params;
    }

    /** A fund's year by category: the sums of amounts (reversals subtract) and of people reached, and entries. */
    List<CategoryTotal> totals(long nodeId, int year) {
        return jdbc.sql("""
                SELECT category, sum(amount), coalesce(sum(people_reached), 0), count(*)
                FROM fund_entry WHERE node_id = :node AND year = :year GROUP BY category
                """)
                .param("node", nodeId).param("year", year)
                .query((rs, n) -> new CategoryTotal(FundCategory.valueOf(rs.getString(1)), rs.getLong(2), rs.getLong(3),
                        rs.getLong(4)))
                .list();
    }

    /** The balance at the end of the day before {@code date}. */
    long balanceBefore(long nodeId, LocalDate date) {
        return jdbc.sql("SELECT coalesce(sum(balance_effect), 0) FROM fund_entry WHERE node_id = :node AND entry_date < :date")
                .param("node", nodeId).param("date", date).query(Long.class).single();
    }

    /** The balance now: every entry ever written. */
    long balance(long nodeId) {
        return jdbc.sql("SELECT coalesce(sum(balance_effect), 0) FROM fund_entry WHERE node_id = :node")
                .param("node", nodeId).query(Long.class).single();
    }

    /** The year of the fund's first entry, or 0 when it has none. */
    int firstYear(long nodeId) {
        return jdbc.sql("SELECT coalesce(min(year), 0) FROM fund_entry WHERE node_id = :node").param("node", nodeId)
                .query(Integer.class).single();
    }

    /** The voucher number the next entry of this direction and year will get, if nobody records one first. */
    String nextVoucher(long nodeId, int year, FundDirection direction) {
        int last = jdbc.sql("""
                SELECT coalesce(max(last_number), 0) FROM fund_voucher_counter
                WHERE node_id = :node AND year = :year AND direction = :direction
                """)
                .param("node", nodeId).param("year", year).param("direction", direction.name())
                .query(Integer.class).single();
        return direction.voucherPrefix() + "-" + year + "-" + String.format("%04d", last + 1);
    }

    /** The database's recomputation of the fund's hash chain. */
    FundChainCheck verify(long nodeId) {
        return jdbc.sql("SELECT entries, first_broken FROM fund_verify(:node)").param("node", nodeId)
                .query((rs, n) -> new FundChainCheck(rs.getLong(1), rs.getObject(2, Long.class))).single();
    }

    private static FundEntryView entry(ResultSet rs, int row) throws SQLException {
        return new FundEntryView(rs.getLong("id"), rs.getLong("node_id"), rs.getInt("year"),
                rs.getObject("entry_date", LocalDate.class), FundDirection.valueOf(rs.getString("direction")),
                FundCategory.valueOf(rs.getString("category")), rs.getLong("amount"), rs.getString("counterparty"),
                rs.getObject("people_reached", Integer.class), rs.getString("voucher_number"), rs.getString("note"),
                rs.getObject("reverses_entry_id", Long.class), rs.getString("reverses_voucher"),
                rs.getObject("reversed_by_id", Long.class), rs.getString("reversed_by_voucher"),
                rs.getString("recorded_by"), rs.getString("recorded_by_name"),
                rs.getObject("recorded_at", OffsetDateTime.class), rs.getBytes("entry_hash"),
                rs.getObject("centre_id", Long.class), rs.getString("centre_name"));
    }

    /** One category's figures for a year. */
    record CategoryTotal(FundCategory category, long amount, long people, long entries) {
    }
}
