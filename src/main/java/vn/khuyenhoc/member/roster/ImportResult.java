package vn.khuyenhoc.member.roster;

import java.util.List;



/**
 * What an import did: either it wrote every row ({@code imported} members, cards {@code firstCard} to
 * {@code lastCard}), or it wrote nothing and says why: a problem with the whole file ({@code fileError}), or the
 * bad rows, each by its number in the spreadsheet (at most {@link #MAX_LISTED} listed; {@code badRows} counts all).
 */
public record ImportResult(String fileName, int imported, String firstCard, String lastCard, String fileError,
        List<String> fileErrorArgs, List<RowError> errors, int badRows) {

    static final int MAX_LISTED = 1000;

    public boolean succeeded() {
        return fileError == null && errors.isEmpty();
    }

    public int notListed() {
        return Math.max(0, badRows - (int) errors.stream().map(RowError::row).distinct().count());
    }

    static ImportResult fileError(String fileName, String messageCode, String... args) {
        return new ImportResult(fileName, 0, null, null, messageCode, List.of(args), List.of(), 0);
    }

    /**
     * One problem of one row.
     *
     * @param row    the row's number as the spreadsheet shows it (the header is row 1 in the template)
     * @param column the column's heading as written in the file
     */
    public record RowError(int row, String column, String messageCode, Object[] args) {
    }
}
