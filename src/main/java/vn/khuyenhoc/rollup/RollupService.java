package vn.khuyenhoc.rollup;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.khuyenhoc.registration.TitleKind;
import vn.khuyenhoc.orgunit.OrgUnitKind;
import vn.khuyenhoc.orgunit.OrgUnitService;
import vn.khuyenhoc.orgunit.OrgUnitView;
import vn.khuyenhoc.shared.Scope;

/**
 * The figures of the dashboards and exports, read from the roll-up tables (never from the 34 million member
 * rows): for a node, at most one row per year of each roll-up table; for the country, the 34 provinces' rows plus
 * the central association's own. Every read is scoped: a node outside the user's subtree answers 404.
 */
@Service
@Transactional(readOnly = true)
public class RollupService {

    private final JdbcClient jdbc;
    private final OrgUnitService orgUnits;
    private final ProvinceGroupService groups;

    RollupService(JdbcClient jdbc, OrgUnitService orgUnits, ProvinceGroupService groups) {
        this.jdbc = jdbc;
        this.orgUnits = orgUnits;
        this.groups = groups;
    }

    /**
     * A node's dashboard for a year, read in one transaction with two statements over the roll-up tables (one for
     * the figures of the node and its children, one for the trend): its totals, a row per child, what it holds
     * itself beyond its children, the trend of {@code trendYears} years and, for the country when asked, the figures
     * per group of provinces.
     */
    public Dashboard dashboard(Scope scope, long nodeId, int year, int trendYears, boolean withGroups) {
        OrgUnitView node = orgUnits.get(scope, nodeId);
        List<OrgUnitView> children = childrenOf(node);
        List<OrgUnitView> nodes = new ArrayList<>(children.size() + 1);
        nodes.add(node);
        nodes.addAll(children);
        Map<Long, Figures> figures = figures(nodes, year);
        Map<Long, Figures> childFigures = new LinkedHashMap<>(figures);
        childFigures.remove(node.id());
        Figures total = node.level() > 0 ? figures.get(node.id()) : countryTotal(figures.get(node.id()), childFigures);
        List<Row> rows = new ArrayList<>();
        Figures sumOfChildren = Figures.empty();
        for (OrgUnitView child : children) {
            Figures f = childFigures.get(child.id());
            rows.add(new Row(child, null, f));
            sumOfChildren = sumOfChildren.plus(f);
        }
        Figures own = total.minus(sumOfChildren);
        List<GroupRow> groupRows = withGroups && node.level() == 0 ? byGroup(childFigures) : null;
        List<TrendPoint> trend = trend(node.level() == 0 ? nodes : List.of(node), year, trendYears);
        return new Dashboard(node, orgUnits.lineage(node), year, total, rows, isZero(own) ? null : own, groupRows, trend);
    }

    /** The country's figures per group of provinces, from the provinces' figures. */
    private List<GroupRow> byGroup(Map<Long, Figures> provinces) {
        List<GroupRow> rows = new ArrayList<>();
        for (var group : groups.all()) {
            Figures sum = group.provinceIds().stream().map(provinces::get).filter(java.util.Objects::nonNull)
                    .reduce(Figures.empty(), Figures::plus);
            // the population of a group is known when each of its provinces' is
            boolean allKnown = group.provinceIds().stream().allMatch(p -> provinces.get(p).population() != null);
            rows.add(new GroupRow(group.id(), group.name(), group.nameEn(), group.provinceIds().size(),
                    allKnown ? sum : sum.withStructure(null, sum.communesWithAssociation(), sum.chapters(), sum.boards())));
        }
        return rows;
    }

    /**
     * The main figures of these nodes together in each of the {@code years} years up to {@code lastYear}, in one
     * statement grouped by year, with the stocks (members, Party members, balance) accumulated over earlier years.
     */
    private List<TrendPoint> trend(List<OrgUnitView> nodes, int lastYear, int years) {
        Long[] ids = nodes.stream().map(OrgUnitView::id).toArray(Long[]::new);
        int firstYear = lastYear - years + 1;
        // per year: members, new members, Party members, raised, disbursed, balance, families registered
        Map<Integer, long[]> byYear = new TreeMap<>();
        for (int year = firstYear; year <= lastYear; year++) {
            byYear.put(year, new long[7]);
        }
        jdbc.sql("""
                SELECT 'M', year, sum(joined), sum(departed), sum(party_joined - party_departed)
                FROM rollup_members WHERE node_id = ANY(:ids) AND year <= :last GROUP BY year
                UNION ALL
                SELECT 'F', year, sum(raised), sum(disbursed), NULL
                FROM rollup_funds WHERE node_id = ANY(:ids) AND year <= :last GROUP BY year
                UNION ALL
                SELECT 'T', year, sum(registered), NULL, NULL
                FROM rollup_titles WHERE node_id = ANY(:ids) AND kind = 'FAMILY' AND year BETWEEN :first AND :last
                GROUP BY year
                """).param("ids", ids).param("first", firstYear).param("last", lastYear)
                .query(rs -> {
                    int year = rs.getInt(2);
                    long[] shown = byYear.get(year);
                    switch (rs.getString(1)) {
                        case "M" -> {
                            if (shown != null) {
                                shown[1] = rs.getLong(3);
                            }
                            accumulate(byYear, year, 0, rs.getLong(3) - rs.getLong(4));
                            accumulate(byYear, year, 2, rs.getLong(5));
                        }
                        case "F" -> {
                            if (shown != null) {
                                shown[3] = rs.getLong(3);
                                shown[4] = rs.getLong(4);
                            }
                            accumulate(byYear, year, 5, rs.getLong(3) - rs.getLong(4));
                        }
                        default -> shown[6] = rs.getLong(3);
                    }
                });
        List<TrendPoint> points = new ArrayList<>();
        byYear.forEach((year, v) -> points.add(new TrendPoint(year, v[0], v[1], v[2], v[3], v[4], v[5], v[6])));
        return points;
    }

