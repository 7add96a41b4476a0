package vn.khuyenhoc.criteria;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.CellType;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;

import vn.khuyenhoc.registration.RegistrationView;

/**
 * The evaluation spreadsheet of one kind and year: one row per registration (its id in column A), one column per
 * criterion of the set in force (whose id is in cell A2, so that a sheet of an older version is refused), points
 * filled in by the commune. Reading gives the rows as typed; {@link SheetImport} checks them.
 */
final class ScoreSheet {

    static final int HEADER_ROW = 2;
    static final int FIRST_CRITERION = 4;

    /** A data row as typed: its number in the sheet (1-based), the id cell and the criteria cells. */
    record SheetRow(int number, String id, List<String> points) {
    }

    /** The sheet's set id (cell A2) and its data rows, or a reason it could not be read. */
    record Read(Long setId, List<SheetRow> rows, boolean tooManyRows) {
    }

    private ScoreSheet() {
    }

    static byte[] write(CriteriaSetView set, List<RegistrationView> registrations, Map<Long, Map<Long, Integer>> points,
            String title, List<String> headers, Locale locale) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            Workbook workbook = new Workbook(out, "Khuyen hoc", "1.0");
            Worksheet sheet = workbook.newWorksheet(set.kind());
            sheet.value(0, 0, title);
            sheet.style(0, 0).bold().fontSize(12).set();
            sheet.value(1, 0, set.id());
            sheet.value(1, 1, headers.get(headers.size() - 1)); // the note beside the set's id
            for (int c = 0; c < FIRST_CRITERION; c++) {
                sheet.value(HEADER_ROW, c, headers.get(c));
                sheet.style(HEADER_ROW, c).bold().fillColor("DDEBF7").wrapText(true).set();
            }
            sheet.width(0, 10);
            sheet.width(1, 24);
            sheet.width(2, 30);
            sheet.width(3, 24);
            for (int i = 0; i < set.criteria().size(); i++) {
                CriteriaSetView.Criterion c = set.criteria().get(i);
                sheet.value(HEADER_ROW, FIRST_CRITERION + i, c.position() + ". " + c.label(locale) + " (≤ " + c.maxPoints() + ")");
                sheet.style(HEADER_ROW, FIRST_CRITERION + i).bold().fillColor("FFF2CC").wrapText(true).set();
                sheet.width(FIRST_CRITERION + i, 14);
            }
            sheet.freezePane(FIRST_CRITERION, HEADER_ROW + 1);
            int r = HEADER_ROW + 1;
            for (RegistrationView reg : registrations) {
                sheet.value(r, 0, reg.id());
                sheet.value(r, 1, reg.nodeName());
                sheet.value(r, 2, reg.subject().name());
                String details = reg.subject().address() != null ? reg.subject().address()
                        : reg.subject().birthYear() != null ? String.valueOf(reg.subject().birthYear()) : "";
                sheet.value(r, 3, details);
                Map<Long, Integer> stored = points.getOrDefault(reg.id(), Map.of());
                for (int i = 0; i < set.criteria().size(); i++) {
                    Integer p = stored.get(set.criteria().get(i).id());
                    if (p != null) {
                        sheet.value(r, FIRST_CRITERION + i, p);
                    }
                }
                r++;
            }
            sheet.finish();
            workbook.finish();
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        return out.toByteArray();
    }

    /**
     * The rows of an uploaded sheet, up to {@code maxRows} data rows (more: {@code tooManyRows}).
     *
     * @throws IOException when it is not an xlsx file
     */
    static Read read(byte[] file, int criteria, int maxRows) throws IOException {
        if (file.length < 4 || !ReadableWorkbook.isOOXMLZipHeader(file)) {
            throw new IOException("Not an xlsx file");
        }
        List<SheetRow> rows = new ArrayList<>();
        Long setId = null;
        boolean tooMany = false;
        try (InputStream in = new ByteArrayInputStream(file); ReadableWorkbook workbook = new ReadableWorkbook(in);
                Stream<Row> sheet = workbook.getFirstSheet().openStream()) {
            for (Row row : (Iterable<Row>) sheet::iterator) {
                int number = row.getRowNum();
                if (number == 2) {
                    String id = text(row.getCellCount() > 0 ? row.getCell(0) : null);
                    setId = id.matches("\\d{1,18}") ? Long.valueOf(id) : null;
                }
                if (number <= HEADER_ROW + 1) {
                    continue;
                }
                List<String> points = new ArrayList<>();
                for (int i = 0; i < criteria; i++) {
                    int c = FIRST_CRITERION + i;
                    points.add(c < row.getCellCount() ? text(row.getCell(c)) : "");
                }
                String id = row.getCellCount() > 0 ? text(row.getCell(0)) : "";
                if (id.isEmpty() && points.stream().allMatch(String::isEmpty)) {
                    continue;
                }
                if (rows.size() == maxRows) {
                    tooMany = true;
                    break;
                }
                rows.add(new SheetRow(number, id, points));
            }
        }
        catch (RuntimeException ex) {
            throw new IOException("Unreadable xlsx", ex);
        }
        return new Read(setId, rows, tooMany);
    }

    /** A cell as text: numbers without a trailing ".0", strings trimmed. */
    private static String text(Cell cell) {
        if (cell == null || cell.getType() == CellType.EMPTY) {
            return "";
        }
        if (cell.getType() == CellType.NUMBER) {
            BigDecimal value = cell.asNumber();
            return value.stripTrailingZeros().toPlainString();
        }
        String text = cell.getText();
        return text == null ? "" : text.strip();
    }
}
