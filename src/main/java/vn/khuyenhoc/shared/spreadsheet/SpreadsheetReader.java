package vn.khuyenhoc.shared.spreadsheet;

import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.CellType;
import org.dhatim.fastexcel.reader.ExcelReaderException;
import org.dhatim.fastexcel.reader.ReadableWorkbook;

import org.dhatim.fastexcel.reader.Row;

import org.springframework.core.io.InputStreamSource;

/**
 * Reads an uploaded spreadsheet row by row, streaming, after making sure it is safe to read (issue 16): XLSX (the
 * first sheet) or CSV in UTF-8 with or without a byte order mark, separated by commas, semicolons (what Excel writes
 * under a Vietnamese locale) or tabs. Each row comes as text cells with the row's number as the user sees it in their
 * spreadsheet; a number a spreadsheet stored in a cell is passed on as such, so that a date column can read it as a
 * date. Every upload of the application (the member roster, the communes' denominators) reads through here, so that
 * a zip bomb, an endless cell or millions of rows are refused the same way everywhere; each caller turns the
 * {@link Problem} into its own message.
 */
public final class SpreadsheetReader {

    /** One cell: its text, and whether a spreadsheet stored it as a number (then {@code date} is its date reading). */
    public record RawCell(String text, boolean number, LocalDateTime date) {
        public static final RawCell EMPTY = new RawCell("", false, null);

        public boolean blank() {
            return text.isBlank();
        }
    }

    public record RawRow(int number, List<RawCell> cells) {
        public RawCell cell(int index) {
            return index < cells.size() ? cells.get(index) : RawCell.EMPTY;
        }

        public boolean blank() {
            return cells.stream().allMatch(RawCell::blank);
        }
    }

    /** Why a file cannot be read at all. */
    public enum Problem {
        /** Neither XLSX nor CSV, or broken. */
        UNREADABLE,
        /** An old Excel file (.xls), which is not read. */
        OLD_EXCEL,
        /** A CSV file not in UTF-8. */
        ENCODING,
        /** An XLSX archive that expands too far, at too high a ratio, or has too many parts: a zip bomb. */
        ARCHIVE,
        /** A cell longer than the caller's limit; the args are the row's number and the limit. */
        CELL_TOO_LONG,
        /** More rows (blank ones too) than the caller's limit; the arg is the limit. */
        TOO_MANY_ROWS
    }

    /** A file that cannot be read at all; {@link #problem()} (with {@link #args()}) says why. */
    public static final class UnreadableFileException extends RuntimeException {
        private final Problem problem;
        private final String[] args;

        UnreadableFileException(Problem problem, Throwable cause, String... args) {
            super(problem.name(), cause);
            this.problem = problem;
            this.args = args;
        }

        public Problem problem() {
            return problem;
        }

        public String[] args() {
            return args.clone();
        }
    }

    /**
     * What a caller allows beyond the archive limits: the longest cell (longer than any field it reads) and the most
     * rows read, blank ones included (a file of millions of empty rows is no list of anything).
     */
    public record Limits(int maxCellChars, int maxRowsRead) {
    }

    /**
     * Limits that no real roster comes near (issue 16: a 1.5 MB file whose one cell expanded to 1.6 GB ran the server
     * out of memory). A roster of 20,000 members expands to about 15 MB of XML, at a ratio of 10 to 20.
     */
    public static final long MAX_EXPANDED_BYTES = 80L * 1024 * 1024;
    static final int MAX_COMPRESSION_RATIO = 100;
    /** Below this much expanded XML, any ratio is harmless (tiny files compress well). */
    static final long RATIO_CHECKED_FROM = 2L * 1024 * 1024;
    static final int MAX_ENTRIES = 1_000;
    private SpreadsheetReader() {
    }

    /**
     * Reads the file row by row. An XLSX file is first inspected as the zip archive it is, without parsing it: its
     * entries are inflated and counted (never kept), and the file is refused when they would expand beyond
     * {@link #MAX_EXPANDED_BYTES} or at a ratio beyond {@link #MAX_COMPRESSION_RATIO}, whatever sizes they declare.
     * A cell longer than {@code limits.maxCellChars()} refuses the file too, and so does a row beyond
     * {@code limits.maxRowsRead()}. {@code rows} may stop the reading by throwing.
     */
    public static void read(InputStreamSource source, long size, Limits limits, Consumer<RawRow> rows) {
        inspect(source, size);
        try (InputStream in = source.getInputStream()) {
            read(in, limits, rows);
        }
        catch (IOException ex) {
            throw new UnreadableFileException(Problem.UNREADABLE, ex);
        }
    }

    /**
     * The archive checks of {@link #read(InputStreamSource, long, Limits, Consumer)} alone, for a reader of its own
     * (the evaluation spreadsheet): an XLSX that would expand too far, at too high a ratio or into too many entries
     * is refused before any parser sees it; anything else passes (the parser then says whether it can read it).
     */
    public static void inspect(InputStreamSource source, long size) {
        byte[] head;
        try (InputStream in = source.getInputStream()) {
            head = in.readNBytes(8);
        }
        catch (IOException ex) {
            throw new UnreadableFileException(Problem.UNREADABLE, ex);
        }
        if (head.length >= 4 && ReadableWorkbook.isOOXMLZipHeader(head)) {
            try (InputStream in = source.getInputStream()) {
                inspectArchive(in, size);
            }
            catch (IOException ex) {
                throw new UnreadableFileException(Problem.UNREADABLE, ex);
            }
        }
    }

