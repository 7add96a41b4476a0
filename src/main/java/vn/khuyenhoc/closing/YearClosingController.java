package vn.khuyenhoc.closing;

import java.time.Year;

import jakarta.validation.Valid;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import vn.khuyenhoc.shared.CurrentStaff;
import vn.khuyenhoc.shared.FieldConflictException;
import vn.khuyenhoc.shared.RuleViolationException;
import vn.khuyenhoc.shared.RuleViolations;
import vn.khuyenhoc.shared.Staff;

/** The national board closing and reopening years. */
@Controller
@PreAuthorize("hasRole('NATIONAL')")
class YearClosingController {

    private final YearClosingService closing;

    YearClosingController(YearClosingService closing) {
        this.closing = closing;
    }

    @GetMapping("/years")
    String show(Model model) {
        return page(model, new YearClosingForm(Year.now().getValue() - 1, ""), new YearClosingForm(null, ""));
    }

    @PostMapping("/years/close")
    String close(@CurrentStaff Staff staff, @Valid @ModelAttribute("closeForm") YearClosingForm form, BindingResult errors,
            Model model, RedirectAttributes flash) {
        if (!errors.hasErrors()) {
            try {
                closing.close(staff, form.year());
                flash.addFlashAttribute("notice", "closing.closed");
                flash.addFlashAttribute("noticeArg", String.valueOf(form.year()));
                return "redirect:/years";
            }
            catch (FieldConflictException ex) {
                errors.rejectValue(ex.field(), ex.messageCode());
            }
            catch (RuleViolationException ex) {
                RuleViolations.reject(errors, ex);
            }
        }
        return page(model, form, new YearClosingForm(null, ""));
    }

    @PostMapping("/years/reopen")
    String reopen(@CurrentStaff Staff staff, @Valid @ModelAttribute("reopenForm") YearClosingForm form,
            BindingResult errors, Model model, RedirectAttributes flash) {
        if (form.reason() == null || form.reason().isBlank()) {
            errors.rejectValue("reason", "closing.reason.required");
        }
        if (!errors.hasErrors()) {
            try {
                closing.reopen(staff, form.year(), form.reason());
                flash.addFlashAttribute("notice", "closing.reopened");
                flash.addFlashAttribute("noticeArg", String.valueOf(form.year()));
                return "redirect:/years";
            }
            catch (FieldConflictException ex) {
                errors.rejectValue(ex.field(), ex.messageCode());
            }
        }
        return page(model, new YearClosingForm(Year.now().getValue() - 1, ""), form);
    }

    private String page(Model model, YearClosingForm closeForm, YearClosingForm reopenForm) {
        // keep the bound form (and its errors) when redisplaying after a failed POST
        if (!model.containsAttribute("closeForm")) {
            model.addAttribute("closeForm", closeForm);
        }
        // keep the bound form (and its errors) when redisplaying after a failed POST
        if (!model.containsAttribute("reopenForm")) {
            model.addAttribute("reopenForm", reopenForm);
        }
        model.addAttribute("closedYears", closing.closedYears());
        model.addAttribute("history", closing.history());
        return "closing/years";
    }
}
