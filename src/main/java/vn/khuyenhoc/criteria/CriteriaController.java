package vn.khuyenhoc.criteria;

import java.util.List;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.time.Clock;

import vn.khuyenhoc.registration.TitleKind;
import vn.khuyenhoc.shared.CurrentStaff;
import vn.khuyenhoc.shared.Notices;
import vn.khuyenhoc.shared.RuleViolationException;
import vn.khuyenhoc.shared.RuleViolations;
import vn.khuyenhoc.shared.Staff;
import vn.khuyenhoc.shared.VietnamTime;

/**
 * The criteria sets: every staff member reads them with their sources; national staff write new versions
 * (anyone else 403). Sets belong to the whole country, so there is no node to scope.
 */
@Controller
class CriteriaController {

    private final CriteriaService criteria;
    private final Clock clock;

    CriteriaController(CriteriaService criteria, Clock clock) {
        this.criteria = criteria;
        this.clock = clock;
    }

    @GetMapping("/criteria")
    String list(@CurrentStaff Staff staff, Model model) {
        model.addAttribute("sets", criteria.all());
        model.addAttribute("kinds", TitleKind.values());
        model.addAttribute("canKeep", staff.role() == vn.khuyenhoc.shared.Role.NATIONAL);
        return "criteria/list";
    }

    @GetMapping("/criteria/{id}")
    String show(@CurrentStaff Staff staff, @PathVariable long id, Model model) {
        CriteriaSetView set = criteria.get(id);
        model.addAttribute("set", set);
        model.addAttribute("versions", criteria.all().stream()
                .filter(s -> s.kind().equals(set.kind()) && s.fromYear() == set.fromYear()).toList());
        model.addAttribute("canKeep", staff.role() == vn.khuyenhoc.shared.Role.NATIONAL);
        return "criteria/show";
    }

    @GetMapping("/criteria/new")
    String newSet(@CurrentStaff Staff staff, @RequestParam(required = false) TitleKind kind, Model model) {
        criteria.requireKeeper(staff);
        return form(model, CriteriaForm.blank(kind, VietnamTime.thisYear(clock)), null);
    }

    /** A form holding this version, to be saved as the next one. */
    @GetMapping("/criteria/{id}/edit")
    String edit(@CurrentStaff Staff staff, @PathVariable long id, Model model) {
        criteria.requireKeeper(staff);
        CriteriaSetView set = criteria.get(id);
        return form(model, CriteriaForm.of(set), set);
    }

    @PostMapping("/criteria")
    String save(@CurrentStaff Staff staff, @ModelAttribute("criteriaForm") CriteriaForm form, BindingResult errors,
            Model model, RedirectAttributes flash) {
        criteria.requireKeeper(staff);
        try {
            CriteriaSetView saved = criteria.save(staff, form.toCommand());
            Notices.flash(flash, "criteria.saved", saved.name() + " (" + saved.version() + ")");
            return "redirect:/criteria/" + saved.id();
        }
        catch (RuleViolationException ex) {
            RuleViolations.reject(errors, ex);
        }
        return form(model, form, null);
    }

    private String form(Model model, CriteriaForm form, CriteriaSetView from) {
        model.addAttribute("kinds", List.of(TitleKind.values()));
        model.addAttribute("from", from);
        if (!model.containsAttribute("criteriaForm")) {
            model.addAttribute("criteriaForm", form);
        }
        return "criteria/form";
    }
}
