package vn.khuyenhoc.registration;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

import jakarta.validation.Valid;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

import vn.khuyenhoc.orgunit.OrgUnitService;
import vn.khuyenhoc.orgunit.OrgUnitView;
import vn.khuyenhoc.orgunit.UnitPageModel;
import vn.khuyenhoc.shared.CurrentStaff;
import vn.khuyenhoc.shared.Keyset;
import vn.khuyenhoc.shared.KeysetPage;
import vn.khuyenhoc.shared.Notices;
import vn.khuyenhoc.shared.RuleViolationException;
import vn.khuyenhoc.shared.RuleViolations;
import vn.khuyenhoc.shared.Staff;

/**
 * The year-end evaluation by the staff of the recognising node (a commune, a province, the national board; see
 * {@link TitleKind}). As everywhere, ids outside the user's scope answer 404 first (for a chapter secretary that
 * includes their commune's evaluation page); inside it, anyone but the node's own staff gets 403.
 */
@Controller
class EvaluationController {

    private final EvaluationService evaluation;
    private final RegistrationService registrations;
    private final OrgUnitService orgUnits;
    private final ShowPage showPage;
    private final UnitPageModel unitPage;
    private final Clock clock;

    EvaluationController(EvaluationService evaluation, RegistrationService registrations, OrgUnitService orgUnits,
            ShowPage showPage, UnitPageModel unitPage, Clock clock) {
        this.evaluation = evaluation;
        this.registrations = registrations;
        this.orgUnits = orgUnits;
        this.showPage = showPage;
        this.unitPage = unitPage;
        this.clock = clock;
    }

    @GetMapping("/units/{communeId}/evaluation")
    String list(@CurrentStaff Staff staff, @PathVariable("communeId") long communeId, @RequestParam(required = false) Integer year,
            @RequestParam(required = false) TitleKind kind, @RequestParam(required = false) RegistrationStatus status,
            @RequestParam(required = false) Long unit, @RequestParam(required = false) String after,
            @RequestParam(required = false) String before, Model model) {
        RegistrationFilter filter = new RegistrationFilter(RegistrationController.yearOrCurrent(year, clock), kind, status,
                unit, Keyset.Cursor.read(after, before));
        return page(staff, communeId, filter, model, EvaluationForm.empty(null));
    }

    /** One decision for every registration ticked on the page; back to the same filter afterwards. */
    @PostMapping("/units/{communeId}/evaluation")
    String evaluateAll(@CurrentStaff Staff staff, @PathVariable long communeId,
            @RequestParam(required = false) Integer year, @RequestParam(required = false) TitleKind kind,
            @RequestParam(required = false) RegistrationStatus status, @RequestParam(required = false) Long unit,
            @RequestParam(required = false) String after, @RequestParam(required = false) String before,
            @RequestParam(required = false) List<String> selected,
            @Valid @ModelAttribute("evaluationForm") EvaluationForm form, BindingResult errors, Model model,
            RedirectAttributes flash) {
        RegistrationFilter filter = new RegistrationFilter(RegistrationController.yearOrCurrent(year, clock), kind, status,
                unit, Keyset.Cursor.read(after, before));
        evaluation.recogniser(staff, communeId);
        if (selected == null || selected.isEmpty()) {
            errors.rejectValue("selected", "evaluation.selected.required");
        }
        if (!errors.hasErrors()) {
            try {
                int count = evaluation.evaluateAll(staff, communeId, selected, form.toCommand());
                Notices.flash(flash, "evaluation.saved." + form.result(), String.valueOf(count));
                return "redirect:" + UriComponentsBuilder.fromPath("/units/{id}/evaluation")
                        .queryParam("year", filter.year()).queryParamIfPresent("kind", Optional.ofNullable(kind))
                        .queryParamIfPresent("status", Optional.ofNullable(status))
                        .queryParamIfPresent("unit", Optional.ofNullable(unit))
                        .queryParamIfPresent("after", Optional.ofNullable(filter.cursor().after()))
                        .queryParamIfPresent("before", Optional.ofNullable(filter.cursor().before()))
                        .buildAndExpand(communeId).toUriString();
            }
            catch (RuleViolationException ex) {
                RuleViolations.reject(errors, ex);
            }
        }
        model.addAttribute("selectedValues", selected == null ? List.of() : selected);
        return page(staff, communeId, filter, model, form);
    }

    /** The decision on one registration, from its own page. */
    @PostMapping("/registrations/{id}/evaluation")
    String evaluate(@CurrentStaff Staff staff, @PathVariable long id,
            @Valid @ModelAttribute("evaluationForm") EvaluationForm form, BindingResult errors, Model model,
            RedirectAttributes flash) {
        RegistrationView registration = evaluation.getToEvaluate(staff, id);
        if (!errors.hasErrors()) {
            try {
                RegistrationView evaluated = evaluation.evaluate(staff, id, form.toCommand());
                Notices.flash(flash, "evaluation.saved.one." + evaluated.status(), evaluated.subject().name());
                return "redirect:/registrations/" + id;
            }
            catch (RuleViolationException ex) {
                RuleViolations.reject(errors, ex);
            }
        }
        return showPage.render(staff, registration, model);
    }

    private String page(Staff staff, long communeId, RegistrationFilter filter, Model model, EvaluationForm form) {
        KeysetPage<RegistrationView> list = evaluation.list(staff, communeId, filter);
        OrgUnitView commune = evaluation.recogniser(staff, communeId);
        unitPage.show(model, commune);
        model.addAttribute("filter", filter);
        model.addAttribute("years", RegistrationController.yearChoices(filter.year(), clock));
        model.addAttribute("kinds", TitleKind.recognisedAtLevel(commune.level()));
        model.addAttribute("statuses", List.of(RegistrationStatus.REGISTERED, RegistrationStatus.RECOGNISED,
                RegistrationStatus.NOT_RECOGNISED));
        model.addAttribute("units", orgUnits.children(staff.scope(), communeId));
        model.addAttribute("registrations", list);
        model.addAttribute("counts", commune.level() == 2 ? registrations.counts(staff.scope(), communeId, filter.year()) : null);
        model.addAttribute("decisions", evaluation.decisions(staff, communeId, filter.year()));
        model.addAttribute("scoredKinds", TitleKind.recognisedAtLevel(commune.level()).stream()
                .filter(k -> evaluation.needsScores(k, filter.year())).toList());
        model.addAttribute("yearClosed", registrations.isYearClosed(filter.year()));
        if (!model.containsAttribute("selectedValues")) {
            model.addAttribute("selectedValues", List.of());
        }
        if (!model.containsAttribute("evaluationForm")) {
            model.addAttribute("evaluationForm", form);
        }
        return "registration/evaluation";
    }
}
