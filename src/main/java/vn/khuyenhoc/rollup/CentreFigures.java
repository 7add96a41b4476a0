package vn.khuyenhoc.rollup;

import java.util.HashMap;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;

import vn.khuyenhoc.centre.CentreKind;

/**
 * The community learning centres' figures of a node and year (issue 15), hanging off {@link Figures#centres()}:
 * centres (operating at some time in the year), centres operating at its end, classes and learner-turns by kind,
 * digital hubs (CentreYear.isDigitalHub()), centres whose association chair or vice-chair takes part, the commune
 * staff and those trained in digital skills, and the support the funds gave the centres (disbursements of the
 * centres' category). Read from {@code rollup_centres} only, a row per node and year, in one statement.
 *
 * @param reporting centres with a record of the year
 * @param classes   classes by {@link CentreKind} ordinal
 * @param turns     learner-turns by {@link CentreKind} ordinal
 */
public record CentreFigures(long centres, long operating, long reporting, long hubs, long chair, long[] classes,
        long[] turns, long support, long staff, long staffTrained) {

    /** Equal when every figure is, the counts by kind compared element by element (a record compares arrays by identity). */
    @Override
    public boolean equals(Object other) {
        return other instanceof CentreFigures o && centres == o.centres && operating == o.operating
                && reporting == o.reporting && hubs == o.hubs && chair == o.chair
                && java.util.Arrays.equals(classes, o.classes) && java.util.Arrays.equals(turns, o.turns)
                && support == o.support && staff == o.staff && staffTrained == o.staffTrained;
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(centres, operating, reporting, hubs, chair, java.util.Arrays.hashCode(classes),
                java.util.Arrays.hashCode(turns), support, staff, staffTrained);
    }

    @Override
    public String toString() {
        return "CentreFigures[centres=" + centres + ", operating=" + operating + ", hubs=" + hubs + ", classes="
                + java.util.Arrays.toString(classes) + ", turns=" + java.util.Arrays.toString(turns) + ", support="
                + support + ", staffTrained=" + staffTrained + "/" + staff + "]";
    }

    static final CentreFigures ZERO = new CentreFigures(0, 0, 0, 0, 0, new long[CentreKind.values().length],
            new long[CentreKind.values().length], 0, 0, 0);

    public long classes(CentreKind kind) {
        return classes[kind.ordinal()];
    }

    public long turns(CentreKind kind) {
        return turns[kind.ordinal()];
    }

    public long totalClasses() {
        long sum = 0;
        for (long c : classes) {
            sum += c;
        }
        return sum;
    }

    public long totalTurns() {
        long sum = 0;
        for (long t : turns) {
            sum += t;
        }
        return sum;
    }

    /** Staff trained in digital skills as a share of the commune staff, or null when no staff are known. */
    public Double staffTrainedShare() {
        return staff == 0 ? null : (double) staffTrained / staff;
    }

    boolean isZero() {
        return centres == 0 && operating == 0 && reporting == 0 && hubs == 0 && chair == 0 && totalClasses() == 0
                && totalTurns() == 0 && support == 0 && staff == 0 && staffTrained == 0;
    }

    CentreFigures plus(CentreFigures o) {
        return combine(o, 1);
    }

    CentreFigures minus(CentreFigures o) {
        return combine(o, -1);
    }

    private CentreFigures combine(CentreFigures o, int sign) {
        long[] c = classes.clone();
        long[] t = turns.clone();
        for (int i = 0; i < c.length; i++) {
            c[i] += sign * o.classes[i];
            t[i] += sign * o.turns[i];
        }
        return new CentreFigures(centres + sign * o.centres, operating + sign * o.operating,
                reporting + sign * o.reporting, hubs + sign * o.hubs, chair + sign * o.chair, c, t,
                support + sign * o.support, staff + sign * o.staff, staffTrained + sign * o.staffTrained);
    }

    /**
     * The figures of these nodes in a year, from their {@code rollup_centres} rows up to that year: the flows of the
     * year, and the register's stocks (operating at the year's end = set up minus closed up to it; centres of the year
     * = that plus those closed in it).
     */
    static Map<Long, CentreFigures> read(JdbcClient jdbc, Long[] ids, int year) {
        Map<Long, CentreFigures> result = new HashMap<>();
        if (ids.length == 0) {
            return result;
        }
        int kinds = CentreKind.values().length;
        jdbc.sql("""
                SELECT node_id, sum(opened - closed), sum(closed) FILTER (WHERE year = :year),
                       sum(reporting) FILTER (WHERE year = :year), sum(hubs) FILTER (WHERE year = :year),
                       sum(chair) FILTER (WHERE year = :year),
                       sum(classes_literacy) FILTER (WHERE year = :year), sum(classes_vocational) FILTER (WHERE year = :year),
                       sum(classes_law) FILTER (WHERE year = :year), sum(classes_digital) FILTER (WHERE year = :year),
                       sum(classes_languages) FILTER (WHERE year = :year), sum(classes_health) FILTER (WHERE year = :year),
                       sum(classes_other) FILTER (WHERE year = :year),
                       sum(turns_literacy) FILTER (WHERE year = :year), sum(turns_vocational) FILTER (WHERE year = :year),
                       sum(turns_law) FILTER (WHERE year = :year), sum(turns_digital) FILTER (WHERE year = :year),
                       sum(turns_languages) FILTER (WHERE year = :year), sum(turns_health) FILTER (WHERE year = :year),
                       sum(turns_other) FILTER (WHERE year = :year),
                       sum(support) FILTER (WHERE year = :year), sum(staff) FILTER (WHERE year = :year),
                       sum(staff_trained) FILTER (WHERE year = :year)
                FROM rollup_centres WHERE node_id = ANY(:ids) AND year <= :year GROUP BY node_id
                """).param("ids", ids).param("year", year)
                .query(rs -> {
                    long operating = rs.getLong(2);
                    long[] classes = new long[kinds];
                    long[] turns = new long[kinds];
                    for (int i = 0; i < kinds; i++) {
                        classes[i] = rs.getLong(7 + i);
                        turns[i] = rs.getLong(7 + kinds + i);
                    }
                    int next = 7 + 2 * kinds;
                    result.put(rs.getLong(1), new CentreFigures(operating + rs.getLong(3), operating, rs.getLong(4),
                            rs.getLong(5), rs.getLong(6), classes, turns, rs.getLong(next), rs.getLong(next + 1),
                            rs.getLong(next + 2)));
                });
        return result;
    }
}
