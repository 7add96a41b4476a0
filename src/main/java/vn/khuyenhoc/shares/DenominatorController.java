package vn.khuyenhoc.shares;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.IntStream;

import jakarta.validation.Valid;

import org.springframework.context.MessageSource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import vn.khuyenhoc.orgunit.OrgUnitView;
import vn.khuyenhoc.orgunit.UnitPageModel;
import vn.khuyenhoc.rollup.ShareKind;
import vn.khuyenhoc.rollup.Shares;
import vn.khuyenhoc.shared.CurrentStaff;
import vn.khuyenhoc.shared.Notices;
import vn.khuyenhoc.shared.RuleViolationException;
import vn.khuyenhoc.shared.RuleViolations;
import vn.khuyenhoc.shared.Staff;
import vn.khuyenhoc.shared.VietnamTime;

/**
 * A node's denominators for a year: what its shares are measured against and where that comes from, its own entry
 * (kept by its own staff), its children's entries, and — for a province's staff — the spreadsheet of all its
 * communes to download and upload.
 */
@Controller
class DenominatorController {

    private final DenominatorService denominators;
    private final UnitPageModel unitPage;
    private final MessageSource messages;
    private final Clock clock;

    DenominatorController(DenominatorService denominators, UnitPageModel unitPage, MessageSource messages, Clock clock) {
        this.denominators = denominators;
        this.unitPage = unitPage;
        this.messages = messages;
        this.clock = clock;
    }

    @GetMapping("/units/{id}/denominators")
    @PreAuthorize("hasAnyRole('NATIONAL', 'PROVINCE', 'COMMUNE')")
    String show(@CurrentStaff Staff staff, @PathVariable long id, @RequestParam(required = false) String year,
            @RequestParam(name = "tooLarge", required = false) String tooLarge, Locale locale, Model model) {
        int shown = shownYear(year);
        // an upload over the server's size limit comes back here (web.UploadPages), said beside the file field
        UploadResult result = tooLarge == null ? null : UploadResult.fileError("", "shares.upload.tooLarge");
        return page(staff, id, shown, null, result, locale, model);
    }

    @PostMapping("/units/{id}/denominators")
    @PreAuthorize("hasAnyRole('PROVINCE', 'COMMUNE')")
    String save(@CurrentStaff Staff staff, @PathVariable long id, @Valid @ModelAttribute("form") DenominatorForm form,
            BindingResult errors, Locale locale, Model model, RedirectAttributes flash) {
        OrgUnitView node = denominators.node(staff.scope(), id);
        if (!denominators.canEdit(staff, node)) {
            throw new org.springframework.security.access.AccessDeniedException("not this node's staff");
        }
        int year = shownYear(form.year());
        if (!errors.hasErrors()) {
            try {
                DenominatorForm.DenominatorCommand command = form.toCommand();
                year = command.year();
                denominators.set(staff, id, command);
                Notices.flash(flash, "shares.denominators.saved", String.valueOf(year));
                return "redirect:/units/" + id + "/denominators?year=" + year;
            }
            catch (RuleViolationException ex) {
                RuleViolations.reject(errors, ex);
            }
        }
        return page(staff, id, year, form, null, locale, model);
    }

    @PostMapping("/units/{id}/denominators/upload")
    @PreAuthorize("hasRole('PROVINCE')")
    String upload(@CurrentStaff Staff staff, @PathVariable long id, @RequestParam(required = false) String year,
            @RequestParam(name = "file", required = false) MultipartFile file, Locale locale, Model model,
            RedirectAttributes flash) {
        int shown = shownYear(year);
        OrgUnitView node = denominators.node(staff.scope(), id);
        if (!denominators.canUpload(staff, node)) {
            throw new org.springframework.security.access.AccessDeniedException("not this province's staff");
        }
        UploadResult result;
        if (file == null || file.isEmpty()) {
            result = UploadResult.fileError(file == null ? "" : file.getOriginalFilename(), "shares.upload.none");
        }
        else {
            try {
                result = denominators.upload(staff, id, year, file.getOriginalFilename(), file.getSize(), file);
            }
            catch (RuleViolationException ex) {
                result = UploadResult.fileError(file.getOriginalFilename(), ex.violations().get(0).code());
            }
        }
        if (result.succeeded()) {
            Notices.flash(flash, "shares.upload.done", result.communes());
            return "redirect:/units/" + id + "/denominators?year=" + result.year();
        }
        return page(staff, id, shown, null, result, locale, model);
    }

