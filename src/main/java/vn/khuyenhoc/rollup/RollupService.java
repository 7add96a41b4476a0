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

    /** A node's figures for a year, and those of each of its children. */
    public Dashboard dashboard(Scope scope, long nodeId, int year) {
        OrgUnitView node = orgUnits.get(scope, nodeId);
        List<OrgUnitView> children = childrenOf(node);
        List<Long> childIds = children.stream().map(OrgUnitView::id).toList();
        Map<Long, Figures> childFigures = figures(childIds, children, year);
        Figures total = total(node, year, childFigures);
        List<Row> rows = new ArrayList<>();
        Figures sumOfChildren = Figures.empty();
        for (OrgUnitView child : children) {
            Figures f = childFigures.get(child.id());
            rows.add(new Row(child, null, f));
            sumOfChildren = sumOfChildren.plus(f);
        }
        Figures own = total.minus(sumOfChildren);
        return new Dashboard(node, year, total, rows, isZero(own) ? null : own);
    }

    /** The country's figures for a year per group of provinces (national staff only see the country). */
    public List<GroupRow> byGroup(Scope scope, int year) {
        OrgUnitView central = orgUnits.get(scope, orgUnits.centralScope().nodeId());
        List<OrgUnitView> provinceNodes = childrenOf(central);
        Map<Long, Figures> provinces = figures(provinceNodes.stream().map(OrgUnitView::id).toList(), provinceNodes, year);
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
     * The node's main figures in each of the {@code years} years up to {@code lastYear}: one query per roll-up
     * table, grouped by year, with the stocks (members, Party members, balance) accumulated over all earlier years.
     */
    public List<TrendPoint> trend(Scope scope, long nodeId, int lastYear, int years) {
        OrgUnitView node = orgUnits.get(scope, nodeId);
        List<Long> idList = new ArrayList<>(List.of(node.id()));
        if (node.level() == 0) {
            childrenOf(node).forEach(child -> idList.add(child.id()));
        }
        Long[] ids = idList.toArray(Long[]::new);
        int firstYear = lastYear - years + 1;
        // per year: members, new members, Party members, raised, disbursed, balance, families registered
        Map<Integer, long[]> byYear = new TreeMap<>();
        for (int year = firstYear; year <= lastYear; year++) {
            byYear.put(year, new long[7]);
        }
        jdbc.sql("""
                SELECT year, sum(joined), sum(departed), sum(party_joined - party_departed)
                FROM rollup_members WHERE node_id = ANY(:ids) AND year <= :last GROUP BY year
                """).param("ids", ids).param("last", lastYear)
                .query(rs -> {
                    int year = rs.getInt(1);
                    if (year >= firstYear) {
                        byYear.get(year)[1] = rs.getLong(2);
                    }
                    accumulate(byYear, year, 0, rs.getLong(2) - rs.getLong(3));
                    accumulate(byYear, year, 2, rs.getLong(4));
                });
        jdbc.sql("""
                SELECT year, sum(raised), sum(disbursed) FROM rollup_funds
                WHERE node_id = ANY(:ids) AND year <= :last GROUP BY year
                """).param("ids", ids).param("last", lastYear)
                .query(rs -> {
                    int year = rs.getInt(1);
                    if (year >= firstYear) {
                        byYear.get(year)[3] = rs.getLong(2);
                        byYear.get(year)[4] = rs.getLong(3);
                    }
                    accumulate(byYear, year, 5, rs.getLong(2) - rs.getLong(3));
                });
        jdbc.sql("""
                SELECT year, sum(registered) FROM rollup_titles
                WHERE node_id = ANY(:ids) AND kind = 'FAMILY' AND year BETWEEN :first AND :last GROUP BY year
                """).param("ids", ids).param("first", firstYear).param("last", lastYear)
                .query(rs -> {
                    byYear.get(rs.getInt(1))[6] = rs.getLong(2);
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
            Map<Long, Figures> batchFigures = figures(batch.stream().map(OrgUnitView::id).toList(), batch, year);
            batch.forEach(node -> result.add(new NodeFigures(node, batchFigures.get(node.id()))));
        }
        return result;
    }

    /** The figures of a node of the user's scope, for a year. */
    public Figures figures(Scope scope, long nodeId, int year) {
        OrgUnitView node = orgUnits.get(scope, nodeId);
        if (node.level() > 0) {
            return total(node, year, Map.of());
        }
        List<OrgUnitView> provinces = childrenOf(node);
        return total(node, year, figures(provinces.stream().map(OrgUnitView::id).toList(), provinces, year));
    }

    private Figures total(OrgUnitView node, int year, Map<Long, Figures> provinceFigures) {
        if (node.level() > 0) {
            return figures(List.of(node.id()), List.of(node), year).get(node.id());
        }
        // the country: its provinces plus the central association's own records, with its own structure row
        Figures own = figures(List.of(node.id()), List.of(node), year).get(node.id());
        Figures sum = provinceFigures.values().stream().reduce(own, Figures::plus);
        Long population = provinceFigures.values().stream().allMatch(f -> f.population() != null)
                ? provinceFigures.values().stream().mapToLong(Figures::population).sum() : null;
        return sum.withStructure(population, own.communesWithAssociation(), own.chapters(), own.boards());
    }

    private List<OrgUnitView> childrenOf(OrgUnitView node) {
        return node.level() >= 3 ? List.of()
                : orgUnits.childViews(new Scope(node.id(), node.path(), node.level()), node.id());
    }

    /** Figures of these nodes (all of one level) from the roll-up tables: a handful of indexed queries in all. */
    private Map<Long, Figures> figures(List<Long> ids, List<OrgUnitView> nodes, int year) {
        Map<Long, long[]> members = new HashMap<>();
        Map<Long, long[]> funds = new HashMap<>();
        Map<Long, Map<TitleKind, Figures.TitleCount>> titles = new HashMap<>();
        Map<Long, Map<String, Long>> reached = new HashMap<>();
        Map<Long, long[]> structure = new HashMap<>();
        Map<Long, Long> population = new HashMap<>();
        if (!ids.isEmpty()) {
            Long[] idArray = ids.toArray(Long[]::new);
            jdbc.sql("""
                    SELECT node_id, sum(joined - departed), sum(joined) FILTER (WHERE year = :year),
                           sum(party_joined - party_departed)
                    FROM rollup_members WHERE node_id = ANY(:ids) AND year <= :year GROUP BY node_id
                    """).param("ids", idArray).param("year", year)
                    .query(rs -> {
                        members.put(rs.getLong(1), new long[] {rs.getLong(2), rs.getLong(3), rs.getLong(4)});
                    });
            jdbc.sql("""
                    SELECT node_id, sum(raised) FILTER (WHERE year = :year), sum(disbursed) FILTER (WHERE year = :year),
                           sum(raised - disbursed)
                    FROM rollup_funds WHERE node_id = ANY(:ids) AND year <= :year GROUP BY node_id
                    """).param("ids", idArray).param("year", year)
                    .query(rs -> {
                        funds.put(rs.getLong(1), new long[] {rs.getLong(2), rs.getLong(3), rs.getLong(4)});
                    });
            jdbc.sql("SELECT node_id, kind, registered, recognised FROM rollup_titles WHERE node_id = ANY(:ids) AND year = :year")
                    .param("ids", idArray).param("year", year)
                    .query(rs -> {
                        titles.computeIfAbsent(rs.getLong(1), k -> new EnumMap<>(TitleKind.class))
                                .put(TitleKind.valueOf(rs.getString(2)), new Figures.TitleCount(rs.getLong(3), rs.getLong(4)));
                    });
            jdbc.sql("SELECT node_id, category, people FROM rollup_reached WHERE node_id = ANY(:ids) AND year = :year AND people <> 0")
                    .param("ids", idArray).param("year", year)
                    .query(rs -> {
                        reached.computeIfAbsent(rs.getLong(1), k -> new TreeMap<>()).put(rs.getString(2), rs.getLong(3));
                    });
            jdbc.sql("SELECT node_id, chapters, boards, communes_with_association FROM rollup_units WHERE node_id = ANY(:ids)")
                    .param("ids", idArray)
                    .query(rs -> {
                        structure.put(rs.getLong(1), new long[] {rs.getLong(2), rs.getLong(3), rs.getLong(4)});
                    });
            jdbc.sql("SELECT node_id, population FROM node_population WHERE node_id = ANY(:ids) AND year = :year")
                    .param("ids", idArray).param("year", year)
                    .query(rs -> {
                        population.put(rs.getLong(1), rs.getLong(2));
                    });
        }
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
                    reached.getOrDefault(id, new TreeMap<>())));
        }
        return result;
    }

    private static boolean isZero(Figures f) {
        return f.members() == 0 && f.newMembers() == 0 && f.partyMembers() == 0 && f.raised() == 0 && f.disbursed() == 0
                && f.balance() == 0 && f.titles().isEmpty() && f.reached().isEmpty();
    }

    /** A node's dashboard: its totals, a row per child, and what it holds itself beyond its children (or null). */
    public record Dashboard(OrgUnitView node, int year, Figures total, List<Row> rows, Figures own) {
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
