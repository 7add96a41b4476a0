package vn.khuyenhoc.member.roster;

import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import vn.khuyenhoc.member.MemberService;
import vn.khuyenhoc.orgunit.OrgUnitService;
import vn.khuyenhoc.orgunit.OrgUnitView;
import vn.khuyenhoc.orgunit.UnitPageModel;
import vn.khuyenhoc.shared.CurrentStaff;
import vn.khuyenhoc.shared.Notices;
import vn.khuyenhoc.shared.Staff;

/** Importing a unit's roster from a file, and the template to fill in. */
@Controller
class MemberImportController {

    /** spring.servlet.multipart.max-file-size, as the message says it. */
    static final String MAX_UPLOAD_MB = "20";

    private final MemberImportService imports;
    private final MemberService members;
    private final OrgUnitService orgUnits;
    private final UnitPageModel unitPage;
    private final MessageSource messages;

    MemberImportController(MemberImportService imports, MemberService members, OrgUnitService orgUnits,
            MessageSource messages, UnitPageModel unitPage) {
        this.unitPage = unitPage;
        this.imports = imports;
        this.members = members;
        this.orgUnits = orgUnits;
        this.messages = messages;
    }

    @GetMapping("/units/{unitId}/members/import")
    @PreAuthorize("hasAnyRole('CHAPTER', 'COMMUNE')")
    String page(@CurrentStaff Staff staff, @PathVariable long unitId,
            @RequestParam(name = "tooLarge", required = false) String tooLarge, Model model) {
        // an upload over the size limit comes back here (GlobalErrorAdvice), with the message beside the file field
        return page(model, members.writableUnit(staff, unitId),
                tooLarge == null ? null : ImportResult.fileError("", "hardening.import.tooLarge", MAX_UPLOAD_MB));
    }

    @PostMapping("/units/{unitId}/members/import")
    @PreAuthorize("hasAnyRole('CHAPTER', 'COMMUNE')")
    String upload(@CurrentStaff Staff staff, @PathVariable long unitId,
            @RequestParam(name = "file", required = false) MultipartFile file, Model model, RedirectAttributes flash) {
        OrgUnitView unit = members.writableUnit(staff, unitId);
        if (file == null || file.isEmpty()) {
            return page(model, unit, ImportResult.fileError(file == null ? "" : file.getOriginalFilename(),
                    "member.import.file.none"));
        }
        ImportResult result = imports.importRoster(staff, unitId, file.getOriginalFilename(), file, file.getSize());
        if (result.succeeded()) {
            Notices.flash(flash, "member.import.done", result.imported());
            return "redirect:/units/" + unitId + "/members?sort=card&dir=desc";
        }
        return page(model, unit, result);
    }

    @GetMapping("/members/template.xlsx")
    ResponseEntity<byte[]> xlsxTemplate(Locale locale) {
        return download("mau-danh-sach-hoi-vien.xlsx",
                MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
                RosterTemplate.xlsx(messages, locale));
    }

    @GetMapping("/members/template.csv")
    ResponseEntity<byte[]> csvTemplate() {
        return download("mau-danh-sach-hoi-vien.csv", new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8),
                RosterTemplate.csv());
    }

    private String page(Model model, OrgUnitView unit, ImportResult result) {
        unitPage.show(model, unit);
        model.addAttribute("columns", RosterColumn.values());
        model.addAttribute("result", result);
        model.addAttribute("maxRows", MemberImportService.MAX_ROWS);
        return "member/import";
    }

    private static ResponseEntity<byte[]> download(String fileName, MediaType type, byte[] body) {
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(fileName).build().toString())
                .contentType(type)
                .body(body);
    }
}
