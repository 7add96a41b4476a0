package vn.khuyenhoc.rollup;

import java.time.Year;
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

import vn.khuyenhoc.registration.TitleKind;
import vn.khuyenhoc.shared.CurrentStaff;
import vn.khuyenhoc.shared.Role;
import vn.khuyenhoc.shared.Staff;

/** The roll-up dashboard of a node and year: its figures, its children's in a sortable table, charts, trend. */
@Controller
class DashboardController {

    static final int TREND_YEARS = 8;

    private final DashboardCache dashboards;
    private final JsonMapper json;
    private final MessageSource messages;

    DashboardController(DashboardCache dashboards, JsonMapper json, MessageSource messages) {
        this.dashboards = dashboards;
        this.json = json;
        this.messages = messages;
    }

    @GetMapping("/units/{id}/dashboard")
    String dashboard(@CurrentStaff Staff staff, @PathVariable long id, @RequestParam(required = false) Integer year,
            @RequestParam(defaultValue = "members") String figure, @RequestParam(required = false) String sort,
            @RequestParam(defaultValue = "desc") String dir, @RequestParam(defaultValue = "units") String by,
            Locale locale, HttpServletRequest request, Model model) {
        int thisYear = Year.now().getValue();
        int shownYear = year == null ? thisYear : Math.max(1990, Math.min(year, thisYear + 1));
        RollupService.Dashboard dashboard = dashboards.dashboard(staff.scope(), id, shownYear, TREND_YEARS,
                "groups".equals(by) && staff.role() == Role.NATIONAL);
        Figure chartFigure = Figure.byKey(figure);
        Figure sortFigure = sort == null ? null : Figure.byKey(sort);
        boolean descending = !"asc".equals(dir);

        List<Figure> columns = Figure.forLevel(dashboard.node().level() + 1);
        List<Figure> totalFigures = Figure.forLevel(dashboard.node().level()).stream()
                .filter(f -> f != Figure.PEOPLE_REACHED && !f.isTitle()).toList();
        FigureFormat format = new FigureFormat(locale);
        DashboardTable.View view = new DashboardTable.View(dashboard.node(), shownYear, chartFigure, sortFigure, descending,
                dashboard.groups() != null ? "groups" : "units", request.getContextPath());
        model.addAttribute("dashboard", dashboard);
        model.addAttribute("totals", totalFigures.stream()
                .map(f -> new Cell(f.messageKey(), format.format(f, dashboard.total()))).toList());
        model.addAttribute("table", DashboardTable.of(dashboard, view, columns, format, messages, locale));
        model.addAttribute("lineage", dashboard.lineage());
        model.addAttribute("year", shownYear);
        model.addAttribute("years", IntStream.iterate(thisYear, y -> y >= thisYear - 15, y -> y - 1).boxed().toList());
        model.addAttribute("columns", columns);
        model.addAttribute("titleKinds", TitleKind.countedAtLevel(dashboard.node().level()));
        model.addAttribute("chartFigure", chartFigure);
        model.addAttribute("by", view.by());
        model.addAttribute("trendJson", json.writeValueAsString(dashboard.trend()));
        model.addAttribute("trendLabelsJson", json.writeValueAsString(List.of("figure.members", "figure.newMembers",
                "figure.familyRegistered", "figure.raised").stream()
                .map(key -> messages.getMessage(key, null, locale)).toList()));
        return "rollup/dashboard";
    }

    /** A figure of the node's totals: its label's message key and its value, formatted. */
    record Cell(String messageKey, String value) {
    }

}