    /** Adds a flow of {@code year} to the stock at index {@code i} of every shown year from then on. */
    private static void accumulate(Map<Integer, long[]> byYear, int year, int i, long flow) {
        byYear.forEach((shown, values) -> {
            if (shown >= year) {
                values[i] += flow;
            }
        });
    }

    /**
     * The figures of every node of {@code level} in the subtree of a node in scope (the node itself when it is of
     * that level), in tree order, for exports; read in batches of a thousand nodes.
     */
    public List<NodeFigures> figuresAtLevel(Scope scope, long rootId, int level, int year) {
        OrgUnitView root = orgUnits.get(scope, rootId);
        if (level == root.level()) {
            return List.of(new NodeFigures(root, figures(scope, rootId, year)));
        }
        List<OrgUnitView> nodes = orgUnits.atLevelBelow(scope, rootId, level);
        List<NodeFigures> result = new ArrayList<>(nodes.size());
        for (int from = 0; from < nodes.size(); from += 1000) {
            List<OrgUnitView> batch = nodes.subList(from, Math.min(nodes.size(), from + 1000));
            Map<Long, Figures> batchFigures = figures(batch, year);
            batch.forEach(node -> result.add(new NodeFigures(node, batchFigures.get(node.id()))));
        }
        return result;
    }

    /** The figures of a node of the user's scope, for a year. */
    public Figures figures(Scope scope, long nodeId, int year) {
        OrgUnitView node = orgUnits.get(scope, nodeId);
        if (node.level() > 0) {
            return figures(List.of(node), year).get(node.id());
        }
        List<OrgUnitView> nodes = new ArrayList<>(List.of(node));
        nodes.addAll(childrenOf(node));
        Map<Long, Figures> provinces = figures(nodes, year);
        return countryTotal(provinces.remove(node.id()), provinces);
    }

    /** The country: its provinces plus the central association's own records, with its own structure row. */
    private static Figures countryTotal(Figures own, Map<Long, Figures> provinceFigures) {
        Figures sum = provinceFigures.values().stream().reduce(own, Figures::plus);
        Long population = provinceFigures.values().stream().allMatch(f -> f.population() != null)
                ? provinceFigures.values().stream().mapToLong(Figures::population).sum() : null;
        return sum.withStructure(population, own.communesWithAssociation(), own.chapters(), own.boards());
    }

    private List<OrgUnitView> childrenOf(OrgUnitView node) {
        return node.level() >= 3 ? List.of()
                : orgUnits.childViews(new Scope(node.id(), node.path(), node.level()), node.id());
    }

