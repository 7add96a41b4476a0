package vn.khuyenhoc.shared;

/**
 * A rule of the domain that one field of a form breaks (a name already taken, a wrong current password):
 * the controller shows {@code messageCode} next to {@code field} and nothing is saved.
 */
public class FieldConflictException extends RuntimeException {

    private final String field;
    private final String messageCode;

    public FieldConflictException(String field, String messageCode) {
        super(field + ": " + messageCode);
        this.field = field;
        this.messageCode = messageCode;
    }

    public String field() {
        return field;
    }

    public String messageCode() {
        return messageCode;
    }
}
