package vn.khuyenhoc.orgunit;

import java.util.Comparator;
import java.util.List;
import java.util.Objects;

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

import vn.khuyenhoc.shared.CurrentStaff;
import vn.khuyenhoc.shared.NotFoundException;
import vn.khuyenhoc.shared.Notices;
import vn.khuyenhoc.shared.Role;
import vn.khuyenhoc.shared.RuleViolationException;
import vn.khuyenhoc.shared.RuleViolations;
import vn.khuyenhoc.shared.Staff;

/** Browsing the tree, and commune staff keeping the list of their grassroots units. */
@Controller
class OrgUnitController {

    private final OrgUnitService units;
    private final UnitPageModel unitPage;
    private final List<UnitPageSection> sections;

    OrgUnitController(OrgUnitService units, UnitPageModel unitPage, List<UnitPageSection> sections) {
        this.units = units;
        this.unitPage = unitPage;
        this.sections = sections.stream().sorted(Comparator.comparingInt(UnitPageSection::order)).toList();
    }

    @GetMapping("/")
    String home(@CurrentStaff Staff staff) {
        return "redirect:/units/" + staff.scope().nodeId();
    }

    @GetMapping("/units/{id}")
    String show(@CurrentStaff Staff staff, @PathVariable long id,
            @RequestParam(name = "year", required = false) String yearParam, Model model) {
        OrgUnitView unit = unitPage.show(model, units.get(staff.scope(), id));
        Integer year = yearParam != null && yearParam.matches("\\d{4}") ? Integer.valueOf(yearParam) : null;
        model.addAttribute("actionSections", shown(UnitPageSection.Place.ACTIONS, staff, unit, year));
        model.addAttribute("bodySections", shown(UnitPageSection.Place.BODY, staff, unit, year));
        model.addAttribute("children", units.children(staff.scope(), id));
        model.addAttribute("canManageGrassroots", unit.isCommune() && staff.role() == Role.COMMUNE);
        return "orgunit/show";
    }

    @GetMapping("/units/{communeId}/grassroots/new")
    @PreAuthorize("hasRole('COMMUNE')")
    String newGrassroots(@CurrentStaff Staff staff, @PathVariable long communeId, Model model) {
        return showForm(model, requireCommune(staff, communeId), null, GrassrootsUnitForm.empty());
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
                Notices.flash(flash, "unit.created", created.name());
                return "redirect:/units/" + communeId;
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
        return showForm(model, units.get(staff.scope(), unit.parentId()), unit, GrassrootsUnitForm.of(unit));
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
                Notices.flash(flash, "unit.updated", form.name());
                return "redirect:/units/" + id;
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
        OrgUnitView unit = units.setGrassrootsActive(staff, id, false);
        Notices.flash(flash, "unit.deactivated", unit.name());
        return "redirect:/units/" + unit.parentId();
    }

    @PostMapping("/units/{id}/activate")
    @PreAuthorize("hasRole('COMMUNE')")
    String activate(@CurrentStaff Staff staff, @PathVariable long id, RedirectAttributes flash) {
        OrgUnitView unit = units.setGrassrootsActive(staff, id, true);
        Notices.flash(flash, "unit.activated", unit.name());
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

    private List<UnitPageSection.Shown> shown(UnitPageSection.Place place, Staff staff, OrgUnitView unit, Integer year) {
        return sections.stream().filter(s -> s.place() == place).map(s -> {
            Object sectionModel = s.model(staff, unit, year);
            return sectionModel == null ? null : new UnitPageSection.Shown(s.fragment(), sectionModel);
        }).filter(Objects::nonNull).toList();
    }
}
