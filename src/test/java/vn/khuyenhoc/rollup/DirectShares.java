package vn.khuyenhoc.rollup;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;

import vn.khuyenhoc.orgunit.OrgUnitView;

/**
 * The shares of a node and year computed the slow, obvious way from the raw rows — registrations, members, units,
 * node_denominator and node_target — by the rules of DESIGN.md §8 and issue 11, without the roll-ups or
 * {@link ShareReader}: what the dashboards' shares must always equal.
 */
final class DirectShares {

    private static final String[] DENOMINATORS = {"households", "clans", "villages", "organisations", "adults", "staff"};
    private static final String[] TARGETS = {"family", "clan", "community", "unit", "citizen_adults", "citizen_staff"};
    private static final String[] KEYS = {"family", "clan", "community", "unit", "citizenAdults", "citizenStaff"};
    private static final String[] TITLES = {"FAMILY", "CLAN", "COMMUNITY", "UNIT", "CITIZEN", "CITIZEN"};

    private final JdbcClient jdbc;

    DirectShares(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Figure key -> value (null when it cannot be known), for every figure of issue 11. */
    Map<String, Double> of(OrgUnitView node, int year) {
        Map<String, Double> result = new LinkedHashMap<>();
        String pattern = node.path() + "%";
        for (int k = 0; k < KEYS.length; k++) {
            String boardFilter = k == 4 ? " AND u.kind <> 'BOARD'" : k == 5 ? " AND u.kind = 'BOARD'" : "";
            long[] counts = jdbc.sql("""
                    SELECT count(*) FILTER (WHERE r.status <> 'WITHDRAWN'), count(*) FILTER (WHERE r.status = 'RECOGNISED')
                    FROM title_registration r JOIN org_unit u ON u.id = r.node_id
                    WHERE u.path LIKE :pattern AND r.year = :year AND r.kind = :kind""" + boardFilter)
                    .param("pattern", pattern).param("year", year).param("kind", TITLES[k])
                    .query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2)}).single();
            Long denominator = node.level() <= 2 ? denominator(node.id(), node.level(), year, DENOMINATORS[k]) : null;
            Double target = node.level() <= 2 ? target(node.path(), year, TARGETS[k]) : null;
            Double registered = denominator == null || denominator == 0 ? null : (double) counts[0] / denominator;
            Double recognised = denominator == null || denominator == 0 ? null : (double) counts[1] / denominator;
            result.put(DENOMINATORS[k], denominator == null ? null : denominator.doubleValue());
            result.put(KEYS[k] + "RegisteredShare", registered);
            result.put(KEYS[k] + "Share", recognised);
            result.put(KEYS[k] + "Target", target);
            result.put(KEYS[k] + "Gap", recognised == null || target == null ? null : recognised - target);
        }
        LocalDate end = LocalDate.of(year, 12, 31);
        long[] members = jdbc.sql("""
                SELECT count(*), count(*) FILTER (WHERE m.ethnicity <> 1)
                FROM member m JOIN org_unit u ON u.id = m.unit_id
                WHERE u.path LIKE :pattern AND m.joined_on <= :end AND (m.status = 'ACTIVE' OR m.status_changed_on > :end)
                """).param("pattern", pattern).param("end", end)
                .query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2)}).single();
        result.put("minorityMembers", (double) members[1]);
        result.put("minorityShare", members[0] == 0 ? null : (double) members[1] / members[0]);
        return result;
    }

    /** Own entry, else the sum over the active children when every one has a denominator; communes: own only. */
    private Long denominator(long nodeId, int level, int year, String column) {
        Long own = jdbc.sql("SELECT " + column + " FROM node_denominator WHERE node_id = :n AND year = :y")
                .param("n", nodeId).param("y", year).query((rs, n) -> rs.getObject(1, Long.class)).optional().orElse(null);
        if (own != null || level == 2) {
            return own;
        }
        List<Object[]> children = jdbc.sql("SELECT id FROM org_unit WHERE parent_id = :n AND active")
                .param("n", nodeId).query((rs, n) -> new Object[] {rs.getLong(1)}).list();
        if (children.isEmpty()) {
            return null;
        }
        long sum = 0;
        for (Object[] child : children) {
            Long value = denominator((Long) child[0], level + 1, year, column);
            if (value == null) {
                return null;
            }
            sum += value;
        }
        return sum;
    }

    /** The node's own target, else the nearest ancestor's; the country's the latest year up to this one. */
    private Double target(String path, int year, String column) {
        List<Long> lineage = new ArrayList<>();
        for (String part : path.split("/")) {
            if (!part.isEmpty()) {
                lineage.add(Long.parseLong(part));
            }
        }
        for (int i = lineage.size() - 1; i >= 0; i--) {
            BigDecimal value = jdbc.sql("SELECT " + column + " FROM node_target WHERE node_id = :n AND "
                            + (i == 0 ? "year <= :y AND " + column + " IS NOT NULL ORDER BY year DESC LIMIT 1" : "year = :y"))
                    .param("n", lineage.get(i)).param("y", year).query((rs, n) -> rs.getBigDecimal(1)).optional().orElse(null);
            if (value != null) {
                return value.doubleValue() / 100;
            }
        }
        return null;
    }
}
