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
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import vn.khuyenhoc.orgunit.OrgUnitService;
import vn.khuyenhoc.orgunit.OrgUnitView;
import vn.khuyenhoc.orgunit.UnitPageModel;
import vn.khuyenhoc.shared.CurrentStaff;
import vn.khuyenhoc.shared.Notices;
import vn.khuyenhoc.shared.RuleViolationException;
import vn.khuyenhoc.shared.RuleViolations;
import vn.khuyenhoc.shared.Staff;
import vn.khuyenhoc.shared.VietnamTime;

/** A commune's staff trained in digital skills, by year: read by everyone above, kept by the commune's staff. */
@Controller
class DigitalStaffController {

    private final DigitalStaffService digitalStaff;
    private final CentreService centres;
    private final OrgUnitService orgUnits;
    private final UnitPageModel unitPage;
    private final Clock clock;

    DigitalStaffController(DigitalStaffService digitalStaff, CentreService centres, OrgUnitService orgUnits,
            UnitPageModel unitPage, Clock clock) {
        this.digitalStaff = digitalStaff;
        this.centres = centres;
        this.orgUnits = orgUnits;
        this.unitPage = unitPage;
        this.clock = clock;
    }

    @GetMapping("/units/{id}/digital-staff")
    @PreAuthorize("hasAnyRole('NATIONAL', 'PROVINCE', 'COMMUNE')")
    String show(@CurrentStaff Staff staff, @PathVariable long id, Model model) {
        return page(staff, id, model, new DigitalStaffForm(VietnamTime.thisYear(clock), null, null, null));
    }

    @PostMapping("/units/{id}/digital-staff")
    @PreAuthorize("hasRole('COMMUNE')")
    String save(@CurrentStaff Staff staff, @PathVariable long id, @Valid @ModelAttribute("form") DigitalStaffForm form,
            BindingResult errors, Model model, RedirectAttributes flash) {
        centres.writableCommune(staff, id);
        if (!errors.hasErrors()) {
            try {
                digitalStaff.set(staff, id, form.year(), form.staff(), form.trained(), form.version());
                Notices.flash(flash, "digitalStaff.saved", String.valueOf(form.year()));
                return "redirect:/units/" + id + "/digital-staff";
            }
            catch (RuleViolationException ex) {
                RuleViolations.reject(errors, ex);
            }
        }
        return page(staff, id, model, form);
    }

    private String page(Staff staff, long id, Model model, DigitalStaffForm form) {
        var rows = digitalStaff.history(staff.scope(), id);
        OrgUnitView commune = unitPage.show(model, orgUnits.get(staff.scope(), id));
        model.addAttribute("rows", rows);
        model.addAttribute("canWrite", centres.canWrite(staff, commune));
        model.addAttribute("target", DigitalStaffService.TARGET);
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", form);
        }
        return "centre/digital-staff";
    }
}
