package vn.khuyenhoc.criteria;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import jakarta.validation.constraints.Size;

/**
 * The scores of one registration as typed on a phone: one text per criterion, in the set's order (numbers come as
 * text so that anything typed gets a message, never a failed binding), an optional override of the result with its
 * written reason, and the decision that recognises it when the result is "recognised".
 *
 * @param override "" to keep the computed result, PASS or FAIL to override it
 * @param grade    the grade when overriding (one of the set's), "" for none
 */
public record ScoreForm(
        List<String> points,
        String override,
        String grade,
        @Size(max = 1000, message = "{scores.reason.size}") String reason,
        @Size(max = 50, message = "{evaluation.decisionNumber.size}") String decisionNumber,
        String decisionDate,
        Long version) {

    private static final List<DateTimeFormatter> DATES = Stream.of("uuuu-M-d", "d/M/uuuu", "d-M-uuuu", "d.M.uuuu")
            .map(p -> DateTimeFormatter.ofPattern(p).withResolverStyle(ResolverStyle.STRICT)).toList();

    /** A form with the stored scores (or blanks), the stored override and the registration's decision. */
    static ScoreForm of(CriteriaSetView set, ScoringQueries.StoredEvaluation stored, String decisionNumber,
            LocalDate decisionDate, long version) {
        List<String> points = new ArrayList<>();
        for (CriteriaSetView.Criterion c : set.criteria()) {
            Integer p = stored == null ? null : stored.points().get(c.id());
            points.add(p == null ? "" : p.toString());
        }
        boolean overridden = stored != null && stored.reason() != null;
        return new ScoreForm(points, overridden ? (stored.passed() ? "PASS" : "FAIL") : "",
                overridden && stored.grade() != null ? stored.grade() : "", overridden ? stored.reason() : "",
                decisionNumber == null ? "" : decisionNumber, decisionDate == null ? "" : decisionDate.toString(),
                version);
    }

    /** The typed point of criterion {@code i}, or "". */
    public String pointAt(int i) {
        return points == null || i >= points.size() || points.get(i) == null ? "" : points.get(i).strip();
    }

    /**
     * What is wrong with each criterion's points (index → message code and arguments): missing, not a whole number,
     * negative or over the maximum. Empty when every point is a whole number between 0 and its maximum.
     */
    Map<Integer, Problem> problems(CriteriaSetView set) {
        Map<Integer, Problem> problems = new LinkedHashMap<>();
        for (int i = 0; i < set.criteria().size(); i++) {
            CriteriaSetView.Criterion c = set.criteria().get(i);
            String typed = pointAt(i);
            if (typed.isEmpty()) {
                problems.put(i, new Problem("scores.points.required", c.position()));
            }
            else if (typed.matches("-\\d+")) {
                problems.put(i, new Problem("scores.points.negative", c.position()));
            }
            else if (CriteriaForm.parse(typed) == null) {
                problems.put(i, new Problem("scores.points.number", c.position()));
            }
            else if (CriteriaForm.parse(typed) > c.maxPoints()) {
                problems.put(i, new Problem("scores.points.overMax", c.position(), c.maxPoints()));
            }
        }
        return problems;
    }

    /** The points as numbers (call when {@link #problems} is empty). */
    List<Integer> pointValues(CriteriaSetView set) {
        List<Integer> values = new ArrayList<>();
        for (int i = 0; i < set.criteria().size(); i++) {
            values.add(CriteriaForm.parse(pointAt(i)));
        }
        return values;
    }

    /** The decision date, or null when blank or not a real date. */
    LocalDate decisionDateValue() {
        return dateOf(decisionDate);
    }

    /** A date as typed (2025-12-15 from a date picker, or 15/12/2025), or null when blank or not a real date. */
    static LocalDate dateOf(String typed) {
        if (typed == null || typed.isBlank()) {
            return null;
        }
        for (DateTimeFormatter format : DATES) {
            try {
                return LocalDate.parse(typed.strip(), format);
            }
            catch (DateTimeParseException ex) {
                // try the next way of writing it
            }
        }
        return null;
    }

    /** A message about one criterion's points. */
    record Problem(String code, Object... args) {
    }
}