    /**
     * Inflates every entry of the archive into a small buffer, counting: refuses bombs before any parser sees them.
     * Read through {@link ZipFile} (the central directory), which also knows entries that a stream reader cannot
     * (stored entries with a data descriptor, as some writers make them), from a temporary copy of the upload.
     */
    private static void inspectArchive(InputStream in, long compressedSize) throws IOException {
        Path copy = Files.createTempFile("upload-", ".xlsx");
        try {
            Files.copy(in, copy, StandardCopyOption.REPLACE_EXISTING);
            long expanded = 0;
            int entries = 0;
            byte[] buffer = new byte[64 * 1024];
            try (ZipFile zip = new ZipFile(copy.toFile())) {
                for (var all = zip.entries(); all.hasMoreElements();) {
                    ZipEntry entry = all.nextElement();
                    if (++entries > MAX_ENTRIES) {
                        throw new UnreadableFileException(Problem.ARCHIVE, null);
                    }
                    try (InputStream content = zip.getInputStream(entry)) {
                        for (int n = content.read(buffer); n >= 0; n = content.read(buffer)) {
                            expanded += n;
                            if (expanded > MAX_EXPANDED_BYTES || expanded > RATIO_CHECKED_FROM
                                    && expanded > (long) MAX_COMPRESSION_RATIO * Math.max(compressedSize, 1)) {
                                throw new UnreadableFileException(Problem.ARCHIVE, null);
                            }
                        }
                    }
                }
            }
            catch (ZipException ex) {
                throw new UnreadableFileException(Problem.UNREADABLE, ex);
            }
        }
        finally {
            Files.deleteIfExists(copy);
        }
    }

    private static void read(InputStream input, Limits limits, Consumer<RawRow> rows) {
        try (BufferedInputStream in = new BufferedInputStream(input)) {
            in.mark(8);
            byte[] head = in.readNBytes(8);
            in.reset();
            if (head.length >= 4 && ReadableWorkbook.isOOXMLZipHeader(head)) {
                readXlsx(in, limits, rows);
            }
            else if (head.length >= 8 && ReadableWorkbook.isOLE2Header(head)) {
                throw new UnreadableFileException(Problem.OLD_EXCEL, null);
            }
            else {
                readCsv(in, limits, rows);
            }
        }
        catch (IOException ex) {
            throw new UnreadableFileException(Problem.UNREADABLE, ex);
        }
    }

    private static void readXlsx(InputStream in, Limits limits, Consumer<RawRow> rows) throws IOException {
        int[] read = {0};
        try (ReadableWorkbook workbook = new ReadableWorkbook(in); Stream<Row> sheet = workbook.getFirstSheet().openStream()) {
            sheet.forEach(row -> {
                counted(++read[0], limits);
                List<RawCell> cells = new ArrayList<>(row.getCellCount());
                for (int i = 0; i < row.getCellCount(); i++) {
                    cells.add(checked(cell(row.getCell(i)), row.getRowNum(), limits));
                }
                rows.accept(new RawRow(row.getRowNum(), cells));
            });
        }
        catch (ExcelReaderException | UncheckedIOException ex) {
            throw new UnreadableFileException(Problem.UNREADABLE, ex);
        }
    }

    private static RawCell cell(Cell cell) {
        if (cell == null || cell.getType() == CellType.EMPTY) {
            return RawCell.EMPTY;
        }
        if (cell.getType() == CellType.NUMBER) {
            BigDecimal value = cell.asNumber();
            LocalDateTime date = null;
            try {
                date = cell.asDate();
            }
            catch (RuntimeException notADate) {
                // some numbers are no dates; only date columns ask
            }
            return new RawCell(value.stripTrailingZeros().toPlainString(), true, date);
        }
        String text = cell.getText();
        return new RawCell(text == null ? "" : text, false, null);
    }

    private static void readCsv(InputStream in, Limits limits, Consumer<RawRow> rows) throws IOException {
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
                Iterator<CSVRecord> records = parser.iterator();
                while (records.hasNext()) {
                    CSVRecord record = records.next();
                    counted((int) record.getRecordNumber(), limits);
                    List<RawCell> cells = new ArrayList<>(record.size());
                    int number = (int) record.getRecordNumber();
                    record.forEach(value -> cells.add(checked(new RawCell(value == null ? "" : value, false, null), number, limits)));
                    rows.accept(new RawRow((int) record.getRecordNumber(), cells));
                }
            }
        }
        catch (CharacterCodingException ex) {
            throw new UnreadableFileException(Problem.ENCODING, ex);
        }
        catch (UncheckedIOException ex) {
            if (ex.getCause() instanceof CharacterCodingException) {
                throw new UnreadableFileException(Problem.ENCODING, ex);
            }
            throw new UnreadableFileException(Problem.UNREADABLE, ex);
        }
        catch (IllegalStateException ex) {
            // Commons CSV: a quote left open, and the like
            throw new UnreadableFileException(Problem.UNREADABLE, ex);
        }
    }

    private static RawCell checked(RawCell cell, int row, Limits limits) {
        if (cell.text().length() > limits.maxCellChars()) {
            throw new UnreadableFileException(Problem.CELL_TOO_LONG, null, String.valueOf(row),
                    String.valueOf(limits.maxCellChars()));
        }
        return cell;
    }

    private static void counted(int rowsRead, Limits limits) {
        if (rowsRead > limits.maxRowsRead()) {
            throw new UnreadableFileException(Problem.TOO_MANY_ROWS, null, String.valueOf(limits.maxRowsRead()));
        }
    }

    /** The separator the header line uses most: comma, semicolon or tab. */
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
