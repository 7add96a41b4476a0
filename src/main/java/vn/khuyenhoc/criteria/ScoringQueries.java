package vn.khuyenhoc.criteria;

import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The scored evaluations (title_evaluation and its scores, V60) in SQL. */
@Component
class ScoringQueries {

    /** A stored evaluation: the set, the total, the computed and the standing result, the override's reason. */
    record StoredEvaluation(long registrationId, long setId, int total, boolean computedPassed, String computedGrade,
            boolean passed, String grade, String reason, String evaluatedBy, OffsetDateTime evaluatedAt,
            Map<Long, Integer> points) {

        public boolean overridden() {
            return reason != null;
        }
    }

    private final JdbcClient jdbc;

    ScoringQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<StoredEvaluation> find(long registrationId) {
        Map<Long, Map<Long, Integer>> points = points(List.of(registrationId));
        return jdbc.sql("SELECT * FROM title_evaluation WHERE registration_id = :id").param("id", registrationId)
                .query((rs, n) -> new StoredEvaluation(rs.getLong("registration_id"), rs.getLong("criteria_set_id"),
                        rs.getInt("total"), rs.getBoolean("computed_passed"), rs.getString("computed_grade"),
                        rs.getBoolean("passed"), rs.getString("grade"), rs.getString("override_reason"),
                        rs.getString("evaluated_by"), rs.getObject("evaluated_at", OffsetDateTime.class),
                        points.getOrDefault(registrationId, Map.of())))
                .optional();
    }

    /** The points of these registrations: registration → criterion → points. */
    Map<Long, Map<Long, Integer>> points(List<Long> registrationIds) {
        Map<Long, Map<Long, Integer>> points = new HashMap<>();
        if (registrationIds.isEmpty()) {
            return points;
        }
        jdbc.sql("SELECT registration_id, criterion_id, points FROM title_evaluation_score WHERE registration_id = ANY(:ids)")
                .param("ids", registrationIds.toArray(Long[]::new))
                .query((rs, n) -> points.computeIfAbsent(rs.getLong(1), k -> new HashMap<>()).put(rs.getLong(2), rs.getInt(3)))
                .list();
        return points;
    }

    /** Replaces the evaluation of a registration: its row and its scores. */
    void save(long registrationId, CriteriaSetView set, List<Integer> points, CriteriaSetView.Outcome computed,
            boolean passed, String grade, String reason, String by) {
        jdbc.sql("""
                INSERT INTO title_evaluation (registration_id, criteria_set_id, total, computed_passed, computed_grade,
                                              passed, grade, override_reason, evaluated_by, evaluated_at)
                VALUES (:id, :set, :total, :computedPassed, :computedGrade, :passed, :grade, :reason, :by, now())
                ON CONFLICT (registration_id) DO UPDATE
                    SET criteria_set_id = EXCLUDED.criteria_set_id, total = EXCLUDED.total,
                        computed_passed = EXCLUDED.computed_passed, computed_grade = EXCLUDED.computed_grade,
                        passed = EXCLUDED.passed, grade = EXCLUDED.grade, override_reason = EXCLUDED.override_reason,
                        evaluated_by = EXCLUDED.evaluated_by, evaluated_at = EXCLUDED.evaluated_at
                """)
                .param("id", registrationId).param("set", set.id()).param("total", computed.total())
                .param("computedPassed", computed.passed()).param("computedGrade", computed.grade())
                .param("passed", passed).param("grade", grade).param("reason", reason).param("by", by)
                .update();
        jdbc.sql("DELETE FROM title_evaluation_score WHERE registration_id = :id").param("id", registrationId).update();
        for (int i = 0; i < points.size(); i++) {
            jdbc.sql("INSERT INTO title_evaluation_score (registration_id, criterion_id, points) VALUES (:id, :c, :p)")
                    .param("id", registrationId).param("c", set.criteria().get(i).id()).param("p", points.get(i))
                    .update();
        }
    }

    /** The standing grade of each of these registrations that has one (for certificates). */
    Map<Long, String> grades(List<Long> registrationIds) {
        Map<Long, String> grades = new HashMap<>();
        if (registrationIds.isEmpty()) {
            return grades;
        }
        jdbc.sql("SELECT registration_id, grade FROM title_evaluation WHERE registration_id = ANY(:ids) AND grade IS NOT NULL")
                .param("ids", registrationIds.toArray(Long[]::new))
                .query((rs, n) -> grades.put(rs.getLong(1), rs.getString(2))).list();
        return grades;
    }
}
