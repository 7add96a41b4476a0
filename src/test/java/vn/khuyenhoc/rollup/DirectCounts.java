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
        // issue 14: commendations of the year by recipient
        jdbc.sql("""
                SELECT count(*) FILTER (WHERE c.recipient_kind = 'COLLECTIVE'), count(*) FILTER (WHERE c.recipient_kind = 'INDIVIDUAL')
                FROM commendation c JOIN org_unit u ON u.id = c.node_id WHERE u.path LIKE :pattern AND c.year = :year
                """).param("year", year).param("pattern", pattern)
                .query(rs -> {
                    counts.put("commendedCollectives", rs.getLong(1));
                    counts.put("commendedIndividuals", rs.getLong(2));
                });
        return counts;
    }
}
