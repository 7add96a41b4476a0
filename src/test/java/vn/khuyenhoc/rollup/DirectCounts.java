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
        return counts;
    }
}
