package vn.khuyenhoc.reporting;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import vn.khuyenhoc.rollup.Figure;

/**
 * The report page's table: each figure of the node's level as approved (kept at submission), as it is now, and the
 * difference, written the way the user's language writes numbers (1.234.567, 12,5%, 1.500.000 ₫).
 */
final class FigureLines {

    /** One row of the table; {@code differs} when the live figure is no longer the kept one. */
    record Line(String key, String messageKey, String kept, String live, String difference, boolean differs) {
    }

    private FigureLines() {
    }

    static List<Line> of(int level, Map<String, Object> kept, Map<String, Object> live, Locale locale) {
        List<Line> lines = new ArrayList<>();
        for (Figure figure : Figure.forLevel(level)) {
            Object k = kept.get(figure.key());
            Object l = live.get(figure.key());
            boolean differs = !kept.isEmpty() && !same(k, l);
            String difference = "";
            if (differs && k instanceof Number kn && l instanceof Number ln && figure.format() != Figure.Format.PERCENT) {
                long diff = ln.longValue() - kn.longValue();
                difference = (diff > 0 ? "+" : "") + format(figure, diff, locale);
            }
            else if (differs) {
                difference = "≠";
            }
            lines.add(new Line(figure.key(), figure.messageKey(), kept.isEmpty() ? "" : format(figure, k, locale),
                    format(figure, l, locale), difference, differs));
        }
        return lines;
    }

    /** Whether two kept/live values are the same figure (JSON gives back integers and decimals of other types). */
    static boolean same(Object a, Object b) {
        if (a == null || b == null) {
            return a == b;
        }
        if (a instanceof Number x && b instanceof Number y) {
            return new BigDecimal(x.toString()).compareTo(new BigDecimal(y.toString())) == 0;
        }
        return a.equals(b);
    }

    static String format(Figure figure, Object value, Locale locale) {
        if (!(value instanceof Number number)) {
            return "—";
        }
        return switch (figure.format()) {
            case PERCENT -> {
                NumberFormat percent = NumberFormat.getPercentInstance(locale);
                percent.setMinimumFractionDigits(1);
                percent.setMaximumFractionDigits(1);
                yield percent.format(number.doubleValue());
            }
            case MONEY -> NumberFormat.getIntegerInstance(locale).format(Math.round(number.doubleValue())) + " ₫";
            case COUNT -> NumberFormat.getIntegerInstance(locale).format(number.longValue());
        };
    }
}
