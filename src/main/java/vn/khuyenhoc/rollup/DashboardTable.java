package vn.khuyenhoc.rollup;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

import org.springframework.context.MessageSource;
import org.springframework.web.util.HtmlUtils;

import vn.khuyenhoc.orgunit.OrgUnitView;

/**
 * The children's (or groups') table of a dashboard, ready to write: labels resolved, links built, cells formatted,
 * and its header row and body written as HTML here, every text escaped.
 * <p>
 * Why not cell by cell in the template: a national or provincial table has 34 to 160 rows of twenty to thirty
 * figures, and each property a Thymeleaf expression reads off an object is resolved afresh through Spring's
 * reflective accessors (Thymeleaf's restricted accessor defeats SpEL's per-expression accessor cache). Written with
 * expressions, the table cost most of the page's time under load; written here it is one string per page part, and
 * the template keeps the rest of the page's markup.
 *
 * @param headers  the column headers, each a link that sorts by its figure
 * @param rows     the rows, in the order asked for
 * @param headHtml the header row ({@code <tr>…</tr>})
 * @param bodyHtml the body's rows, then a row of what the node holds itself beyond its children (if anything)
 */
record DashboardTable(List<Header> headers, List<Line> rows, String headHtml, String bodyHtml) {

    /** A column header: its label, the link that sorts by it, and ▼ or ▲ when the table is sorted by it. */
    record Header(String label, String href, String arrow) {
    }

    /**
     * A row: the name shown (a node's full name or a group's), its link one level down (null for groups), whether the
     * node is inactive, the charted value, and the figure cells as HTML.
     */
    record Line(String name, String href, boolean inactive, Number chartValue, String cellsHtml, Number chartTarget) {
    }

    /**
     * How the page was asked for: the node, period, charted figure, sort column and direction, grouping, which
     * columns (main figures or money by kind), and the application's context path (prefixed to every link written
     * here, as {@code @{…}} would).
     */
    record View(OrgUnitView node, Period period, Figure chartFigure, Figure sort, boolean descending,
            String by, String cols, String contextPath) {

        View(OrgUnitView node, int year, Figure chartFigure, Figure sort, boolean descending, String by,
                String contextPath) {
            this(node, Period.year(year), chartFigure, sort, descending, by, "main", contextPath);
        }

        String link(long nodeId) {
            return "/units/" + nodeId + "/dashboard?period=" + period.key() + "&figure=" + chartFigure.key()
                    + "&cols=" + cols;
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
                            view.chartFigure().of(g.figures()), cellsHtml(format.cells(columns, g.figures())),
                            target(view, g.figures())))
                    .toList();
        }
        else {
            rows = sorted(dashboard.rows(), RollupService.Row::figures, view).stream()
                    .map(row -> new Line(messages.getMessage(row.node().titleKey(), new Object[] {row.node().name()}, locale),
                            view.link(row.node().id()), !row.node().active(), view.chartFigure().of(row.figures()),
                            cellsHtml(format.cells(columns, row.figures())), target(view, row.figures())))
                    .toList();
        }
        String own = dashboard.own() == null || dashboard.groups() != null ? null : cellsHtml(format.cells(columns, dashboard.own()));
        String headHtml = headHtml(headers, messages.getMessage("unit.column.name", null, locale), view.contextPath());
        String bodyHtml = bodyHtml(rows, own, messages.getMessage("unit.inactive", null, locale),
                messages.getMessage("dashboard.own", null, locale), view.contextPath());
        return new DashboardTable(headers, rows, headHtml, bodyHtml);
    }

    /** The target of the charted share for these figures (drawn as a line beside the bars), or null. */
    private static Number target(View view, Figures figures) {
        Figure target = view.chartFigure().targetFigure();
        return target == null ? null : target.of(figures);
    }

    private static <T> List<T> sorted(List<T> rows, Function<T, Figures> figures, View view) {
        if (view.sort() == null) {
            return rows;
        }
        Comparator<Double> values = view.descending() ? Comparator.reverseOrder() : Comparator.naturalOrder();
        return rows.stream().sorted(Comparator.comparing(
                (T row) -> toDouble(view.sort().of(figures.apply(row))), Comparator.nullsLast(values))).toList();
    }

    /** {@code <tr><th>Name</th><th class="num"><a href="…sort…">Members ▲</a></th>…</tr>} */
    private static String headHtml(List<Header> headers, String nameLabel, String contextPath) {
        StringBuilder html = new StringBuilder(headers.size() * 160);
        html.append("<tr><th>").append(escape(nameLabel)).append("</th>");
        for (Header header : headers) {
            html.append("<th class=\"num\"><a href=\"").append(escape(contextPath + header.href())).append("\">")
                    .append(escape(header.label()));
            if (header.arrow() != null) {
                html.append(' ').append(header.arrow());
            }
            html.append("</a></th>");
        }
        return html.append("</tr>").toString();
    }

    /**
     * A row per line ({@code data-chart-name}/{@code data-chart-value} feed the chart), its name a link one level down
     * when it has one, an "inactive" badge when the node is; then the node's own records, if any.
     */
    private static String bodyHtml(List<Line> rows, String ownRow, String inactiveLabel, String ownLabel, String contextPath) {
        StringBuilder html = new StringBuilder(rows.size() * 1024);
        for (Line row : rows) {
            String name = escape(row.name());
            html.append("<tr data-chart-name=\"").append(name).append('"');
            if (row.chartValue() != null) {
                html.append(" data-chart-value=\"").append(row.chartValue()).append('"');
            }
            if (row.chartTarget() != null) {
                html.append(" data-chart-target=\"").append(row.chartTarget()).append('"');
            }
            html.append("><td>");
            if (row.href() != null) {
                html.append("<a href=\"").append(escape(contextPath + row.href())).append("\">").append(name).append("</a>");
            }
            else {
                html.append(name);
            }
            if (row.inactive()) {
                html.append(" <span class=\"badge text-bg-secondary\">").append(escape(inactiveLabel)).append("</span>");
            }
            html.append("</td>").append(row.cellsHtml()).append("</tr>\n");
        }
        if (ownRow != null) {
            html.append("<tr class=\"table-light\"><td>").append(escape(ownLabel)).append("</td>").append(ownRow).append("</tr>\n");
        }
        return html.toString();
    }

    /** Cells as HTML ({@code <td class="num">1.234</td>…}), each value escaped. */
    static String cellsHtml(List<String> cells) {
        StringBuilder html = new StringBuilder(cells.size() * 32);
        for (String cell : cells) {
            html.append("<td class=\"num\">").append(escape(cell)).append("</td>");
        }
        return html.toString();
    }

    /** Escapes what HTML requires (&lt; &gt; &amp; &quot; &#39;) and leaves Vietnamese letters as they are. */
    private static String escape(String text) {
        return HtmlUtils.htmlEscape(text, "UTF-8");
    }

    private static Double toDouble(Number n) {
        return n == null ? null : n.doubleValue();
    }
}
