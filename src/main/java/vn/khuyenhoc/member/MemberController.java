package vn.khuyenhoc.member;

import java.util.Optional;

import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.security.access.prepost.PreAuthorize;
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
import vn.khuyenhoc.shared.CurrentStaff;
import vn.khuyenhoc.shared.FieldConflictException;
import vn.khuyenhoc.shared.Staff;

/** Member lists of any node, a member's page, and the forms that add, edit and change the status of members. */
@Controller
class MemberController {

    private final MemberService members;
    private final OrgUnitService orgUnits;

    MemberController(MemberService members, OrgUnitService orgUnits) {
        this.members = members;
        this.orgUnits = orgUnits;
    }

    @GetMapping("/units/{nodeId}/members")
    String list(@CurrentStaff Staff staff, @PathVariable long nodeId, @ModelAttribute("filter") MemberFilter filter,
            BindingResult ignored, Model model) {
        OrgUnitView node = orgUnits.get(staff.scope(), nodeId);
        boolean personal = MemberService.seesPersonalData(staff);
        MemberFilter allowed = personal ? filter : filter.withoutParty();
        MemberPage page = members.list(staff.scope(), nodeId, allowed);
        members.recordRead(staff, "READ_LIST", null, node.path(), readDetails(node, allowed, page));
        model.addAttribute("filter", allowed);
        model.addAttribute("personal", personal);
        model.addAttribute("unit", node);
        model.addAttribute("lineage", orgUnits.lineage(node));
        model.addAttribute("memberPage", page);
        model.addAttribute("canWrite", members.canWrite(staff, node) && node.active());
        model.addAttribute("sort", filter.sortValue());
        return "member/list";
    }

    /** What the audit log keeps of a list read: where, which filters (not what was typed), how many rows. */
    private static java.util.Map<String, Object> readDetails(OrgUnitView node, MemberFilter filter, MemberPage page) {
        java.util.Map<String, Object> details = new java.util.LinkedHashMap<>();
        details.put("nodeId", node.id());
        details.put("nameSearch", filter.q() != null && !filter.q().isBlank());
        details.put("status", filter.status());
        details.put("party", filter.party());
        details.put("page", page.page());
        details.put("rows", page.rows().size());
        return details;
    }

    @GetMapping("/members/{id}")
    String show(@CurrentStaff Staff staff, @PathVariable long id, Model model) {
        MemberView member = members.get(staff, id);
        OrgUnitView unit = orgUnits.get(staff.scope(), member.unitId());
        members.recordRead(staff, "READ", id, unit.path(), java.util.Map.of("cardNumber", member.cardNumber()));
        model.addAttribute("personal", MemberService.seesPersonalData(staff));
        model.addAttribute("member", member);
        model.addAttribute("unit", unit);
        model.addAttribute("lineage", orgUnits.lineage(unit));
        model.addAttribute("canWrite", members.canWrite(staff, unit));
        return "member/show";
    }

    @GetMapping("/units/{unitId}/members/new")
    @PreAuthorize("hasAnyRole('CHAPTER', 'COMMUNE')")
    String newMember(@CurrentStaff Staff staff, @PathVariable long unitId, Model model) {
        return form(model, members.writableUnit(staff, unitId), null, MemberForm.empty());
    }

    @PostMapping("/units/{unitId}/members")
    @PreAuthorize("hasAnyRole('CHAPTER', 'COMMUNE')")
    String create(@CurrentStaff Staff staff, @PathVariable long unitId, @ModelAttribute("form") MemberForm form,
            BindingResult errors, @RequestParam(required = false) String next, Model model, RedirectAttributes flash) {
        OrgUnitView unit = members.writableUnit(staff, unitId);
        Optional<MemberData> data = MemberRules.check(form.input(), (f, code, args) -> errors.rejectValue(f, code, args, null));
        if (data.isPresent()) {
            try {
                MemberView created = members.add(staff, unitId, data.get());
                flash.addFlashAttribute("notice", "member.added");
                flash.addFlashAttribute("noticeArg", created.fullName() + " (" + created.cardNumber() + ")");
                return "another".equals(next) ? "redirect:/units/" + unitId + "/members/new"
                        : "redirect:/members/" + created.id();
            }
            catch (FieldConflictException ex) {
                reject(errors, ex);
            }
        }
        return form(model, unit, null, form);
    }

    @GetMapping("/members/{id}/edit")
    @PreAuthorize("hasAnyRole('CHAPTER', 'COMMUNE')")
    String edit(@CurrentStaff Staff staff, @PathVariable long id, Model model) {
        MemberView member = members.get(staff.scope(), id);
        return form(model, members.writableUnit(staff, member.unitId()), member, MemberForm.of(member));
    }

