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
import vn.khuyenhoc.orgunit.OrgUnitView;
import vn.khuyenhoc.orgunit.UnitPageModel;
import vn.khuyenhoc.shared.CurrentStaff;
import vn.khuyenhoc.shared.Keyset;
import vn.khuyenhoc.shared.Notices;
import vn.khuyenhoc.shared.RuleViolationException;
import vn.khuyenhoc.shared.RuleViolations;
import vn.khuyenhoc.shared.Staff;
import vn.khuyenhoc.shared.VietnamTime;

/**
 * The register of community learning centres: a node's list (a commune's centres, or a province's or the country's),
 * a centre's page (its entry, its years, the fund support it received), and the forms commune staff register and
 * correct centres with.
 */
@Controller
class CentreController {

    private final CentreService centres;
    private final OrgUnitService orgUnits;
    private final UnitPageModel unitPage;
    private final Clock clock;

    CentreController(CentreService centres, OrgUnitService orgUnits, UnitPageModel unitPage, Clock clock) {
        this.centres = centres;
        this.orgUnits = orgUnits;
        this.unitPage = unitPage;
        this.clock = clock;
    }

    @GetMapping("/units/{id}/centres")
    @PreAuthorize("hasAnyRole('NATIONAL', 'PROVINCE', 'COMMUNE')")
    String list(@CurrentStaff Staff staff, @PathVariable long id, @RequestParam(required = false) String after,
            @RequestParam(required = false) String before, Model model) {
        CentreService.CentrePage centrePage = centres.list(staff.scope(), id, Keyset.Cursor.read(after, before));
        unitPage.show(model, centrePage.node());
        model.addAttribute("centrePage", centrePage);
        model.addAttribute("canWrite", centres.canWrite(staff, centrePage.node()));
        return "centre/list";
    }

    @GetMapping("/units/{id}/centres/new")
    @PreAuthorize("hasRole('COMMUNE')")
    String newCentre(@CurrentStaff Staff staff, @PathVariable long id, Model model) {
        OrgUnitView commune = centres.writableCommune(staff, id);
        return form(model, commune, null, CentreForm.empty());
    }

    @PostMapping("/units/{id}/centres")
    @PreAuthorize("hasRole('COMMUNE')")
    String create(@CurrentStaff Staff staff, @PathVariable long id, @Valid @ModelAttribute("form") CentreForm form,
            BindingResult errors, Model model, RedirectAttributes flash) {
        OrgUnitView commune = centres.writableCommune(staff, id);
        if (!errors.hasErrors()) {
            try {
                CentreView created = centres.create(staff, id, form.toData());
                Notices.flash(flash, "centre.created", created.name());
                return "redirect:/centres/" + created.id();
            }
            catch (RuleViolationException ex) {
                RuleViolations.reject(errors, ex);
            }
        }
        return form(model, commune, null, form);
    }

    @GetMapping("/centres/{centreId}")
    @PreAuthorize("hasAnyRole('NATIONAL', 'PROVINCE', 'COMMUNE')")
    String show(@CurrentStaff Staff staff, @PathVariable long centreId, Model model) {
        CentreView centre = centres.get(staff.scope(), centreId);
        OrgUnitView commune = unitPage.show(model, orgUnits.get(staff.scope(), centre.communeId()));
        model.addAttribute("centre", centre);
        model.addAttribute("years", centres.years(staff.scope(), centreId));
        model.addAttribute("support", centres.support(staff.scope(), centreId));
        model.addAttribute("canWrite", centres.canWrite(staff, commune));
        model.addAttribute("thisYear", VietnamTime.thisYear(clock));
        model.addAttribute("kinds", CentreKind.values());
        return "centre/show";
    }

    @GetMapping("/centres/{centreId}/edit")
    @PreAuthorize("hasRole('COMMUNE')")
    String edit(@CurrentStaff Staff staff, @PathVariable long centreId, Model model) {
        CentreView centre = centres.writableCentre(staff, centreId);
        return form(model, orgUnits.get(staff.scope(), centre.communeId()), centre, CentreForm.of(centre));
    }

    @PostMapping("/centres/{centreId}")
    @PreAuthorize("hasRole('COMMUNE')")
    String update(@CurrentStaff Staff staff, @PathVariable long centreId, @Valid @ModelAttribute("form") CentreForm form,
            BindingResult errors, Model model, RedirectAttributes flash) {
        CentreView centre = centres.writableCentre(staff, centreId);
        if (!errors.hasErrors()) {
            try {
                CentreView updated = centres.update(staff, centreId, form.toData(), form.version());
                Notices.flash(flash, "centre.updated", updated.name());
                return "redirect:/centres/" + centreId;
            }
            catch (RuleViolationException ex) {
                RuleViolations.reject(errors, ex);
            }
        }
        return form(model, orgUnits.get(staff.scope(), centre.communeId()), centre, form);
    }

    private String form(Model model, OrgUnitView commune, CentreView centre, CentreForm form) {
        unitPage.show(model, commune);
        model.addAttribute("centre", centre);
        // keep the bound form (and its errors) when redisplaying after a failed POST
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", form);
        }
        return "centre/form";
    }
}
