package vn.khuyenhoc.rollup;

import java.text.NumberFormat;
import java.util.List;
import java.util.Locale;

/**
 * Figures written the way the user's language writes them (Vietnamese: 1.234.567, 12,5%, 1.500.000 ₫; "—" when
 * unknown). Formatting here rather than cell by cell in the template keeps a national table of 34 rows by 20
 * columns cheap to render.
 */
final class FigureFormat {

    private final NumberFormat integers;
    private final NumberFormat percents;

    FigureFormat(Locale locale) {
        this.integers = NumberFormat.getIntegerInstance(locale);
        this.percents = NumberFormat.getPercentInstance(locale);
        this.percents.setMinimumFractionDigits(1);
        this.percents.setMaximumFractionDigits(1);
    }

    String format(Figure figure, Figures figures) {
        Number value = figure.of(figures);
        if (value == null) {
            return "—";
        }
        return switch (figure.format()) {
            case COUNT -> integers.format(value);
            case PERCENT -> percents.format(value);
            case MONEY -> integers.format(Math.round(value.doubleValue())) + " ₫";
        };
    }

    List<String> cells(List<Figure> columns, Figures figures) {
        return columns.stream().map(figure -> format(figure, figures)).toList();
    }
}
