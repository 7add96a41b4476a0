package vn.khuyenhoc.shares;

import java.util.EnumMap;
import java.util.Map;
import java.util.function.Function;

import vn.khuyenhoc.rollup.ShareKind;
import vn.khuyenhoc.shared.RuleViolationException;

/**
 * What the denominators form and the targets form share: a year and one typed text per {@link ShareKind}, read at
 * once, every bad field refused together (the year and each share's field by its own name). The forms differ only
 * in how a text is read (a count, a percent) and in their fields' names.
 */
record YearAndShares<T>(int year, Map<ShareKind, T> values) {

    /** Reads one share's text; blank is null. */
    interface Reader<T> {
        T read(String text) throws Numbers.BadNumber;
    }

    /**
     * @param texts       the typed text of each share
     * @param fieldNames  the form field of each share, which a refusal names
     * @param messageArgs the arguments of every share's refusal message (such as the largest count)
     * @throws RuleViolationException with every bad field
     */
    static <T> YearAndShares<T> read(String year, Function<ShareKind, String> texts, Reader<T> reader,
            Function<ShareKind, String> fieldNames, Object... messageArgs) {
        RuleViolationException.Collector refusals = new RuleViolationException.Collector();
        int y = 0;
        try {
            y = Numbers.year(year);
        }
        catch (Numbers.BadNumber ex) {
            refusals.add("year", ex.code);
        }
        Map<ShareKind, T> values = new EnumMap<>(ShareKind.class);
        for (ShareKind kind : ShareKind.values()) {
            try {
                values.put(kind, reader.read(texts.apply(kind)));
            }
            catch (Numbers.BadNumber ex) {
                refusals.add(fieldNames.apply(kind), ex.code, messageArgs);
            }
        }
        refusals.throwIfAny();
        return new YearAndShares<>(y, values);
    }
}
