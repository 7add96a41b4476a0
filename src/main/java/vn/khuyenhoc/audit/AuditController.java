package vn.khuyenhoc.audit;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import vn.khuyenhoc.shared.CurrentStaff;
import vn.khuyenhoc.shared.Staff;

/** The audit log, read by national staff. */
@Controller
@PreAuthorize("hasRole('NATIONAL')")
class AuditController {

    private static final int PAGE_SIZE = 50;

    private final AuditService audit;

    AuditController(AuditService audit) {
        this.audit = audit;
    }

    @GetMapping("/audit")
    String list(@CurrentStaff Staff staff, @RequestParam(required = false) String after,
            @RequestParam(required = false) String before, @RequestParam(required = false) String type, Model model) {
        // the page after (or before) an entry, by its id; anything else in the link is the first page
        Long from = id(after);
        boolean backwards = from == null && (from = id(before)) != null;
        model.addAttribute("auditPage", audit.page(staff.scope(), type, from, backwards, PAGE_SIZE));
        model.addAttribute("type", type);
        return "audit/list";
    }

    private static Long id(String value) {
        return value != null && value.strip().matches("\\d{1,18}") ? Long.valueOf(value.strip()) : null;
    }
}
