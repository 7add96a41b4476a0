package vn.khuyenhoc.shares;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

import org.springframework.core.io.InputStreamSource;

import vn.khuyenhoc.rollup.ShareKind;
import vn.khuyenhoc.shared.spreadsheet.SpreadsheetReader;

/**
 * The spreadsheet a province fills in for all its communes: a header row, then one row per commune — code, name,
 * then the six denominators in {@link ShareKind} order (households, clans, villages and residential groups,
 * organisations, adults, staff). Columns are read by position; the name is there for people and not read. XLSX
 * (the first sheet) or CSV in UTF-8 separated by commas, semicolons or tabs, as statistics offices' tables come;
 * writing the template is here, reading goes through the application's one safe reader.
 */
final class DenominatorSheet {

    /** One data row: its number as the spreadsheet shows it (the header is row 1), the code and the six texts. */
    record Row(int number, String code, List<String> values) {
        String value(ShareKind kind) {
            return kind.ordinal() < values.size() ? values.get(kind.ordinal()) : "";
        }

        boolean blank() {
            return code.isBlank() && values.stream().allMatch(String::isBlank);
        }
    }

    /** Longer than any code, name or count a sheet of communes holds. */
    static final int MAX_CELL_CHARS = 255;

    private DenominatorSheet() {
    }

    /** A message in the user's language. */
    interface Labels {
        String label(String key, Object... args);
    }

    /** The column headers, in the user's language: code, name, then one per denominator. */
    static List<String> headers(Labels labels) {
        List<String> headers = new ArrayList<>(List.of(labels.label("shares.upload.column.code"),
                labels.label("shares.upload.column.name")));
        for (ShareKind kind : ShareKind.values()) {
            headers.add(labels.label("shares.denominator." + kind.denominatorKey()));
        }
        return headers;
    }

    static byte[] xlsx(List<DenominatorService.ChildRow> communes, Labels labels, int year) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            Workbook workbook = new Workbook(out, "Khuyen hoc", "1.0");
            Worksheet sheet = workbook.newWorksheet(String.valueOf(year));
            List<String> headers = headers(labels);
            for (int c = 0; c < headers.size(); c++) {
                sheet.value(0, c, headers.get(c));
                sheet.style(0, c).bold().fillColor("DDEBF7").wrapText(true).set();
                sheet.width(c, c == 1 ? 32 : c == 0 ? 10 : 18);
            }
            sheet.range(1, 0, Math.max(1, communes.size()), 0).style().format("@").set();
            int r = 1;
            for (DenominatorService.ChildRow commune : communes) {
                sheet.value(r, 0, commune.code());
                sheet.value(r, 1, labels.label(commune.titleKey(), commune.name()));
                for (ShareKind kind : ShareKind.values()) {
                    Long value = commune.values().get(kind);
                    if (value != null) {
                        sheet.value(r, 2 + kind.ordinal(), value);
                    }
                }
                r++;
            }
            sheet.freezePane(2, 1);
            sheet.finish();
            workbook.finish();
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        return out.toByteArray();
    }

    static byte[] csv(List<DenominatorService.ChildRow> communes, Labels labels) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
             CSVPrinter csv = new CSVPrinter(writer, CSVFormat.RFC4180)) {
            writer.write('\uFEFF');
            csv.printRecord(headers(labels));
            for (DenominatorService.ChildRow commune : communes) {
                List<Object> line = new ArrayList<>();
                line.add(commune.code());
                line.add(labels.label(commune.titleKey(), commune.name()));
                for (ShareKind kind : ShareKind.values()) {
                    Long value = commune.values().get(kind);
                    line.add(value == null ? "" : value);
                }
                csv.printRecord(line);
            }
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        return out.toByteArray();
    }

    /**
     * The data rows (blank ones skipped), read through the application's one safe reader ({@link SpreadsheetReader}:
     * zip bombs, endless cells and millions of rows are refused before they cost anything), or refused when the file
     * cannot be read or has more than {@code maxRows} data rows.
     */
    static List<Row> read(InputStreamSource file, long size, int maxRows) {
        List<Row> rows = new ArrayList<>();
        SpreadsheetReader.read(file, size, new SpreadsheetReader.Limits(MAX_CELL_CHARS, 2 * maxRows + 1), raw -> {
            if (raw.number() <= 1 || raw.blank()) {
                return; // the header, or a blank row
            }
            if (rows.size() >= maxRows) {
                throw new TooManyRows();
            }
            List<String> values = new ArrayList<>();
            for (int c = 2; c < Math.min(raw.cells().size(), 2 + ShareKind.values().length); c++) {
                values.add(raw.cell(c).text());
            }
            rows.add(new Row(raw.number(), raw.cell(0).text(), values));
        });
        return rows;
    }

    /** Thrown from inside the reading to stop it: more data rows than a province has communes. */
    static final class TooManyRows extends RuntimeException {
        TooManyRows() {
            super(null, null, false, false);
        }
    }
}
