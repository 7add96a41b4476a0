package vn.khuyenhoc.centre;

import java.sql.SQLException;
import java.util.function.Supplier;

import org.springframework.dao.DataAccessException;
import org.springframework.dao.DuplicateKeyException;

import vn.khuyenhoc.shared.RuleViolationException;

/**
 * The database's own refusals of a centre's records (R__centres.sql), should one get past the service's checks (a
 * year closed a moment ago, a concurrent change), as the same field messages: KH001 a closed year, KH452 a year
 * outside the centre's life, a second centre of the same name in the commune.
 */
final class DatabaseRefusals {

    private DatabaseRefusals() {
    }

    static <T> T map(String yearField, Supplier<T> write) {
        try {
            return write.get();
        }
        catch (DuplicateKeyException ex) {
            throw RuleViolationException.of("name", "centre.name.taken");
        }
        catch (DataAccessException ex) {
            String state = ex.getMostSpecificCause() instanceof SQLException sql ? sql.getSQLState() : null;
            if ("KH001".equals(state)) {
                throw RuleViolationException.of(yearField, "year.closed");
            }
            if ("KH452".equals(state)) {
                throw RuleViolationException.of(yearField, "centre.year.outsideLife.db");
            }
            throw ex;
        }
    }
}
