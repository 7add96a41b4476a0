package vn.khuyenhoc.report;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

import vn.khuyenhoc.rollup.Figure;

/** Lays an export out as XLSX (streamed: rows go to the client as they are written) or as CSV. */
final class ExportWriters {

    private static final int HEADER_ROW = 2;

    private ExportWriters() {
    }

    /**
     * One sheet per level (and one for the groups of provinces): the title and the period's status on the first two
     * lines, the header row frozen with an auto-filter, numbers stored as numbers with thousands separators
     * (percentages as percentages).
     */
    static void xlsx(StatisticsExport.Report report, OutputStream out) throws IOException {
        Workbook workbook = new Workbook(out, "Khuyen hoc", "1.0");
        for (StatisticsExport.Table table : report.tables()) {
            Worksheet sheet = workbook.newWorksheet(table.name());
            sheet.value(0, 0, report.title());
            sheet.style(0, 0).bold().fontSize(13).set();
            sheet.value(1, 0, report.closedNote());
            for (int c = 0; c < table.headers().size(); c++) {
                sheet.value(HEADER_ROW, c, table.headers().get(c));
                sheet.style(HEADER_ROW, c).bold().fillColor("DDEBF7").wrapText(true).set();
                sheet.width(c, c == 1 ? 34 : c == 0 ? 9 : 16);
            }
            sheet.freezePane(2, HEADER_ROW + 1);
            int r = HEADER_ROW + 1;
            for (List<Object> row : table.rows()) {
                for (int c = 0; c < row.size(); c++) {
                    Object value = row.get(c);
                    if (value instanceof Number number) {
                        sheet.value(r, c, number);
                        sheet.style(r, c).format(formatOf(table, c)).set();
                    }
                    else if (value != null) {
                        sheet.value(r, c, value.toString());
                    }
                }
                r++;
                if (r % 500 == 0) {
                    sheet.flush();
                }
            }
            sheet.setAutoFilter(HEADER_ROW, 0, table.headers().size() - 1);
            sheet.finish();
        }
        workbook.finish();
    }

    /**
     * One table, UTF-8 with a byte-order mark so that Excel shows the diacritics: the header once on the first line
     * (level, period, status, code, name, then the figures of the export's widest level), then a line per node and
     * per group of provinces. A figure that does not apply at a row's level is empty. No title or notice lines: the
     * period and whether it is closed are in the file name and in the period and status columns.
     */
    static void csv(StatisticsExport.Report report, List<String> leadingHeaders, OutputStream out) throws IOException {
        Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        writer.write('\uFEFF');
        CSVPrinter csv = new CSVPrinter(writer, CSVFormat.RFC4180);
        List<String> header = new ArrayList<>(leadingHeaders);
        header.addAll(report.headers());
        // provinces' and communes' rows end with their yearly report's state: one column for the whole table
        StatisticsExport.Table withState = report.tables().stream().filter(StatisticsExport.Table::withReportState)
                .findFirst().orElse(null);
        if (withState != null) {
            header.add(withState.headers().get(withState.headers().size() - 1));
        }
        csv.printRecord(header);
        for (StatisticsExport.Table table : report.tables()) {
            for (List<Object> row : table.rows()) {
                csv.print(table.level());
                csv.print(report.period().key());
                csv.print(report.status());
                csv.print(row.get(0) == null ? "" : row.get(0));
                csv.print(row.get(1));
                for (Figure figure : report.figures()) {
                    int i = table.figures().indexOf(figure);
                    Object value = i < 0 ? null : row.get(2 + i);
                    csv.print(value == null ? "" : value);
                }
                if (withState != null) {
                    csv.print(table.withReportState() ? row.get(row.size() - 1) : "");
                }
                csv.println();
            }
        }
        csv.flush();
    }

    private static String formatOf(StatisticsExport.Table table, int column) {
        int figureIndex = column - 2;
        if (figureIndex >= 0 && figureIndex < table.figures().size()) {
            Figure figure = table.figures().get(figureIndex);
            return switch (figure.format()) {
                case PERCENT -> "0.0%";
                case MONEY -> "#,##0";
                case COUNT -> "#,##0";
            };
        }
        return "#,##0";
    }
}
