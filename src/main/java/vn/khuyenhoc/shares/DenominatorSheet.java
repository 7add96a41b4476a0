package vn.khuyenhoc.shares;

import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.CellType;
import org.dhatim.fastexcel.reader.ExcelReaderException;
import org.dhatim.fastexcel.reader.ReadableWorkbook;

import vn.khuyenhoc.rollup.ShareKind;

/**
 * The spreadsheet a province fills in for all its communes: a header row, then one row per commune — code, name,
 * then the six denominators in {@link ShareKind} order (households, clans, villages and residential groups,
 * organisations, adults, staff). Columns are read by position; the name is there for people and not read. XLSX
 * (the first sheet) or CSV in UTF-8 separated by commas, semicolons or tabs, as statistics offices' tables come.
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

    /** A file that cannot be read at all; {@code code} says why. */
    static final class UnreadableException extends RuntimeException {
        final String code;

        UnreadableException(String code, Throwable cause) {
            super(code, cause);
            this.code = code;
        }
    }

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

    /** The data rows (blank ones skipped), or refused when unreadable or longer than {@code maxRows}. */
    static List<Row> read(InputStream input, int maxRows) {
        List<Row> rows = new ArrayList<>();
        try (BufferedInputStream in = new BufferedInputStream(input)) {
            in.mark(8);
            byte[] head = in.readNBytes(8);
            in.reset();
            if (head.length >= 4 && ReadableWorkbook.isOOXMLZipHeader(head)) {
                readXlsx(in, rows, maxRows);
            }
            else if (head.length >= 8 && ReadableWorkbook.isOLE2Header(head)) {
                throw new UnreadableException("shares.upload.xls", null);
            }
            else {
                readCsv(in, rows, maxRows);
            }
        }
        catch (IOException ex) {
            throw new UnreadableException("shares.upload.unreadable", ex);
        }
        return rows;
    }

    private static void add(List<Row> rows, int number, List<String> cells, int maxRows) {
        if (number <= 1) {
            return; // the header
        }
        List<String> values = cells.size() > 2 ? new ArrayList<>(cells.subList(2, cells.size())) : new ArrayList<>();
        Row row = new Row(number, cells.isEmpty() ? "" : cells.get(0), values);
        if (row.blank()) {
            return;
        }
        if (rows.size() >= maxRows) {
            throw new UnreadableException("shares.upload.tooManyRows", null);
        }
        rows.add(row);
    }

    private static void readXlsx(InputStream in, List<Row> rows, int maxRows) throws IOException {
        try (ReadableWorkbook workbook = new ReadableWorkbook(in);
             Stream<org.dhatim.fastexcel.reader.Row> sheet = workbook.getFirstSheet().openStream()) {
            sheet.forEach(row -> {
                List<String> cells = new ArrayList<>(row.getCellCount());
                for (int i = 0; i < row.getCellCount() && i < 2 + ShareKind.values().length; i++) {
                    cells.add(text(row.getCell(i)));
                }
                add(rows, row.getRowNum(), cells, maxRows);
            });
        }
        catch (ExcelReaderException | UncheckedIOException ex) {
            throw new UnreadableException("shares.upload.unreadable", ex);
        }
    }

    private static String text(Cell cell) {
        if (cell == null || cell.getType() == CellType.EMPTY) {
            return "";
        }
        if (cell.getType() == CellType.NUMBER) {
            BigDecimal value = cell.asNumber();
            return value.stripTrailingZeros().toPlainString();
        }
        String text = cell.getText();
        return text == null ? "" : text;
    }

    private static void readCsv(InputStream in, List<Row> rows, int maxRows) throws IOException {
        var decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, decoder));
        try {
            reader.mark(1);
            if (reader.read() != '\uFEFF') {
                reader.reset();
            }
            reader.mark(64 * 1024);
            String firstLine = reader.readLine();
            reader.reset();
            CSVFormat format = CSVFormat.DEFAULT.builder().setDelimiter(delimiter(firstLine)).get();
            try (CSVParser parser = CSVParser.parse(reader, format)) {
                for (CSVRecord record : parser) {
                    List<String> cells = new ArrayList<>(record.size());
                    record.forEach(value -> cells.add(value == null ? "" : value));
                    add(rows, (int) record.getRecordNumber(), cells, maxRows);
                }
            }
        }
        catch (CharacterCodingException ex) {
            throw new UnreadableException("shares.upload.encoding", ex);
        }
        catch (UncheckedIOException ex) {
            throw new UnreadableException(ex.getCause() instanceof CharacterCodingException ? "shares.upload.encoding"
                    : "shares.upload.unreadable", ex);
        }
        catch (IllegalStateException ex) {
            throw new UnreadableException("shares.upload.unreadable", ex);
        }
    }

    private static char delimiter(String firstLine) {
        if (firstLine == null) {
            return ',';
        }
        char best = ',';
        long most = firstLine.chars().filter(c -> c == ',').count();
        for (char candidate : new char[] {';', '\t'}) {
            long count = firstLine.chars().filter(c -> c == candidate).count();
            if (count > most) {
                best = candidate;
                most = count;
            }
        }
        return best;
    }
}