    @PostMapping("/members/{id}")
    @PreAuthorize("hasAnyRole('CHAPTER', 'COMMUNE')")
    String update(@CurrentStaff Staff staff, @PathVariable long id, @ModelAttribute("form") MemberForm form,
            BindingResult errors, Model model, RedirectAttributes flash) {
        MemberView member = members.get(staff.scope(), id);
        OrgUnitView unit = members.writableUnit(staff, member.unitId());
        Optional<MemberData> data = MemberRules.check(form.input(), (f, code, args) -> errors.rejectValue(f, code, args, null));
        if (data.isPresent()) {
            try {
                MemberView saved = members.update(staff, id, data.get(), form.version() == null ? -1 : form.version());
                flash.addFlashAttribute("notice", "member.updated");
                flash.addFlashAttribute("noticeArg", saved.fullName());
                return "redirect:/members/" + id;
            }
            catch (FieldConflictException ex) {
                reject(errors, ex);
            }
            catch (ObjectOptimisticLockingFailureException ex) {
                // someone saved first: keep what this user typed, say so, and show what is saved now
                errors.reject("member.conflict");
                model.addAttribute("conflict", members.get(staff.scope(), id));
            }
        }
        return form(model, unit, member, form);
    }

    @GetMapping("/members/{id}/status")
    @PreAuthorize("hasAnyRole('CHAPTER', 'COMMUNE')")
    String statusForm(@CurrentStaff Staff staff, @PathVariable long id, Model model) {
        MemberView member = members.get(staff.scope(), id);
        members.writableUnit(staff, member.unitId());
        MemberStatus proposed = member.status().isDeparted() ? MemberStatus.ACTIVE : MemberStatus.LEFT;
        return statusPage(model, staff, member,
                new StatusForm(proposed.name(), Inputs.today().toString(), member.version()));
    }

    @PostMapping("/members/{id}/status")
    @PreAuthorize("hasAnyRole('CHAPTER', 'COMMUNE')")
    String changeStatus(@CurrentStaff Staff staff, @PathVariable long id, @ModelAttribute("form") StatusForm form,
            BindingResult errors, Model model, RedirectAttributes flash) {
        MemberView member = members.get(staff.scope(), id);
        members.writableUnit(staff, member.unitId());
        MemberStatus status = parseStatus(form.status());
        if (status == null) {
            errors.rejectValue("status", "member.status.required");
        }
        Optional<java.time.LocalDate> date = status == null || !status.isDeparted() ? Optional.empty()
                : MemberRules.statusDate(form.date(), member.joinedOn(), (f, code, args) -> errors.rejectValue(f, code, args, null));
        if (!errors.hasErrors()) {
            try {
                MemberView saved = members.changeStatus(staff, id, status, date.orElse(null),
                        form.version() == null ? -1 : form.version());
                flash.addFlashAttribute("notice", "member.statusChanged." + saved.status());
                flash.addFlashAttribute("noticeArg", saved.fullName());
                return "redirect:/members/" + id;
            }
            catch (FieldConflictException ex) {
                reject(errors, ex);
            }
            catch (ObjectOptimisticLockingFailureException ex) {
                errors.reject("member.conflict");
                model.addAttribute("conflict", members.get(staff.scope(), id));
                member = members.get(staff.scope(), id);
            }
        }
        return statusPage(model, staff, member, form);
    }

    private String form(Model model, OrgUnitView unit, MemberView member, MemberForm form) {
        model.addAttribute("unit", unit);
        model.addAttribute("lineage", orgUnits.lineage(unit));
        model.addAttribute("member", member);
        // keep the bound form (and its errors) when redisplaying after a failed POST
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", form);
        }
        model.addAttribute("ethnicities", Ethnicity.all());
        model.addAttribute("genders", Gender.values());
        model.addAttribute("today", Inputs.today().toString());
        return "member/form";
    }

    private String statusPage(Model model, Staff staff, MemberView member, StatusForm form) {
        OrgUnitView unit = orgUnits.get(staff.scope(), member.unitId());
        model.addAttribute("member", member);
        model.addAttribute("unit", unit);
        model.addAttribute("lineage", orgUnits.lineage(unit));
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", form);
        }
        model.addAttribute("statuses", MemberStatus.values());
        model.addAttribute("today", Inputs.today().toString());
        return "member/status";
    }

    private static MemberStatus parseStatus(String value) {
        try {
            return value == null ? null : MemberStatus.valueOf(value);
        }
        catch (IllegalArgumentException ex) {
            return null;
        }
    }

    static void reject(BindingResult errors, FieldConflictException ex) {
        if (ex.field() == null) {
            errors.reject(ex.messageCode());
        }
        else {
            errors.rejectValue(ex.field(), ex.messageCode());
        }
    }
}
