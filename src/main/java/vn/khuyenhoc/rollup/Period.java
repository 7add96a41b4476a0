package vn.khuyenhoc.rollup;

import java.time.LocalDate;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The period figures are asked for, as associations report them: a year, the first half of a year ("as of 30 June
 * 2025"), or a span of years (a congress term, "2021–2025"). Flows (new members, registrations, money raised and
 * disbursed, people reached) are summed over the period; stocks (members, Party members, the balance, units) are
 * taken at its end. The roll-ups keep flows by half-year, so each period is a range of (year, half):
 * {@code (from, 1)} to {@code (to, lastHalf())}.
 *
 * @param kind what it is
 * @param from its first year
 * @param to   its last year (the year of a year or half-year)
 */
public record Period(Kind kind, int from, int to) {

    /** The earliest year and the longest span the dashboards and exports are asked for. */
    public static final int EARLIEST = 1990;
    public static final int LONGEST_SPAN = 30;

    public enum Kind {
        YEAR, FIRST_HALF, SPAN
    }

    private static final Pattern KEY = Pattern.compile("(\\d{4})(?:-H1|-(\\d{4}))?");

    public Period {
        if (from > to || to - from >= LONGEST_SPAN || (kind != Kind.SPAN && from != to)) {
            throw new IllegalArgumentException("not a period: " + kind + " " + from + "-" + to);
        }
    }

    public static Period year(int year) {
        return new Period(Kind.YEAR, year, year);
    }

    public static Period firstHalf(int year) {
        return new Period(Kind.FIRST_HALF, year, year);
    }

    /** The years from {@code from} to {@code to}; a span of one year is that year. */
    public static Period span(int from, int to) {
        return from == to ? year(from) : new Period(Kind.SPAN, from, to);
    }

    /**
     * A period from its key ({@code 2025}, {@code 2025-H1}, {@code 2021-2025}), if it is one whose years lie between
     * {@link #EARLIEST} and {@code latest}.
     */
    public static Optional<Period> parse(String key, int latest) {
        if (key == null) {
            return Optional.empty();
        }
        Matcher m = KEY.matcher(key.strip());
        if (!m.matches()) {
            return Optional.empty();
        }
        int from = Integer.parseInt(m.group(1));
        int to = m.group(2) == null ? from : Integer.parseInt(m.group(2));
        if (from < EARLIEST || to > latest || from > to || to - from >= LONGEST_SPAN) {
            return Optional.empty();
        }
        return Optional.of(key.contains("H1") ? firstHalf(from) : span(from, to));
    }

    /**
     * The period a page asks for: {@code ?period=2025-H1} (or {@code 2025}, {@code 2021-2025}), else
     * {@code ?from=2021&to=2025}, else {@code ?year=2025} with {@code &half=1} for its first half, else this year.
     * Years are kept between {@link #EARLIEST} and next year; what cannot be read is left out, never an error.
     */
    public static Period fromRequest(String period, String year, String half, String from, String to, int thisYear) {
        return fromRequest(period, year, half, from, to, thisYear, thisYear + 1);
    }

    /** {@link #fromRequest(String, String, String, String, String, int)} with years up to {@code latest}. */
    public static Period fromRequest(String period, String year, String half, String from, String to, int thisYear,
            int latest) {
        Optional<Period> asked = parse(period, latest);
        if (asked.isPresent()) {
            return asked.get();
        }
        Integer first = number(from);
        Integer last = number(to);
        if (first != null && last != null) {
            Optional<Period> span = parse(first + "-" + last, latest);
            if (span.isPresent()) {
                return span.get();
            }
        }
        Integer y = number(year);
        int shown = y == null ? thisYear : Math.max(EARLIEST, Math.min(y, latest));
        return "1".equals(half == null ? null : half.strip()) ? firstHalf(shown) : year(shown);
    }

    private static Integer number(String text) {
        if (text == null || !text.strip().matches("\\d{1,4}")) {
            return null;
        }
        return Integer.parseInt(text.strip());
    }

    /** {@code 2025}, {@code 2025-H1} or {@code 2021-2025}: in links, file names and the export's period column. */
    public String key() {
        return switch (kind) {
            case YEAR -> String.valueOf(to);
            case FIRST_HALF -> to + "-H1";
            case SPAN -> from + "-" + to;
        };
    }

    /** The half in which the period ends: 1 for a first half, 2 otherwise. */
    public int lastHalf() {
        return kind == Kind.FIRST_HALF ? 1 : 2;
    }

    public LocalDate start() {
        return LocalDate.of(from, 1, 1);
    }

    /** The day the stocks are taken: 30 June for a first half, 31 December of the last year otherwise. */
    public LocalDate end() {
        return kind == Kind.FIRST_HALF ? LocalDate.of(to, 6, 30) : LocalDate.of(to, 12, 31);
    }

    public boolean isYear() {
        return kind == Kind.YEAR;
    }

    /** The message key of the period's name ({0} and {1} its first and last year). */
    public String messageKey() {
        return "period." + kind.name().toLowerCase();
    }

    public Object[] messageArgs() {
        return new Object[] {String.valueOf(from), String.valueOf(to)};
    }
}
