package vn.khuyenhoc.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.khuyenhoc.closing.YearClosingService;
import vn.khuyenhoc.orgunit.OrgUnitService;
import vn.khuyenhoc.orgunit.OrgUnitView;
import vn.khuyenhoc.reporting.ReportingService;
import vn.khuyenhoc.rollup.Figure;
import vn.khuyenhoc.rollup.Period;
import vn.khuyenhoc.rollup.RollupService;
import vn.khuyenhoc.rollup.RollupService.NodeFigures;
import vn.khuyenhoc.shared.NotFoundException;
import vn.khuyenhoc.shared.Scope;

/**
 * The statistics of a node and every node below it down to the communes for a period (a year, a first half-year,
 * a span of years), one table per level and, for the country, one for the groups of provinces, with the
 * dashboards' own figures (the same {@link RollupService} reads them). Writers for XLSX and CSV lay the tables out:
 * the XLSX a sheet per table, the CSV one table for machines (one header, a level column).
 */
@Service
@Transactional(readOnly = true)
public class StatisticsExport {

    private final RollupService rollups;
    private final OrgUnitService orgUnits;
    private final YearClosingService closing;
    private final MessageSource messages;
    private final ReportingService reports;

    StatisticsExport(RollupService rollups, OrgUnitService orgUnits, YearClosingService closing, MessageSource messages,
            ReportingService reports) {
        this.rollups = rollups;
        this.orgUnits = orgUnits;
        this.closing = closing;
        this.messages = messages;
        this.reports = reports;
    }

    /** The export of a year (as before periods). */
    public Report build(Scope scope, long nodeId, int year, Locale locale) {
        return build(scope, nodeId, Period.year(year), locale, false);
    }

    /**
     * The tables of the export, from the node's level down to communes, then the groups of provinces (country). Each
     * province and commune says whether its yearly report (of the period's last year) is approved; with
     * {@code approvedFigures} and a period of one year, their figures are those the approved report kept (empty
     * cells for a node not approved), not the live ones.
     */
    public Report build(Scope scope, long nodeId, Period period, Locale locale, boolean approvedFigures) {
        boolean approvedOnly = approvedFigures && period.isYear();
        OrgUnitView root = orgUnits.get(scope, nodeId);
        if (root.level() > 2) {
            throw new NotFoundException();
        }
        Set<Integer> closedYears = closing.closedYears().stream().map(YearClosingService.ClosedYear::year)
                .collect(Collectors.toSet());
        boolean closed = IntStream.rangeClosed(period.from(), period.to()).allMatch(closedYears::contains);
        String periodLabel = msg(period.messageKey(), locale, period.messageArgs());
        String status = msg(closed ? "export.status.closed" : "export.status.open", locale);

        List<Table> tables = new ArrayList<>();
        List<NodeFigures> provinces = null;
        for (int level = root.level(); level <= 2; level++) {
            // the communes of an export of approved figures show their reports' figures only, so their live ones are
            // not read: summing every commune's roll-ups is most of the country's export (the provinces' live figures
            // still make the groups' table)
            List<NodeFigures> rows = approvedOnly && level == 2
                    ? orgUnits.atLevelBelow(scope, nodeId, level).stream().map(n -> new NodeFigures(n, null)).toList()
                    : rollups.figuresAtLevel(scope, nodeId, level, period);
            if (level == 1) {
                provinces = rows;
            }
            List<Figure> figures = Figure.forLevel(level);
            List<List<Object>> cells = new ArrayList<>(rows.size());
            boolean reporting = level == 1 || level == 2;
            var kept = reporting ? reports.keptReports(rows.stream().map(r -> r.node().id()).toList(), period.to())
                    : java.util.Map.<Long, ReportingService.KeptReport>of();
            for (NodeFigures row : rows) {
                List<Object> line = new ArrayList<>(figures.size() + 3);
                line.add(row.node().code());
                line.add(msg(row.node().titleKey(), locale, row.node().name()));
                ReportingService.KeptReport report = kept.get(row.node().id());
                boolean approved = report != null && report.approved();
                if (approvedOnly && reporting) {
                    // the figures the approved report kept; nothing for a node whose report is not approved
                    figures.forEach(f -> line.add(approved && report.figures().get(f.key()) instanceof Number n ? n : null));
                }
                else {
                    figures.forEach(f -> line.add(f.of(row.figures())));
                }
                if (reporting) { // the report's state is the row's last cell
                    line.add(msg(approved ? "report.export.approved" : "report.export.notApproved", locale));
                }
                cells.add(line);
            }
            String name = msg("export.level." + level, locale);
            List<String> headers = headers(figures, locale);
            if (reporting) {
                headers.add(msg("report.export.state", locale));
            }
            tables.add(new Table(name, name, headers, figures, cells, reporting));
        }
        if (root.level() == 0 && provinces != null) {
            List<Figure> figures = Figure.forLevel(1);
            boolean english = "en".equals(locale.getLanguage());
            List<List<Object>> cells = new ArrayList<>();
            for (RollupService.GroupRow group : rollups.groupFigures(provinces)) {
                List<Object> line = new ArrayList<>(figures.size() + 2);
                line.add(null);
                line.add(english && group.nameEn() != null ? group.nameEn() : group.name());
                figures.forEach(f -> line.add(f.of(group.figures())));
                cells.add(line);
            }
            tables.add(new Table(msg("export.sheet.groups", locale), msg("export.level.group", locale),
                    headers(figures, locale), figures, cells, false));
        }
        String closedNote = msg(closed ? "export.period.closed" : "export.period.open", locale, periodLabel);
        String title = msg("export.period.title", locale, periodLabel, msg(root.titleKey(), locale, root.name()))
                + (approvedOnly ? " — " + msg("report.export.approvedFigures", locale) : "");
        String fileName = "khuyenhoc-" + period.key() + "-" + (root.code() == null ? "toan-quoc" : root.code())
                + (approvedOnly ? "-da-duyet" : "")
                + (closed ? "-khoa-so" : "");
        return new Report(title, closedNote, fileName, period, closed, status, Figure.forLevel(root.level()),
                headers(Figure.forLevel(root.level()), locale), tables);
    }

    private List<String> headers(List<Figure> figures, Locale locale) {
        List<String> headers = new ArrayList<>(List.of(msg("export.code", locale), msg("export.name", locale)));
        figures.forEach(f -> headers.add(msg(f.messageKey(), locale)));
        return headers;
    }

    private String msg(String key, Locale locale, Object... args) {
        return messages.getMessage(key, args, locale);
    }

    /**
     * An export: a title line, whether the period is closed (every year of it), the file name (period, node and
     * "khoa-so" when closed), the period, its status as a word, the figures of the widest table (the root's level)
     * with their headers, and a table per level (and for the groups of provinces).
     */
    public record Report(String title, String closedNote, String fileName, Period period, boolean closed,
            String status, List<Figure> figures, List<String> headers, List<Table> tables) {
    }

    /**
     * One level's table. The first two columns are text (code, name); then the figures in {@code figures}' order
     * (null when unknown).
     *
     * @param name  the sheet's name
     * @param level the level as the CSV's level column says it
 * @param withReportState whether each row ends with its yearly report's state (provinces and communes)
     */
    public record Table(String name, String level, List<String> headers, List<Figure> figures, List<List<Object>> rows,
            boolean withReportState) {
    }
}
