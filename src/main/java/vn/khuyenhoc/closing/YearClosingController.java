package vn.khuyenhoc.closing;

import java.time.Clock;

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
import vn.khuyenhoc.shared.Notices;
import vn.khuyenhoc.shared.RuleViolationException;
import vn.khuyenhoc.shared.RuleViolations;
import vn.khuyenhoc.shared.Staff;
import vn.khuyenhoc.shared.VietnamTime;

/** The national board closing and reopening years. */
@Controller
@PreAuthorize("hasRole('NATIONAL')")
class YearClosingController {

    private final YearClosingService closing;
    private final Clock clock;

    YearClosingController(YearClosingService closing, Clock clock) {
        this.clock = clock;
        this.closing = closing;
    }

    @GetMapping("/years")
    String show(Model model) {
        return page(model, new YearClosingForm(VietnamTime.thisYear(clock) - 1, ""), new YearReopenForm(null, ""));
    }

    @PostMapping("/years/close")
    String close(@CurrentStaff Staff staff, @Valid @ModelAttribute("closeForm") YearClosingForm form, BindingResult errors,
            Model model, RedirectAttributes flash) {
        if (!errors.hasErrors()) {
            try {
                closing.close(staff, form.year());
                Notices.flash(flash, "closing.closed", String.valueOf(form.year()));
                return "redirect:/years";
            }
            catch (RuleViolationException ex) {
                RuleViolations.reject(errors, ex);
            }
        }
        return page(model, form, new YearReopenForm(null, ""));
    }

    @PostMapping("/years/reopen")
    String reopen(@CurrentStaff Staff staff, @Valid @ModelAttribute("reopenForm") YearReopenForm form,
            BindingResult errors, Model model, RedirectAttributes flash) {
        if (!errors.hasErrors()) {
            try {
                closing.reopen(staff, form.year(), form.reason());
                Notices.flash(flash, "closing.reopened", String.valueOf(form.year()));
                return "redirect:/years";
            }
            catch (RuleViolationException ex) {
                RuleViolations.reject(errors, ex);
            }
        }
        return page(model, new YearClosingForm(VietnamTime.thisYear(clock) - 1, ""), form);
    }

    private String page(Model model, YearClosingForm closeForm, YearReopenForm reopenForm) {
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