    @GetMapping("/units/{id}/denominators/template.xlsx")
    @PreAuthorize("hasAnyRole('NATIONAL', 'PROVINCE')")
    ResponseEntity<byte[]> xlsx(@CurrentStaff Staff staff, @PathVariable long id, @RequestParam(required = false) String year,
            Locale locale) {
        int shown = shownYear(year);
        return download("mau-mau-so-" + shown + ".xlsx",
                MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
                denominators.template(staff, id, shown, true, labels(locale)));
    }

    @GetMapping("/units/{id}/denominators/template.csv")
    @PreAuthorize("hasAnyRole('NATIONAL', 'PROVINCE')")
    ResponseEntity<byte[]> csv(@CurrentStaff Staff staff, @PathVariable long id, @RequestParam(required = false) String year,
            Locale locale) {
        int shown = shownYear(year);
        return download("mau-mau-so-" + shown + ".csv", new MediaType("text", "csv", StandardCharsets.UTF_8),
                denominators.template(staff, id, shown, false, labels(locale)));
    }

    private DenominatorSheet.Labels labels(Locale locale) {
        return (key, args) -> messages.getMessage(key, args, locale);
    }

    /** The year asked for, else this year; a year out of range shows this year (the form says what is wrong). */
    private int shownYear(String year) {
        try {
            return Numbers.year(year);
        }
        catch (Numbers.BadNumber ex) {
            return VietnamTime.thisYear(clock);
        }
    }

    private String page(Staff staff, long id, int year, DenominatorForm form, UploadResult result, Locale locale, Model model) {
        OrgUnitView node = denominators.node(staff.scope(), id);
        unitPage.show(model, node);
        SharePageText text = new SharePageText(locale);
        var own = denominators.own(id, year);
        Map<ShareKind, Shares.Denominator> effective = denominators.effective(staff.scope(), id, year);
        List<Line> lines = new ArrayList<>();
        for (ShareKind kind : ShareKind.values()) {
            Shares.Denominator d = effective.get(kind);
            lines.add(new Line(kind.denominatorKey(), text.count(own.map(e -> e.values().get(kind)).orElse(null)),
                    text.count(d == null ? null : d.value()), SharePageText.sourceCode(d, node.level()),
                    d == null ? 0 : d.childrenKnown(), d == null ? 0 : d.children()));
        }
        List<ChildLine> children = denominators.children(staff.scope(), id, year).stream()
                .map(c -> new ChildLine(c.id(), c.code(), messages.getMessage(c.titleKey(), new Object[] {c.name()}, locale),
                        java.util.Arrays.stream(ShareKind.values()).map(k -> text.count(c.values().get(k))).toList()))
                .toList();
        int thisYear = VietnamTime.thisYear(clock);
        model.addAttribute("year", year);
        model.addAttribute("years", IntStream.iterate(thisYear + 1, y -> y >= thisYear - 10, y -> y - 1).boxed().toList());
        model.addAttribute("kinds", ShareKind.values());
        model.addAttribute("lines", lines);
        model.addAttribute("children", children);
        model.addAttribute("canEdit", denominators.canEdit(staff, node));
        model.addAttribute("canUpload", denominators.canUpload(staff, node));
        model.addAttribute("ownEntry", own.orElse(null));
        model.addAttribute("result", result);
        model.addAttribute("maxRows", DenominatorService.MAX_ROWS);
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", form != null ? form
                    : DenominatorForm.of(year, own.map(DenominatorService.Entry::values).orElse(DenominatorValues.NONE),
                            own.map(DenominatorService.Entry::version).orElse(null)));
        }
        return "shares/denominators";
    }

    private static ResponseEntity<byte[]> download(String fileName, MediaType type, byte[] body) {
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(fileName).build().toString())
                .contentType(type).body(body);
    }

    /** One denominator: the node's own entry, the value its shares use, where that comes from ("32 of 54"). */
    record Line(String key, String own, String value, String sourceCode, int known, int children) {
    }

    /** A child (province or commune) and its own entries, formatted, in {@link ShareKind} order. */
    record ChildLine(long id, String code, String name, List<String> values) {
    }
}
