package vn.khuyenhoc.member.roster;

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
import java.time.format.DateTimeFormatter;
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
 * Reads a roster row by row, streaming: XLSX (the first sheet) or CSV in UTF-8 with or without a byte order mark,
 * separated by commas, semicolons (what Excel writes under a Vietnamese locale) or tabs. Each row comes as text
 * cells with the row's number as the user sees it in their spreadsheet; a number a spreadsheet stored in a cell is
 * passed on as such, so that a date column can read it as a date.
 */
final class RosterReader {

    /** One cell: its text, and whether a spreadsheet stored it as a number (then {@code date} is its date reading). */
    record RawCell(String text, boolean number, LocalDateTime date) {
        static final RawCell EMPTY = new RawCell("", false, null);

        boolean blank() {
            return text.isBlank();
        }
    }

    record RawRow(int number, List<RawCell> cells) {
        RawCell cell(int index) {
            return index < cells.size() ? cells.get(index) : RawCell.EMPTY;
        }

        boolean blank() {
            return cells.stream().allMatch(RawCell::blank);
        }
    }

    /** A file that cannot be read as a roster at all; {@code messageCode} (with {@code args}) says why. */
    static final class UnreadableFileException extends RuntimeException {
        private final String messageCode;
        private final String[] args;

        UnreadableFileException(String messageCode, Throwable cause, String... args) {
            super(messageCode, cause);
            this.messageCode = messageCode;
            this.args = args;
        }

        String messageCode() {
            return messageCode;
        }

        String[] args() {
            return args;
        }
    }

    /**
     * Limits that no real roster comes near (issue 16: a 1.5 MB file whose one cell expanded to 1.6 GB ran the server
     * out of memory). A roster of 20,000 members expands to about 15 MB of XML, at a ratio of 10 to 20.
     */
    static final long MAX_EXPANDED_BYTES = 80L * 1024 * 1024;
    static final int MAX_COMPRESSION_RATIO = 100;
    /** Below this much expanded XML, any ratio is harmless (tiny files compress well). */
    static final long RATIO_CHECKED_FROM = 2L * 1024 * 1024;
    static final int MAX_ENTRIES = 1_000;
    /** Longer than any field of a member (an address has at most 255 characters). */
    static final int MAX_CELL_CHARS = 1_000;

    private RosterReader() {
    }

    /**
     * Reads the file row by row. An XLSX file is first inspected as the zip archive it is, without parsing it: its
     * entries are inflated and counted (never kept), and the file is refused when they would expand beyond
     * {@link #MAX_EXPANDED_BYTES} or at a ratio beyond {@link #MAX_COMPRESSION_RATIO}, whatever sizes they declare.
     * A cell longer than {@link #MAX_CELL_CHARS} refuses the file too. {@code rows} may stop the reading by throwing.
     */
    static void read(InputStreamSource source, long size, Consumer<RawRow> rows) {
        byte[] head;
        try (InputStream in = source.getInputStream()) {
            head = in.readNBytes(8);
        }
        catch (IOException ex) {
            throw new UnreadableFileException("member.import.file.unreadable", ex);
        }
        if (head.length >= 4 && ReadableWorkbook.isOOXMLZipHeader(head)) {
            try (InputStream in = source.getInputStream()) {
                inspectArchive(in, size);
            }
            catch (IOException ex) {
                throw new UnreadableFileException("member.import.file.unreadable", ex);
            }
        }
        try (InputStream in = source.getInputStream()) {
            read(in, rows);
        }
        catch (IOException ex) {
            throw new UnreadableFileException("member.import.file.unreadable", ex);
        }
    }

