package vn.khuyenhoc.centre;

/**
 * The kinds of a community learning centre's classes (issue 15): literacy and post-literacy, vocational and
 * farming skills, law and civic knowledge, digital skills, foreign languages, health and culture, other. Each kind
 * has a column of classes and one of learner-turns in {@code centre_year} and {@code rollup_centres}
 * ({@code classes_<column>}, {@code turns_<column>}); its label is the message {@code centre.kind.<NAME>}.
 */
public enum CentreKind {

    LITERACY("literacy"),
    VOCATIONAL("vocational"),
    LAW("law"),
    DIGITAL("digital"),
    LANGUAGES("languages"),
    HEALTH("health"),
    OTHER("other");

    private final String column;

    CentreKind(String column) {
        this.column = column;
    }

    /** The column suffix, a fixed SQL fragment: {@code classes_literacy}, {@code turns_literacy}. */
    public String column() {
        return column;
    }

    public String messageKey() {
        return "centre.kind." + name();
    }
}
