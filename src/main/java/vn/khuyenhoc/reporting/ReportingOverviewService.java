package vn.khuyenhoc.reporting;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.text.Collator;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.khuyenhoc.account.AccountService;
import vn.khuyenhoc.orgunit.OrgUnitService;
import vn.khuyenhoc.orgunit.OrgUnitView;
import vn.khuyenhoc.shared.NotFoundException;
import vn.khuyenhoc.shared.Scope;
import vn.khuyenhoc.shared.VietnamTime;

/**
 * The reporting pages of the country and of each province: how many reports are expected, submitted, approved, on
 * time, late and missing, the communes waiting for approval (with the figures they kept) and those not yet submitted
 * (with whom to ring). One statement reads every active commune of the subtree with its report and deadline.
 */
@Service
@Transactional(readOnly = true)
public class ReportingOverviewService {

    /** The sort orders of the list of communes not yet submitted. */
    public static final List<String> SORTS = List.of("name", "code", "province", "state");

    private final JdbcClient jdbc;
    private final OrgUnitService orgUnits;
    private final AccountService accounts;
    private final ReportingService reports;

    ReportingOverviewService(JdbcClient jdbc, OrgUnitService orgUnits, AccountService accounts,
            ReportingService reports) {
        this.jdbc = jdbc;
        this.orgUnits = orgUnits;
        this.accounts = accounts;
        this.reports = reports;
    }

    /** A node with a reporting page: the country or a province, in scope. */
    public OrgUnitView overviewNode(Scope scope, long id) {
        OrgUnitView node = orgUnits.get(scope, id);
        if (node.level() > 1) {
            throw new NotFoundException();
        }
        return node;
    }

    /** A reporting page's content. {@code sort} is one of {@link #SORTS}; {@code only} filters the list by state. */
    public Overview overview(Scope scope, long nodeId, int year, String sort, boolean descending, ReportState only,
            Locale locale) {
        OrgUnitView node = overviewNode(scope, nodeId);
        List<CommuneReportRow> communes = communes(node, year);
        ReportingRates rates = ReportingRates.of(communes);
        List<CommuneReportRow> waiting = communes.stream().filter(r -> r.state() == ReportState.SUBMITTED).toList();
        List<CommuneReportRow> missing = communes.stream().filter(r -> !r.state().submitted())
                .filter(r -> only == null || r.state() == only).toList();
        Map<Long, List<AccountService.StaffContact>> contacts = accounts.contacts(missing.stream()
                .map(CommuneReportRow::id).toList());
        missing = missing.stream().map(r -> r.withContacts(contacts.getOrDefault(r.id(), List.of())))
                .sorted(order(sort, descending, locale)).toList();
        List<CommuneReportRow> provinces = node.level() == 0 ? provinces(node, year) : List.of();
        ReportingRates provinceRates = node.level() == 0 ? ReportingRates.of(provinces) : null;
        ReportView own = node.level() == 1 ? reports.report(scope, node.id(), year) : null;
        LocalDate deadline = reports.deadlineOf(node.id(), node.level(), year);
        return new Overview(node, year, rates, waiting, missing, provinces, provinceRates, own, deadline,
                reports.deadlineVersion(node.id(), year));
    }

    /** Every active commune of the subtree with its report of the year, for the CSV download, sorted like the page. */
    public List<CommuneReportRow> allCommunes(Scope scope, long nodeId, int year, Locale locale) {
        OrgUnitView node = overviewNode(scope, nodeId);
        List<CommuneReportRow> communes = communes(node, year);
        Map<Long, List<AccountService.StaffContact>> contacts = accounts.contacts(communes.stream()
                .map(CommuneReportRow::id).toList());
        return communes.stream().map(r -> r.withContacts(contacts.getOrDefault(r.id(), List.of())))
                .sorted(order("province", false, locale)).toList();
    }