    /**
     * Inflates every entry of the archive into a small buffer, counting: refuses bombs before any parser sees them.
     * Read through {@link ZipFile} (the central directory), which also knows entries that a stream reader cannot
     * (stored entries with a data descriptor, as some writers make them), from a temporary copy of the upload.
     */
    static void inspectArchive(InputStream in, long compressedSize) throws IOException {
        Path copy = Files.createTempFile("roster-", ".xlsx");
        try {
            Files.copy(in, copy, StandardCopyOption.REPLACE_EXISTING);
            long expanded = 0;
            int entries = 0;
            byte[] buffer = new byte[64 * 1024];
            try (ZipFile zip = new ZipFile(copy.toFile())) {
                for (var all = zip.entries(); all.hasMoreElements();) {
                    ZipEntry entry = all.nextElement();
                    if (++entries > MAX_ENTRIES) {
                        throw new UnreadableFileException("hardening.import.archive", null);
                    }
                    try (InputStream content = zip.getInputStream(entry)) {
                        for (int n = content.read(buffer); n >= 0; n = content.read(buffer)) {
                            expanded += n;
                            if (expanded > MAX_EXPANDED_BYTES || expanded > RATIO_CHECKED_FROM
                                    && expanded > (long) MAX_COMPRESSION_RATIO * Math.max(compressedSize, 1)) {
                                throw new UnreadableFileException("hardening.import.archive", null);
                            }
                        }
                    }
                }
            }
            catch (ZipException ex) {
                throw new UnreadableFileException("member.import.file.unreadable", ex);
            }
        }
        finally {
            Files.deleteIfExists(copy);
        }
    }

    static void read(InputStream input, Consumer<RawRow> rows) {
        try (BufferedInputStream in = new BufferedInputStream(input)) {
            in.mark(8);
            byte[] head = in.readNBytes(8);
            in.reset();
            if (head.length >= 4 && ReadableWorkbook.isOOXMLZipHeader(head)) {
                readXlsx(in, rows);
            }
            else if (head.length >= 8 && ReadableWorkbook.isOLE2Header(head)) {
                throw new UnreadableFileException("member.import.file.xls", null);
            }
            else {
                readCsv(in, rows);
            }
        }
        catch (IOException ex) {
            throw new UnreadableFileException("member.import.file.unreadable", ex);
        }
    }

    private static void readXlsx(InputStream in, Consumer<RawRow> rows) throws IOException {
        try (ReadableWorkbook workbook = new ReadableWorkbook(in); Stream<Row> sheet = workbook.getFirstSheet().openStream()) {
            sheet.forEach(row -> {
                List<RawCell> cells = new ArrayList<>(row.getCellCount());
                for (int i = 0; i < row.getCellCount(); i++) {
                    cells.add(checked(cell(row.getCell(i)), row.getRowNum()));
                }
                rows.accept(new RawRow(row.getRowNum(), cells));
            });
        }
        catch (ExcelReaderException | UncheckedIOException ex) {
            throw new UnreadableFileException("member.import.file.unreadable", ex);
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

    private static void readCsv(InputStream in, Consumer<RawRow> rows) throws IOException {
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
                    List<RawCell> cells = new ArrayList<>(record.size());
                    int number = (int) record.getRecordNumber();
                    record.forEach(value -> cells.add(checked(new RawCell(value == null ? "" : value, false, null), number)));
                    rows.accept(new RawRow((int) record.getRecordNumber(), cells));
                }
            }
        }
        catch (CharacterCodingException ex) {
            throw new UnreadableFileException("member.import.file.encoding", ex);
        }
        catch (UncheckedIOException ex) {
            if (ex.getCause() instanceof CharacterCodingException) {
                throw new UnreadableFileException("member.import.file.encoding", ex);
            }
            throw new UnreadableFileException("member.import.file.unreadable", ex);
        }
        catch (IllegalStateException ex) {
            // Commons CSV: a quote left open, and the like
            throw new UnreadableFileException("member.import.file.unreadable", ex);
        }
    }

    private static RawCell checked(RawCell cell, int row) {
        if (cell.text().length() > MAX_CELL_CHARS) {
            throw new UnreadableFileException("hardening.import.cellTooLong", null, String.valueOf(row),
                    String.valueOf(MAX_CELL_CHARS));
        }
        return cell;
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

    /** dd/MM/yyyy, as the rules read it. */
    static String dayFirst(LocalDateTime date) {
        return date.format(DateTimeFormatter.ofPattern("dd/MM/yyyy"));
    }
}
