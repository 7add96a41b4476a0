package vn.khuyenhoc.rollup;

import java.util.List;
import java.util.Locale;

import vn.khuyenhoc.centre.CentreKind;
import vn.khuyenhoc.registration.TitleKind;

/**
 * A dashboard made into what its page shows: the node's figures formatted, money by kind, the shares panel, the
 * children's (or groups') table written as HTML, the trend as JSON, the period's name and the periods offered. Made
 * once per generation of the figures and way of showing them ({@link View}) by {@link DashboardPages}, written as
 * HTML and kept with the dashboard ({@link DashboardCache#rendered}).
 *
 * @param cols        the columns of the children's table: {@code main} figures or {@code money} by kind
 * @param sharesTable whether the children's table shows the shares (a share is charted) rather than the figures
 * @param columns     the figures the chart can show
 */
record DashboardPage(RollupService.Dashboard dashboard, View view, String periodLabel, List<Cell> totals,
        List<MoneyLine> money, String cols, DashboardTable table, SharePanel shares, boolean sharesTable, List<Figure> columns,
        List<TitleKind> titleKinds, List<Preset> presets, List<Integer> years, String trendJson, String trendLabelsJson) {

    /**
     * How a dashboard is shown: the period, the charted figure, the sort column (null: the tree's order) and direction,
     * the columns asked for ({@code main}, {@code money} or null: whatever the chart or sort needs), the language, the
     * application's context path, this year (the years offered and the terms end there) and whether the country may be
     * shown by groups of provinces (to the national board).
     */
    record View(Period period, Figure chartFigure, Figure sort, boolean descending, String cols, Locale locale,
            String contextPath, int thisYear, boolean groupsOffered) {
    }

    /** A figure of the node's totals: its label's message key and its value, formatted. */
    record Cell(String messageKey, String value) {
    }

    /** A period offered in one click: its key ({@code ?period=}) and its name. */
    record Preset(String key, String label) {
    }

    /**
     * A line of the money-by-kind table: the figure's key (to chart it), its label, whether it is a receipt, whether
     * it is a subtotal of several categories, the amount and the people reached (empty when the kind reaches none).
     */
    record MoneyLine(String key, String messageKey, boolean receipt, boolean subtotal, String amount, String people) {

        /** The id of the amount's cell: {@code money-awards}, {@code money-BUSINESS_DONATION}. */
        public String cellId() {
            return key.replace('.', '-');
        }
    }

    /** {@code groups} when the country is shown by groups of provinces, else {@code units}. */
    public String by() {
        return dashboard.groups() != null ? "groups" : "units";
    }

    public List<CentreKind> centreKinds() {
        return List.of(CentreKind.values());
    }
}
