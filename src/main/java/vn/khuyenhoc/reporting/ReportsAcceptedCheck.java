package vn.khuyenhoc.reporting;

import org.springframework.stereotype.Component;

import vn.khuyenhoc.closing.YearClosingCheck;
import vn.khuyenhoc.shared.RuleViolationException;

/** The national board closes a year only once every active province's report of it is accepted. */
@Component
class ReportsAcceptedCheck implements YearClosingCheck {

    private final ReportingService reports;

    ReportsAcceptedCheck(ReportingService reports) {
        this.reports = reports;
    }

    @Override
    public void requireClosable(int year) {
        long waiting = reports.provincesNotAccepted(year);
        if (waiting > 0) {
            throw RuleViolationException.of("year", "report.close.provincesNotAccepted", waiting);
        }
    }
}
