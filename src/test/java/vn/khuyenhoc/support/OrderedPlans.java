package vn.khuyenhoc.support;

import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The plan PostgreSQL gives a list's query when nothing but an index in the list's order can serve it: with sorting
 * (incremental too), sequential scans and bitmap scans switched off for the one transaction, a plan still without a
 * "Sort" reads the rows in order from the index it names. The keyset tests ask it that a page is one range of an
 * index, never the whole subtree sorted.
 */
@Component
public class OrderedPlans {

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;

    OrderedPlans(JdbcClient jdbc, TransactionTemplate transactions) {
        this.jdbc = jdbc;
        this.transactions = transactions;
    }

    /** The text of {@code EXPLAIN} of the query (with its named parameters), one line per plan node. */
    public String of(String query, Map<String, ?> params) {
        return transactions.execute(s -> {
            jdbc.sql("SET LOCAL enable_sort = off").update();
            jdbc.sql("SET LOCAL enable_incremental_sort = off").update();
            jdbc.sql("SET LOCAL enable_seqscan = off").update();
            jdbc.sql("SET LOCAL enable_bitmapscan = off").update();
            return String.join("\n", jdbc.sql("EXPLAIN " + query).params(params).query(String.class).list());
        });
    }

    /** {@link #of(String, Map)} for a query without parameters. */
    public String of(String query) {
        return of(query, Map.of());
    }
}
