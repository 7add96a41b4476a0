package vn.khuyenhoc.shared;

import java.sql.SQLException;
import java.util.function.Supplier;

import org.springframework.dao.DataAccessException;

/**
 * The one translator of the database's own refusals into rule violations. What must never happen is refused by the
 * database itself (a trigger raising a custom SQLSTATE, whoever connects); a service checks the same rules first for
 * a clear message, and wraps its write in {@link #translating} so that a refusal that slips past those checks (a
 * year closed between the check and the write) reads as the same field message instead of a 500.
 *
 * <ul>
 * <li>{@code KH001} a closed year ({@code require_open_year}): {@code year.closed} on the date field;</li>
 * <li>{@code KH201} a disbursement beyond the fund's balance: {@code fund.amount.insufficient};</li>
 * <li>{@code KH202}, {@code KH203} a second reversal, or a reversal of a reversal: {@code fund.reverse.refused}.</li>
 * </ul>
 */
public final class DatabaseRefusals {

    private DatabaseRefusals() {
    }

    /**
     * Runs a write; a refusal by the database becomes a {@link RuleViolationException}.
     *
     * @param dateField the form field a closed year's refusal is shown next to (null: the form as a whole)
     */
    public static <T> T translating(String dateField, Supplier<T> write) {
        try {
            return write.get();
        }
        catch (DataAccessException ex) {
            RuleViolationException violation = translate(ex, dateField);
            if (violation != null) {
                throw violation;
            }
            throw ex;
        }
    }

    /** The violation a database refusal stands for, or null when the exception is no such refusal. */
    public static RuleViolationException translate(Throwable ex, String dateField) {
        String state = sqlState(ex);
        if (state == null) {
            return null;
        }
        return switch (state) {
            case "KH001" -> RuleViolationException.of(dateField, "year.closed");
            case "KH201" -> RuleViolationException.of(null, "fund.amount.insufficient");
            case "KH202", "KH203" -> RuleViolationException.of(null, "fund.reverse.refused");
            default -> null;
        };
    }

    /** Whether the database refused the write because its year is closed. */
    public static boolean isClosedYear(Throwable ex) {
        return "KH001".equals(sqlState(ex));
    }

    private static String sqlState(Throwable ex) {
        for (Throwable t = ex; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("KH")) {
                return sql.getSQLState();
            }
        }
        return null;
    }
}
