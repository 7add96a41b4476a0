package vn.khuyenhoc.rollup;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.stream.IntStream;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import vn.khuyenhoc.fund.FundCategory;
import vn.khuyenhoc.fund.FundDirection;
import vn.khuyenhoc.registration.TitleKind;
import vn.khuyenhoc.rollup.DashboardPage.Cell;
import vn.khuyenhoc.rollup.DashboardPage.MoneyLine;
import vn.khuyenhoc.rollup.DashboardPage.Preset;
import vn.khuyenhoc.rollup.DashboardPage.View;
import vn.khuyenhoc.shared.Scope;

/** Makes {@link DashboardPage dashboard pages}, reading the dashboard from the cache and keeping what it makes there. */
@Component
class DashboardPages {

    static final int TREND_YEARS = 8;

    /** Congress terms of the association run five years from 2021 (2021–2025, 2026–2030, …). */
    static final int TERM_START = 2021;
    static final int TERM_YEARS = 5;

    private final DashboardCache dashboards;
    private final JsonMapper json;
    private final MessageSource messages;

    DashboardPages(DashboardCache dashboards, JsonMapper json, MessageSource messages) {
        this.dashboards = dashboards;
        this.json = json;
        this.messages = messages;
    }

    /**
     * The page of a node's dashboard, shown this way, and its figures written as HTML by {@code write} (the template
     * {@code rollup/dashboard-figures}); kept until the figures change. The node must lie in the scope.
     */
    Written page(Scope scope, long nodeId, boolean withGroups, View view, Function<DashboardPage, String> write) {
        return dashboards.rendered(scope, nodeId, view.period(), TREND_YEARS, withGroups, view, dashboard -> {
            DashboardPage page = make(dashboard, view);
            return new Written(page, write.apply(page));
        });
    }

    /** A dashboard's page and its figures written as HTML. */
    record Written(DashboardPage page, String html) {
    }

    private DashboardPage make(RollupService.Dashboard dashboard, View view) {
        Locale locale = view.locale();
        Figure chartFigure = view.chartFigure();
        Figure sortFigure = view.sort();
        int level = dashboard.node().level();
        // the children's table shows either the main figures or money by kind (asked for, or charted, or sorted by)
        boolean moneyColumns = "money".equals(view.cols()) || (view.cols() == null && (chartFigure.isMoneyByKind()
                || (sortFigure != null && sortFigure.isMoneyByKind())));
        // issue 11: a share charted shows the children's table of shares; the figures' table leaves them out
        boolean sharesTable = chartFigure.isShare();
        List<Figure> columns = sharesTable ? Figure.shareColumns(level + 1)
                : Figure.forLevel(level + 1).stream().filter(f -> !f.isShare())
                        .filter(f -> f.isMoneyByKind() == moneyColumns).toList();
        List<Figure> totalFigures = Figure.forLevel(level).stream()
                .filter(f -> f != Figure.PEOPLE_REACHED && !f.isTitle() && !f.isMoneyByKind() && !f.isCentreKind())
                .filter(f -> !f.isShare() || f == Figure.MINORITY_MEMBERS || f == Figure.MINORITY_SHARE).toList();
        FigureFormat format = new FigureFormat(locale);
        DashboardTable.View tableView = new DashboardTable.View(dashboard.node(), view.period(), chartFigure,
                sortFigure, view.descending(), dashboard.groups() != null ? "groups" : "units",
                moneyColumns ? "money" : "main", view.contextPath());
        int thisYear = view.thisYear();
        return new DashboardPage(dashboard, view,
                messages.getMessage(view.period().messageKey(), view.period().messageArgs(), locale),
                totalFigures.stream().map(f -> new Cell(f.messageKey(), format.format(f, dashboard.total()))).toList(),
                moneyLines(dashboard.total(), format), moneyColumns ? "money" : "main",
                DashboardTable.of(dashboard, tableView, columns, format, messages, locale),
                level <= 2 ? SharePanel.of(dashboard, messages, locale) : null, sharesTable,
                Figure.forLevel(level + 1), TitleKind.countedAtLevel(level), presets(thisYear, locale),
                IntStream.iterate(thisYear, y -> y >= thisYear - 15, y -> y - 1).boxed().toList(),
                json.writeValueAsString(dashboard.trend()),
                json.writeValueAsString(List.of("figure.members", "figure.newMembers", "figure.familyRegistered",
                        "figure.raised").stream().map(key -> messages.getMessage(key, null, locale)).toList()));
    }

    /**
     * The periods offered in one click: the first half of this year, the last complete congress term and the
     * current term so far (when it has more than one year).
     */
    private List<Preset> presets(int thisYear, Locale locale) {
        List<Preset> presets = new ArrayList<>();
        Period half = Period.firstHalf(thisYear);
        presets.add(new Preset(half.key(), messages.getMessage(half.messageKey(), half.messageArgs(), locale)));
        int currentTermStart = TERM_START + Math.floorDiv(thisYear - TERM_START, TERM_YEARS) * TERM_YEARS;
        for (int start : new int[] {currentTermStart - TERM_YEARS, currentTermStart}) {
            int end = Math.min(start + TERM_YEARS - 1, thisYear);
            if (start >= Period.EARLIEST && end > start) {
                Period term = Period.span(start, end);
                presets.add(new Preset(term.key(), messages.getMessage("dashboard.term", term.messageArgs(), locale)));
            }
        }
        return presets;
    }

    /** Money by kind of the node's totals: receipts by source, then disbursements by kind with their subtotals. */
    private static List<MoneyLine> moneyLines(Figures total, FigureFormat format) {
        List<MoneyLine> lines = new ArrayList<>();
        for (Figure f : Figure.moneyByKind()) {
            if (!f.key().startsWith("money.")) {
                continue;
            }
            String suffix = f.key().substring("money.".length());
            FundCategory category = Arrays.stream(FundCategory.values())
                    .filter(c -> c.name().equals(suffix)).findFirst().orElse(null);
            Figure people = Arrays.stream(Figure.values())
                    .filter(p -> p.key().equals("people." + suffix)).findFirst().orElse(null);
            boolean receipt = category != null && category.direction() == FundDirection.RECEIPT;
            lines.add(new MoneyLine(f.key(), f.messageKey(), receipt, category == null,
                    format.format(f, total), people == null ? "" : format.format(people, total)));
        }
        return lines;
    }
}
