package vn.khuyenhoc.fund;

import java.text.Normalizer;
import java.util.regex.Pattern;

/**
 * Reads an amount of money as people in Viet Nam type it: whole đồng, grouped by thousands with dots
 * ({@code 1.500.000}), spaces ({@code 1 500 000}) or commas, or not at all ({@code 1500000}), optionally followed by
 * {@code ₫}, {@code đ}, {@code đồng} or {@code VND}. Anything else has a reason the form can tell the user: a
 * decimal part (VND has no subunit in use), a sign, zero, or more than {@link #MAX}.
 */
public final class VndAmount {

    /** The largest amount of one entry: one thousand billion đồng (một nghìn tỷ). */
    public static final long MAX = 1_000_000_000_000L;

    private static final Pattern SPACES = Pattern.compile("[\\s\\u00A0\\u2007\\u2009\\u202F]+");
    private static final Pattern CURRENCY = Pattern.compile("\\s*(₫|đồng|vnđ|vnd|đ)$",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    private static final Pattern PLAIN = Pattern.compile("\\d+");
    private static final Pattern GROUPED = Pattern.compile("\\d{1,3}([., ])\\d{3}(\\1\\d{3})*");
    private static final Pattern DECIMAL = Pattern.compile("[\\d., ]*\\d[.,]\\d{1,2}");

    private VndAmount() {
    }

    /** Why a typed amount is not one; each has the message key {@code fund.amount.<name in lower camel case>}. */
    public enum Problem {
        REQUIRED("required"), FORMAT("format"), DECIMAL("decimal"), NEGATIVE("negative"), ZERO("zero"),
        TOO_LARGE("tooLarge");

        private final String key;

        Problem(String key) {
            this.key = key;
        }

        public String messageKey() {
            return "fund.amount." + key;
        }
    }

    /** The amount read, or the problem that stopped it (exactly one of the two is set). */
    public record Parsed(Long value, Problem problem) {

        public boolean isValid() {
            return problem == null;
        }
    }

    public static Parsed parse(String typed) {
        if (typed == null || typed.isBlank()) {
            return problem(Problem.REQUIRED);
        }
        String s = SPACES.matcher(Normalizer.normalize(typed, Normalizer.Form.NFC)).replaceAll(" ").strip();
        s = CURRENCY.matcher(s).replaceFirst("").strip();
        boolean negative = !s.isEmpty() && "-−–".indexOf(s.charAt(0)) >= 0;
        if (negative) {
            s = s.substring(1).strip();
        }
        if (s.isEmpty()) {
            return problem(Problem.FORMAT);
        }
        boolean whole = PLAIN.matcher(s).matches() || GROUPED.matcher(s).matches();
        boolean decimal = !whole && DECIMAL.matcher(s).matches();
        if (!whole && !decimal) {
            return problem(Problem.FORMAT);
        }
        String digits = s.replaceAll("[^0-9]", "").replaceFirst("^0+", "");
        if (digits.isEmpty()) {
            return problem(Problem.ZERO);
        }
        if (negative) {
            return problem(Problem.NEGATIVE);
        }
        if (decimal) {
            return problem(Problem.DECIMAL);
        }
        if (digits.length() > String.valueOf(MAX).length() || Long.parseLong(digits) > MAX) {
            return problem(Problem.TOO_LARGE);
        }
        return new Parsed(Long.parseLong(digits), null);
    }

    private static Parsed problem(Problem problem) {
        return new Parsed(null, problem);
    }
}
