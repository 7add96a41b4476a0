package vn.khuyenhoc.rollup;

import java.time.Clock;

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
import vn.khuyenhoc.orgunit.OrgUnitView;
import vn.khuyenhoc.orgunit.UnitPageModel;
import vn.khuyenhoc.shared.CurrentStaff;
import vn.khuyenhoc.shared.NotFoundException;
import vn.khuyenhoc.shared.Notices;
import vn.khuyenhoc.shared.Staff;
import vn.khuyenhoc.shared.VietnamTime;

/** A province's or commune's population by year: read by everyone above it, kept by its own staff. */
@Controller
class PopulationController {

    private final PopulationService population;
    private final Clock clock;
    private final OrgUnitService orgUnits;
    private final UnitPageModel unitPage;

    PopulationController(PopulationService population, OrgUnitService orgUnits, Clock clock, UnitPageModel unitPage) {
        this.unitPage = unitPage;
        this.clock = clock;
        this.population = population;
        this.orgUnits = orgUnits;
    }

    @GetMapping("/units/{id}/population")
    String show(@CurrentStaff Staff staff, @PathVariable long id, Model model) {
        return page(staff, id, model, new PopulationForm(VietnamTime.thisYear(clock), null, null, null));
    }

    @PostMapping("/units/{id}/population")
    String save(@CurrentStaff Staff staff, @PathVariable long id, @Valid @ModelAttribute("form") PopulationForm form,
            BindingResult errors, Model model, RedirectAttributes flash) {
        if (errors.hasErrors()) {
            return page(staff, id, model, form);
        }
        population.set(staff, id, form);
        Notices.flash(flash, "population.saved", String.valueOf(form.year()));
        return "redirect:/units/" + id + "/population";
    }

    private String page(Staff staff, long id, Model model, PopulationForm form) {
        OrgUnitView node = orgUnits.get(staff.scope(), id);
        if (node.level() != 1 && node.level() != 2) {
            throw new NotFoundException();
        }
        unitPage.show(model, node);
        model.addAttribute("rows", population.history(staff.scope(), id));
        model.addAttribute("canEdit", population.canEdit(staff, node));
        // keep the bound form (and its errors) when redisplaying after a failed POST
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", form);
        }
        return "rollup/population";
    }
}
