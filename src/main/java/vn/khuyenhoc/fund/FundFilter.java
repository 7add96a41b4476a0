package vn.khuyenhoc.fund;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;

import vn.khuyenhoc.shared.Keyset;

/**
 * The fund page's query: a year and, within it, optional direction, category and date range, and where the page of
 * entries goes on from (keyset paging, {@link Keyset}). Read leniently from the query string: a value that does not
 * read (a made-up category, a garbled date, an entry id that is not a number) is not applied.
 */
public record FundFilter(Integer year, FundDirection direction, FundCategory category, LocalDate from, LocalDate to,
        Keyset.Cursor cursor) {

    public FundFilter {
        cursor = cursor == null ? Keyset.Cursor.none() : cursor;
    }

    private static final DateTimeFormatter DMY = DateTimeFormatter.ofPattern("d/M/uuuu").withResolverStyle(ResolverStyle.STRICT);

    static FundFilter read(String year, String direction, String category, String from, String to, String after,
            String before) {
        return new FundFilter(number(year), constant(FundDirection.class, direction), constant(FundCategory.class, category),
                date(from), date(to), Keyset.Cursor.read(after, before));
    }

    /** Whether a date range narrows the list (then its count is read; otherwise it is in the year's totals). */
    boolean hasDates() {
        return from != null || to != null;
    }

    /** Whether an entry of this category is in the list, by direction and category (not by date). */
    boolean admits(FundCategory c) {
        return (direction == null || c.direction() == direction) && (category == null || c == category);
    }

    /** True when something beyond the year narrows the list. */
    public boolean narrows() {
        return direction != null || category != null || from != null || to != null;
    }

    private static Integer number(String s) {
        try {
            return s == null || s.isBlank() ? null : Integer.valueOf(s.strip());
        }
        catch (NumberFormatException ex) {
            return null;
        }
    }

    private static <E extends Enum<E>> E constant(Class<E> type, String s) {
        try {
            return s == null || s.isBlank() ? null : Enum.valueOf(type, s.strip());
        }
        catch (IllegalArgumentException ex) {
            return null;
        }
    }

    private static LocalDate date(String s) {
        if (s == null || s.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(s.strip());
        }
        catch (DateTimeParseException iso) {
            try {
                return LocalDate.parse(s.strip(), DMY);
            }
            catch (DateTimeParseException dmy) {
                return null;
            }
        }
    }
}
