package vn.khuyenhoc.rollup;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import vn.khuyenhoc.orgunit.OrgUnitView;

/**
 * Reads what the shares of a set of nodes need, for a year, in two statements whatever the number of nodes (never
 * the raw records): ethnic-minority members and board-registered citizens from the roll-up tables; denominators
 * (each node's own entry and, for provinces, the sum and count of their active communes' entries; for the country,
 * every province's); targets of the nodes and of all their ancestors.
 * <p>
 * A denominator is the node's own entry, else the sum of its active children's when every one has one; otherwise
 * it is incomplete and no share is computed from it ("32 of 54 communes"). A target is the node's own for the year,
 * else its nearest ancestor's; the country's, in a year without its own, is the latest earlier year's.
 */
@Component
class ShareReader {

    private static final int KINDS = ShareKind.values().length;

    private final JdbcClient jdbc;

    ShareReader(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The shares of each node, by id (grassroots units: counts only). */
    Map<Long, Shares> read(List<OrgUnitView> nodes, int year) {
        Map<Long, Shares> result = new HashMap<>();
        if (nodes.isEmpty()) {
            return result;
        }
        Long[] ids = nodes.stream().map(OrgUnitView::id).toArray(Long[]::new);
        OrgUnitView countryNode = nodes.stream().filter(n -> n.level() == 0).findFirst().orElse(null);
        boolean country = countryNode != null;
        // the country's denominators need every province's; a province's, its communes' count and sum
        List<Long> allProvinces = country
                ? jdbc.sql("SELECT id FROM org_unit WHERE parent_id = :root AND active").param("root", countryNode.id())
                        .query(Long.class).list()
                : List.of();
        Set<Long> provinceSet = new LinkedHashSet<>(allProvinces);
        nodes.stream().filter(n -> n.level() == 1).forEach(n -> provinceSet.add(n.id()));
        Long[] provinces = provinceSet.toArray(Long[]::new);

        Map<Long, long[]> counts = new HashMap<>();
        Map<Long, Long[]> own = new HashMap<>();
        // per province: active communes, then per kind: communes with an entry, sum of entries
        Map<Long, long[]> communes = new HashMap<>();
        jdbc.sql("""
                SELECT 'm', node_id, sum(minority_joined - minority_departed), NULL::bigint, NULL::bigint, NULL::bigint,
                       NULL::bigint, NULL::bigint, NULL::bigint, NULL::bigint, NULL::bigint, NULL::bigint, NULL::bigint,
                       NULL::bigint, NULL::bigint
                FROM rollup_members WHERE node_id = ANY(:ids) AND year <= :year GROUP BY node_id
                UNION ALL
                SELECT 'b', node_id, sum(board_registered), sum(board_recognised), NULL, NULL, NULL, NULL, NULL, NULL,
                       NULL, NULL, NULL, NULL, NULL
                FROM rollup_titles WHERE node_id = ANY(:ids) AND year = :year AND kind = 'CITIZEN' GROUP BY node_id
                UNION ALL
                SELECT 'd', d.node_id, d.households, d.clans, d.villages, d.organisations, d.adults, d.staff,
                       NULL, NULL, NULL, NULL, NULL, NULL, NULL
                FROM node_denominator d
                WHERE d.year = :year AND (d.node_id = ANY(:ids) OR d.node_id = ANY(:provinces))
                UNION ALL
                SELECT 'c', c.parent_id, count(*), count(d.households), sum(d.households), count(d.clans), sum(d.clans),
                       count(d.villages), sum(d.villages), count(d.organisations), sum(d.organisations),
                       count(d.adults), sum(d.adults), count(d.staff), sum(d.staff)
                FROM org_unit c LEFT JOIN node_denominator d ON d.node_id = c.id AND d.year = :year
                WHERE c.parent_id = ANY(:provinces) AND c.active
                GROUP BY c.parent_id
                """).param("ids", ids).param("year", year).param("provinces", provinces)
                .query(rs -> {
                    long id = rs.getLong(2);
                    switch (rs.getString(1)) {
                        case "m" -> counts.computeIfAbsent(id, k -> new long[3])[0] = rs.getLong(3);
                        case "b" -> {
                            long[] c = counts.computeIfAbsent(id, k -> new long[3]);
                            c[1] = rs.getLong(3);
                            c[2] = rs.getLong(4);
                        }
                        case "d" -> {
                            Long[] values = new Long[KINDS];
                            for (int i = 0; i < KINDS; i++) {
                                java.math.BigDecimal v = rs.getBigDecimal(3 + i); // sums make the union's columns numeric
                                values[i] = v == null ? null : v.longValue();
                            }
                            own.put(id, values);
                        }
                        default -> {
                            long[] c = new long[1 + 2 * KINDS];
                            for (int i = 0; i < c.length; i++) {
                                c[i] = rs.getLong(3 + i);
                            }
                            communes.put(id, c);
                        }
                    }
                });
        // the country's denominator is its own, else that of every province (own, else its communes')
        Map<ShareKind, Shares.Denominator> countryDenominators = null;
        Map<Long, Map<ShareKind, Shares.Denominator>> byProvince = new HashMap<>();
        allProvinces.forEach(p -> byProvince.put(p, provinceDenominators(own.get(p), communes.get(p))));
        Map<Long, Map<ShareKind, Shares.Target>> targets = targets(nodes, year);
        for (OrgUnitView node : nodes) {
            long[] c = counts.getOrDefault(node.id(), new long[3]);
            Map<ShareKind, Shares.Denominator> denominators = switch (node.level()) {
                case 0 -> {
                    if (countryDenominators == null) {
                        countryDenominators = countryDenominators(own.get(node.id()), byProvince);
                    }
                    yield countryDenominators;
                }
                case 1 -> byProvince.containsKey(node.id()) ? byProvince.get(node.id())
                        : provinceDenominators(own.get(node.id()), communes.get(node.id()));
                case 2 -> ownOnly(own.get(node.id()));
                default -> Map.of();
            };
            Map<ShareKind, Shares.Target> nodeTargets = node.level() <= 2 ? targets.get(node.id()) : Map.of();
            result.put(node.id(), new Shares(c[0], c[1], c[2], Map.of(), Map.of()).with(denominators, nodeTargets));
        }
        return result;
    }

    private static Map<ShareKind, Shares.Denominator> ownOnly(Long[] own) {
        Map<ShareKind, Shares.Denominator> result = new EnumMap<>(ShareKind.class);
        for (ShareKind kind : ShareKind.values()) {
            Long value = own == null ? null : own[kind.ordinal()];
            result.put(kind, new Shares.Denominator(value, value == null ? Shares.Source.INCOMPLETE : Shares.Source.OWN, 0, 0));
        }
        return result;
    }

    /** A province's: its own entry, else its active communes' sum when every one has one. */
    private static Map<ShareKind, Shares.Denominator> provinceDenominators(Long[] own, long[] communes) {
        Map<ShareKind, Shares.Denominator> result = new EnumMap<>(ShareKind.class);
        int children = communes == null ? 0 : (int) communes[0];
        for (ShareKind kind : ShareKind.values()) {
            int known = communes == null ? 0 : (int) communes[1 + 2 * kind.ordinal()];
            long sum = communes == null ? 0 : communes[2 + 2 * kind.ordinal()];
            Long value = own == null ? null : own[kind.ordinal()];
            if (value != null) {
                result.put(kind, new Shares.Denominator(value, Shares.Source.OWN, known, children));
            }
            else if (children > 0 && known == children) {
                result.put(kind, new Shares.Denominator(sum, Shares.Source.CHILDREN, known, children));
            }
            else {
                result.put(kind, new Shares.Denominator(null, Shares.Source.INCOMPLETE, known, children));
            }
        }
        return result;
    }

    /** The country's: its own entry, else the sum over every active province when each one's is known. */
    private static Map<ShareKind, Shares.Denominator> countryDenominators(Long[] own,
            Map<Long, Map<ShareKind, Shares.Denominator>> provinces) {
        Map<ShareKind, Shares.Denominator> result = new EnumMap<>(ShareKind.class);
        for (ShareKind kind : ShareKind.values()) {
            int known = 0;
            long sum = 0;
            for (Map<ShareKind, Shares.Denominator> province : provinces.values()) {
                Long value = province.get(kind).value();
                if (value != null) {
                    known++;
                    sum += value;
                }
            }
            Long value = own == null ? null : own[kind.ordinal()];
            if (value != null) {
                result.put(kind, new Shares.Denominator(value, Shares.Source.OWN, known, provinces.size()));
            }
            else if (!provinces.isEmpty() && known == provinces.size()) {
                result.put(kind, new Shares.Denominator(sum, Shares.Source.CHILDREN, known, provinces.size()));
            }
            else {
                result.put(kind, new Shares.Denominator(null, Shares.Source.INCOMPLETE, known, provinces.size()));
            }
        }
        return result;
    }

    /**
     * The effective targets of each node (level 0–2): per share, its own for the year, else its nearest ancestor's;
     * the country's own is the latest year up to this one that sets that share. One statement for all nodes.
     */
    private Map<Long, Map<ShareKind, Shares.Target>> targets(List<OrgUnitView> nodes, int year) {
        Set<Long> lineage = new LinkedHashSet<>();
        long root = -1;
        for (OrgUnitView node : nodes) {
            List<Long> path = pathIds(node.path());
            lineage.addAll(path);
            root = path.get(0);
        }
        // node id -> year -> values; the country's rows of every year up to this one, the others' of this year
        Map<Long, List<Object[]>> rows = new HashMap<>();
        jdbc.sql("""
                SELECT t.node_id, t.year, o.level, t.family, t.clan, t.community, t.unit, t.citizen_adults,
                       t.citizen_staff, t.source
                FROM node_target t JOIN org_unit o ON o.id = t.node_id
                WHERE t.node_id = ANY(:ids) AND (t.year = :year OR (o.level = 0 AND t.year < :year))
                ORDER BY t.year DESC
                """).param("ids", lineage.toArray(Long[]::new)).param("year", year)
                .query(rs -> {
                    Object[] row = new Object[4 + KINDS];
                    row[0] = rs.getInt(2);
                    row[1] = rs.getInt(3);
                    row[2] = rs.getString(10);
                    for (int i = 0; i < KINDS; i++) {
                        row[3 + i] = rs.getBigDecimal(4 + i);
                    }
                    rows.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(row);
                });
        Map<Long, Map<ShareKind, Shares.Target>> result = new HashMap<>();
        for (OrgUnitView node : nodes) {
            if (node.level() > 2) {
                continue;
            }
            List<Long> path = pathIds(node.path());
            Map<ShareKind, Shares.Target> targets = new EnumMap<>(ShareKind.class);
            for (ShareKind kind : ShareKind.values()) {
                for (int i = path.size() - 1; i >= 0 && !targets.containsKey(kind); i--) {
                    for (Object[] row : rows.getOrDefault(path.get(i), List.of())) { // newest first
                        BigDecimal value = (BigDecimal) row[3 + kind.ordinal()];
                        if (value != null) {
                            targets.put(kind, new Shares.Target(value, (int) row[1], (int) row[0], (String) row[2],
                                    path.get(i) == node.id()));
                            break;
                        }
                    }
                }
            }
            result.put(node.id(), targets);
        }
        return result;
    }

    /** "/1/22/744/" -> [1, 22, 744] */
    static List<Long> pathIds(String path) {
        List<Long> ids = new ArrayList<>();
        for (String part : path.split("/")) {
            if (!part.isEmpty()) {
                ids.add(Long.parseLong(part));
            }
        }
        return ids;
    }
}
