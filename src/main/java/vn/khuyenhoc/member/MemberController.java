package vn.khuyenhoc.member;

import java.time.Clock;
import java.time.LocalDate;

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
import vn.khuyenhoc.orgunit.UnitPageModel;
import vn.khuyenhoc.shared.CurrentStaff;
import vn.khuyenhoc.shared.Notices;
import vn.khuyenhoc.shared.RuleViolationException;
import vn.khuyenhoc.shared.RuleViolations;
import vn.khuyenhoc.shared.Staff;
import vn.khuyenhoc.shared.VietnamTime;

/** Member lists of any node, a member's page, and the forms that add, edit and change the status of members. */
@Controller
class MemberController {

    private final MemberService members;
    private final OrgUnitService orgUnits;
    private final UnitPageModel unitPage;
    private final Clock clock;

    MemberController(MemberService members, OrgUnitService orgUnits, UnitPageModel unitPage, Clock clock) {
        this.members = members;
        this.orgUnits = orgUnits;
        this.unitPage = unitPage;
        this.clock = clock;
    }

    private LocalDate today() {
        return VietnamTime.today(clock);
    }

    @GetMapping("/units/{nodeId}/members")
    String list(@CurrentStaff Staff staff, @PathVariable long nodeId, @ModelAttribute("filter") MemberFilter filter,
            BindingResult ignored, Model model) {
        OrgUnitView node = orgUnits.get(staff.scope(), nodeId);
        boolean personal = MemberService.seesPersonalData(staff);
        MemberFilter allowed = personal ? filter : filter.withoutParty();
        MemberPage page = members.list(staff.scope(), nodeId, allowed);
        members.recordRead(staff, "READ_LIST", null, node.path(), readDetails(node, allowed, page));
        unitPage.show(model, node);
        model.addAttribute("filter", allowed);
        model.addAttribute("personal", personal);
        model.addAttribute("memberPage", page);
        model.addAttribute("canWrite", members.canWrite(staff, node) && node.active());
        model.addAttribute("sort", page.sort());
        return "member/list";
    }

    /** What the audit log keeps of a list read: where, which filters (not what was typed), how many rows. */
    private static java.util.Map<String, Object> readDetails(OrgUnitView node, MemberFilter filter, MemberPage page) {
        java.util.Map<String, Object> details = new java.util.LinkedHashMap<>();
        details.put("nodeId", node.id());
        details.put("nameSearch", filter.q() != null && !filter.q().isBlank());
        details.put("status", filter.status());
        details.put("party", filter.party());
        details.put("fromMember", filter.hasCursor());
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
        unitPage.show(model, unit);
        model.addAttribute("canWrite", members.canWrite(staff, unit));
        return "member/show";
    }

    @GetMapping("/units/{unitId}/members/new")
    @PreAuthorize("hasAnyRole('CHAPTER', 'COMMUNE')")
    String newMember(@CurrentStaff Staff staff, @PathVariable long unitId, Model model) {
        return form(model, members.writableUnit(staff, unitId), null, MemberForm.empty(today()));
    }

    @PostMapping("/units/{unitId}/members")
    @PreAuthorize("hasAnyRole('CHAPTER', 'COMMUNE')")
    String create(@CurrentStaff Staff staff, @PathVariable long unitId, @ModelAttribute("form") MemberForm form,
            BindingResult errors, @RequestParam(required = false) String next, Model model, RedirectAttributes flash) {
        OrgUnitView unit = members.writableUnit(staff, unitId);
        try {
            MemberView created = members.add(staff, unitId, MemberRules.check(form.input(), today()));
            Notices.flash(flash, "member.added", created.fullName() + " (" + created.cardNumber() + ")");
            return "another".equals(next) ? "redirect:/units/" + unitId + "/members/new"
                    : "redirect:/members/" + created.id();
        }
        catch (RuleViolationException ex) {
            RuleViolations.reject(errors, ex);
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
        try {
            MemberView saved = members.update(staff, id, MemberRules.check(form.input(), today()),
                    form.version() == null ? -1 : form.version());
            Notices.flash(flash, "member.updated", saved.fullName());
            return "redirect:/members/" + id;
        }
        catch (RuleViolationException ex) {
            RuleViolations.reject(errors, ex);
        }
        catch (ObjectOptimisticLockingFailureException ex) {
            // someone saved first: keep what this user typed, say so, and show what is saved now
            errors.reject("member.conflict");
            model.addAttribute("conflict", members.get(staff.scope(), id));
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
                new StatusForm(proposed.name(), today().toString(), member.version()));
    }

    @PostMapping("/members/{id}/status")
    @PreAuthorize("hasAnyRole('CHAPTER', 'COMMUNE')")
    String changeStatus(@CurrentStaff Staff staff, @PathVariable long id, @ModelAttribute("form") StatusForm form,
            BindingResult errors, Model model, RedirectAttributes flash) {
        MemberView member = members.get(staff.scope(), id);
        members.writableUnit(staff, member.unitId());
        MemberStatus status = parseStatus(form.status());
        try {
            if (status == null) {
                throw RuleViolationException.of("status", "member.status.required");
            }
            LocalDate date = status.isDeparted() ? MemberRules.statusDate(form.date(), member.joinedOn(), today()) : null;
            MemberView saved = members.changeStatus(staff, id, status, date,
                    form.version() == null ? -1 : form.version());
            Notices.flash(flash, "member.statusChanged." + saved.status(), saved.fullName());
            return "redirect:/members/" + id;
        }
        catch (RuleViolationException ex) {
            RuleViolations.reject(errors, ex);
        }
        catch (ObjectOptimisticLockingFailureException ex) {
            errors.reject("member.conflict");
            model.addAttribute("conflict", members.get(staff.scope(), id));
            member = members.get(staff.scope(), id);
        }
        return statusPage(model, staff, member, form);
    }

    private String form(Model model, OrgUnitView unit, MemberView member, MemberForm form) {
        unitPage.show(model, unit);
        model.addAttribute("member", member);
        // keep the bound form (and its errors) when redisplaying after a failed POST
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", form);
        }
        model.addAttribute("ethnicities", Ethnicity.all());
        model.addAttribute("genders", Gender.values());
        model.addAttribute("today", today().toString());
        return "member/form";
    }

    private String statusPage(Model model, Staff staff, MemberView member, StatusForm form) {
        OrgUnitView unit = orgUnits.get(staff.scope(), member.unitId());
        model.addAttribute("member", member);
        unitPage.show(model, unit);
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", form);
        }
        model.addAttribute("statuses", MemberStatus.values());
        model.addAttribute("today", today().toString());
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
}
