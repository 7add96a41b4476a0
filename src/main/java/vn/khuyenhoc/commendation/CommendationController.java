package vn.khuyenhoc.commendation;

import java.time.Clock;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import vn.khuyenhoc.orgunit.OrgUnitService;
import vn.khuyenhoc.orgunit.UnitPageModel;
import vn.khuyenhoc.shared.CurrentStaff;
import vn.khuyenhoc.shared.Notices;
import vn.khuyenhoc.shared.RuleViolationException;
import vn.khuyenhoc.shared.RuleViolations;
import vn.khuyenhoc.shared.Staff;
import vn.khuyenhoc.shared.VietnamTime;

/** A node's commendations of a year: the list (its subtree), and recording or deleting one. */
@Controller
class CommendationController {

    private final CommendationService commendations;
    private final OrgUnitService orgUnits;
    private final UnitPageModel unitPage;
    private final Clock clock;

    CommendationController(CommendationService commendations, OrgUnitService orgUnits, UnitPageModel unitPage,
            Clock clock) {
        this.commendations = commendations;
        this.orgUnits = orgUnits;
        this.unitPage = unitPage;
        this.clock = clock;
    }

    @GetMapping("/units/{id}/commendations")
    String list(@CurrentStaff Staff staff, @PathVariable long id, @RequestParam(required = false) String year,
            Model model) {
        int y = year(year);
        return page(staff, id, y, CommendationForm.empty(y), model);
    }

    @PostMapping("/units/{id}/commendations")
    String record(@CurrentStaff Staff staff, @PathVariable long id,
            @ModelAttribute("commendationForm") CommendationForm form, BindingResult errors, Model model,
            RedirectAttributes flash) {
        try {
            commendations.record(staff, id, form);
            Notices.flash(flash, "commendation.saved", form.recipientName());
            return "redirect:/units/" + id + "/commendations?year=" + form.year().strip();
        }
        catch (RuleViolationException ex) {
            RuleViolations.reject(errors, ex);
        }
        return page(staff, id, year(form.year()), form, model);
    }

    @PostMapping("/commendations/{id}/delete")
    String delete(@CurrentStaff Staff staff, @PathVariable long id, @RequestParam(required = false) String year,
            RedirectAttributes flash) {
        try {
            long nodeId = commendations.delete(staff, id);
            Notices.flash(flash, "commendation.deleted");
            return "redirect:/units/" + nodeId + "/commendations?year=" + year(year);
        }
        catch (RuleViolationException ex) {
            flash.addFlashAttribute("problem", ex.violations().get(0).code());
            flash.addFlashAttribute("problemArgs", ex.violations().get(0).args());
            return "redirect:/units/" + staff.scope().nodeId() + "/commendations?year=" + year(year);
        }
    }

    private String page(Staff staff, long id, int year, CommendationForm form, Model model) {
        unitPage.show(model, orgUnits.get(staff.scope(), id));
        model.addAttribute("year", year);
        model.addAttribute("listing", commendations.list(staff, id, year));
        model.addAttribute("canRecord", commendations.canRecord(staff));
        model.addAttribute("recipientKinds", CommendationForm.RecipientKind.values());
        model.addAttribute("levels", CommendationForm.Level.values());
        model.addAttribute("forms", CommendationForm.Form.values());
        int thisYear = VietnamTime.thisYear(clock);
        model.addAttribute("years", java.util.stream.IntStream.rangeClosed(0, 5).map(i -> thisYear - i).boxed().toList());
        if (!model.containsAttribute("commendationForm")) {
            model.addAttribute("commendationForm", form);
        }
        return "commendation/list";
    }

    private int year(String typed) {
        int thisYear = VietnamTime.thisYear(clock);
        if (typed == null || !typed.strip().matches("\\d{4}")) {
            return thisYear;
        }
        int y = Integer.parseInt(typed.strip());
        return y < 2000 || y > thisYear ? thisYear : y;
    }
}
