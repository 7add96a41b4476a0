package vn.khuyenhoc.rollup;

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

import vn.khuyenhoc.shared.CurrentStaff;
import vn.khuyenhoc.shared.Notices;
import vn.khuyenhoc.shared.RuleViolationException;
import vn.khuyenhoc.shared.RuleViolations;
import vn.khuyenhoc.shared.Staff;

/** National staff keeping the groups of provinces the national dashboard can compare. */
@Controller
@PreAuthorize("hasRole('NATIONAL')")
class ProvinceGroupController {

    private final ProvinceGroupService groups;

    ProvinceGroupController(ProvinceGroupService groups) {
        this.groups = groups;
    }

    @GetMapping("/groups")
    String list(Model model) {
        model.addAttribute("groups", groups.all());
        return "rollup/groups";
    }

    @GetMapping("/groups/new")
    String newGroup(@CurrentStaff Staff staff, Model model) {
        return form(staff, model, null, ProvinceGroupForm.empty());
    }

    @PostMapping("/groups")
    String create(@CurrentStaff Staff staff, @Valid @ModelAttribute("form") ProvinceGroupForm form, BindingResult errors,
            Model model, RedirectAttributes flash) {
        if (!errors.hasErrors()) {
            try {
                groups.create(staff, form);
                Notices.flash(flash, "group.saved", form.name());
                return "redirect:/groups";
            }
            catch (RuleViolationException ex) {
                RuleViolations.reject(errors, ex);
            }
        }
        return form(staff, model, null, form);
    }

    @GetMapping("/groups/{id}/edit")
    String edit(@CurrentStaff Staff staff, @PathVariable long id, Model model) {
        var group = groups.get(staff, id);
        return form(staff, model, id, new ProvinceGroupForm(group.name(), group.nameEn(), group.provinceIds(), group.version()));
    }

    @PostMapping("/groups/{id}")
    String update(@CurrentStaff Staff staff, @PathVariable long id, @Valid @ModelAttribute("form") ProvinceGroupForm form,
            BindingResult errors, Model model, RedirectAttributes flash) {
        groups.get(staff, id);
        if (!errors.hasErrors()) {
            try {
                groups.update(staff, id, form);
                Notices.flash(flash, "group.saved", form.name());
                return "redirect:/groups";
            }
            catch (RuleViolationException ex) {
                RuleViolations.reject(errors, ex);
            }
        }
        return form(staff, model, id, form);
    }

    @PostMapping("/groups/{id}/delete")
    String delete(@CurrentStaff Staff staff, @PathVariable long id, RedirectAttributes flash) {
        var group = groups.get(staff, id);
        groups.delete(staff, id);
        Notices.flash(flash, "group.deleted", group.name());
        return "redirect:/groups";
    }

    private String form(Staff staff, Model model, Long id, ProvinceGroupForm form) {
        model.addAttribute("groupId", id);
        // keep the bound form (and its errors) when redisplaying after a failed POST
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", form);
        }
        model.addAttribute("provinces", groups.provinces(staff));
        return "rollup/group-form";
    }
}
