package vn.khuyenhoc.registration;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

import jakarta.validation.Valid;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
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
 * A node's learning-title registrations: the list of a year, registering, correcting and withdrawing. Every
 * endpoint looks the node or registration up in the user's scope first (404 outside it, whatever the role), then
 * applies the role rules of {@link RegistrationService} (403).
 */
@Controller
class RegistrationController {

    private final RegistrationService registrations;
    private final OrgUnitService orgUnits;
    private final ShowPage showPage;
    private final UnitPageModel unitPage;
    private final Clock clock;

    RegistrationController(RegistrationService registrations, OrgUnitService orgUnits, ShowPage showPage,
            UnitPageModel unitPage, Clock clock) {
        this.registrations = registrations;
        this.orgUnits = orgUnits;
        this.showPage = showPage;
        this.unitPage = unitPage;
        this.clock = clock;
    }

    @GetMapping("/units/{nodeId}/registrations")
    String list(@CurrentStaff Staff staff, @PathVariable long nodeId, @RequestParam(required = false) Integer year,
            @RequestParam(required = false) TitleKind kind, @RequestParam(required = false) RegistrationStatus status,
            @RequestParam(required = false) String after, @RequestParam(required = false) String before, Model model) {
        OrgUnitView node = registrations.registeringNode(staff.scope(), nodeId);
        RegistrationFilter filter = new RegistrationFilter(yearOrCurrent(year, clock), kind, status, null,
                Keyset.Cursor.read(after, before));
        unitPage.show(model, node);
        model.addAttribute("filter", filter);
        model.addAttribute("years", yearChoices(filter.year(), clock));
        model.addAttribute("kinds", TitleKind.registeredAtLevel(node.level()));
        model.addAttribute("statuses", RegistrationStatus.values());
        model.addAttribute("registrations", registrations.list(staff.scope(), nodeId, filter));
        model.addAttribute("newKinds", registrations.kindsFor(staff, node));
        model.addAttribute("yearClosed", registrations.isYearClosed(filter.year()));
        return "registration/list";
    }

    @GetMapping("/units/{nodeId}/registrations/new")
    String newRegistration(@CurrentStaff Staff staff, @PathVariable long nodeId,
            @RequestParam(required = false) TitleKind kind, @RequestParam(required = false) Integer year, Model model) {
        OrgUnitView node = registrations.registeringNode(staff.scope(), nodeId);
        List<TitleKind> kinds = registrations.kindsFor(staff, node);
        if (kinds.isEmpty() || (kind != null && !kinds.contains(kind))) {
            throw new AccessDeniedException("This user does not register " + kind + " here");
        }
        TitleKind chosen = kind == null ? kinds.get(0) : kind;
        return form(model, node, null, kinds, RegistrationForm.empty(chosen, yearOrCurrent(year, clock)), chosen);
    }

    /**
     * Registers a subject. A form whose binding failed (a number typed as words) arrives as null, its typed values
     * kept in {@code errors}; {@code kind} and {@code year} are read from the request for the redisplay.
     */
    @PostMapping("/units/{nodeId}/registrations")
    String create(@CurrentStaff Staff staff, @PathVariable long nodeId,
            @Valid @ModelAttribute("registrationForm") RegistrationForm form, BindingResult errors,
            @RequestParam(name = "kind", required = false) String typedKind, Model model, RedirectAttributes flash) {
        OrgUnitView node = registrations.registeringNode(staff.scope(), nodeId);
        List<TitleKind> kinds = registrations.kindsFor(staff, node);
        TitleKind kind = form != null ? form.kind() : kindOf(typedKind);
        if (kind != null && !kinds.contains(kind)) {
            throw new AccessDeniedException("This user does not register " + kind + " here");
        }
        try {
            if (form == null || errors.hasErrors()) {
                checkToo(form, errors);
            }
            else {
                RegistrationView created = registrations.register(staff, nodeId, form.toCommand());
                Notices.flash(flash, "registration.created", created.subject().name());
                return "redirect:/units/" + nodeId + "/registrations?year=" + created.year();
            }
        }
        catch (RuleViolationException ex) {
            RuleViolations.reject(errors, ex);
        }
        return form(model, node, null, kinds, form, kind);
    }

    @GetMapping("/registrations/{id}")
    String show(@CurrentStaff Staff staff, @PathVariable long id, Model model) {
        return showPage.render(staff, registrations.get(staff.scope(), id), model);
    }

