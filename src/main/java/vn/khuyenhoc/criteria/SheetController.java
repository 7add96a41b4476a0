package vn.khuyenhoc.criteria;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Locale;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BeanPropertyBindingResult;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import vn.khuyenhoc.orgunit.OrgUnitView;
import vn.khuyenhoc.orgunit.UnitPageModel;
import vn.khuyenhoc.registration.EvaluationService;
import vn.khuyenhoc.registration.TitleKind;
import vn.khuyenhoc.shared.CurrentStaff;
import vn.khuyenhoc.shared.Notices;
import vn.khuyenhoc.shared.RuleViolationException;
import vn.khuyenhoc.shared.Staff;
import vn.khuyenhoc.shared.VietnamTime;

/**
 * The evaluation spreadsheet of a recognising node: download a kind's registrations of a year, upload the points.
 * Like the evaluation page: outside the scope 404, anyone but the node's own staff 403.
 */
@Controller
class SheetController {

    private final SheetImport sheets;
    private final EvaluationService evaluation;
    private final UnitPageModel unitPage;
    private final Clock clock;

    SheetController(SheetImport sheets, EvaluationService evaluation, UnitPageModel unitPage, Clock clock) {
        this.sheets = sheets;
        this.evaluation = evaluation;
        this.unitPage = unitPage;
        this.clock = clock;
    }

    /** What the upload form holds as typed ({@code file} only carries the file's messages). */
    public record SheetForm(String kind, int year, String decisionNumber, String decisionDate, String file) {
    }

    @GetMapping("/units/{id}/evaluation/sheet")
    String page(@CurrentStaff Staff staff, @PathVariable long id, @RequestParam(required = false) String year,
            Model model) {
        int y = year(year);
        return render(staff, id, new SheetForm("", y, "", "", ""), null, model);
    }

    @GetMapping("/units/{id}/evaluation/sheet.xlsx")
    ResponseEntity<byte[]> download(@CurrentStaff Staff staff, @PathVariable long id,
            @RequestParam(required = false) String year, @RequestParam(required = false) String kind, Locale locale) {
        int y = year(year);
        TitleKind k = kind(kind);
        evaluation.recogniser(staff, id);
        if (k == null) {
            throw new vn.khuyenhoc.shared.NotFoundException();
        }
        byte[] body = sheets.download(staff, id, y, k, locale);
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("cham-diem-" + k.name().toLowerCase(Locale.ROOT) + "-" + y + ".xlsx", StandardCharsets.UTF_8)
                        .build().toString())
                .body(body);
    }

    @PostMapping("/units/{id}/evaluation/sheet")
    String upload(@CurrentStaff Staff staff, @PathVariable long id, @RequestParam(required = false) String year,
            @RequestParam(required = false) String kind, @RequestParam(required = false) String decisionNumber,
            @RequestParam(required = false) String decisionDate,
            @RequestParam(name = "file", required = false) MultipartFile file, Model model, Locale locale,
            RedirectAttributes flash) {
        int y = year(year);
        evaluation.recogniser(staff, id);
        SheetForm form = new SheetForm(kind == null ? "" : kind, y, decisionNumber == null ? "" : decisionNumber,
                decisionDate == null ? "" : decisionDate, "");
        BindingResult errors = new BeanPropertyBindingResult(form, "sheetForm");
        TitleKind k = kind(kind);
        if (k == null) {
            errors.rejectValue("kind", "sheet.kind.notScored");
            return render(staff, id, form, errors, model);
        }
        if (decisionNumber != null && decisionNumber.strip().length() > 50) {
            errors.rejectValue("decisionNumber", "evaluation.decisionNumber.size");
            return render(staff, id, form, errors, model);
        }
        try {
            byte[] bytes = read(file);
            LocalDate date = ScoreForm.dateOf(decisionDate);
            SheetImport.Result result = sheets.upload(staff, id, y, k, bytes, decisionNumber, date,
                    decisionDate != null && !decisionDate.isBlank(), locale);
            Notices.flash(flash, "sheet.saved", result.scored() + " / " + result.recognised());
            return "redirect:/units/" + id + "/evaluation?year=" + y + "&kind=" + k.name();
        }
        catch (RuleViolationException ex) {
            // beside the upload form's own fields; a refusal about anything else is said above the form
            for (RuleViolationException.Violation v : ex.violations()) {
                if (v.field() != null && java.util.Set.of("kind", "year", "decisionNumber", "decisionDate", "file")
                        .contains(v.field())) {
                    errors.rejectValue(v.field(), v.code(), v.args(), null);
                }
                else {
                    errors.reject(v.code(), v.args(), null);
                }
            }
        }
        return render(staff, id, form, errors, model);
    }

    /** The file's bytes, reading at most one byte more than the limit (a bigger file is refused by its size). */
    private static byte[] read(MultipartFile file) {
        if (file == null || file.isEmpty()) {
            return new byte[0];
        }
        try (InputStream in = file.getInputStream()) {
            return in.readNBytes((int) SheetImport.MAX_BYTES + 1);
        }
        catch (IOException ex) {
            throw RuleViolationException.of("file", "sheet.file.unreadable");
        }
    }

    private String render(Staff staff, long id, SheetForm form, BindingResult errors, Model model) {
        OrgUnitView node = evaluation.recogniser(staff, id);
        unitPage.show(model, node);
        model.addAttribute("sheetForm", form);
        if (errors != null) {
            model.addAttribute(BindingResult.MODEL_KEY_PREFIX + "sheetForm", errors);
        }
        model.addAttribute("kinds", sheets.scoredKinds(staff, id, form.year()));
        model.addAttribute("maxRows", SheetImport.MAX_ROWS);
        model.addAttribute("maxMegabytes", SheetImport.MAX_BYTES / 1024 / 1024);
        return "criteria/sheet";
    }

    private int year(String typed) {
        int thisYear = VietnamTime.thisYear(clock);
        if (typed == null || !typed.strip().matches("\\d{4}")) {
            return thisYear;
        }
        int y = Integer.parseInt(typed.strip());
        return y < 2000 || y > thisYear + 1 ? thisYear : y;
    }

    private static TitleKind kind(String typed) {
        try {
            return typed == null ? null : TitleKind.valueOf(typed.strip());
        }
        catch (IllegalArgumentException ex) {
            return null;
        }
    }
}
