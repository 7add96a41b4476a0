package vn.khuyenhoc.centre;

/** A centre's self-assessment of the year (tự đánh giá xếp loại): good, fair, average, weak. */
public enum CentreGrade {
    GOOD, FAIR, AVERAGE, WEAK;

    public String messageKey() {
        return "centre.grade." + name();
    }
}
