package vn.khuyenhoc.shares;

import java.math.BigDecimal;
import java.util.regex.Pattern;

/**
 * Counts and percentages typed the way people type them here: "412.000", "412 000" or "412000"; "70", "70,5" or
 * "70.5". Read as text, so that "abc", "1e400" or twenty nines get a message beside their field, never an error page.
 */
final class Numbers {

    /** The largest count a denominator may have (a province has a few million households, the country 30 million). */
    static final long MAX_COUNT = 100_000_000L;

    private static final Pattern COUNT = Pattern.compile("[0-9]{1,3}([. ]?[0-9]{3}){0,4}");
    private static final Pattern PERCENT = Pattern.compile("[0-9]{1,3}([.,][0-9])?");

    private Numbers() {
    }

    /** Thrown when a text is not what was asked for; {@code code} is the message to show. */
    static final class BadNumber extends Exception {
        final String code;

        BadNumber(String code) {
            super(code, null, false, false);
            this.code = code;
        }
    }

    /** A count from 0 to {@link #MAX_COUNT}; null when blank. */
    static Long count(String text) throws BadNumber {
        if (text == null || text.isBlank()) {
            return null;
        }
        String t = text.strip().replace('\u00a0', ' ');
        if (t.endsWith(".0")) { // a spreadsheet's number cell read as text
            t = t.substring(0, t.length() - 2);
        }
        if (t.startsWith("-")) {
            throw new BadNumber("shares.number.negative");
        }
        if (!COUNT.matcher(t).matches()) {
            throw new BadNumber("shares.number.invalid");
        }
        long value = Long.parseLong(t.replace(".", "").replace(" ", ""));
        if (value > MAX_COUNT) {
            throw new BadNumber("shares.number.tooLarge");
        }
        return value;
    }

    /** A percentage from 0 to 100 with at most one decimal; null when blank. */
    static BigDecimal percent(String text) throws BadNumber {
        if (text == null || text.isBlank()) {
            return null;
        }
        String t = text.strip();
        if (t.endsWith("%")) {
            t = t.substring(0, t.length() - 1).strip();
        }
        if (t.startsWith("-")) {
            throw new BadNumber("shares.percent.range");
        }
        if (!PERCENT.matcher(t).matches()) {
            throw new BadNumber("shares.percent.invalid");
        }
        BigDecimal value = new BigDecimal(t.replace(',', '.'));
        if (value.compareTo(BigDecimal.valueOf(100)) > 0) {
            throw new BadNumber("shares.percent.range");
        }
        return value;
    }

    /** A year between 1990 and 2100. */
    static int year(String text) throws BadNumber {
        if (text == null || text.isBlank()) {
            throw new BadNumber("shares.year.required");
        }
        String t = text.strip();
        if (!t.matches("[0-9]{4}")) {
            throw new BadNumber("shares.year.range");
        }
        int year = Integer.parseInt(t);
        if (year < 1990 || year > 2100) {
            throw new BadNumber("shares.year.range");
        }
        return year;
    }
}
