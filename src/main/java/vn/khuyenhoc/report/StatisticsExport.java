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

    StatisticsExport(RollupService rollups, OrgUnitService orgUnits, YearClosingService closing, MessageSource messages) {
        this.rollups = rollups;
        this.orgUnits = orgUnits;
        this.closing = closing;
        this.messages = messages;
    }

    /** The tables of the export, from the node's level down to communes. */
    public Report build(Scope scope, long nodeId, int year, Locale locale) {
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
            List<List<Object>> cells = new ArrayList<>(rows.size());
            for (NodeFigures row : rows) {
                List<Object> line = new ArrayList<>(headers.size());
                line.add(row.node().code());
                line.add(msg(row.node().titleKey(), locale, row.node().name()));
                figures.forEach(f -> line.add(f.of(row.figures())));
                categories.forEach(c -> line.add(row.figures().reached().getOrDefault(c, 0L)));
                cells.add(line);
            }
            tables.add(new Table(msg("export.level." + level, locale), headers, figures, cells));
        }
        String closedNote = closing.closedYears().stream().filter(c -> c.year() == year).findFirst()
                .map(c -> msg("export.closed", locale, String.valueOf(year), c.closedAt().toLocalDate().toString()))
                .orElse(msg("export.open", locale, String.valueOf(year)));
        String title = msg("export.title", locale, String.valueOf(year), msg(root.titleKey(), locale, root.name()));
        String fileName = "khuyenhoc-" + year + "-" + (root.code() == null ? "toan-quoc" : root.code());
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
