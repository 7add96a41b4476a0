package vn.khuyenhoc.criteria;

import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The criteria sets and scored evaluations in SQL (V60): reads and the inserts of a new version. */
@Component
class CriteriaQueries {

    private static final String SET_COLUMNS = """
            s.id, s.kind, s.from_year, s.to_year, s.version, s.name, s.source, s.min_total, s.created_at, s.created_by,
            EXISTS (SELECT 1 FROM title_evaluation e WHERE e.criteria_set_id = s.id) AS used,
            s.version = (SELECT max(o.version) FROM criteria_set o WHERE o.kind = s.kind AND o.from_year = s.from_year)
                AS current
            """;

    private final JdbcClient jdbc;

    CriteriaQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Every version of every set, by kind, from-year and newest version first. */
    List<CriteriaSetView> all() {
        return withParts(jdbc.sql("SELECT " + SET_COLUMNS + " FROM criteria_set s ORDER BY s.kind, s.from_year DESC, s.version DESC")
                .query((rs, n) -> header(rs)).list());
    }

    Optional<CriteriaSetView> get(long id) {
        return withParts(jdbc.sql("SELECT " + SET_COLUMNS + " FROM criteria_set s WHERE s.id = :id").param("id", id)
                .query((rs, n) -> header(rs)).list()).stream().findFirst();
    }

    /**
     * The set in force for a kind and year: the newest version of each (kind, from-year), then the one with the
     * latest from-year whose years hold the year.
     */
    Optional<CriteriaSetView> inForce(String kind, int year) {
        return withParts(jdbc.sql("""
                WITH newest AS (
                    SELECT DISTINCT ON (s.from_year) s.* FROM criteria_set s WHERE s.kind = :kind
                    ORDER BY s.from_year, s.version DESC)
                SELECT %s FROM newest s
                WHERE s.from_year <= :year AND (s.to_year IS NULL OR s.to_year >= :year)
                ORDER BY s.from_year DESC LIMIT 1
                """.formatted(SET_COLUMNS))
                .param("kind", kind).param("year", year)
                .query((rs, n) -> header(rs)).list()).stream().findFirst();
    }

    int nextVersion(String kind, int fromYear) {
        return jdbc.sql("SELECT coalesce(max(version), 0) + 1 FROM criteria_set WHERE kind = :kind AND from_year = :from")
                .param("kind", kind).param("from", fromYear).query(Integer.class).single();
    }

    long insert(CriteriaCommand c, int version, String by) {
        long id = jdbc.sql("""
                INSERT INTO criteria_set (kind, from_year, to_year, version, name, source, min_total, created_by)
                VALUES (:kind, :from, :to, :version, :name, :source, :min, :by) RETURNING id
                """)
                .param("kind", c.kind()).param("from", c.fromYear()).param("to", c.toYear()).param("version", version)
                .param("name", c.name()).param("source", c.source()).param("min", c.minTotal()).param("by", by)
                .query(Long.class).single();
        int position = 1;
        for (CriteriaCommand.Line line : c.criteria()) {
            jdbc.sql("""
                    INSERT INTO criterion (set_id, position, group_name, name, name_en, max_points, min_points)
                    VALUES (:set, :position, :group, :name, :nameEn, :max, :min)
                    """)
                    .param("set", id).param("position", position++).param("group", line.group())
                    .param("name", line.name()).param("nameEn", line.nameEn()).param("max", line.maxPoints())
                    .param("min", line.minPoints()).update();
        }
        position = 1;
        for (CriteriaCommand.GradeLine grade : c.grades()) {
            jdbc.sql("""
                    INSERT INTO criteria_grade (set_id, position, name, name_en, min_total)
                    VALUES (:set, :position, :name, :nameEn, :min)
                    """)
                    .param("set", id).param("position", position++).param("name", grade.name())
                    .param("nameEn", grade.nameEn()).param("min", grade.minTotal()).update();
        }
        return id;
    }

    private static CriteriaSetView header(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new CriteriaSetView(rs.getLong("id"), rs.getString("kind"), rs.getInt("from_year"),
                (Integer) rs.getObject("to_year", Integer.class), rs.getInt("version"), rs.getString("name"),
                rs.getString("source"), (Integer) rs.getObject("min_total", Integer.class), List.of(), List.of(),
                rs.getObject("created_at", OffsetDateTime.class), rs.getString("created_by"), rs.getBoolean("used"),
                rs.getBoolean("current"));
    }

    /** The sets with their criteria and grades (two statements for all of them). */
    private List<CriteriaSetView> withParts(List<CriteriaSetView> sets) {
        if (sets.isEmpty()) {
            return sets;
        }
        Long[] ids = sets.stream().map(CriteriaSetView::id).toArray(Long[]::new);
        Map<Long, List<CriteriaSetView.Criterion>> criteria = new HashMap<>();
        jdbc.sql("""
                SELECT set_id, id, position, group_name, name, name_en, max_points, min_points
                FROM criterion WHERE set_id = ANY(:ids) ORDER BY set_id, position
                """).param("ids", ids)
                .query((rs, n) -> {
                    criteria.computeIfAbsent(rs.getLong("set_id"), k -> new java.util.ArrayList<>())
                            .add(new CriteriaSetView.Criterion(rs.getLong("id"), rs.getInt("position"),
                                    rs.getString("group_name"), rs.getString("name"), rs.getString("name_en"),
                                    (Integer) rs.getObject("max_points", Integer.class),
                                    (Integer) rs.getObject("min_points", Integer.class)));
                    return 1;
                }).list();
        Map<Long, List<CriteriaSetView.Grade>> grades = new HashMap<>();
        jdbc.sql("""
                SELECT set_id, position, name, name_en, min_total FROM criteria_grade
                WHERE set_id = ANY(:ids) ORDER BY set_id, min_total
                """).param("ids", ids)
                .query((rs, n) -> {
                    grades.computeIfAbsent(rs.getLong("set_id"), k -> new java.util.ArrayList<>())
                            .add(new CriteriaSetView.Grade(rs.getInt("position"), rs.getString("name"),
                                    rs.getString("name_en"), rs.getInt("min_total")));
                    return 1;
                }).list();
        return sets.stream().map(s -> new CriteriaSetView(s.id(), s.kind(), s.fromYear(), s.toYear(), s.version(),
                s.name(), s.source(), s.minTotal(), criteria.getOrDefault(s.id(), List.of()),
                grades.getOrDefault(s.id(), List.of()), s.createdAt(), s.createdBy(), s.used(), s.current())).toList();
    }
}
