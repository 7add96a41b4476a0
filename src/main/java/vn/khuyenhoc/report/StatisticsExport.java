package vn.khuyenhoc.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.khuyenhoc.closing.YearClosingService;
import vn.khuyenhoc.orgunit.OrgUnitService;
import vn.khuyenhoc.orgunit.OrgUnitView;
import vn.khuyenhoc.reporting.ReportingService;
import vn.khuyenhoc.rollup.Figure;
import vn.khuyenhoc.rollup.RollupService;
import vn.khuyenhoc.rollup.RollupService.NodeFigures;
import vn.khuyenhoc.shared.NotFoundException;
import vn.khuyenhoc.shared.Scope;

/**
 * The annual statistics of a node and every node below it down to the communes, one table per level, with the
 * dashboards' own figures (the same {@link RollupService} reads them). Writers for XLSX and CSV lay the tables out.
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

    /** The tables of the export, from the node's level down to communes, with the live figures. */
    public Report build(Scope scope, long nodeId, int year, Locale locale) {
        return build(scope, nodeId, year, locale, false);
    }

    /**
     * The tables of the export, from the node's level down to communes. Each province and commune says whether its
     * yearly report is approved (issue 12); with {@code approvedFigures}, their figures are those the approved
     * report kept (empty cells for a node not approved), not the live ones.
     */
    public Report build(Scope scope, long nodeId, int year, Locale locale, boolean approvedFigures) {
        OrgUnitView root = orgUnits.get(scope, nodeId);
        if (root.level() > 2) {
            throw new NotFoundException();
        }
        List<List<NodeFigures>> levels = new ArrayList<>();
        for (int level = root.level(); level <= 2; level++) {
            levels.add(rollups.figuresAtLevel(scope, nodeId, level, year));
        }
        // people reached: one column per disbursement category seen anywhere in the export
        TreeSet<String> categories = new TreeSet<>();
        levels.forEach(rows -> rows.forEach(r -> categories.addAll(r.figures().reached().keySet())));

        List<Table> tables = new ArrayList<>();
        for (List<NodeFigures> rows : levels) {
            int level = rows.isEmpty() ? root.level() : rows.get(0).node().level();
            List<Figure> figures = Figure.forLevel(level);
            List<String> headers = new ArrayList<>(List.of(msg("export.code", locale), msg("export.name", locale)));
            figures.forEach(f -> headers.add(msg(f.messageKey(), locale)));
            categories.forEach(c -> headers.add(msg("export.reached", locale, categoryLabel(c, locale))));
            boolean reporting = level == 1 || level == 2;
            if (reporting) {
                headers.add(msg("report.export.state", locale));
            }
            var kept = reporting ? reports.keptReports(rows.stream().map(r -> r.node().id()).toList(), year)
                    : java.util.Map.<Long, ReportingService.KeptReport>of();
            List<List<Object>> cells = new ArrayList<>(rows.size());
            for (NodeFigures row : rows) {
                List<Object> line = new ArrayList<>(headers.size());
                line.add(row.node().code());
                line.add(msg(row.node().titleKey(), locale, row.node().name()));
                ReportingService.KeptReport report = kept.get(row.node().id());
                if (approvedFigures && reporting) {
                    // the figures the approved report kept; nothing for a node whose report is not approved
                    figures.forEach(f -> line.add(report != null && report.approved()
                            && report.figures().get(f.key()) instanceof Number n ? n : null));
                    categories.forEach(c -> line.add(null));
                }
                else {
                    figures.forEach(f -> line.add(f.of(row.figures())));
                    categories.forEach(c -> line.add(row.figures().reached().getOrDefault(c, 0L)));
                }
                if (reporting) {
                    line.add(msg(report != null && report.approved() ? "report.export.approved"
                            : "report.export.notApproved", locale));
                }
                cells.add(line);
            }
            tables.add(new Table(msg("export.level." + level, locale), headers, figures, cells));
        }
        String closedNote = closing.closedYears().stream().filter(c -> c.year() == year).findFirst()
                .map(c -> msg("export.closed", locale, String.valueOf(year), c.closedAt().toLocalDate().toString()))
                .orElse(msg("export.open", locale, String.valueOf(year)));
        String title = msg("export.title", locale, String.valueOf(year), msg(root.titleKey(), locale, root.name()))
                + (approvedFigures ? " — " + msg("report.export.approvedFigures", locale) : "");
        String fileName = "khuyenhoc-" + year + "-" + (root.code() == null ? "toan-quoc" : root.code())
                + (approvedFigures ? "-da-duyet" : "");
        return new Report(title, closedNote, fileName, tables);
    }

    private String categoryLabel(String category, Locale locale) {
        return messages.getMessage("fund.category." + category, null, category, locale);
    }

    private String msg(String key, Locale locale, Object... args) {
        return messages.getMessage(key, args, locale);
    }

    /** An export: a title line, whether the year is closed, and a table per level. */
    public record Report(String title, String closedNote, String fileName, List<Table> tables) {
    }

    /**
     * One level's table. The first two columns are text (code, name); then the figures in {@code figures}' order
     * (null when unknown), then people reached by category.
     */
    public record Table(String name, List<String> headers, List<Figure> figures, List<List<Object>> rows) {
    }
}
