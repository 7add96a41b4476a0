package vn.khuyenhoc.centre;

import java.time.Clock;

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

import vn.khuyenhoc.orgunit.OrgUnitService;
import vn.khuyenhoc.orgunit.UnitPageModel;
import vn.khuyenhoc.shared.CurrentStaff;
import vn.khuyenhoc.shared.Notices;
import vn.khuyenhoc.shared.RuleViolationException;
import vn.khuyenhoc.shared.RuleViolations;
import vn.khuyenhoc.shared.Staff;
import vn.khuyenhoc.shared.VietnamTime;

/** A centre's year (activity by kind, the chair's part, the digital-hub state): recorded by the commune's staff. */
@Controller
class CentreYearController {

    private final CentreService centres;
    private final OrgUnitService orgUnits;
    private final UnitPageModel unitPage;
    private final Clock clock;

    CentreYearController(CentreService centres, OrgUnitService orgUnits, UnitPageModel unitPage, Clock clock) {
        this.centres = centres;
        this.orgUnits = orgUnits;
        this.unitPage = unitPage;
        this.clock = clock;
    }

    @GetMapping("/centres/{centreId}/year")
    @PreAuthorize("hasRole('COMMUNE')")
    String form(@CurrentStaff Staff staff, @PathVariable long centreId, @RequestParam(required = false) String year,
            Model model) {
        CentreView centre = centres.writableCentre(staff, centreId);
        int shown = yearOrThis(year);
        CentreYearForm form = centres.year(staff.scope(), centreId, shown).map(CentreYearForm::of)
                .orElse(CentreYearForm.empty(shown));
        return page(staff, model, centre, form);
    }

    @PostMapping("/centres/{centreId}/year")
    @PreAuthorize("hasRole('COMMUNE')")
    String save(@CurrentStaff Staff staff, @PathVariable long centreId, @Valid @ModelAttribute("form") CentreYearForm form,
            BindingResult errors, Model model, RedirectAttributes flash) {
        CentreView centre = centres.writableCentre(staff, centreId);
        if (!errors.hasErrors()) {
            try {
                CentreYear saved = centres.saveYear(staff, centreId, form.toData(), form.version());
                Notices.flash(flash, "centre.year.saved", String.valueOf(saved.year()));
                return "redirect:/centres/" + centreId;
            }
            catch (RuleViolationException ex) {
                RuleViolations.reject(errors, ex);
            }
        }
        return page(staff, model, centre, form);
    }

    private String page(Staff staff, Model model, CentreView centre, CentreYearForm form) {
        unitPage.show(model, orgUnits.get(staff.scope(), centre.communeId()));
        model.addAttribute("centre", centre);
        model.addAttribute("kinds", CentreKind.values());
        model.addAttribute("grades", CentreGrade.values());
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", form);
        }
        return "centre/year";
    }

    private int yearOrThis(String year) {
        int thisYear = VietnamTime.thisYear(clock);
        try {
            int y = Integer.parseInt(year);
            return y < 1990 || y > thisYear ? thisYear : y;
        }
        catch (NumberFormatException ex) {
            return thisYear;
        }
    }
}
