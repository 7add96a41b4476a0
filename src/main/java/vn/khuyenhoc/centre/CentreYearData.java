package vn.khuyenhoc.centre;

import java.util.Map;

/** A centre's year as the service takes it: classes and learner-turns by kind (every kind present) and the rest. */
public record CentreYearData(int year, Map<CentreKind, Integer> classes, Map<CentreKind, Integer> turns,
        boolean chairTakesPart, boolean internet, int learnerComputers, boolean openMaterials, CentreGrade grade) {

    /** The one definition of a digital learning hub, the same as the database's centre_is_hub(). */
    public boolean isDigitalHub() {
        return CentreYear.isDigitalHub(internet, learnerComputers, openMaterials, classes.getOrDefault(CentreKind.DIGITAL, 0));
    }
}
