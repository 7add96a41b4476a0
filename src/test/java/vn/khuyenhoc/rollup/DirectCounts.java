package vn.khuyenhoc.rollup;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;

import vn.khuyenhoc.orgunit.OrgUnitView;
import vn.khuyenhoc.registration.TitleKind;

/**
 * Each figure of a node and year counted the slow, obvious way, straight from the raw records of its subtree,
 * without the roll-ups: what the roll-ups must always equal.
 */
final class DirectCounts {

    private final JdbcClient jdbc;

    DirectCounts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Figure key -> value, for the figures that come from records (members, titles, funds, people reached). */
    Map<String, Long> of(OrgUnitView node, int year) {
        Map<String, Long> counts = new LinkedHashMap<>();
        String pattern = node.path() + "%";
        LocalDate yearEnd = LocalDate.of(year, 12, 31);
        jdbc.sql("""
                SELECT count(*) FILTER (WHERE m.joined_on <= :end AND (m.status = 'ACTIVE' OR m.status_changed_on > :end)),
                       count(*) FILTER (WHERE extract(year FROM m.joined_on) = :year),
                       count(*) FILTER (WHERE m.party_member AND m.joined_on <= :end
                                        AND (m.status = 'ACTIVE' OR m.status_changed_on > :end))
                FROM member m JOIN org_unit u ON u.id = m.unit_id WHERE u.path LIKE :pattern
                """).param("end", yearEnd).param("year", year).param("pattern", pattern)
                .query(rs -> {
                    counts.put("members", rs.getLong(1));
                    counts.put("newMembers", rs.getLong(2));
                    counts.put("partyMembers", rs.getLong(3));
                });
        for (TitleKind kind : TitleKind.values()) {
            jdbc.sql("""
                    SELECT count(*) FILTER (WHERE r.status <> 'WITHDRAWN'), count(*) FILTER (WHERE r.status = 'RECOGNISED')
                    FROM title_registration r JOIN org_unit u ON u.id = r.node_id
                    WHERE u.path LIKE :pattern AND r.year = :year AND r.kind = :kind
                    """).param("pattern", pattern).param("year", year).param("kind", kind.name())
                    .query(rs -> {
                        String prefix = kind.name().toLowerCase();
                        counts.put(prefix + "Registered", rs.getLong(1));
                        counts.put(prefix + "Recognised", rs.getLong(2));
                    });
        }
        jdbc.sql("""
                SELECT coalesce(sum(e.amount) FILTER (WHERE e.direction = 'RECEIPT' AND e.year = :year), 0),
                       coalesce(sum(e.amount) FILTER (WHERE e.direction = 'DISBURSEMENT' AND e.year = :year), 0),
                       coalesce(sum(CASE WHEN e.direction = 'RECEIPT' THEN e.amount ELSE -e.amount END)
                                FILTER (WHERE e.year <= :year), 0),
                       coalesce(sum(e.people_reached) FILTER (WHERE e.year = :year), 0)
                FROM fund_entry e JOIN org_unit u ON u.id = e.node_id WHERE u.path LIKE :pattern
                """).param("year", year).param("pattern", pattern)
                .query(rs -> {
                    counts.put("raised", rs.getLong(1));
                    counts.put("disbursed", rs.getLong(2));
                    counts.put("balance", rs.getLong(3));
                    counts.put("peopleReached", rs.getLong(4));
                });
        return counts;
    }

    /**
     * The community learning centres' figures of a node and year (issue 15), counted from the register, the centres'
     * years, the staff records and the fund entries of its subtree, with the definitions written out again here
     * (not the database's functions): a centre of the year was set up by its end and not closed before it began;
     * operating at its end, not closed by then; a digital hub has internet, a computer, open materials and a
     * digital-skills class. Keys are figure keys; "_staff" is the commune staff (the share's denominator).
     */
    Map<String, Long> centres(OrgUnitView node, int year) {
        Map<String, Long> counts = new LinkedHashMap<>();
        String pattern = node.path() + "%";
        jdbc.sql("""
                SELECT count(*) FILTER (WHERE extract(year FROM c.decision_date) <= :year
                                        AND (c.closed_on IS NULL OR extract(year FROM c.closed_on) >= :year)),
                       count(*) FILTER (WHERE extract(year FROM c.decision_date) <= :year
                                        AND (c.closed_on IS NULL OR extract(year FROM c.closed_on) > :year))
                FROM learning_centre c JOIN org_unit o ON o.id = c.commune_id WHERE o.path LIKE :pattern
                """).param("year", year).param("pattern", pattern)
                .query(rs -> {
                    counts.put("centres", rs.getLong(1));
                    counts.put("centresOperating", rs.getLong(2));
                });
        String[] kinds = {"literacy", "vocational", "law", "digital", "languages", "health", "other"};
        StringBuilder sums = new StringBuilder();
        for (String kind : kinds) {
            sums.append("coalesce(sum(y.classes_").append(kind).append("), 0), ");
        }
        for (String kind : kinds) {
            sums.append("coalesce(sum(y.turns_").append(kind).append("), 0), ");
        }
        jdbc.sql("SELECT " + sums + """
                       count(*) FILTER (WHERE y.internet AND y.learner_computers >= 1 AND y.open_materials
                                        AND y.classes_digital >= 1),
                       count(*) FILTER (WHERE y.chair_takes_part)
                FROM centre_year y JOIN learning_centre c ON c.id = y.centre_id JOIN org_unit o ON o.id = c.commune_id
                WHERE o.path LIKE :pattern AND y.year = :year
                """).param("year", year).param("pattern", pattern)
                .query(rs -> {
                    long classes = 0;
                    long turns = 0;
                    for (int i = 0; i < kinds.length; i++) {
                        String suffix = Character.toUpperCase(kinds[i].charAt(0)) + kinds[i].substring(1);
                        counts.put("centreClasses" + suffix, rs.getLong(1 + i));
                        counts.put("centreTurns" + suffix, rs.getLong(1 + kinds.length + i));
                        classes += rs.getLong(1 + i);
                        turns += rs.getLong(1 + kinds.length + i);
                    }
                    counts.put("centreClasses", classes);
                    counts.put("centreTurns", turns);
                    counts.put("centreHubs", rs.getLong(1 + 2 * kinds.length));
                    counts.put("centreChair", rs.getLong(2 + 2 * kinds.length));
                });
        jdbc.sql("""
                SELECT coalesce(sum(s.trained), 0), coalesce(sum(s.staff), 0)
                FROM commune_digital_staff s JOIN org_unit o ON o.id = s.commune_id
                WHERE o.path LIKE :pattern AND s.year = :year
                """).param("year", year).param("pattern", pattern)
                .query(rs -> {
                    counts.put("staffDigital", rs.getLong(1));
                    counts.put("_staff", rs.getLong(2));
                });
        counts.put("centreSupport", jdbc.sql("""
                SELECT coalesce(sum(e.amount), 0) FROM fund_entry e JOIN org_unit o ON o.id = e.node_id
                WHERE o.path LIKE :pattern AND e.year = :year AND e.category = 'COMMUNITY_LEARNING_CENTRE'
                """).param("year", year).param("pattern", pattern).query(Long.class).single());
        return counts;
    }
}