    private List<CommuneReportRow> communes(OrgUnitView node, int year) {
        return jdbc.sql("""
                SELECT c.id, c.code, c.name, c.admin_type, p.id AS province_id, p.name AS province_name,
                       p.admin_type AS province_type, r.state, r.submitted_at, r.reason, r.version, r.figures::text,
                       coalesce(d.deadline, make_date(:year, 12, 5)) AS deadline
                FROM org_unit c
                JOIN org_unit p ON p.id = c.parent_id
                LEFT JOIN annual_report r ON r.node_id = c.id AND r.year = :year
                LEFT JOIN report_deadline d ON d.node_id = c.parent_id AND d.year = :year
                WHERE c.level = 2 AND c.active AND c.path LIKE :pattern
                ORDER BY c.id
                """).param("year", year).param("pattern", node.path() + "%")
                .query((rs, n) -> row(rs, true)).list();
    }

    /** The provinces' own reports (the national page), with the national deadline. */
    private List<CommuneReportRow> provinces(OrgUnitView central, int year) {
        return jdbc.sql("""
                SELECT p.id, p.code, p.name, p.admin_type, p.id AS province_id, p.name AS province_name,
                       p.admin_type AS province_type,
                       coalesce(r.state, CASE WHEN EXISTS (SELECT 1 FROM annual_report cr JOIN org_unit c ON c.id = cr.node_id
                                                           WHERE cr.year = :year AND c.parent_id = p.id)
                                              THEN 'IN_PROGRESS' END) AS state,
                       r.submitted_at, r.reason, r.version, r.figures::text,
                       coalesce(d.deadline, make_date(:year, 12, 15)) AS deadline
                FROM org_unit p
                LEFT JOIN annual_report r ON r.node_id = p.id AND r.year = :year
                LEFT JOIN report_deadline d ON d.node_id = :central AND d.year = :year
                WHERE p.level = 1 AND p.active AND p.parent_id = :central
                ORDER BY p.code
                """).param("year", year).param("central", central.id())
                .query((rs, n) -> row(rs, true)).list();
    }

    private CommuneReportRow row(ResultSet rs, boolean withFigures) throws SQLException {
        String state = rs.getString("state");
        OffsetDateTime submittedAt = rs.getObject("submitted_at", OffsetDateTime.class);
        String figures = rs.getString("figures");
        return new CommuneReportRow(rs.getLong("id"), rs.getString("code"), rs.getString("name"),
                rs.getString("admin_type"), rs.getLong("province_id"), rs.getString("province_name"),
                rs.getString("province_type"), state == null ? ReportState.NOT_STARTED : ReportState.valueOf(state),
                submittedAt == null ? null : submittedAt.atZoneSameInstant(VietnamTime.ZONE).toLocalDate(),
                rs.getObject("deadline", LocalDate.class), rs.getString("reason"), rs.getLong("version"),
                withFigures && figures != null ? reports.figures(figures) : Map.of(), List.of());
    }

    private static Comparator<CommuneReportRow> order(String sort, boolean descending, Locale locale) {
        Collator collator = Collator.getInstance(Locale.forLanguageTag("vi"));
        Comparator<CommuneReportRow> byName = Comparator.comparing(CommuneReportRow::name, collator);
        Comparator<CommuneReportRow> order = switch (sort == null ? "name" : sort) {
            case "code" -> Comparator.comparing(CommuneReportRow::code, Comparator.nullsLast(Comparator.naturalOrder()));
            case "province" -> Comparator.comparing(CommuneReportRow::provinceName, collator).thenComparing(byName);
            case "state" -> Comparator.comparing(CommuneReportRow::state).thenComparing(byName);
            default -> byName;
        };
        return descending ? order.reversed() : order;
    }

    /**
     * A reporting page: the node, the year, the rates of its communes, the communes waiting for approval, those not
     * yet submitted; nationally the provinces' own reports and their rates; a province's own report; the deadline
     * its children report by and the version of that deadline.
     */
    public record Overview(OrgUnitView node, int year, ReportingRates rates, List<CommuneReportRow> waiting,
            List<CommuneReportRow> missing, List<CommuneReportRow> provinces, ReportingRates provinceRates,
            ReportView own, LocalDate deadline, long deadlineVersion) {
    }
}
