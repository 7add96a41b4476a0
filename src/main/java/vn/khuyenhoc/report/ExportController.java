package vn.khuyenhoc.report;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

import vn.khuyenhoc.shared.CurrentStaff;
import vn.khuyenhoc.shared.Staff;
import vn.khuyenhoc.shared.VietnamTime;

/** The annual statistics of a node in scope and everything below it down to communes, as XLSX or CSV. */
@Controller
class ExportController {

    private static final MediaType XLSX =
            MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    private final StatisticsExport export;
    private final Clock clock;
    private final MessageSource messages;

    ExportController(StatisticsExport export, MessageSource messages, Clock clock) {
        this.clock = clock;
        this.export = export;
        this.messages = messages;
    }

    @GetMapping("/units/{id}/export.xlsx")
    ResponseEntity<StreamingResponseBody> xlsx(@CurrentStaff Staff staff, @PathVariable long id,
            @RequestParam(required = false) Integer year, Locale locale) {
        StatisticsExport.Report report = export.build(staff.scope(), id, yearOrCurrent(year), locale);
        return download(report.fileName() + ".xlsx", XLSX, out -> ExportWriters.xlsx(report, out));
    }

    @GetMapping("/units/{id}/export.csv")
    ResponseEntity<StreamingResponseBody> csv(@CurrentStaff Staff staff, @PathVariable long id,
            @RequestParam(required = false) Integer year, Locale locale) {
        StatisticsExport.Report report = export.build(staff.scope(), id, yearOrCurrent(year), locale);
        String levelHeader = messages.getMessage("export.level", null, locale);
        return download(report.fileName() + ".csv", new MediaType("text", "csv", StandardCharsets.UTF_8),
                out -> ExportWriters.csv(report, levelHeader, out));
    }

    private int yearOrCurrent(Integer year) {
        return year == null ? VietnamTime.thisYear(clock) : year;
    }

    private static ResponseEntity<StreamingResponseBody> download(String fileName, MediaType type,
            StreamingResponseBody body) {
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(fileName).build().toString())
                .contentType(type)
                .body(body);
    }
}
