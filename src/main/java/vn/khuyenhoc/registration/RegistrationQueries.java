package vn.khuyenhoc.registration;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import vn.khuyenhoc.shared.Keyset;
import vn.khuyenhoc.shared.KeysetPage;

/**
 * The read side: lists in SQL, each on an index of title_registration, and counts from its roll-up. Callers have
 * resolved the node through the scope check already; {@code column} is one of the fixed names below, never user input.
 */
@Component
class RegistrationQueries {

    /** Whose registrations a list shows: a node's own (a grassroots unit's, a commune's), or those a node recognises. */
    enum Owner {
        NODE("r.node_id"),
        /** The registrations a node recognises (its evaluation). */
        RECOGNISER("r.recognising_node_id");

        private final String column;

        Owner(String column) {
            this.column = column;
        }

        String where() {
            return column + " = :owner";
        }
    }

    /**
     * A kind's place in the kinds' usual order, the first key of both orders below. Written exactly as V66's index
     * writes it, or that index would not serve the evaluation list.
     */
    private static final String KIND_POSITION =
            "array_position(ARRAY['FAMILY', 'CLAN', 'COMMUNITY', 'UNIT', 'CITIZEN', 'COMMUNE', 'PROVINCE']::varchar[], r.kind)";

    /**
     * The lists' order: by kind, then registering node, then subject, all ascending and ending in the id, so that a
     * page goes on from a registration's own keys ({@link Keyset}).
     */
    private static final Keyset.Order LIST_ORDER = Keyset.Order.ascending(KIND_POSITION,
            "title_fold(n.name)", "title_fold(r.subject_name)", "r.id");
    /**
     * The year-end evaluation list's order: by kind, then subject, then id, served by V66's index on
     * (recognising_node_id, year, these keys) over the live registrations, so that a page of the largest commune's
     * list is one index range rather than a sort of its whole year (the registering unit is a filter and a column).
     */
    private static final Keyset.Order EVALUATION_ORDER = Keyset.Order.ascending(KIND_POSITION,
            "title_fold(r.subject_name)", "r.id");
    private static final String ORDER = " ORDER BY " + LIST_ORDER.orderBy(false);
    private static final String SELECT_VIEW = """
            SELECT r.*, n.name AS node_name
            FROM title_registration r JOIN org_unit n ON n.id = r.node_id
            """;

    private final JdbcClient jdbc;

    RegistrationQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Registered and recognised per kind of the registrations of a year rolled up at these nodes (a grassroots unit's
     * own; a commune's or province's subtree; the country's, through its provinces: {@code OrgUnitService#rollupNodes}):
     * the year's two halves of rollup_titles, which the registrations' own trigger keeps in the same transaction, so
     * the counts are exact (RollupExactnessTest) and cost a few index rows, where counting the largest commune's
     * 9,000 registrations of the year took most of its page's database time. See {@link TitleCounts}.
     */
    List<TitleCounts.KindCount> counts(Long[] rollupNodes, int year) {
        return jdbc.sql("""
                SELECT r.kind, sum(r.registered) AS registered, sum(r.recognised) AS recognised
                FROM rollup_titles r
                WHERE r.node_id = ANY(:nodes) AND r.year = :year
                GROUP BY r.kind
                """)
                .param("nodes", rollupNodes).param("year", year)
                .query((rs, n) -> new TitleCounts.KindCount(TitleKind.valueOf(rs.getString("kind")),
                        rs.getLong("registered"), rs.getLong("recognised")))
                .list();
    }

    /**
     * A page of the registrations of an owner and year, withdrawn ones only when the filter asks for them
     * (or, with {@code includeWithdrawn}, when it names no status), paged by keyset on the lists' order from the
     * registration the filter's cursor names: one of the owner's registrations of that year, or the first page. An
     * owner's registrations of a year are a node's own or those a commune, a province or the country recognises (a
     * commune's subtree at most), so their count is read, up to {@link Keyset#COUNT_LIMIT}.
     */
    KeysetPage<RegistrationView> page(Owner owner, long ownerId, RegistrationFilter filter, boolean includeWithdrawn,
            int size) {
        boolean evaluation = owner == Owner.RECOGNISER;
        Keyset.Order order = evaluation ? EVALUATION_ORDER : LIST_ORDER;
        String where = """
                WHERE %s AND r.year = :year%s
                  AND (CAST(:kind AS varchar) IS NULL OR r.kind = :kind)
                  AND (CAST(:node AS bigint) IS NULL OR r.node_id = :node)
                  AND (CASE WHEN CAST(:status AS varchar) IS NULL THEN (:withdrawn OR r.status <> 'WITHDRAWN')
                            ELSE r.status = :status END)
                """.formatted(owner.where(), evaluation ? " AND r.status <> 'WITHDRAWN'" : "");
        Map<String, Object> params = new HashMap<>();
        params.put("owner", ownerId);
        params.put("year", filter.year());
        params.put("kind", filter.kind() == null ? null : filter.kind().name());
        params.put("node", filter.nodeId());
        params.put("status", filter.status() == null ? null : filter.status().name());
        params.put("withdrawn", includeWithdrawn);
        return Keyset.page(filter.cursor(),
                id -> jdbc.sql("SELECT " + order.columns() + """
                         FROM title_registration r JOIN org_unit n ON n.id = r.node_id
                        WHERE r.id = :cursor AND %s AND r.year = :year
                        """.formatted(owner.where()))
                        .param("cursor", id).param("owner", ownerId).param("year", filter.year())
                        .query((rs, n) -> order.read(rs)).optional(),
                (from, backwards, limit) -> jdbc.sql(SELECT_VIEW + where
                                + (from == null ? "" : " AND " + order.after(backwards))
                                + " ORDER BY " + order.orderBy(backwards) + " LIMIT :limit")
                        .params(params).params(from == null ? Map.of() : order.params(from)).param("limit", limit)
                        .query(RegistrationQueries::view).list(),
                size, RegistrationView::id)
                .countedUpTo(() -> jdbc.sql("SELECT count(*) FROM (SELECT 1 FROM title_registration r " + where
                        + " LIMIT :cap) c").params(params).param("cap", Keyset.COUNT_LIMIT + 1).query(Long.class).single());
    }

    /** Every live registration of a kind and year that a node recognises, in list order (at most a few thousand). */
    List<RegistrationView> all(long recognisingNodeId, int year, TitleKind kind) {
        return jdbc.sql(SELECT_VIEW + """
                WHERE r.recognising_node_id = :owner AND r.year = :year AND r.kind = :kind AND r.status <> 'WITHDRAWN'
                """ + ORDER)
                .param("owner", recognisingNodeId).param("year", year).param("kind", kind.name())
                .query(RegistrationQueries::view).list();
    }

    /** The registrations one decision of a node recognised, in list order. */
    List<RegistrationView> recognisedBy(long recognisingNodeId, String decisionNumber) {
        return jdbc.sql(SELECT_VIEW + """
                WHERE r.recognising_node_id = :owner AND r.status = 'RECOGNISED' AND r.decision_number = :decision
                """ + ORDER)
                .param("owner", recognisingNodeId).param("decision", decisionNumber)
                .query(RegistrationQueries::view).list();
    }

    /** A node's recognition decisions of a year (by the registrations' year), newest first. */
    List<EvaluationService.Decision> decisions(long recognisingNodeId, int year) {
        return jdbc.sql("""
                SELECT r.decision_number, max(r.decision_date) AS decision_date, count(*) AS recognised
                FROM title_registration r
                WHERE r.recognising_node_id = :owner AND r.year = :year AND r.status = 'RECOGNISED'
                GROUP BY r.decision_number
                ORDER BY max(r.decision_date) DESC, r.decision_number
                """)
                .param("owner", recognisingNodeId).param("year", year)
                .query((rs, n) -> new EvaluationService.Decision(rs.getString(1), rs.getObject(2, LocalDate.class),
                        rs.getLong(3)))
                .list();
    }

    /**
     * Whether another live registration of the same subject exists (the rule of the unique indexes of
     * V6__title_registrations.sql: per commune, citizens per registering node), for a message before the index
     * would refuse the insert.
     */
    boolean duplicateExists(TitleKind kind, int year, long nodeId, long communeId, Subject subject, Long exceptId) {
        String owner = kind == TitleKind.CITIZEN
                ? "node_id = :node AND kind = 'CITIZEN'"
                : "commune_id = :commune AND kind = :kind AND kind <> 'CITIZEN'";
        return jdbc.sql("""
                SELECT EXISTS (
                    SELECT 1 FROM title_registration
                    WHERE %s AND year = :year AND status <> 'WITHDRAWN' AND id <> :except
                      AND title_subject_key(kind, subject_name, address, birth_year)
                          = title_subject_key(CAST(:kind AS varchar), CAST(:name AS varchar),
                                              CAST(:address AS varchar), CAST(:birthYear AS smallint)))
                """.formatted(owner))
                .param("node", nodeId).param("commune", communeId).param("kind", kind.name())
                .param("year", year).param("except", exceptId == null ? -1L : exceptId)
                .param("name", subject.name()).param("address", subject.address())
                .param("birthYear", subject.birthYear())
                .query(Boolean.class).single();
    }

    private static RegistrationView view(ResultSet rs, int n) throws SQLException {
        Subject subject = new Subject(rs.getString("subject_name"), rs.getString("address"),
                (Integer) rs.getObject("household_size", Integer.class), rs.getString("representative"),
                rs.getString("unit_type") == null ? null : UnitType.valueOf(rs.getString("unit_type")),
                (Integer) rs.getObject("birth_year", Integer.class));
        String level = rs.getString("recognising_level");
        return new RegistrationView(rs.getLong("id"), rs.getLong("province_id"), rs.getLong("commune_id"),
                rs.getLong("recognising_node_id"), rs.getLong("node_id"), rs.getString("node_name"), rs.getInt("year"),
                TitleKind.valueOf(rs.getString("kind")), subject, (Long) rs.getObject("member_id", Long.class),
                RegistrationStatus.valueOf(rs.getString("status")), rs.getString("decision_number"),
                rs.getObject("decision_date", LocalDate.class),
                level == null ? null : RecognisingLevel.valueOf(level),
                rs.getObject("evaluated_at", OffsetDateTime.class), rs.getString("evaluated_by"),
                rs.getObject("created_at", OffsetDateTime.class), rs.getString("created_by"),
                rs.getObject("updated_at", OffsetDateTime.class), rs.getLong("version"));
    }
}
