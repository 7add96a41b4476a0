package vn.khuyenhoc.reporting;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import jakarta.validation.Valid;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import vn.khuyenhoc.orgunit.OrgUnitView;
import vn.khuyenhoc.orgunit.UnitPageModel;
import vn.khuyenhoc.shared.CurrentStaff;
import vn.khuyenhoc.shared.Notices;
import vn.khuyenhoc.shared.RuleViolationException;
import vn.khuyenhoc.shared.RuleViolations;
import vn.khuyenhoc.shared.Staff;

/**
 * A commune's or province's report of a year (its state, the figures it kept against today's, its history, and the
 * buttons of whoever may act on it), and its actions: submit, approve, return with a reason. Scope and role are the
 * service's: 404 outside the user's subtree, 403 for the wrong person inside it.
 */
@Controller
class ReportingController {

    private final ReportingService reports;
    private final UnitPageModel unitPage;

    ReportingController(ReportingService reports, UnitPageModel unitPage) {
        this.reports = reports;
        this.unitPage = unitPage;
    }

    @GetMapping("/units/{id}/report")
    @PreAuthorize("hasAnyRole('NATIONAL', 'PROVINCE', 'COMMUNE')")
    String report(@CurrentStaff Staff staff, @PathVariable long id, @ModelAttribute("filter") ReportingFilter filter,
            BindingResult filterErrors, Model model, Locale locale) {
        int year = ReportingPages.year(filter.year(), reports, filterErrors);
        OrgUnitView node = reports.reportingNode(staff.scope(), id);
        return page(staff, node, year, null, model, locale);
    }

    @PostMapping("/units/{id}/report/submit")
    @PreAuthorize("hasAnyRole('PROVINCE', 'COMMUNE')")
    String submit(@CurrentStaff Staff staff, @PathVariable long id, @Valid @ModelAttribute("action") ReportActionForm form,
            BindingResult errors, Model model, Locale locale, RedirectAttributes flash) {
        return act(staff, id, form, errors, model, locale, flash, "report.submitted",
                () -> reports.submit(staff, id, form.yearValue(), form.versionValue()));
    }

    @PostMapping("/units/{id}/report/approve")
    @PreAuthorize("hasAnyRole('NATIONAL', 'PROVINCE')")
    String approve(@CurrentStaff Staff staff, @PathVariable long id, @Valid @ModelAttribute("action") ReportActionForm form,
            BindingResult errors, Model model, Locale locale, RedirectAttributes flash) {
        return act(staff, id, form, errors, model, locale, flash, "report.approved",
                () -> reports.approve(staff, id, form.yearValue(), form.versionValue()));
    }

    @PostMapping("/units/{id}/report/return")
    @PreAuthorize("hasAnyRole('NATIONAL', 'PROVINCE')")
    String giveBack(@CurrentStaff Staff staff, @PathVariable long id, @Valid @ModelAttribute("action") ReportActionForm form,
            BindingResult errors, Model model, Locale locale, RedirectAttributes flash) {
        return act(staff, id, form, errors, model, locale, flash, "report.returned",
                () -> reports.returnReport(staff, id, form.yearValue(), form.versionValue(), form.reason()));
    }

    private String act(Staff staff, long id, ReportActionForm form, BindingResult errors, Model model, Locale locale,
            RedirectAttributes flash, String notice, java.util.function.Supplier<ReportView> action) {
        OrgUnitView node = reports.reportingNode(staff.scope(), id);
        if (form.yearValue() == null && !errors.hasFieldErrors("year")) {
            errors.rejectValue("year", "report.year.invalid");
        }
        if (form.versionValue() == null && !errors.hasFieldErrors("version")) {
            errors.rejectValue("version", "report.conflict.missing");
        }
        if (!errors.hasErrors()) {
            try {
                ReportView done = action.get();
                Notices.flash(flash, notice, node.name());
                return "redirect:/units/" + id + "/report?year=" + done.year();
            }
            catch (RuleViolationException ex) {
                RuleViolations.reject(errors, ex);
            }
        }
        int year = Optional.ofNullable(form.yearValue()).filter(reports::isReportYear).orElse(reports.currentYear());
        return page(staff, node, year, form, model, locale);
    }

    /** A change of the report's history, with the figures a submission kept written out. */
    record HistoryEntry(ReportEvent event, java.util.List<FigureLines.Line> lines) {
    }

    private String page(Staff staff, OrgUnitView node, int year, ReportActionForm form, Model model, Locale locale) {
        unitPage.show(model, node);
        if (!model.containsAttribute("filter")) {
            model.addAttribute("filter", new ReportingFilter(String.valueOf(year), null, null, null));
        }
        ReportView report = reports.report(staff.scope(), node.id(), year);
        Map<String, Object> live = reports.liveFigures(staff.scope(), node.id(), year);
        model.addAttribute("report", report);
        model.addAttribute("year", year);
        model.addAttribute("yearText", String.valueOf(year));
        model.addAttribute("history", reports.history(staff.scope(), node.id(), year).stream()
                .map(e -> new HistoryEntry(e, FigureLines.of(node.level(), e.figures(), e.figures(), locale))).toList());
        var lines = FigureLines.of(node.level(), report.figures(), live, locale);
        model.addAttribute("lines", lines);
        model.addAttribute("differs", lines.stream().anyMatch(FigureLines.Line::differs));
        model.addAttribute("canSubmit", reports.canSubmit(staff, node));
        model.addAttribute("canDecide", reports.canDecide(staff, node));
        model.addAttribute("communesNotApproved", node.level() == 1 ? reports.communesNotApproved(node.id(), year) : 0);
        // after a refusal the bound form stays (its messages, the reason typed); the buttons always carry the version
        // of the report as it is now
        if (!model.containsAttribute("action")) {
            model.addAttribute("action", ReportActionForm.of(report));
        }
        return "reporting/report";
    }
}
