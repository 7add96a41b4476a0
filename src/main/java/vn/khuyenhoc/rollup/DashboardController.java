package vn.khuyenhoc.rollup;

import java.time.Clock;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

import vn.khuyenhoc.orgunit.UnitPageModel;
import vn.khuyenhoc.shared.CurrentStaff;
import vn.khuyenhoc.shared.Role;
import vn.khuyenhoc.shared.Staff;
import vn.khuyenhoc.shared.VietnamTime;
import vn.khuyenhoc.web.TemplateWriter;

/**
 * The roll-up dashboard of a node and period (a year, a first half-year or a span of years): its figures, money by
 * kind, its children's in a sortable table, charts, trend. The page's parts are made by {@link DashboardPages} and
 * kept until the figures change.
 */
@Controller
class DashboardController {

    private final DashboardPages pages;
    private final UnitPageModel unitPage;
    private final TemplateWriter templates;
    private final Clock clock;

    DashboardController(DashboardPages pages, TemplateWriter templates, UnitPageModel unitPage, Clock clock) {
        this.pages = pages;
        this.templates = templates;
        this.unitPage = unitPage;
        this.clock = clock;
    }

    @GetMapping("/units/{id}/dashboard")
    String dashboard(@CurrentStaff Staff staff, @PathVariable long id, @RequestParam(required = false) String period,
            @RequestParam(required = false) String year, @RequestParam(required = false) String half,
            @RequestParam(required = false) String from, @RequestParam(required = false) String to,
            @RequestParam(defaultValue = "members") String figure, @RequestParam(required = false) String sort,
            @RequestParam(defaultValue = "desc") String dir, @RequestParam(defaultValue = "units") String by,
            @RequestParam(required = false) String cols, Locale locale, HttpServletRequest request,
            HttpServletResponse response, Model model) {
        int thisYear = VietnamTime.thisYear(clock);
        // the national board may see the country by groups of provinces (a page of other nodes is the same for all)
        boolean countryToTheBoard = staff.role() == Role.NATIONAL && id == staff.scope().nodeId();
        // every part of the view is one of a few values (a page is kept per view): unknown ones are the defaults
        DashboardPage.View view = new DashboardPage.View(Period.fromRequest(period, year, half, from, to, thisYear),
                Figure.byKey(figure), sort == null ? null : Figure.byKey(sort), !"asc".equals(dir),
                "money".equals(cols) || "main".equals(cols) ? cols : null, locale, request.getContextPath(), thisYear,
                countryToTheBoard);
        DashboardPages.Written written = pages.page(staff.scope(), id, "groups".equals(by) && countryToTheBoard, view,
                page -> templates.write("rollup/dashboard-figures", Map.of("page", page, "dashboard", page.dashboard()),
                        locale, request, response));
        model.addAttribute("page", written.page());
        model.addAttribute("dashboard", written.page().dashboard());
        model.addAttribute("html", written.html());
        unitPage.show(model, written.page().dashboard().node(), written.page().dashboard().lineage());
        return "rollup/dashboard";
    }
}
