package vn.khuyenhoc.centre;

import java.time.OffsetDateTime;
import java.util.Map;

/** A centre's recorded year, as pages show it. */
public record CentreYear(long centreId, int year, Map<CentreKind, Integer> classesByKind,
        Map<CentreKind, Integer> turnsByKind, boolean chairTakesPart, boolean internet, int learnerComputers,
        boolean openMaterials, CentreGrade grade, long version, OffsetDateTime updatedAt, String updatedBy) {

    /**
     * What counts as a digital learning hub (trung tâm học tập số): internet access, at least one computer for
     * learners, open learning materials in use, and at least one digital-skills class in the year. The four things
     * the 2025 request to the association names ("each community learning centre upgraded to a digital learning
     * centre, with internet and open learning materials", {@code shared/seeds/000}) and DESIGN.md section 11 lists
     * ("internet, computers, open learning materials, digital-skills classes"). The database's
     * {@code centre_is_hub()} (R__centres.sql), which the roll-ups count with, says exactly the same.
     */
    public static boolean isDigitalHub(boolean internet, int learnerComputers, boolean openMaterials, int digitalClasses) {
        return internet && learnerComputers >= 1 && openMaterials && digitalClasses >= 1;
    }

    public boolean isDigitalHub() {
        return isDigitalHub(internet, learnerComputers, openMaterials, classes(CentreKind.DIGITAL));
    }

    public int classes(CentreKind kind) {
        return classesByKind.getOrDefault(kind, 0);
    }

    public int turns(CentreKind kind) {
        return turnsByKind.getOrDefault(kind, 0);
    }

    public long totalClasses() {
        return classesByKind.values().stream().mapToLong(Integer::longValue).sum();
    }

    public long totalTurns() {
        return turnsByKind.values().stream().mapToLong(Integer::longValue).sum();
    }
}
