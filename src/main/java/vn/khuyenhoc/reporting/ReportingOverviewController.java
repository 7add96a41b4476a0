package vn.khuyenhoc.reporting;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.springframework.context.MessageSource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
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
import vn.khuyenhoc.rollup.Figure;
import vn.khuyenhoc.shared.CurrentStaff;
import vn.khuyenhoc.shared.Notices;
import vn.khuyenhoc.shared.Role;
import vn.khuyenhoc.shared.RuleViolationException;
import vn.khuyenhoc.shared.RuleViolations;
import vn.khuyenhoc.shared.Staff;

/**
 * The reporting page of the country or a province: rates, the communes waiting for approval (a province approves
 * many at once, after a confirmation), the communes not yet submitted with whom to ring, the provinces' own reports
 * (nationally), the deadline, and the same list as CSV.
 */
@Controller
class ReportingOverviewController {

    /** The figures shown beside each commune waiting for approval. */
    static final List<Figure> KEY_FIGURES = List.of(Figure.MEMBERS, Figure.NEW_MEMBERS, Figure.FAMILY_REGISTERED,
            Figure.RAISED);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    private final ReportingOverviewService overviews;
    private final ReportingService reports;
    private final UnitPageModel unitPage;
    private final MessageSource messages;

    ReportingOverviewController(ReportingOverviewService overviews, ReportingService reports, UnitPageModel unitPage,
            MessageSource messages) {
        this.overviews = overviews;
        this.reports = reports;
        this.unitPage = unitPage;
        this.messages = messages;
    }

    @GetMapping("/units/{id}/reporting")
    @PreAuthorize("hasAnyRole('NATIONAL', 'PROVINCE')")
    String overview(@CurrentStaff Staff staff, @PathVariable long id, @ModelAttribute("filter") ReportingFilter filter,
            BindingResult filterErrors, Model model, Locale locale) {
        int year = ReportingPages.year(filter.year(), reports, filterErrors);
        ReportState only = null;
        if (filter.state() != null && !filter.state().isBlank()) {
            only = ReportState.parse(filter.state()).filter(s -> !s.submitted()).orElse(null);
            if (only == null) {
                filterErrors.rejectValue("state", "report.filter.state.invalid");
            }
        }
        return page(staff, id, year, filter, only, model, locale);
    }

    private String page(Staff staff, long id, int year, ReportingFilter filter, ReportState only, Model model,
            Locale locale) {
        String sort = filter != null && filter.sort() != null && ReportingOverviewService.SORTS.contains(filter.sort())
                ? filter.sort() : "name";
        boolean descending = filter != null && "desc".equals(filter.dir());
        ReportingOverviewService.Overview overview = overviews.overview(staff.scope(), id, year, sort, descending, only,
                locale);
        unitPage.show(model, overview.node());
        if (!model.containsAttribute("filter")) {
            model.addAttribute("filter", new ReportingFilter(String.valueOf(year), null, sort, null));
        }
        model.addAttribute("overview", overview);
        model.addAttribute("year", year);
        model.addAttribute("yearText", String.valueOf(year));
        model.addAttribute("sort", sort);
        model.addAttribute("sorts", ReportingOverviewService.SORTS);
        model.addAttribute("descending", descending);
        model.addAttribute("onlyState", only == null ? "" : only.name());
        model.addAttribute("states", List.of(ReportState.NOT_STARTED, ReportState.IN_PROGRESS, ReportState.RETURNED));
        model.addAttribute("keyFigures", KEY_FIGURES);
        model.addAttribute("keyValues", keyValues(overview.waiting(), locale));
        boolean ownNode = staff.scope().nodeId() == overview.node().id();
        model.addAttribute("canApprove", ownNode && staff.role() == Role.PROVINCE);
        model.addAttribute("canAccept", ownNode && staff.role() == Role.NATIONAL);
        model.addAttribute("canSetDeadline", ownNode);
        if (!model.containsAttribute("deadlineForm")) {
            model.addAttribute("deadlineForm", new DeadlineForm(String.valueOf(year), overview.deadline().toString(),
                    String.valueOf(overview.deadlineVersion())));
        }
        if (!model.containsAttribute("bulk")) {
            model.addAttribute("bulk", new BulkApprovalForm(String.valueOf(year), List.of(), null));
        }
        return "reporting/overview";
    }

    /** Commune id to its key figures as text, in the order of {@link #KEY_FIGURES}. */
    private static Map<Long, List<String>> keyValues(List<CommuneReportRow> rows, Locale locale) {
        return rows.stream().collect(Collectors.toMap(CommuneReportRow::id, r -> KEY_FIGURES.stream()
                .map(f -> FigureLines.format(f, r.figures().get(f.key()), locale)).toList()));
    }

