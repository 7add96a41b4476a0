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

import vn.khuyenhoc.fund.FundCategory;
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
    private final ShareReader shares;

    RollupService(JdbcClient jdbc, OrgUnitService orgUnits, ProvinceGroupService groups, ShareReader shares) {
        this.jdbc = jdbc;
        this.orgUnits = orgUnits;
        this.groups = groups;
        this.shares = shares;
    }

    /** A node's dashboard for a year (see {@link #dashboard(Scope, long, Period, int, boolean)}). */
    public Dashboard dashboard(Scope scope, long nodeId, int year, int trendYears, boolean withGroups) {
        return dashboard(scope, nodeId, Period.year(year), trendYears, withGroups);
    }

    /**
     * A node's dashboard for a period, read in one transaction with two statements over the roll-up tables (one for
     * the figures of the node and its children, one for the trend): its totals, a row per child, what it holds
     * itself beyond its children, the yearly trend of {@code trendYears} years up to the period's last year and,
     * for the country when asked, the figures per group of provinces.
     */
    public Dashboard dashboard(Scope scope, long nodeId, Period period, int trendYears, boolean withGroups) {
        OrgUnitView node = orgUnits.get(scope, nodeId);
        List<OrgUnitView> children = childrenOf(node);
        List<OrgUnitView> nodes = new ArrayList<>(children.size() + 1);
        nodes.add(node);
        nodes.addAll(children);
        Map<Long, Figures> figures = figures(nodes, period);
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
        List<TrendPoint> trend = trend(node.level() == 0 ? nodes : List.of(node), period.to(), trendYears);
        return new Dashboard(node, orgUnits.lineage(node), period, total, rows, isZero(own) ? null : own, groupRows,
                trend);
    }

    /** The figures per group of provinces, from the provinces' figures (read by {@link #figuresAtLevel}). */
    public List<GroupRow> groupFigures(List<NodeFigures> provinces) {
        Map<Long, Figures> byId = new LinkedHashMap<>();
        provinces.forEach(p -> byId.put(p.node().id(), p.figures()));
        return byGroup(byId);
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
        return figuresAtLevel(scope, rootId, level, Period.year(year));
    }

    /** {@link #figuresAtLevel(Scope, long, int, int)} for a period. */
    public List<NodeFigures> figuresAtLevel(Scope scope, long rootId, int level, Period year) {
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
        return figures(scope, nodeId, Period.year(year));
    }

    /** The figures of a node of the user's scope, for a period. */
    public Figures figures(Scope scope, long nodeId, Period year) {
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

    /**
     * Figures of these nodes for a period from the roll-up tables, in one statement over the seven tables, by index.
     * Flows are the rows of the halves from the period's first (year, 1) to its last (year, half); stocks the rows
     * of every half up to its last; a grassroots unit counts as a chapter or board when it stood at the period's end.
     */
    private Map<Long, Figures> figures(List<OrgUnitView> nodes, Period period) {
        Map<Long, long[]> members = new HashMap<>();
        Map<Long, long[]> funds = new HashMap<>();
        Map<Long, Map<TitleKind, Figures.TitleCount>> titles = new HashMap<>();
        Map<Long, Map<String, Long>> reached = new HashMap<>();
        Map<Long, Map<FundCategory, Money.Total>> money = new HashMap<>();
        Map<Long, long[]> structure = new HashMap<>();
        Map<Long, Long> population = new HashMap<>();
        if (!nodes.isEmpty()) {
            jdbc.sql("""
                    SELECT 'M', node_id, NULL, sum(joined - departed), sum(joined) FILTER (WHERE year >= :from),
                           sum(party_joined - party_departed)
                    FROM rollup_members WHERE node_id = ANY(:ids) AND (year, half) <= (:to, :half) GROUP BY node_id
                    UNION ALL
                    SELECT 'F', node_id, NULL, sum(raised) FILTER (WHERE year >= :from),
                           sum(disbursed) FILTER (WHERE year >= :from), sum(raised - disbursed)
                    FROM rollup_funds WHERE node_id = ANY(:ids) AND (year, half) <= (:to, :half) GROUP BY node_id
                    UNION ALL
                    SELECT 'T', node_id, kind, sum(registered), sum(recognised), NULL
                    FROM rollup_titles WHERE node_id = ANY(:ids) AND year >= :from AND (year, half) <= (:to, :half)
                    GROUP BY node_id, kind
                    UNION ALL
                    SELECT 'K', node_id, category, sum(amount), sum(people), NULL
                    FROM rollup_money WHERE node_id = ANY(:ids) AND year >= :from AND (year, half) <= (:to, :half)
                    GROUP BY node_id, category
                    UNION ALL
                    SELECT 'S', node_id, NULL, sum(chapters), sum(boards), sum(communes)
                    FROM rollup_unit_flows WHERE node_id = ANY(:ids) AND (year, half) <= (:to, :half) GROUP BY node_id
                    UNION ALL
                    SELECT 'U', id, kind, CASE WHEN founded_on <= :end AND (dissolved_on IS NULL OR dissolved_on > :end)
                                               THEN 1 ELSE 0 END, NULL, NULL
                    FROM org_unit WHERE id = ANY(:ids) AND level = 3
                    UNION ALL
                    SELECT 'P', node_id, NULL, population, NULL, NULL
                    FROM node_population WHERE node_id = ANY(:ids) AND year = :to
                    """).param("ids", nodes.stream().map(OrgUnitView::id).toArray(Long[]::new))
                    .param("from", period.from()).param("to", period.to()).param("half", period.lastHalf())
                    .param("end", period.end())
                    .query(rs -> {
                        long id = rs.getLong(2);
                        switch (rs.getString(1)) {
                            case "M" -> members.put(id, new long[] {rs.getLong(4), rs.getLong(5), rs.getLong(6)});
                            case "F" -> funds.put(id, new long[] {rs.getLong(4), rs.getLong(5), rs.getLong(6)});
                            case "T" -> titles.computeIfAbsent(id, k -> new EnumMap<>(TitleKind.class))
                                    .put(TitleKind.valueOf(rs.getString(3)), new Figures.TitleCount(rs.getLong(4), rs.getLong(5)));
                            case "K" -> {
                                long amount = rs.getLong(4);
                                long people = rs.getLong(5);
                                if (people != 0) {
                                    reached.computeIfAbsent(id, k -> new TreeMap<>()).put(rs.getString(3), people);
                                }
                                if (amount != 0 || people != 0) {
                                    money.computeIfAbsent(id, k -> new EnumMap<>(FundCategory.class))
                                            .put(FundCategory.valueOf(rs.getString(3)), new Money.Total(amount, people));
                                }
                            }
                            case "S" -> structure.put(id, new long[] {rs.getLong(4), rs.getLong(5), rs.getLong(6)});
                            case "U" -> { // a grassroots unit counts as one chapter or board while it stands
                                boolean stands = rs.getInt(4) == 1;
                                boolean chapter = OrgUnitKind.CHAPTER.name().equals(rs.getString(3));
                                structure.put(id, new long[] {stands && chapter ? 1 : 0, stands && !chapter ? 1 : 0, 0});
                            }
                            default -> population.put(id, rs.getLong(4));
                        }
                    });
        }
        // centres' figures are yearly: a half-year or a span shows those of its last year
        Map<Long, CentreFigures> centres = CentreFigures.read(jdbc, nodes.stream().map(OrgUnitView::id).toArray(Long[]::new), period.to());
        // shares are yearly: a half-year or a span shows those of its last year
        Map<Long, Shares> nodeShares = shares.read(nodes, period.to()); // issue 11: one more statement, whatever the nodes
        Map<Long, Figures.Commendations> commendations = commendations(nodes, period);
        Map<Long, Figures> result = new LinkedHashMap<>();
        for (OrgUnitView node : nodes) {
            long id = node.id();
            long[] m = members.getOrDefault(id, new long[3]);
            long[] f = funds.getOrDefault(id, new long[3]);
            long[] s = structure.getOrDefault(id, new long[3]);
            result.put(id, new Figures(population.get(id), s[2], s[0], s[1], m[0], m[1], m[2],
                    titles.getOrDefault(id, new EnumMap<>(TitleKind.class)), f[0], f[1], f[2],
                    reached.getOrDefault(id, new TreeMap<>()), new Money(money.getOrDefault(id, Map.of())),
                    centres.getOrDefault(id, CentreFigures.ZERO), nodeShares.getOrDefault(id, Shares.EMPTY),
                    commendations.getOrDefault(id, Figures.Commendations.ZERO)));
        }
        return result;
    }

    /**
     * Commendations of these nodes, from their roll-up (issue 14; a statement of its own): those of the period's
     * years (a commendation is yearly, so a half-year shows its year's).
     */
    private Map<Long, Figures.Commendations> commendations(List<OrgUnitView> nodes, Period period) {
        Map<Long, Figures.Commendations> result = new HashMap<>();
        if (!nodes.isEmpty()) {
            jdbc.sql("""
                    SELECT node_id, sum(collectives), sum(individuals) FROM rollup_commendations
                    WHERE node_id = ANY(:ids) AND year BETWEEN :from AND :to GROUP BY node_id""")
                    .param("ids", nodes.stream().map(OrgUnitView::id).toArray(Long[]::new))
                    .param("from", period.from()).param("to", period.to())
                    .query(rs -> {
                        result.put(rs.getLong(1), new Figures.Commendations(rs.getLong(2), rs.getLong(3)));
                    });
        }
        return result;
    }

    private static boolean isZero(Figures f) {
        return f.members() == 0 && f.newMembers() == 0 && f.partyMembers() == 0 && f.raised() == 0 && f.disbursed() == 0
                && f.balance() == 0 && f.titles().isEmpty() && f.reached().isEmpty() && f.centres().isZero()
                && f.commendations().equals(Figures.Commendations.ZERO);
    }

    /**
     * A node's dashboard: its totals, a row per child, what it holds itself beyond its children (or null), the
     * figures per group of provinces (or null) and the trend.
     */
    public record Dashboard(OrgUnitView node, List<OrgUnitView> lineage, Period period, Figures total, List<Row> rows,
            Figures own, List<GroupRow> groups, List<TrendPoint> trend) {

        /** A dashboard of a year. */
        public Dashboard(OrgUnitView node, List<OrgUnitView> lineage, int year, Figures total, List<Row> rows,
                Figures own, List<GroupRow> groups, List<TrendPoint> trend) {
            this(node, lineage, Period.year(year), total, rows, own, groups, trend);
        }

        /** The period's last year. */
        public int year() {
            return period.to();
        }
    }

    /** One row of the children's table. */
    public record Row(OrgUnitView node, String label, Figures figures) {
    }

    /** A node and its figures (null where an export shows none: the communes of an export of approved figures). */
    public record NodeFigures(OrgUnitView node, Figures figures) {
    }

    /** The main figures of one year, for the trend chart. */
    public record TrendPoint(int year, long members, long newMembers, long partyMembers, long raised, long disbursed,
            long balance, long familiesRegistered) {
    }

    public record GroupRow(long groupId, String name, String nameEn, int provinces, Figures figures) {
    }
}
