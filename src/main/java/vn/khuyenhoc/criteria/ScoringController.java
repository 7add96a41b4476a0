package vn.khuyenhoc.criteria;

import java.util.Locale;

import jakarta.validation.Valid;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import vn.khuyenhoc.orgunit.OrgUnitService;
import vn.khuyenhoc.orgunit.UnitPageModel;
import vn.khuyenhoc.registration.RegistrationView;
import vn.khuyenhoc.shared.CurrentStaff;
import vn.khuyenhoc.shared.Notices;
import vn.khuyenhoc.shared.RuleViolationException;
import vn.khuyenhoc.shared.RuleViolations;
import vn.khuyenhoc.shared.Staff;

/**
 * The scores page of a registration: everyone in scope reads the stored evaluation (points, result, the reason of
 * an override); the recognising node's staff score it, on a phone, with the result computed as they type
 * ({@code /js/criteria-score.js}) and computed again here. Outside the scope 404; scoring by anyone else 403.
 */
@Controller
class ScoringController {

    private final ScoringService scoring;
    private final OrgUnitService orgUnits;
    private final UnitPageModel unitPage;

    ScoringController(ScoringService scoring, OrgUnitService orgUnits, UnitPageModel unitPage) {
        this.scoring = scoring;
        this.orgUnits = orgUnits;
        this.unitPage = unitPage;
    }

    @GetMapping("/registrations/{id}/scores")
    String show(@CurrentStaff Staff staff, @PathVariable long id, Model model, Locale locale) {
        ScoringService.ScorePage page = scoring.page(staff, id);
        RegistrationView r = page.registration();
        ScoreForm form = page.set() == null ? null
                : ScoreForm.of(page.set(), page.stored(), r.decisionNumber(), r.decisionDate(), r.version());
        return render(staff, page, form, false, model, locale);
    }

    @PostMapping("/registrations/{id}/scores")
    String score(@CurrentStaff Staff staff, @PathVariable long id, @Valid @ModelAttribute("scoreForm") ScoreForm form,
            BindingResult errors, Model model, RedirectAttributes flash, Locale locale) {
        ScoringService.ScorePage page = scoring.page(staff, id);
        if (!errors.hasErrors()) {
            try {
                RegistrationView scored = scoring.score(staff, id, form);
                Notices.flash(flash, "scores.saved." + scored.status(), scored.subject().name());
                return "redirect:/registrations/" + id + "/scores";
            }
            catch (RuleViolationException ex) {
                RuleViolations.reject(errors, ex);
            }
        }
        return render(staff, page, form, true, model, locale);
    }

    private String render(Staff staff, ScoringService.ScorePage page, ScoreForm form, boolean submitted, Model model,
            Locale locale) {
        RegistrationView r = page.registration();
        unitPage.show(model, orgUnits.get(staff.scope(), r.nodeId()));
        model.addAttribute("registration", r);
        model.addAttribute("set", page.set());
        model.addAttribute("stored", page.stored());
        model.addAttribute("canScore", page.canScore());
        if (page.set() != null) {
            model.addAttribute("gradeBands", page.set().gradeBands(locale));
            if (form != null && submitted) {
                model.addAttribute("invalidPoints", form.problems(page.set()).keySet());
            }
        }
        if (!model.containsAttribute("scoreForm")) {
            model.addAttribute("scoreForm", form);
        }
        return "criteria/scores";
    }
}
