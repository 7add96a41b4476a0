package vn.khuyenhoc.registration;

/** The level whose decision recognised a title: the level of the recognising node (see {@link TitleKind}). */
public enum RecognisingLevel {
    COMMUNE, PROVINCE, NATIONAL;

    /** The level of the node of this tree level (0 national, 1 province, 2 commune). */
    public static RecognisingLevel ofNodeLevel(int level) {
        return switch (level) {
            case 0 -> NATIONAL;
            case 1 -> PROVINCE;
            case 2 -> COMMUNE;
            default -> throw new IllegalArgumentException("No recognition at level " + level);
        };
    }
}