    /** Figures of these nodes from the roll-up tables, in one statement over the six tables, by index. */
    private Map<Long, Figures> figures(List<OrgUnitView> nodes, int year) {
        Map<Long, long[]> members = new HashMap<>();
        Map<Long, long[]> funds = new HashMap<>();
        Map<Long, Map<TitleKind, Figures.TitleCount>> titles = new HashMap<>();
        Map<Long, Map<String, Long>> reached = new HashMap<>();
        Map<Long, long[]> structure = new HashMap<>();
        Map<Long, Long> population = new HashMap<>();
        if (!nodes.isEmpty()) {
            jdbc.sql("""
                    SELECT 'M', node_id, NULL, sum(joined - departed), sum(joined) FILTER (WHERE year = :year),
                           sum(party_joined - party_departed)
                    FROM rollup_members WHERE node_id = ANY(:ids) AND year <= :year GROUP BY node_id
                    UNION ALL
                    SELECT 'F', node_id, NULL, sum(raised) FILTER (WHERE year = :year),
                           sum(disbursed) FILTER (WHERE year = :year), sum(raised - disbursed)
                    FROM rollup_funds WHERE node_id = ANY(:ids) AND year <= :year GROUP BY node_id
                    UNION ALL
                    SELECT 'T', node_id, kind, registered, recognised, NULL
                    FROM rollup_titles WHERE node_id = ANY(:ids) AND year = :year
                    UNION ALL
                    SELECT 'R', node_id, category, people, NULL, NULL
                    FROM rollup_reached WHERE node_id = ANY(:ids) AND year = :year AND people <> 0
                    UNION ALL
                    SELECT 'S', node_id, NULL, chapters, boards, communes_with_association
                    FROM rollup_units WHERE node_id = ANY(:ids)
                    UNION ALL
                    SELECT 'P', node_id, NULL, population, NULL, NULL
                    FROM node_population WHERE node_id = ANY(:ids) AND year = :year
                    """).param("ids", nodes.stream().map(OrgUnitView::id).toArray(Long[]::new)).param("year", year)
                    .query(rs -> {
                        long id = rs.getLong(2);
                        switch (rs.getString(1)) {
                            case "M" -> members.put(id, new long[] {rs.getLong(4), rs.getLong(5), rs.getLong(6)});
                            case "F" -> funds.put(id, new long[] {rs.getLong(4), rs.getLong(5), rs.getLong(6)});
                            case "T" -> titles.computeIfAbsent(id, k -> new EnumMap<>(TitleKind.class))
                                    .put(TitleKind.valueOf(rs.getString(3)), new Figures.TitleCount(rs.getLong(4), rs.getLong(5)));
                            case "R" -> reached.computeIfAbsent(id, k -> new TreeMap<>()).put(rs.getString(3), rs.getLong(4));
                            case "S" -> structure.put(id, new long[] {rs.getLong(4), rs.getLong(5), rs.getLong(6)});
                            default -> population.put(id, rs.getLong(4));
                        }
                    });
        }
        Map<Long, Figures.Commendations> commendations = commendations(nodes, year);
        Map<Long, Figures> result = new LinkedHashMap<>();
        for (OrgUnitView node : nodes) {
            long id = node.id();
            long[] m = members.getOrDefault(id, new long[3]);
            long[] f = funds.getOrDefault(id, new long[3]);
            long[] s = structure.get(id);
            if (s == null) { // a grassroots unit counts as one chapter or board while it is active
                s = new long[] {node.active() && node.kind() == OrgUnitKind.CHAPTER ? 1 : 0,
                        node.active() && node.kind() == OrgUnitKind.BOARD ? 1 : 0, 0};
            }
            result.put(id, new Figures(population.get(id), s[2], s[0], s[1], m[0], m[1], m[2],
                    titles.getOrDefault(id, new EnumMap<>(TitleKind.class)), f[0], f[1], f[2],
                    reached.getOrDefault(id, new TreeMap<>()),
                    commendations.getOrDefault(id, Figures.Commendations.ZERO)));
        }
        return result;
    }

    /** Commendations of these nodes in the year, from their roll-up (issue 14; a statement of its own). */
    private Map<Long, Figures.Commendations> commendations(List<OrgUnitView> nodes, int year) {
        Map<Long, Figures.Commendations> result = new HashMap<>();
        if (!nodes.isEmpty()) {
            jdbc.sql("SELECT node_id, collectives, individuals FROM rollup_commendations WHERE node_id = ANY(:ids) AND year = :year")
                    .param("ids", nodes.stream().map(OrgUnitView::id).toArray(Long[]::new)).param("year", year)
                    .query(rs -> {
                        result.put(rs.getLong(1), new Figures.Commendations(rs.getLong(2), rs.getLong(3)));
                    });
        }
        return result;
    }

    private static boolean isZero(Figures f) {
        return f.members() == 0 && f.newMembers() == 0 && f.partyMembers() == 0 && f.raised() == 0 && f.disbursed() == 0
                && f.balance() == 0 && f.titles().isEmpty() && f.reached().isEmpty()
                && f.commendations().equals(Figures.Commendations.ZERO);
    }

    /**
     * A node's dashboard: its totals, a row per child, what it holds itself beyond its children (or null), the
     * figures per group of provinces (or null) and the trend.
     */
    public record Dashboard(OrgUnitView node, List<OrgUnitView> lineage, int year, Figures total, List<Row> rows,
            Figures own, List<GroupRow> groups, List<TrendPoint> trend) {
    }

    /** One row of the children's table. */
    public record Row(OrgUnitView node, String label, Figures figures) {
    }

    public record NodeFigures(OrgUnitView node, Figures figures) {
    }

    /** The main figures of one year, for the trend chart. */
    public record TrendPoint(int year, long members, long newMembers, long partyMembers, long raised, long disbursed,
            long balance, long familiesRegistered) {
    }

    public record GroupRow(long groupId, String name, String nameEn, int provinces, Figures figures) {
    }
}
