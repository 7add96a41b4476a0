package vn.khuyenhoc.reporting;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import vn.khuyenhoc.closing.YearClosingService;
import vn.khuyenhoc.orgunit.OrgUnitService;
import vn.khuyenhoc.orgunit.OrgUnitView;
import vn.khuyenhoc.shared.HomeItems;
import vn.khuyenhoc.shared.Staff;
import vn.khuyenhoc.shared.VietnamTime;

/**
 * What the yearly reports ask of the signed-in user, on their home page: a province's "12 communes wait for your
 * approval", a commune's "your report was returned: …" or "deadline in 3 days", the national board's provinces to
 * accept, a chapter's "the commune's report is submitted: its records are locked". This year and last (a report of
 * last year is often finished in January), skipping closed years.
 */
@Component
class ReportHomeItems implements HomeItems {

    /** How many days ahead a deadline is announced. */
    static final int DEADLINE_NOTICE_DAYS = 30;
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    private final ReportingService reports;
    private final OrgUnitService orgUnits;
    private final YearClosingService closing;
    private final JdbcClient jdbc;
    private final Clock clock;

    ReportHomeItems(ReportingService reports, OrgUnitService orgUnits, YearClosingService closing, JdbcClient jdbc,
            Clock clock) {
        this.reports = reports;
        this.orgUnits = orgUnits;
        this.closing = closing;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    @Transactional(readOnly = true)
    public List<Item> itemsFor(Staff staff) {
        List<Item> items = new ArrayList<>();
        int thisYear = VietnamTime.thisYear(clock);
        for (int year = thisYear; year >= thisYear - 1; year--) {
            if (closing.isClosed(year)) {
                continue;
            }
            switch (staff.role()) {
                case NATIONAL -> national(staff, year, items);
                case PROVINCE -> province(staff, year, items);
                case COMMUNE -> ownReport(staff, staff.scope().nodeId(), year, items);
                case CHAPTER -> chapter(staff, year, items);
            }
        }
        return items;
    }

    private void national(Staff staff, int year, List<Item> items) {
        long waiting = count("""
                SELECT count(*) FROM annual_report r JOIN org_unit p ON p.id = r.node_id
                WHERE r.year = :year AND r.state = 'SUBMITTED' AND p.level = 1 AND p.active
                """, year, null);
        String link = "/units/" + staff.scope().nodeId() + "/reporting?year=" + year;
        if (waiting > 0) {
            items.add(new Item("report.home.provincesWaiting", List.of(waiting, String.valueOf(year)), link, "warning"));
        }
        else if (reports.provincesNotAccepted(year) == 0) {
            items.add(new Item("report.home.yearClosable", List.of(String.valueOf(year)), "/years", "info"));
        }
    }

    private void province(Staff staff, int year, List<Item> items) {
        long province = staff.scope().nodeId();
        long waiting = count("""
                SELECT count(*) FROM annual_report r JOIN org_unit c ON c.id = r.node_id
                WHERE r.year = :year AND r.state = 'SUBMITTED' AND c.parent_id = :node AND c.active
                """, year, province);
        if (waiting > 0) {
            items.add(new Item("report.home.communesWaiting", List.of(waiting, String.valueOf(year)),
                    "/units/" + province + "/reporting?year=" + year, "warning"));
        }
        ReportView own = reports.report(staff.scope(), province, year);
        if (!own.state().locked() && own.state() != ReportState.RETURNED && reports.communesNotApproved(province, year) == 0) {
            items.add(new Item("report.home.provinceReady", List.of(String.valueOf(year)),
                    "/units/" + province + "/report?year=" + year, "info"));
        }
        ownReport(staff, province, year, items);
    }

    private void ownReport(Staff staff, long nodeId, int year, List<Item> items) {
        ReportView own = reports.report(staff.scope(), nodeId, year);
        String link = "/units/" + nodeId + "/report?year=" + year;
        if (own.state() == ReportState.RETURNED) {
            items.add(new Item("report.home.returned", List.of(String.valueOf(year), own.reason()), link, "danger"));
            return;
        }
        if (own.state().locked()) {
            return;
        }
        LocalDate today = VietnamTime.today(clock);
        long days = ChronoUnit.DAYS.between(today, own.deadline());
        if (days < 0) {
            items.add(new Item("report.home.overdue", List.of(String.valueOf(year), own.deadline().format(DAY), -days),
                    link, "danger"));
        }
        else if (days <= DEADLINE_NOTICE_DAYS) {
            items.add(new Item("report.home.deadlineIn", List.of(String.valueOf(year), days, own.deadline().format(DAY)),
                    link, days <= 7 ? "warning" : "info"));
        }
    }

    private void chapter(Staff staff, int year, List<Item> items) {
        OrgUnitView unit = orgUnits.get(orgUnits.centralScope(), staff.scope().nodeId());
        if (unit.parentId() == null) {
            return;
        }
        OrgUnitView commune = orgUnits.get(orgUnits.centralScope(), unit.parentId());
        ReportView report = reports.report(orgUnits.centralScope(), commune.id(), year);
        if (report.state().locked()) {
            items.add(new Item("report.home.locked", List.of(String.valueOf(year), commune.name(),
                    report.submittedOn().format(DAY)), null, "info"));
        }
    }

    private long count(String sql, int year, Long node) {
        var spec = jdbc.sql(sql).param("year", year);
        if (node != null) {
            spec = spec.param("node", node);
        }
        return spec.query(Long.class).single();
    }
}
