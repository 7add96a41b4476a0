package vn.khuyenhoc.rollup;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;

import vn.khuyenhoc.fund.FundCategory;
import vn.khuyenhoc.orgunit.OrgUnitView;
import vn.khuyenhoc.registration.TitleKind;

/**
 * Each figure of a node and period counted the slow, obvious way, straight from the raw records of its subtree,
 * without the roll-ups: what the roll-ups must always equal. Flows are the records dated in the period; stocks those
 * standing at its end. A registration of year Y counts as registered in the first half of Y when it was recorded by
 * 30 June of Y, and as recognised then when its decision is dated by then.
 */
final class DirectCounts {

    private final JdbcClient jdbc;

    DirectCounts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Figure key -> value for a year. */
    Map<String, Long> of(OrgUnitView node, int year) {
        return of(node, Period.year(year));
    }

    /**
     * Figure key -> value, for the figures that come from records (members, titles, funds, money by kind, people
     * reached) and from the units' dates (chapters, boards and, down to communes, communes with an association).
     */
    Map<String, Long> of(OrgUnitView node, Period period) {
        Map<String, Long> counts = new LinkedHashMap<>();
        String pattern = node.path() + "%";
        LocalDate start = period.start();
        LocalDate end = period.end();
        jdbc.sql("""
                SELECT count(*) FILTER (WHERE m.joined_on <= :end AND (m.status = 'ACTIVE' OR m.status_changed_on > :end)),
                       count(*) FILTER (WHERE m.joined_on BETWEEN :start AND :end),
                       count(*) FILTER (WHERE m.party_member AND m.joined_on <= :end
                                        AND (m.status = 'ACTIVE' OR m.status_changed_on > :end))
                FROM member m JOIN org_unit u ON u.id = m.unit_id WHERE u.path LIKE :pattern
                """).param("start", start).param("end", end).param("pattern", pattern)
                .query(rs -> {
                    counts.put("members", rs.getLong(1));
                    counts.put("newMembers", rs.getLong(2));
                    counts.put("partyMembers", rs.getLong(3));
                });
        for (TitleKind kind : TitleKind.values()) {
            jdbc.sql("""
                    SELECT count(*) FILTER (WHERE r.status <> 'WITHDRAWN'
                                            AND (r.year < :to OR :half = 2
                                                 OR (r.created_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date <= make_date(r.year, 6, 30))),
                           count(*) FILTER (WHERE r.status = 'RECOGNISED'
                                            AND (r.year < :to OR :half = 2 OR r.decision_date <= make_date(r.year, 6, 30)))
                    FROM title_registration r JOIN org_unit u ON u.id = r.node_id
                    WHERE u.path LIKE :pattern AND r.year BETWEEN :from AND :to AND r.kind = :kind
                    """).param("pattern", pattern).param("from", period.from()).param("to", period.to())
                    .param("half", period.lastHalf()).param("kind", kind.name())
                    .query(rs -> {
                        String prefix = kind.name().toLowerCase();
                        counts.put(prefix + "Registered", rs.getLong(1));
                        counts.put(prefix + "Recognised", rs.getLong(2));
                    });
        }
        jdbc.sql("""
                SELECT coalesce(sum(e.amount) FILTER (WHERE e.direction = 'RECEIPT' AND e.entry_date BETWEEN :start AND :end), 0),
                       coalesce(sum(e.amount) FILTER (WHERE e.direction = 'DISBURSEMENT' AND e.entry_date BETWEEN :start AND :end), 0),
                       coalesce(sum(CASE WHEN e.direction = 'RECEIPT' THEN e.amount ELSE -e.amount END)
                                FILTER (WHERE e.entry_date <= :end), 0),
                       coalesce(sum(e.people_reached) FILTER (WHERE e.entry_date BETWEEN :start AND :end), 0)
                FROM fund_entry e JOIN org_unit u ON u.id = e.node_id WHERE u.path LIKE :pattern
                """).param("start", start).param("end", end).param("pattern", pattern)
                .query(rs -> {
                    counts.put("raised", rs.getLong(1));
                    counts.put("disbursed", rs.getLong(2));
                    counts.put("balance", rs.getLong(3));
                    counts.put("peopleReached", rs.getLong(4));
                });
        for (FundCategory category : FundCategory.values()) {
            counts.put("money." + category.name(), 0L);
            if (category.reach() != FundCategory.Reach.NONE) {
                counts.put("people." + category.name(), 0L);
            }
        }
        jdbc.sql("""
                SELECT e.category, sum(e.amount), coalesce(sum(e.people_reached), 0)
                FROM fund_entry e JOIN org_unit u ON u.id = e.node_id
                WHERE u.path LIKE :pattern AND e.entry_date BETWEEN :start AND :end
                GROUP BY e.category
                """).param("start", start).param("end", end).param("pattern", pattern)
                .query(rs -> {
                    counts.put("money." + rs.getString(1), rs.getLong(2));
                    if (FundCategory.valueOf(rs.getString(1)).reach() != FundCategory.Reach.NONE) {
                        counts.put("people." + rs.getString(1), rs.getLong(3));
                    }
                });
        counts.put("money.awards", counts.get("money.AWARD_STUDENTS") + counts.get("money.AWARD_TEACHERS"));
        counts.put("money.scholarships", counts.get("money.SCHOLARSHIP_UNDERPRIVILEGED")
                + counts.get("money.SCHOLARSHIP_DISABLED") + counts.get("money.SCHOLARSHIP_GIFTED_DISADVANTAGED"));
        jdbc.sql("""
                SELECT count(*) FILTER (WHERE g.kind = 'CHAPTER'), count(*) FILTER (WHERE g.kind = 'BOARD'),
                       count(DISTINCT g.parent_id)
                FROM org_unit g
                WHERE g.level = 3 AND g.path LIKE :pattern
                  AND g.founded_on <= :end AND (g.dissolved_on IS NULL OR g.dissolved_on > :end)
                """).param("end", end).param("pattern", pattern)
                .query(rs -> {
                    counts.put("chapters", rs.getLong(1));
                    counts.put("boards", rs.getLong(2));
                    if (node.level() < 3) {
                        counts.put("communes", rs.getLong(3));
                    }
                });
        // issue 14: commendations of the period's years by recipient
        jdbc.sql("""
                SELECT count(*) FILTER (WHERE c.recipient_kind = 'COLLECTIVE'), count(*) FILTER (WHERE c.recipient_kind = 'INDIVIDUAL')
                FROM commendation c JOIN org_unit u ON u.id = c.node_id
                WHERE u.path LIKE :pattern AND c.year BETWEEN :from AND :to
                """).param("from", period.from()).param("to", period.to()).param("pattern", pattern)
                .query(rs -> {
                    counts.put("commendedCollectives", rs.getLong(1));
                    counts.put("commendedIndividuals", rs.getLong(2));
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
