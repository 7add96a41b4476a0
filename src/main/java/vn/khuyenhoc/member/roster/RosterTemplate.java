package vn.khuyenhoc.member.roster;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.springframework.context.MessageSource;



/**
 * The roster template secretaries download and fill in: the Vietnamese column headers of {@link RosterColumn};
 * as XLSX with every cell formatted as text (so Excel keeps a phone's leading 0 and a date as typed) and a second
 * sheet explaining each column in the user's language, or as CSV in UTF-8 with a byte order mark.
 */
final class RosterTemplate {

    static final String SHEET = "Danh sách hội viên";
    static final int TEXT_ROWS = 2000;

    private RosterTemplate() {
    }

    static byte[] xlsx(MessageSource messages, Locale locale) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            Workbook workbook = new Workbook(out, "Khuyen hoc", "1.0");
            Worksheet sheet = workbook.newWorksheet(SHEET);
            List<String> headers = RosterColumn.headers();
            for (int c = 0; c < headers.size(); c++) {
                sheet.value(0, c, headers.get(c));
                sheet.style(0, c).bold().fillColor("DDEBF7").wrapText(true).set();
                sheet.width(c, c == 0 || c == 6 ? 30 : c == 2 || c == 7 ? 20 : 14);
            }
            sheet.range(1, 0, TEXT_ROWS, headers.size() - 1).style().format("@").set();
            sheet.freezePane(0, 1);
            sheet.finish();
            Worksheet help = workbook.newWorksheet(messages.getMessage("member.import.help.sheet", null, locale));
            help.value(0, 0, messages.getMessage("member.import.help.column", null, locale));
            help.value(0, 1, messages.getMessage("member.import.help.what", null, locale));
            help.style(0, 0).bold().set();
            help.style(0, 1).bold().set();
            help.width(0, 26);
            help.width(1, 100);
            int r = 1;
            for (RosterColumn column : RosterColumn.values()) {
                help.value(r, 0, column.header());
                help.value(r, 1, messages.getMessage("member.import.help." + column.field(), null, locale));
                r++;
            }
            help.value(r + 1, 0, messages.getMessage("member.import.help.allOrNothing", null, locale));
            help.finish();
            workbook.finish();
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        return out.toByteArray();
    }

    static byte[] csv() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
             CSVPrinter csv = new CSVPrinter(writer, CSVFormat.RFC4180)) {
            writer.write('\uFEFF');
            csv.printRecord(RosterColumn.headers());
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        return out.toByteArray();
    }
}
