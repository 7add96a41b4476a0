package vn.khuyenhoc.rollup;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;

import jakarta.servlet.http.HttpServletRequest;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

import vn.khuyenhoc.fund.FundCategory;
import vn.khuyenhoc.fund.FundDirection;
import vn.khuyenhoc.orgunit.UnitPageModel;
import vn.khuyenhoc.registration.TitleKind;
import vn.khuyenhoc.shared.CurrentStaff;
import vn.khuyenhoc.shared.Role;
import vn.khuyenhoc.shared.Staff;
import vn.khuyenhoc.shared.VietnamTime;

/**
 * The roll-up dashboard of a node and period (a year, a first half-year or a span of years): its figures, money by
 * kind, its children's in a sortable table, charts, trend.
 */
@Controller
class DashboardController {

    static final int TREND_YEARS = 8;

    /** Congress terms of the association run five years from 2021 (2021–2025, 2026–2030, …). */
    static final int TERM_START = 2021;
    static final int TERM_YEARS = 5;

    private final DashboardCache dashboards;
    private final JsonMapper json;
    private final MessageSource messages;
    private final UnitPageModel unitPage;
    private final Clock clock;

    DashboardController(DashboardCache dashboards, JsonMapper json, MessageSource messages, Clock clock,
            UnitPageModel unitPage) {
        this.unitPage = unitPage;
        this.clock = clock;
        this.dashboards = dashboards;
        this.json = json;
        this.messages = messages;
    }

    @GetMapping("/units/{id}/dashboard")
    String dashboard(@CurrentStaff Staff staff, @PathVariable long id, @RequestParam(required = false) String period,
            @RequestParam(required = false) String year, @RequestParam(required = false) String half,
            @RequestParam(required = false) String from, @RequestParam(required = false) String to,
            @RequestParam(defaultValue = "members") String figure, @RequestParam(required = false) String sort,
            @RequestParam(defaultValue = "desc") String dir, @RequestParam(defaultValue = "units") String by,
            @RequestParam(required = false) String cols, Locale locale, HttpServletRequest request, Model model) {
        int thisYear = VietnamTime.thisYear(clock);
        Period shown = Period.fromRequest(period, year, half, from, to, thisYear);
        RollupService.Dashboard dashboard = dashboards.dashboard(staff.scope(), id, shown, TREND_YEARS,
                "groups".equals(by) && staff.role() == Role.NATIONAL);
        Figure chartFigure = Figure.byKey(figure);
        Figure sortFigure = sort == null ? null : Figure.byKey(sort);
        boolean descending = !"asc".equals(dir);
        // the children's table shows either the main figures or money by kind (asked for, or charted, or sorted by)
        boolean moneyColumns = "money".equals(cols) || (cols == null && (chartFigure.isMoneyByKind()
                || (sortFigure != null && sortFigure.isMoneyByKind())));

        // issue 11: a share charted shows the children's table of shares; the figures' table leaves them out
        boolean sharesTable = chartFigure.isShare();
        List<Figure> columns = sharesTable ? Figure.shareColumns(dashboard.node().level() + 1)
                : Figure.forLevel(dashboard.node().level() + 1).stream().filter(f -> !f.isShare())
                        .filter(f -> f.isMoneyByKind() == moneyColumns).toList();
        List<Figure> totalFigures = Figure.forLevel(dashboard.node().level()).stream()
                .filter(f -> f != Figure.PEOPLE_REACHED && !f.isTitle() && !f.isMoneyByKind() && !f.isCentreKind())
                .filter(f -> !f.isShare() || f == Figure.MINORITY_MEMBERS || f == Figure.MINORITY_SHARE).toList();
        FigureFormat format = new FigureFormat(locale);
        DashboardTable.View view = new DashboardTable.View(dashboard.node(), shown, chartFigure, sortFigure, descending,
                dashboard.groups() != null ? "groups" : "units", moneyColumns ? "money" : "main", request.getContextPath());
        String periodLabel = messages.getMessage(shown.messageKey(), shown.messageArgs(), locale);
        model.addAttribute("dashboard", dashboard);
        model.addAttribute("totals", totalFigures.stream()
                .map(f -> new Cell(f.messageKey(), format.format(f, dashboard.total()))).toList());
        model.addAttribute("money", moneyLines(dashboard.total(), format));
        model.addAttribute("table", DashboardTable.of(dashboard, view, columns, format, messages, locale));
        unitPage.show(model, dashboard.node(), dashboard.lineage());
        model.addAttribute("period", shown);
        model.addAttribute("periodLabel", periodLabel);
        model.addAttribute("year", shown.to());
        model.addAttribute("years", IntStream.iterate(thisYear, y -> y >= thisYear - 15, y -> y - 1).boxed().toList());
        model.addAttribute("presets", presets(thisYear, locale));
        model.addAttribute("columns", Figure.forLevel(dashboard.node().level() + 1));
        model.addAttribute("cols", view.cols());
        model.addAttribute("titleKinds", TitleKind.countedAtLevel(dashboard.node().level()));
        model.addAttribute("centreKinds", vn.khuyenhoc.centre.CentreKind.values());
        model.addAttribute("chartFigure", chartFigure);
        model.addAttribute("by", view.by());
        model.addAttribute("sharesTable", sharesTable);
        model.addAttribute("shares", dashboard.node().level() <= 2 ? SharePanel.of(dashboard, messages, locale) : null);
        model.addAttribute("trendJson", json.writeValueAsString(dashboard.trend()));
        model.addAttribute("trendLabelsJson", json.writeValueAsString(List.of("figure.members", "figure.newMembers",
                "figure.familyRegistered", "figure.raised").stream()
                .map(key -> messages.getMessage(key, null, locale)).toList()));
        return "rollup/dashboard";
    }

    /**
     * The periods offered in one click: the first half of this year, the last complete congress term and the current
     * term so far (when it has more than one year).
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
}
