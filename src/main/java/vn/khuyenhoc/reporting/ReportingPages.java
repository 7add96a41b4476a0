package vn.khuyenhoc.reporting;

import org.springframework.validation.BindingResult;

/** The year a reporting page was asked for: four digits within the years reports exist, else this year and a message. */
final class ReportingPages {

    private ReportingPages() {
    }

    static int year(String text, ReportingService reports, BindingResult errors) {
        if (text == null || text.isBlank()) {
            return reports.currentYear();
        }
        if (text.strip().matches("\\d{4}") && reports.isReportYear(Integer.parseInt(text.strip()))) {
            return Integer.parseInt(text.strip());
        }
        errors.rejectValue("year", "report.year.invalid");
        return reports.currentYear();
    }
}