    /**
     * Approving the ticked communes: the first post shows them again with their figures for a confirmation; the
     * confirmed post approves them all, or none when one was changed meanwhile.
     */
    @PostMapping("/units/{id}/reporting/approve")
    @PreAuthorize("hasRole('PROVINCE')")
    String approve(@CurrentStaff Staff staff, @PathVariable long id, @Valid @ModelAttribute("bulk") BulkApprovalForm form,
            BindingResult errors, Model model, Locale locale, RedirectAttributes flash) {
        OrgUnitView node = overviews.overviewNode(staff.scope(), id);
        if (staff.scope().nodeId() != node.id() || staff.role() != Role.PROVINCE) {
            throw new org.springframework.security.access.AccessDeniedException("Communes are approved by their province");
        }
        Optional<Map<Long, Long>> versions = form.versions();
        if (versions.isEmpty()) {
            errors.rejectValue("ids", "report.bulk.invalid");
        }
        else if (versions.get().isEmpty()) {
            errors.rejectValue("ids", "report.bulk.none");
        }
        int year = yearOf(form.yearValue(), errors);
        if (!errors.hasErrors()) {
            if (!form.isConfirmed()) {
                ReportingOverviewService.Overview overview = overviews.overview(staff.scope(), id, year, "name", false,
                        null, locale);
                List<CommuneReportRow> chosen = overview.waiting().stream()
                        .filter(r -> Long.valueOf(r.version()).equals(versions.get().get(r.id()))).toList();
                if (chosen.size() != versions.get().size()) {
                    // one of them was approved, returned or resubmitted since the list was shown
                    errors.reject("report.bulk.changed");
                    return page(staff, id, year, null, null, model, locale);
                }
                unitPage.show(model, node);
                model.addAttribute("year", year);
        model.addAttribute("yearText", String.valueOf(year));
                model.addAttribute("chosen", chosen);
                model.addAttribute("keyFigures", KEY_FIGURES);
                model.addAttribute("keyValues", keyValues(chosen, locale));
                return "reporting/confirm";
            }
            try {
                int approved = reports.approveAll(staff, versions.get(), year);
                Notices.flash(flash, "report.bulk.approved", approved);
                return "redirect:/units/" + id + "/reporting?year=" + year;
            }
            catch (RuleViolationException ex) {
                RuleViolations.reject(errors, ex);
            }
        }
        return page(staff, id, year, null, null, model, locale);
    }

    @PostMapping("/units/{id}/reporting/deadline")
    @PreAuthorize("hasAnyRole('NATIONAL', 'PROVINCE')")
    String deadline(@CurrentStaff Staff staff, @PathVariable long id,
            @Valid @ModelAttribute("deadlineForm") DeadlineForm form, BindingResult errors, Model model, Locale locale,
            RedirectAttributes flash) {
        overviews.overviewNode(staff.scope(), id);
        if (staff.scope().nodeId() != id) {
            throw new org.springframework.security.access.AccessDeniedException("A deadline is set by its own node");
        }
        var date = form.date();
        if (form.versionValue() == null && !errors.hasFieldErrors("version")) {
            errors.rejectValue("version", "report.conflict.missing");
        }
        if (!errors.hasFieldErrors("deadline") && date.isEmpty()) {
            errors.rejectValue("deadline", "report.deadline.invalid");
        }
        int year = yearOf(form.yearValue(), errors);
        if (!errors.hasErrors()) {
            try {
                reports.setDeadline(staff, id, year, date.get(), form.versionValue());
                Notices.flash(flash, "report.deadline.set", date.get().format(DAY));
                return "redirect:/units/" + id + "/reporting?year=" + year;
            }
            catch (RuleViolationException ex) {
                RuleViolations.reject(errors, ex);
            }
        }
        return page(staff, id, year, null, null, model, locale);
    }

    /** The form's year when it is one reports exist for; otherwise this year, and a message beside the field. */
    private int yearOf(Integer typed, BindingResult errors) {
        if (typed != null && reports.isReportYear(typed)) {
            return typed;
        }
        if (!errors.hasFieldErrors("year")) {
            errors.rejectValue("year", "report.year.invalid");
        }
        return reports.currentYear();
    }

    @GetMapping("/units/{id}/reporting.csv")
    @PreAuthorize("hasAnyRole('NATIONAL', 'PROVINCE')")
    void csv(@CurrentStaff Staff staff, @PathVariable long id, @ModelAttribute("filter") ReportingFilter filter,
            BindingResult filterErrors, Locale locale, HttpServletResponse response) throws IOException {
        int year = ReportingPages.year(filter.year(), reports, filterErrors);
        List<CommuneReportRow> rows = overviews.allCommunes(staff.scope(), id, year, locale);
        response.setContentType("text/csv;charset=UTF-8");
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                .filename("bao-cao-" + year + "-" + id + ".csv").build().toString());
        Writer out = new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8);
        out.write('\uFEFF'); // so that spreadsheet programs read UTF-8
        try (CSVPrinter csv = new CSVPrinter(out, CSVFormat.DEFAULT)) {
            csv.printRecord(msg("report.csv.code", locale), msg("report.csv.commune", locale),
                    msg("report.csv.province", locale), msg("report.csv.state", locale),
                    msg("report.csv.deadline", locale), msg("report.csv.submittedOn", locale),
                    msg("report.csv.onTime", locale), msg("report.csv.staff", locale), msg("report.csv.phone", locale));
            for (CommuneReportRow row : rows) {
                csv.printRecord(row.code(), row.name(), row.provinceName(), msg("report.state." + row.state(), locale),
                        row.deadline().format(DAY), row.submittedOn() == null ? "" : row.submittedOn().format(DAY),
                        row.onTime() == null ? "" : msg(row.onTime() ? "report.onTime" : "report.late", locale),
                        row.contacts().stream().map(c -> c.fullName()).collect(Collectors.joining("; ")),
                        row.contacts().stream().map(c -> c.phone() == null ? "" : c.phone())
                                .collect(Collectors.joining("; ")));
            }
        }
    }

    private String msg(String code, Locale locale) {
        return messages.getMessage(code, null, locale);
    }
}