    @GetMapping("/registrations/{id}/edit")
    String edit(@CurrentStaff Staff staff, @PathVariable long id, Model model) {
        RegistrationView registration = registrations.getOwn(staff, id);
        if (!registrations.canChange(staff, registration)) {
            return "redirect:/registrations/" + id; // evaluated, withdrawn or of a closed year: the page says which
        }
        OrgUnitView node = orgUnits.get(staff.scope(), registration.nodeId());
        return form(model, node, registration, List.of(registration.kind()), RegistrationForm.of(registration),
                registration.kind());
    }

    @PostMapping("/registrations/{id}")
    String update(@CurrentStaff Staff staff, @PathVariable long id,
            @Valid @ModelAttribute("registrationForm") RegistrationForm form, BindingResult errors, Model model,
            RedirectAttributes flash) {
        RegistrationView registration = registrations.getOwn(staff, id);
        if (form != null && form.kind() != registration.kind()) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "The kind of a registration never changes");
        }
        try {
            if (form == null || errors.hasErrors()) {
                checkToo(form, errors);
            }
            else {
                RegistrationView updated = registrations.update(staff, id, form.toCommand());
                Notices.flash(flash, "registration.updated", updated.subject().name());
                return "redirect:/registrations/" + id;
            }
        }
        catch (RuleViolationException ex) {
            RuleViolations.reject(errors, ex);
        }
        OrgUnitView node = orgUnits.get(staff.scope(), registration.nodeId());
        return form(model, node, registration, List.of(registration.kind()), form, registration.kind());
    }

    @PostMapping("/registrations/{id}/withdraw")
    String withdraw(@CurrentStaff Staff staff, @PathVariable long id, @RequestParam(required = false) Long version,
            RedirectAttributes flash) {
        RegistrationView registration = registrations.getOwn(staff, id);
        try {
            registrations.withdraw(staff, id, version);
        }
        catch (RuleViolationException ex) {
            flash.addFlashAttribute("problem", ex.violations().get(0).code());
            return "redirect:/registrations/" + id;
        }
        Notices.flash(flash, "registration.withdrawn", registration.subject().name());
        return "redirect:/units/" + registration.nodeId() + "/registrations?year=" + registration.year();
    }

    /**
     * After a typing mistake (a word for a number), the rules are still checked, so that the page shows every
     * message at once: those of fields the edge has not already refused.
     */
    private void checkToo(RegistrationForm form, BindingResult errors) {
        if (form == null) {
            return;
        }
        try {
            registrations.check(form.toCommand());
        }
        catch (RuleViolationException ex) {
            RuleViolations.reject(errors, new RuleViolationException(ex.violations().stream()
                    .filter(v -> v.field() == null || !errors.hasFieldErrors(v.field())).toList()));
        }
    }

    /** The form page; {@code kind} decides which fields it shows (the form itself is null after a failed binding). */
    private String form(Model model, OrgUnitView node, RegistrationView registration, List<TitleKind> kinds,
            RegistrationForm form, TitleKind kind) {
        model.addAttribute("formKind", kind);
        unitPage.show(model, node);
        model.addAttribute("registration", registration);
        model.addAttribute("kinds", kinds);
        model.addAttribute("unitTypes", UnitType.values());
        // keep the bound form (and its errors) when redisplaying after a failed POST
        if (!model.containsAttribute("registrationForm")) {
            model.addAttribute("registrationForm", form);
        }
        return "registration/form";
    }

    private static TitleKind kindOf(String typed) {
        try {
            return typed == null || typed.isBlank() ? null : TitleKind.valueOf(typed);
        }
        catch (IllegalArgumentException ex) {
            return null;
        }
    }

    /** The year asked for, or this year (Viet Nam's) when none (or a nonsensical one) is given. */
    static int yearOrCurrent(Integer year, Clock clock) {
        return year == null || year < 2000 || year > 2100 ? VietnamTime.thisYear(clock) : year;
    }

    /** The years of the year picker: next year back to five years ago, plus the one shown if it is older. */
    static List<Integer> yearChoices(int shown, Clock clock) {
        int next = VietnamTime.thisYear(clock) + 1;
        List<Integer> years = new ArrayList<>(IntStream.rangeClosed(0, 6).map(i -> next - i).boxed().toList());
        if (!years.contains(shown)) {
            years.add(shown);
            years.sort(Comparator.reverseOrder());
        }
        return years;
    }
}
