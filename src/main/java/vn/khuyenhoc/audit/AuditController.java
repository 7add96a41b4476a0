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
    String list(@CurrentStaff Staff staff, @RequestParam(defaultValue = "0") int page,
            @RequestParam(required = false) String type, Model model) {
        model.addAttribute("auditPage", audit.page(staff.scope(), type, Math.max(page, 0), PAGE_SIZE));
        model.addAttribute("type", type);
        return "audit/list";
    }
}
