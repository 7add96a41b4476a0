package vn.khuyenhoc.shares;

import java.util.List;

/**
 * What became of an uploaded spreadsheet: written (how many communes), or refused as a whole — the file itself
 * ({@code fileError}, a message code, with {@code fileErrorArgs}) or every bad row by its number and column.
 */
public record UploadResult(String fileName, int year, int communes, String fileError, List<Object> fileErrorArgs,
        List<RowError> errors) {

    /** A bad cell: the row's number as the spreadsheet shows it, the column's key, the message and the value. */
    public record RowError(int row, String column, String code, String value) {
    }

    static UploadResult fileError(String fileName, String code, Object... args) {
        return new UploadResult(fileName, 0, 0, code, List.of(args), List.of());
    }

    public boolean succeeded() {
        return fileError == null && errors.isEmpty();
    }
}
