package vn.khuyenhoc.account;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import jakarta.validation.Valid;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
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

/** Signing in, and changing one's own password (first of all a one-time password set by someone else). */
@Controller
class OwnAccountController {

    private final AccountService accounts;
    private final SecurityContextRepository contexts = new HttpSessionSecurityContextRepository();

    OwnAccountController(AccountService accounts) {
        this.accounts = accounts;
    }

    @GetMapping("/login")
    String login(HttpServletRequest request, Model model) {
        HttpSession session = request.getSession(false);
        if (request.getParameter("locked") != null && session != null) {
            model.addAttribute("lockedUntil", session.getAttribute(SignInEvents.LOCKED_UNTIL));
        }
        return "account/login";
    }

    @GetMapping("/password")
    String passwordForm(@CurrentStaff Staff staff, Model model) {
        model.addAttribute("form", PasswordForm.empty());
        model.addAttribute("oneTime", accounts.mustChangePassword(staff));
        return "account/password";
    }

    @PostMapping("/password")
    String changePassword(@CurrentStaff Staff staff, @Valid @ModelAttribute("form") PasswordForm form,
            BindingResult errors, Model model, RedirectAttributes flash, HttpServletRequest request,
            HttpServletResponse response) {
        if (!errors.hasErrors()) {
            try {
                int sessionVersion = accounts.changeOwnPassword(staff, form);
                keepThisSession(sessionVersion, request, response);
                Notices.flash(flash, "password.changed");
                // straight to the user's page: through "/" (itself a redirect) the flash message would be lost
                return "redirect:/units/" + staff.scope().nodeId();
            }
            catch (RuleViolationException ex) {
                RuleViolations.reject(errors, ex);
            }
        }
        model.addAttribute("oneTime", accounts.mustChangePassword(staff));
        return "account/password";
    }

    /** The new password ends the account's other sessions; this one goes on under the new session version. */
    private void keepThisSession(int sessionVersion, HttpServletRequest request, HttpServletResponse response) {
        Authentication current = SecurityContextHolder.getContext().getAuthentication();
        if (current == null || !(current.getPrincipal() instanceof StaffUser user)) {
            return;
        }
        StaffUser renewed = new StaffUser(user.getStaff(), user.getFullName(), null, user.isEnabled(), sessionVersion);
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(renewed, null, current.getAuthorities()));
        SecurityContextHolder.setContext(context);
        contexts.saveContext(context, request, response);
    }
}
