package vn.khuyenhoc.certificate;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

import com.lowagie.text.Chunk;
import com.lowagie.text.Document;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Rectangle;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.PdfContentByte;
import com.lowagie.text.pdf.PdfWriter;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Writes certificates as one PDF, one A5-landscape page each, with OpenPDF and an embedded TrueType font that has
 * every Vietnamese letter (DejaVu Sans, from Debian's fonts-dejavu-core, copied with its licence into
 * {@code resources/fonts/}): the PDF base-14 fonts have none of them.
 */
@Component
class CertificatePdf {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    private final MessageSource messages;
    private final byte[] regular;
    private final byte[] bold;

    CertificatePdf(MessageSource messages) {
        this.messages = messages;
        this.regular = font("fonts/DejaVuSans.ttf");
        this.bold = font("fonts/DejaVuSans-Bold.ttf");
    }

    byte[] write(List<Certificate> certificates, Locale locale) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        // landscape as a wide media box (not a portrait page turned by /Rotate), so that every viewer and printer agrees
        Rectangle page = new Rectangle(PageSize.A5.getHeight(), PageSize.A5.getWidth());
        Document document = new Document(page, 42, 42, 34, 30);
        try {
            PdfWriter writer = PdfWriter.getInstance(document, out);
            document.addTitle(msg("certificate.pdfTitle", locale));
            document.addCreator("Khuyến học");
            BaseFont base = BaseFont.createFont("DejaVuSans.ttf", BaseFont.IDENTITY_H, BaseFont.EMBEDDED, true, regular, null);
            BaseFont baseBold = BaseFont.createFont("DejaVuSans-Bold.ttf", BaseFont.IDENTITY_H, BaseFont.EMBEDDED, true, bold, null);
            Font small = new Font(base, 9);
            Font smallBold = new Font(baseBold, 9);
            Font text = new Font(base, 11);
            Font heading = new Font(baseBold, 22, Font.NORMAL, new java.awt.Color(0xB0, 0x1E, 0x1E));
            Font subject = new Font(baseBold, 18, Font.NORMAL, new java.awt.Color(0x0B, 0x3D, 0x91));
            Font titleFont = new Font(baseBold, 13);
            document.open();
            boolean first = true;
            for (Certificate c : certificates) {
                if (!first) {
                    document.newPage();
                }
                first = false;
                border(writer.getDirectContent(), page);
                document.add(centered(c.association().toUpperCase(locale), smallBold, 0));
                document.add(centered(msg("certificate.country", locale), small, 0));
                document.add(centered(msg("certificate.heading", locale), heading, 14));
                document.add(centered(msg("certificate.grants", locale), text, 6));
                document.add(centered(c.subject(), subject, 4));
                if (c.details() != null) {
                    document.add(centered(c.details(), text, 2));
                }
                document.add(centered(msg("certificate.titleOf", locale, c.title().toUpperCase(locale),
                        String.valueOf(c.year())), titleFont, 8));
                if (c.grade() != null) {
                    document.add(centered(msg("certificate.grade", locale, c.grade()), text, 2));
                }
                document.add(centered(msg("certificate.decision", locale, c.decisionNumber(),
                        c.decisionDate().format(DATE)), text, 6));
                Paragraph sign = new Paragraph();
                sign.setAlignment(Element.ALIGN_RIGHT);
                sign.setSpacingBefore(14);
                sign.setIndentationRight(20);
                sign.add(new Chunk(msg("certificate.for", locale, c.association()), smallBold));
                sign.add(Chunk.NEWLINE);
                sign.add(new Chunk(c.signer(), smallBold));
                document.add(sign);
            }
            document.close();
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        return out.toByteArray();
    }

    private static Paragraph centered(String text, Font font, float spacingBefore) {
        Paragraph p = new Paragraph(text, font);
        p.setAlignment(Element.ALIGN_CENTER);
        p.setSpacingBefore(spacingBefore);
        return p;
    }

    /** A double frame, as printed certificates have. */
    private static void border(PdfContentByte canvas, Rectangle page) {
        canvas.saveState();
        canvas.setColorStroke(new java.awt.Color(0xB0, 0x8D, 0x2E));
        canvas.setLineWidth(2.2f);
        canvas.rectangle(16, 16, page.getWidth() - 32, page.getHeight() - 32);
        canvas.stroke();
        canvas.setLineWidth(0.6f);
        canvas.rectangle(22, 22, page.getWidth() - 44, page.getHeight() - 44);
        canvas.stroke();
        canvas.restoreState();
    }

    private String msg(String code, Locale locale, Object... args) {
        return messages.getMessage(code, args, locale);
    }

    private static byte[] font(String path) {
        try (InputStream in = CertificatePdf.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("Missing font " + path);
            }
            return in.readAllBytes();
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }
}
