package vn.khuyenhoc.fund;

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

import vn.khuyenhoc.orgunit.OrgUnitService;
import vn.khuyenhoc.orgunit.OrgUnitView;
import vn.khuyenhoc.orgunit.UnitPageModel;
import vn.khuyenhoc.shared.CurrentStaff;
import vn.khuyenhoc.shared.NotFoundException;
import vn.khuyenhoc.shared.Notices;
import vn.khuyenhoc.shared.RuleViolationException;
import vn.khuyenhoc.shared.RuleViolations;
import vn.khuyenhoc.shared.Staff;

/**
 * A node's fund: its page for a year, its entries and their printable receipts (for everyone whose scope holds
 * the node), and recording and reversing entries (for the node's own staff only). There is no edit and no
 * delete: no handler here changes or removes an entry.
 */
@Controller
class FundController {

    private final FundService funds;
    private final OrgUnitService orgUnits;
    private final UnitPageModel unitPage;

    FundController(FundService funds, OrgUnitService orgUnits, UnitPageModel unitPage) {
        this.funds = funds;
        this.orgUnits = orgUnits;
        this.unitPage = unitPage;
    }

    @GetMapping("/units/{id}/fund")
    String fund(@CurrentStaff Staff staff, @PathVariable long id, @RequestParam(required = false) String year,
            @RequestParam(required = false) String direction, @RequestParam(required = false) String category,
            @RequestParam(required = false) String from, @RequestParam(required = false) String to,
            @RequestParam(required = false) String after, @RequestParam(required = false) String before, Model model) {
        FundFilter filter = FundFilter.read(year, direction, category, from, to, after, before);
        FundService.FundYear fund = funds.year(staff, id, filter);
        model.addAttribute("filter", filter);
        model.addAttribute("fund", fund);
        unitPage.show(model, fund.node());
        model.addAttribute("directions", FundDirection.values());
        model.addAttribute("categories", FundCategory.values());
        return "fund/show";
    }

    @GetMapping("/units/{id}/fund/entries/new")
    String newEntry(@CurrentStaff Staff staff, @PathVariable long id,
            @RequestParam(defaultValue = "RECEIPT") FundDirection direction, Model model) {
        OrgUnitView node = funds.ownFund(staff, id);
        return showForm(staff, node, FundEntryForm.empty(direction, funds.today()), model);
    }

    @PostMapping("/units/{id}/fund/entries")
    String record(@CurrentStaff Staff staff, @PathVariable long id,
            @Valid @ModelAttribute("entryForm") FundEntryForm form, BindingResult errors, Model model,
            RedirectAttributes flash) {
        OrgUnitView node = funds.ownFund(staff, id);
        if (!errors.hasErrors()) {
            try {
                FundEntryView entry = funds.record(staff, form.toCommand());
                Notices.flash(flash, "fund.recorded." + entry.direction(), entry.voucherNumber());
                return "redirect:/units/" + id + "/fund/entries/" + entry.id();
            }
            catch (RuleViolationException ex) {
                RuleViolations.reject(errors, ex);
            }
        }
        return showForm(staff, node, form, model);
    }

    @GetMapping("/units/{id}/fund/entries/{entryId}")
    String entry(@CurrentStaff Staff staff, @PathVariable long id, @PathVariable long entryId, Model model) {
        FundEntryView entry = funds.entry(staff.scope(), id, entryId);
        OrgUnitView node = orgUnits.get(staff.scope(), id);
        model.addAttribute("entry", entry);
        unitPage.show(model, node);
        model.addAttribute("canRecord", node.id() == staff.scope().nodeId());
        return "fund/entry";
    }

    @GetMapping("/units/{id}/fund/entries/{entryId}/receipt")
    String receipt(@CurrentStaff Staff staff, @PathVariable long id, @PathVariable long entryId,
            @RequestParam(defaultValue = "A5") String paper, Model model) {
        FundEntryView entry = funds.entry(staff.scope(), id, entryId);
        if (!entry.hasPrintableReceipt()) {
            throw new NotFoundException();
        }
        OrgUnitView node = orgUnits.get(staff.scope(), id);
        model.addAttribute("entry", entry);
        unitPage.show(model, node);
        model.addAttribute("amountInWords", VietnameseNumberWords.amountInWords(entry.amount()));
        model.addAttribute("paper", "A4".equals(paper) ? "A4" : "A5");
        return "fund/receipt";
    }

    @GetMapping("/units/{id}/fund/entries/{entryId}/reverse")
    String reverseForm(@CurrentStaff Staff staff, @PathVariable long id, @PathVariable long entryId, Model model) {
        OrgUnitView node = funds.ownFund(staff, id);
        FundEntryView entry = funds.entry(staff.scope(), id, entryId);
        return showReverse(node, entry, new ReversalForm(funds.today(), ""), model);
    }

    @PostMapping("/units/{id}/fund/entries/{entryId}/reverse")
    String reverse(@CurrentStaff Staff staff, @PathVariable long id, @PathVariable long entryId,
            @Valid @ModelAttribute("reversalForm") ReversalForm form, BindingResult errors, Model model,
            RedirectAttributes flash) {
        OrgUnitView node = funds.ownFund(staff, id);
        FundEntryView entry = funds.entry(staff.scope(), id, entryId);
        if (!errors.hasErrors()) {
            try {
                FundEntryView reversal = funds.reverse(staff, entryId, form.entryDate(), form.reason());
                Notices.flash(flash, "fund.reversed", entry.voucherNumber());
                return "redirect:/units/" + id + "/fund/entries/" + reversal.id();
            }
            catch (RuleViolationException ex) {
                RuleViolations.reject(errors, ex);
            }
        }
        return showReverse(node, funds.entry(staff.scope(), id, entryId), form, model);
    }

    @GetMapping("/units/{id}/fund/verify")
    String verify(@CurrentStaff Staff staff, @PathVariable long id, Model model) {
        OrgUnitView node = orgUnits.get(staff.scope(), id);
        model.addAttribute("check", funds.verify(staff.scope(), id));
        unitPage.show(model, node);
        return "fund/verify";
    }

    private String showForm(Staff staff, OrgUnitView node, FundEntryForm form, Model model) {
        FundDirection direction = form.direction() == null ? FundDirection.RECEIPT : form.direction();
        unitPage.show(model, node);
        model.addAttribute("direction", direction);
        model.addAttribute("categories", direction.categories());
        model.addAttribute("nextVoucher", funds.nextVoucher(staff, direction));
        model.addAttribute("centres", direction == FundDirection.DISBURSEMENT ? funds.centreOptions(node) : java.util.List.of());
        model.addAttribute("today", funds.today());
        // keep the bound form (and its errors) when redisplaying after a failed POST
        if (!model.containsAttribute("entryForm")) {
            model.addAttribute("entryForm", form);
        }
        return "fund/form";
    }

    private String showReverse(OrgUnitView node, FundEntryView entry, ReversalForm form, Model model) {
        unitPage.show(model, node);
        model.addAttribute("entry", entry);
        model.addAttribute("today", funds.today());
        if (!model.containsAttribute("reversalForm")) {
            model.addAttribute("reversalForm", form);
        }
        return "fund/reverse";
    }
}
