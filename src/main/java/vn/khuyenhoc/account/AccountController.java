package vn.khuyenhoc.account;

import jakarta.validation.Valid;

import org.springframework.data.domain.PageRequest;
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
import vn.khuyenhoc.shared.Notices;
import vn.khuyenhoc.shared.RuleViolationException;
import vn.khuyenhoc.shared.RuleViolations;
import vn.khuyenhoc.shared.Staff;

/** Managers keeping the accounts of the nodes one level below theirs. */
@Controller
class AccountController {

    private static final int PAGE_SIZE = 50;

    private final AccountService accounts;

    AccountController(AccountService accounts) {
        this.accounts = accounts;
    }

    @GetMapping("/accounts")
    String list(@CurrentStaff Staff staff, @RequestParam(defaultValue = "0") int page, Model model) {
        model.addAttribute("accounts", accounts.managed(staff, PageRequest.of(Math.max(page, 0), PAGE_SIZE)));
        return "account/list";
    }

    @GetMapping("/accounts/new")
    String newAccount(@CurrentStaff Staff staff, @RequestParam(required = false) Long unitId, Model model) {
        if (unitId != null) {
            accounts.requireManagedUnit(staff, unitId); // an id outside the scope answers 404, like every other
        }
        return showForm(staff, model, NewAccountForm.empty(unitId));
    }

    @PostMapping("/accounts")
    String create(@CurrentStaff Staff staff, @Valid @ModelAttribute("form") NewAccountForm form, BindingResult errors,
            Model model, RedirectAttributes flash) {
        if (!errors.hasErrors()) {
            try {
                AccountView created = accounts.create(staff, form);
                Notices.flash(flash, "account.created", created.username());
                return "redirect:/accounts";
            }
            catch (RuleViolationException ex) {
                RuleViolations.reject(errors, ex);
            }
        }
        return showForm(staff, model, form);
    }

    @PostMapping("/accounts/{id}/disable")
    String disable(@CurrentStaff Staff staff, @PathVariable long id, RedirectAttributes flash) {
        AccountView account = accounts.setEnabled(staff, id, false);
        Notices.flash(flash, "account.disabled", account.username());
        return "redirect:/accounts";
    }

    @PostMapping("/accounts/{id}/enable")
    String enable(@CurrentStaff Staff staff, @PathVariable long id, RedirectAttributes flash) {
        AccountView account = accounts.setEnabled(staff, id, true);
        Notices.flash(flash, "account.enabled", account.username());
        return "redirect:/accounts";
    }

    @GetMapping("/accounts/{id}/password")
    String resetPasswordForm(@CurrentStaff Staff staff, @PathVariable long id, Model model) {
        model.addAttribute("account", accounts.get(staff, id));
        model.addAttribute("form", PasswordForm.empty());
        return "account/reset-password";
    }

    @PostMapping("/accounts/{id}/password")
    String resetPassword(@CurrentStaff Staff staff, @PathVariable long id,
            @Valid @ModelAttribute("form") PasswordForm form, BindingResult errors, Model model,
            RedirectAttributes flash) {
        AccountView account = accounts.get(staff, id);
        if (!errors.hasErrors()) {
            try {
                accounts.resetPassword(staff, id, form);
                Notices.flash(flash, "account.passwordReset", account.username());
                return "redirect:/accounts";
            }
            catch (RuleViolationException ex) {
                RuleViolations.reject(errors, ex);
            }
        }
        model.addAttribute("account", account);
        return "account/reset-password";
    }

    private String showForm(Staff staff, Model model, NewAccountForm form) {
        // keep the bound form (and its errors) when redisplaying after a failed POST
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", form);
        }
        model.addAttribute("units", accounts.managedUnits(staff));
        return "account/form";
    }
}
