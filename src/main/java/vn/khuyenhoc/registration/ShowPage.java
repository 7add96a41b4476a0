package vn.khuyenhoc.registration;

import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

import vn.khuyenhoc.orgunit.OrgUnitService;
import vn.khuyenhoc.orgunit.OrgUnitView;
import vn.khuyenhoc.orgunit.UnitPageModel;
import vn.khuyenhoc.shared.Staff;

/** The page of one registration, shared by its own GET and by a failed evaluation that redisplays it. */
@Component
class ShowPage {

    private final RegistrationService registrations;
    private final EvaluationService evaluation;
    private final OrgUnitService orgUnits;
    private final UnitPageModel unitPage;

    ShowPage(RegistrationService registrations, EvaluationService evaluation, OrgUnitService orgUnits,
            UnitPageModel unitPage) {
        this.registrations = registrations;
        this.evaluation = evaluation;
        this.orgUnits = orgUnits;
        this.unitPage = unitPage;
    }

    String render(Staff staff, RegistrationView registration, Model model) {
        OrgUnitView node = orgUnits.get(staff.scope(), registration.nodeId());
        boolean yearClosed = registrations.isYearClosed(registration.year());
        model.addAttribute("registration", registration);
        unitPage.show(model, node);
        model.addAttribute("yearClosed", yearClosed);
        model.addAttribute("canChange", registrations.canChange(staff, registration));
        boolean recogniser = evaluation.recognises(staff, registration);
        model.addAttribute("canEvaluate", recogniser && !registration.isWithdrawn() && !yearClosed);
        model.addAttribute("needsScores", evaluation.needsScores(registration.kind(), registration.year()));
        model.addAttribute("canPrint", recogniser && registration.status() == RegistrationStatus.RECOGNISED);
        if (!model.containsAttribute("evaluationForm")) {
            model.addAttribute("evaluationForm", EvaluationForm.of(registration));
        }
        return "registration/show";
    }
}
