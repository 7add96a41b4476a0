package vn.khuyenhoc.shares;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.util.Locale;

import vn.khuyenhoc.rollup.Shares;

/** Counts and percentages written the user's way on the denominators and targets pages ("—" when unknown). */
final class SharePageText {

    private final NumberFormat integers;
    private final NumberFormat decimals;

    SharePageText(Locale locale) {
        this.integers = NumberFormat.getIntegerInstance(locale);
        this.decimals = NumberFormat.getNumberInstance(locale);
        this.decimals.setMaximumFractionDigits(1);
    }

    String count(Long value) {
        return value == null ? "—" : integers.format(value);
    }

    String percent(BigDecimal value) {
        return value == null ? "—" : decimals.format(value) + " %";
    }

    /** The message code of where a denominator comes from. */
    static String sourceCode(Shares.Denominator d, int level) {
        if (d == null) {
            return "shares.source.none";
        }
        return switch (d.source()) {
            case OWN -> "shares.source.own";
            case CHILDREN -> "shares.source.children." + (level + 1);
            case INCOMPLETE -> level >= 2 || d.children() == 0 ? "shares.source.none" : "shares.source.incomplete." + (level + 1);
        };
    }

    /** The message code of where a target comes from. */
    static String targetSourceCode(Shares.Target t, int level) {
        if (t == null) {
            return "shares.target.source.none";
        }
        if (t.own()) {
            return "shares.target.source.own";
        }
        return "shares.target.source.level" + t.sourceLevel();
    }
}
