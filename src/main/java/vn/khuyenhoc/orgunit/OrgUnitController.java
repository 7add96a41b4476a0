package vn.khuyenhoc.orgunit;

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

import java.time.Clock;

import vn.khuyenhoc.shared.CurrentStaff;
import vn.khuyenhoc.shared.FieldConflictException;
import vn.khuyenhoc.shared.NotFoundException;
import vn.khuyenhoc.shared.Role;
import vn.khuyenhoc.shared.RuleViolationException;
import vn.khuyenhoc.shared.RuleViolations;
import vn.khuyenhoc.shared.Staff;
import vn.khuyenhoc.shared.VietnamTime;

/** Browsing the tree, and commune staff keeping the list of their grassroots units. */
@Controller
class OrgUnitController {

    private final OrgUnitService units;
    private final Clock clock;

    OrgUnitController(OrgUnitService units, Clock clock) {
        this.units = units;
        this.clock = clock;
    }

    @GetMapping("/")
    String home(@CurrentStaff Staff staff) {
        return "redirect:/units/" + staff.scope().nodeId();
    }

    @GetMapping("/units/{id}")
    String show(@CurrentStaff Staff staff, @PathVariable long id, Model model) {
        OrgUnitView unit = units.get(staff.scope(), id);
        model.addAttribute("unit", unit);
        model.addAttribute("lineage", units.lineage(unit));
        model.addAttribute("children", units.children(staff.scope(), id));
        model.addAttribute("canManageGrassroots", unit.isCommune() && staff.role() == Role.COMMUNE);
        return "orgunit/show";
    }

    @GetMapping("/units/{communeId}/grassroots/new")
    @PreAuthorize("hasRole('COMMUNE')")
    String newGrassroots(@CurrentStaff Staff staff, @PathVariable long communeId, Model model) {
        return showForm(model, requireCommune(staff, communeId), null, GrassrootsUnitForm.empty(VietnamTime.today(clock)));
    }

    @PostMapping("/units/{communeId}/grassroots")
    @PreAuthorize("hasRole('COMMUNE')")
    String createGrassroots(@CurrentStaff Staff staff, @PathVariable long communeId,
            @Valid @ModelAttribute("form") GrassrootsUnitForm form, BindingResult errors, Model model,
            RedirectAttributes flash) {
        OrgUnitView commune = requireCommune(staff, communeId);
        if (!errors.hasErrors()) {
            try {
                OrgUnitView created = units.createGrassroots(staff, communeId, form);
                flash.addFlashAttribute("notice", "unit.created");
                flash.addFlashAttribute("noticeArg", created.name());
                return "redirect:/units/" + communeId;
            }
            catch (FieldConflictException ex) {
                errors.rejectValue(ex.field(), ex.messageCode());
            }
            catch (RuleViolationException ex) {
                RuleViolations.reject(errors, ex);
            }
        }
        return showForm(model, commune, null, form);
    }

    @GetMapping("/units/{id}/edit")
    @PreAuthorize("hasRole('COMMUNE')")
    String edit(@CurrentStaff Staff staff, @PathVariable long id, Model model) {
        OrgUnitView unit = requireGrassroots(staff, id);
        OrgUnitService.Span span = units.span(staff.scope(), id);
        return showForm(model, units.get(staff.scope(), unit.parentId()), unit,
                GrassrootsUnitForm.of(unit, span.foundedOn(), span.dissolvedOn()));
    }

    @PostMapping("/units/{id}")
    @PreAuthorize("hasRole('COMMUNE')")
    String update(@CurrentStaff Staff staff, @PathVariable long id,
            @Valid @ModelAttribute("form") GrassrootsUnitForm form, BindingResult errors, Model model,
            RedirectAttributes flash) {
        OrgUnitView unit = requireGrassroots(staff, id);
        if (!errors.hasErrors()) {
            try {
                units.updateGrassroots(staff, id, form);
                flash.addFlashAttribute("notice", "unit.updated");
                flash.addFlashAttribute("noticeArg", form.name());
                return "redirect:/units/" + id;
            }
            catch (FieldConflictException ex) {
                errors.rejectValue(ex.field(), ex.messageCode());
            }
            catch (RuleViolationException ex) {
                RuleViolations.reject(errors, ex);
            }
        }
        return showForm(model, units.get(staff.scope(), unit.parentId()), unit, form);
    }

    @PostMapping("/units/{id}/deactivate")
    @PreAuthorize("hasRole('COMMUNE')")
    String deactivate(@CurrentStaff Staff staff, @PathVariable long id, RedirectAttributes flash) {
        OrgUnitView unit;
        try {
            unit = units.setGrassrootsActive(staff, id, false);
        }
        catch (RuleViolationException ex) { // a dissolution date in a closed year stays as it is
            RuleViolationException.Violation v = ex.violations().get(0);
            flash.addFlashAttribute("notice", v.code());
            flash.addFlashAttribute("noticeArg", v.args().length > 0 ? v.args()[0] : null);
            return "redirect:/units/" + id;
        }
        flash.addFlashAttribute("notice", "unit.deactivated");
        flash.addFlashAttribute("noticeArg", unit.name());
        return "redirect:/units/" + unit.parentId();
    }

    @PostMapping("/units/{id}/activate")
    @PreAuthorize("hasRole('COMMUNE')")
    String activate(@CurrentStaff Staff staff, @PathVariable long id, RedirectAttributes flash) {
        OrgUnitView unit;
        try {
            unit = units.setGrassrootsActive(staff, id, true);
        }
        catch (RuleViolationException ex) { // a dissolution date in a closed year stays as it is
            RuleViolationException.Violation v = ex.violations().get(0);
            flash.addFlashAttribute("notice", v.code());
            flash.addFlashAttribute("noticeArg", v.args().length > 0 ? v.args()[0] : null);
            return "redirect:/units/" + id;
        }
        flash.addFlashAttribute("notice", "unit.activated");
        flash.addFlashAttribute("noticeArg", unit.name());
        return "redirect:/units/" + unit.parentId();
    }

    private OrgUnitView requireCommune(Staff staff, long id) {
        OrgUnitView unit = units.get(staff.scope(), id);
        if (!unit.isCommune()) {
            throw new NotFoundException();
        }
        return unit;
    }

    private OrgUnitView requireGrassroots(Staff staff, long id) {
        OrgUnitView unit = units.get(staff.scope(), id);
        if (!unit.isGrassroots()) {
            throw new NotFoundException();
        }
        return unit;
    }

    private String showForm(Model model, OrgUnitView commune, OrgUnitView unit, GrassrootsUnitForm form) {
        model.addAttribute("commune", commune);
        model.addAttribute("unit", unit);
        // keep the bound form (and its errors) when redisplaying after a failed POST
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", form);
        }
        model.addAttribute("kinds", new OrgUnitKind[] {OrgUnitKind.CHAPTER, OrgUnitKind.BOARD});
        return "orgunit/grassroots-form";
    }
}
