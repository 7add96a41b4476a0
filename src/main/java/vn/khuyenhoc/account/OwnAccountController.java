package vn.khuyenhoc.account;

import jakarta.validation.Valid;

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

/** Signing in, and changing one's own password. */
@Controller
class OwnAccountController {

    private final AccountService accounts;

    OwnAccountController(AccountService accounts) {
        this.accounts = accounts;
    }

    @GetMapping("/login")
    String login() {
        return "account/login";
    }

    @GetMapping("/password")
    String passwordForm(Model model) {
        model.addAttribute("form", PasswordForm.empty());
        return "account/password";
    }

    @PostMapping("/password")
    String changePassword(@CurrentStaff Staff staff, @Valid @ModelAttribute("form") PasswordForm form,
            BindingResult errors, RedirectAttributes flash) {
        if (!errors.hasErrors()) {
            try {
                accounts.changeOwnPassword(staff, form);
                Notices.flash(flash, "password.changed");
                // straight to the user's page: through "/" (itself a redirect) the flash message would be lost
                return "redirect:/units/" + staff.scope().nodeId();
            }
            catch (RuleViolationException ex) {
                RuleViolations.reject(errors, ex);
            }
        }
        return "account/password";
    }
}
