package vn.khuyenhoc.commendation;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.List;
import java.util.stream.Stream;

import vn.khuyenhoc.shared.RuleViolationException;
import vn.khuyenhoc.shared.Text;

/**
 * A commendation as typed: everything as text, so that whatever is typed gets a message; {@link #toCommand}
 * checks it all at once.
 */
public record CommendationForm(String recipientKind, String recipientName, String level, String form, String year,
        String decisionNumber, String decisionDate) {

    private static final List<DateTimeFormatter> DATES = Stream.of("uuuu-M-d", "d/M/uuuu", "d-M-uuuu", "d.M.uuuu")
            .map(p -> DateTimeFormatter.ofPattern(p).withResolverStyle(ResolverStyle.STRICT)).toList();

    static CommendationForm empty(int year) {
        return new CommendationForm("COLLECTIVE", "", "COMMUNE", "CERTIFICATE_OF_MERIT", String.valueOf(year), "", "");
    }

    /** The checked command. @throws RuleViolationException with every broken rule */
    Commendation toCommand(LocalDate today) {
        RuleViolationException.Collector errors = new RuleViolationException.Collector();
        RecipientKind kind = parse(RecipientKind.class, recipientKind);
        if (kind == null) {
            errors.add("recipientKind", "commendation.recipientKind.required");
        }
        String name = Text.clean(recipientName);
        if (name == null || name.isEmpty()) {
            errors.add("recipientName", "commendation.recipientName.required");
        }
        else if (name.length() > 200) {
            errors.add("recipientName", "commendation.recipientName.size");
        }
        Level lvl = parse(Level.class, level);
        if (lvl == null) {
            errors.add("level", "commendation.level.required");
        }
        Form f = parse(Form.class, form);
        if (f == null) {
            errors.add("form", "commendation.form.required");
        }
        Integer y = year != null && year.strip().matches("\\d{4}") ? Integer.valueOf(year.strip()) : null;
        if (y == null || y < 2000 || y > today.getYear()) {
            errors.add("year", "commendation.year.range", String.valueOf(today.getYear()));
            y = null;
        }
        String number = Text.clean(decisionNumber);
        if (number == null || number.isEmpty()) {
            errors.add("decisionNumber", "evaluation.decisionNumber.required");
        }
        else if (number.length() > 50) {
            errors.add("decisionNumber", "evaluation.decisionNumber.size");
        }
        LocalDate date = date(decisionDate);
        if (decisionDate == null || decisionDate.isBlank()) {
            errors.add("decisionDate", "evaluation.decisionDate.required");
        }
        else if (date == null) {
            errors.add("decisionDate", "evaluation.decisionDate.invalid");
        }
        else if (date.isAfter(today)) {
            errors.add("decisionDate", "evaluation.decisionDate.future");
        }
        else if (y != null && date.getYear() < y) {
            errors.add("decisionDate", "commendation.decisionDate.beforeYear");
        }
        errors.throwIfAny();
        return new Commendation(kind, name, lvl, f, y, number, date);
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String typed) {
        try {
            return typed == null ? null : Enum.valueOf(type, typed.strip());
        }
        catch (IllegalArgumentException ex) {
            return null;
        }
    }

    private static LocalDate date(String typed) {
        if (typed == null || typed.isBlank()) {
            return null;
        }
        for (DateTimeFormatter format : DATES) {
            try {
                return LocalDate.parse(typed.strip(), format);
            }
            catch (DateTimeParseException ex) {
                // the next way of writing it
            }
        }
        return null;
    }

    /** Whom a commendation is for. */
    public enum RecipientKind {
        COLLECTIVE, INDIVIDUAL
    }

    /** The level that commends. */
    public enum Level {
        NATIONAL, PROVINCE, COMMUNE
    }

    /** The form of commendation: an emulation flag, a certificate of merit (bằng khen), a commendation (giấy khen). */
    public enum Form {
        EMULATION_FLAG, CERTIFICATE_OF_MERIT, COMMENDATION_CERTIFICATE
    }

    /** A checked commendation. */
    record Commendation(RecipientKind kind, String name, Level level, Form form, int year, String decisionNumber,
            LocalDate decisionDate) {
    }
}
