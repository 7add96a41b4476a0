package vn.khuyenhoc.closing;

import java.util.Set;
import java.util.TreeSet;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.khuyenhoc.shared.RuleViolationException;

/**
 * What every feature asks before writing records dated in a year: is that year closed? The one place that reads
 * {@code closed_year} for the others (features never query the table themselves), and where the report cycle's
 * locks are to be asked too. The database refuses the same writes ({@code require_open_year}, SQLSTATE KH001),
 * whoever connects; this service gives the clear message next to the date field first.
 */
@Service
@Transactional(readOnly = true)
public class ClosedYears {

    private final JdbcClient jdbc;

    ClosedYears(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public boolean isClosed(int year) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM closed_year WHERE year = :year)").param("year", year)
                .query(Boolean.class).single();
    }

    /** Every closed year, for a check of many records at once (a roster import). */
    public Set<Integer> all() {
        return new TreeSet<>(jdbc.sql("SELECT year FROM closed_year").query(Integer.class).list());
    }

    /**
     * @param field the form field the refusal is shown next to (null: the form as a whole)
     * @throws RuleViolationException {@code year.closed} on {@code field} when the year is closed
     */
    public void requireOpen(int year, String field) {
        if (isClosed(year)) {
            throw RuleViolationException.of(field, "year.closed");
        }
    }
}
