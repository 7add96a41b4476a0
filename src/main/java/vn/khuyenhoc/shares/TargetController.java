package vn.khuyenhoc.shares;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.IntStream;

import jakarta.validation.Valid;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import vn.khuyenhoc.orgunit.OrgUnitView;
import vn.khuyenhoc.orgunit.UnitPageModel;
import vn.khuyenhoc.rollup.ShareKind;
import vn.khuyenhoc.rollup.Shares;
import vn.khuyenhoc.shared.CurrentStaff;
import vn.khuyenhoc.shared.Notices;
import vn.khuyenhoc.shared.RuleViolationException;
import vn.khuyenhoc.shared.RuleViolations;
import vn.khuyenhoc.shared.Staff;
import vn.khuyenhoc.shared.VietnamTime;

/**
 * A node's targets for a year: which apply and where each comes from (its own, its province's, the country's and the
 * decision it rests on), the node's own (set by its own staff) and their history.
 */
@Controller
class TargetController {

    private final TargetService targets;
    private final UnitPageModel unitPage;
    private final Clock clock;

    TargetController(TargetService targets, UnitPageModel unitPage, Clock clock) {
        this.targets = targets;
        this.unitPage = unitPage;
        this.clock = clock;
    }

    @GetMapping("/units/{id}/targets")
    @PreAuthorize("hasAnyRole('NATIONAL', 'PROVINCE', 'COMMUNE')")
    String show(@CurrentStaff Staff staff, @PathVariable long id, @RequestParam(required = false) String year,
            Locale locale, Model model) {
        return page(staff, id, shownYear(year), null, locale, model);
    }

    @PostMapping("/units/{id}/targets")
    @PreAuthorize("hasAnyRole('NATIONAL', 'PROVINCE', 'COMMUNE')")
    String save(@CurrentStaff Staff staff, @PathVariable long id, @Valid @ModelAttribute("form") TargetForm form,
            BindingResult errors, Locale locale, Model model, RedirectAttributes flash) {
        targets.editable(staff, id);
        int year = shownYear(form.year());
        if (!errors.hasErrors()) {
            try {
                TargetForm.TargetCommand command = form.toCommand();
                year = command.year();
                targets.set(staff, id, command);
                Notices.flash(flash, "shares.targets.saved", String.valueOf(year));
                return "redirect:/units/" + id + "/targets?year=" + year;
            }
            catch (RuleViolationException ex) {
                RuleViolations.reject(errors, ex);
            }
        }
        return page(staff, id, year, form, locale, model);
    }

    private int shownYear(String year) {
        try {
            return Numbers.year(year);
        }
        catch (Numbers.BadNumber ex) {
            return VietnamTime.thisYear(clock);
        }
    }

    private String page(Staff staff, long id, int year, TargetForm form, Locale locale, Model model) {
        OrgUnitView node = targets.node(staff.scope(), id);
        unitPage.show(model, node);
        SharePageText text = new SharePageText(locale);
        var own = targets.own(id, year);
        Map<ShareKind, Shares.Target> effective = targets.effective(staff.scope(), id, year);
        List<Line> lines = new ArrayList<>();
        for (ShareKind kind : ShareKind.values()) {
            Shares.Target t = effective.get(kind);
            lines.add(new Line(kind.key(), text.percent(t == null ? null : t.percent()),
                    SharePageText.targetSourceCode(t, node.level()), t == null ? "" : String.valueOf(t.sourceYear()),
                    t == null ? null : t.sourceNote()));
        }
        List<HistoryLine> history = targets.history(id).stream()
                .map(e -> new HistoryLine(e.year(), java.util.Arrays.stream(ShareKind.values())
                        .map(k -> text.percent(e.values().get(k))).toList(), e.values().source()))
                .toList();
        int thisYear = VietnamTime.thisYear(clock);
        model.addAttribute("year", year);
        model.addAttribute("years", IntStream.iterate(Math.max(thisYear + 1, 2030), y -> y >= thisYear - 10, y -> y - 1)
                .boxed().toList());
        model.addAttribute("kinds", ShareKind.values());
        model.addAttribute("lines", lines);
        model.addAttribute("history", history);
        model.addAttribute("canEdit", targets.canEdit(staff, node));
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", form != null ? form
                    : TargetForm.of(year, own.map(TargetService.Entry::values).orElse(null),
                            own.map(TargetService.Entry::version).orElse(null)));
        }
        return "shares/targets";
    }

    /** One target as it applies: the value, where it comes from (message code), the year it was set for, its basis. */
    record Line(String key, String value, String sourceCode, String sourceYear, String note) {
    }

    /** The node's own targets of one year, formatted, in {@link ShareKind} order. */
    record HistoryLine(int year, List<String> values, String source) {
    }
}
