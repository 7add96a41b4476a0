package vn.khuyenhoc.report;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

import vn.khuyenhoc.rollup.Period;
import vn.khuyenhoc.shared.CurrentStaff;
import vn.khuyenhoc.shared.Staff;
import vn.khuyenhoc.shared.VietnamTime;

/**
 * The statistics of a node in scope and everything below it down to communes, for a period (as the dashboard takes
 * it: {@code ?period=2025-H1}, {@code ?from=2021&to=2025}, {@code ?year=2025&half=1}), as XLSX or CSV.
 */
@Controller
class ExportController {

    private static final MediaType XLSX =
            MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    /** Any year the records may hold (a year not yet begun exports its stocks and no flows). */
    private static final int LATEST = 2100;

    private final StatisticsExport export;
    private final MessageSource messages;
    private final Clock clock;

    ExportController(StatisticsExport export, MessageSource messages, Clock clock) {
        this.export = export;
        this.messages = messages;
        this.clock = clock;
    }

    @GetMapping("/units/{id}/export.xlsx")
    @PreAuthorize("hasAnyRole('NATIONAL', 'PROVINCE', 'COMMUNE')") // a grassroots unit has no export
    ResponseEntity<StreamingResponseBody> xlsx(@CurrentStaff Staff staff, @PathVariable long id,
            @RequestParam(required = false) String period, @RequestParam(required = false) String year,
            @RequestParam(required = false) String half, @RequestParam(required = false) String from,
            @RequestParam(required = false) String to, @RequestParam(required = false) String figures, Locale locale) {
        StatisticsExport.Report report = export.build(staff.scope(), id,
                Period.fromRequest(period, year, half, from, to, VietnamTime.thisYear(clock), LATEST), locale,
                "approved".equals(figures));
        return download(report.fileName() + ".xlsx", XLSX, out -> ExportWriters.xlsx(report, out));
    }

    @GetMapping("/units/{id}/export.csv")
    @PreAuthorize("hasAnyRole('NATIONAL', 'PROVINCE', 'COMMUNE')") // a grassroots unit has no export
    ResponseEntity<StreamingResponseBody> csv(@CurrentStaff Staff staff, @PathVariable long id,
            @RequestParam(required = false) String period, @RequestParam(required = false) String year,
            @RequestParam(required = false) String half, @RequestParam(required = false) String from,
            @RequestParam(required = false) String to, @RequestParam(required = false) String figures, Locale locale) {
        StatisticsExport.Report report = export.build(staff.scope(), id,
                Period.fromRequest(period, year, half, from, to, VietnamTime.thisYear(clock), LATEST), locale,
                "approved".equals(figures));
        List<String> leading = List.of(messages.getMessage("export.level", null, locale),
                messages.getMessage("export.period", null, locale), messages.getMessage("export.status", null, locale));
        return download(report.fileName() + ".csv", new MediaType("text", "csv", StandardCharsets.UTF_8),
                out -> ExportWriters.csv(report, leading, out));
    }

    private static ResponseEntity<StreamingResponseBody> download(String fileName, MediaType type,
            StreamingResponseBody body) {
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(fileName).build().toString())
                .contentType(type)
                .body(body);
    }
}
