package vn.khuyenhoc.rollup;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

import org.springframework.context.MessageSource;

import vn.khuyenhoc.orgunit.OrgUnitView;

/**
 * The children's (or groups') table of a dashboard, ready to write: labels resolved, links built, cells formatted and
 * each row's cells joined into one escaped HTML string. A national or provincial table has 34 to 160 rows of twenty
 * to thirty figures; written cell by cell with an expression each, rendering it cost most of the page's time, so the
 * template only iterates over rows and headers.
 *
 * @param headers the column headers, each a link that sorts by its figure
 * @param rows    the rows, in the order asked for
 * @param ownRow  the records the node holds itself beyond its children, as cells HTML (or null)
 */
record DashboardTable(List<Header> headers, List<Line> rows, String ownRow) {

    /** A column header: its label, the link that sorts by it, and ▼ or ▲ when the table is sorted by it. */
    record Header(String label, String href, String arrow) {
    }

    /**
     * A row: the name shown (a node's full name or a group's), its link one level down (null for groups), whether the
     * node is inactive, the charted value, and the figure cells as HTML.
     */
    record Line(String name, String href, boolean inactive, Number chartValue, String cellsHtml) {
    }

    /** How the page was asked for: the node, year, charted figure, sort column and direction, and grouping. */
    record View(OrgUnitView node, int year, Figure chartFigure, Figure sort, boolean descending, String by) {

        String link(long nodeId) {
            return "/units/" + nodeId + "/dashboard?year=" + year + "&figure=" + chartFigure.key();
        }
    }

    static DashboardTable of(RollupService.Dashboard dashboard, View view, List<Figure> columns, FigureFormat format,
            MessageSource messages, Locale locale) {
        List<Header> headers = columns.stream().map(f -> {
            boolean sorted = f == view.sort();
            return new Header(messages.getMessage(f.messageKey(), null, locale),
                    view.link(view.node().id()) + "&by=" + view.by() + "&sort=" + f.key() + "&dir="
                            + (sorted && view.descending() ? "asc" : "desc"),
                    sorted ? (view.descending() ? "▼" : "▲") : null);
        }).toList();
        List<Line> rows;
        if (dashboard.groups() != null) {
            boolean english = "en".equals(locale.getLanguage());
            rows = sorted(dashboard.groups(), RollupService.GroupRow::figures, view).stream()
                    .map(g -> new Line(english && g.nameEn() != null ? g.nameEn() : g.name(), null, false,
                            view.chartFigure().of(g.figures()), cellsHtml(format.cells(columns, g.figures()))))
                    .toList();
        }
        else {
            rows = sorted(dashboard.rows(), RollupService.Row::figures, view).stream()
                    .map(row -> new Line(messages.getMessage(row.node().titleKey(), new Object[] {row.node().name()}, locale),
                            view.link(row.node().id()), !row.node().active(), view.chartFigure().of(row.figures()),
                            cellsHtml(format.cells(columns, row.figures()))))
                    .toList();
        }
        String own = dashboard.own() == null || dashboard.groups() != null ? null : cellsHtml(format.cells(columns, dashboard.own()));
        return new DashboardTable(headers, rows, own);
    }

    private static <T> List<T> sorted(List<T> rows, Function<T, Figures> figures, View view) {
        if (view.sort() == null) {
            return rows;
        }
        Comparator<Double> values = view.descending() ? Comparator.reverseOrder() : Comparator.naturalOrder();
        return rows.stream().sorted(Comparator.comparing(
                (T row) -> toDouble(view.sort().of(figures.apply(row))), Comparator.nullsLast(values))).toList();
    }

    /** Cells as HTML ({@code <td class="num">1.234</td>…}), each value escaped. */
    static String cellsHtml(List<String> cells) {
        StringBuilder html = new StringBuilder(cells.size() * 32);
        for (String cell : cells) {
            html.append("<td class=\"num\">").append(org.springframework.web.util.HtmlUtils.htmlEscape(cell)).append("</td>");
        }
        return html.toString();
    }

    private static Double toDouble(Number n) {
        return n == null ? null : n.doubleValue();
    }
}
