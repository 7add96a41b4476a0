package vn.khuyenhoc.criteria;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One version of a criteria set as pages and other features see it, and the rule that turns points into a result:
 * recognised when the total reaches {@code minTotal} and no criterion is under its own minimum; the grade is the
 * highest one whose minimum the total reaches (grades only for a recognised result).
 *
 * @param kind     the title kind's name (a {@code registration.TitleKind})
 * @param toYear   the last year it applies to, or null for "on"
 * @param minTotal null while national staff have not set it (the set is then incomplete)
 * @param used     whether an evaluation used this version (it can then never change)
 * @param current  whether this is the newest version of its kind and from-year
 */
public record CriteriaSetView(long id, String kind, int fromYear, Integer toYear, int version, String name,
        String source, Integer minTotal, List<Criterion> criteria, List<Grade> grades, OffsetDateTime createdAt,
        String createdBy, boolean used, boolean current) {

    /** A criterion; {@code maxPoints} null while not known. */
    public record Criterion(long id, int position, String group, String name, String nameEn, Integer maxPoints,
            Integer minPoints) {

        public String label(Locale locale) {
            return "en".equals(locale.getLanguage()) && nameEn != null && !nameEn.isBlank() ? nameEn : name;
        }
    }

    /** A grade from {@code minTotal} up to the next grade's minimum. */
    public record Grade(int position, String name, String nameEn, int minTotal) {

        public String label(Locale locale) {
            return "en".equals(locale.getLanguage()) && nameEn != null && !nameEn.isBlank() ? nameEn : name;
        }
    }

    /** What the rule gives for a set of points: the total, whether recognised, and the grade (or null). */
    public record Outcome(int total, boolean passed, String grade) {
    }

    /** Every criterion has its maximum and the rule its minimum total: the set can score. */
    public boolean complete() {
        return minTotal != null && criteria.stream().allMatch(c -> c.maxPoints() != null);
    }

    public int maxTotal() {
        return criteria.stream().mapToInt(c -> c.maxPoints() == null ? 0 : c.maxPoints()).sum();
    }

    /** The criteria by group, in order (a criterion without a group makes a group of its own, named null). */
    public List<Map.Entry<String, List<Criterion>>> groups() {
        List<Map.Entry<String, List<Criterion>>> groups = new ArrayList<>();
        for (Criterion c : criteria) {
            if (groups.isEmpty() || c.group() == null || !c.group().equals(groups.get(groups.size() - 1).getKey())) {
                groups.add(Map.entry(c.group() == null ? "" : c.group(), new ArrayList<>()));
            }
            groups.get(groups.size() - 1).getValue().add(c);
        }
        return groups;
    }

    /** The rule applied to one point value per criterion, in order (the caller has checked each is in range). */
    public Outcome score(List<Integer> points) {
        if (!complete() || points.size() != criteria.size()) {
            throw new IllegalArgumentException("Cannot score " + points + " with set " + id);
        }
        int total = 0;
        boolean eachEnough = true;
        for (int i = 0; i < criteria.size(); i++) {
            int p = points.get(i);
            total += p;
            Integer min = criteria.get(i).minPoints();
            if (min != null && p < min) {
                eachEnough = false;
            }
        }
        boolean passed = eachEnough && total >= minTotal;
        return new Outcome(total, passed, passed ? gradeOf(total) : null);
    }

    /** The name of the highest grade the total reaches, or null. */
    public String gradeOf(int total) {
        String grade = null;
        int best = -1;
        for (Grade g : grades) {
            if (total >= g.minTotal() && g.minTotal() > best) {
                grade = g.name();
                best = g.minTotal();
            }
        }
        return grade;
    }

    /** The grade of this name shown in the locale (grades are stored by their Vietnamese name). */
    public String gradeLabel(String grade, Locale locale) {
        if (grade == null) {
            return null;
        }
        return grades.stream().filter(g -> g.name().equals(grade)).findFirst().map(g -> g.label(locale)).orElse(grade);
    }

    /** The years it applies to, "2021–" or "2014–2022". */
    public String years() {
        return fromYear + "–" + (toYear == null ? "" : toYear);
    }

    /** For the scoring script: each grade's minimum → its label. */
    public Map<Integer, String> gradeBands(Locale locale) {
        Map<Integer, String> bands = new LinkedHashMap<>();
        grades.stream().sorted((a, b) -> Integer.compare(a.minTotal(), b.minTotal()))
                .forEach(g -> bands.put(g.minTotal(), g.label(locale)));
        return bands;
    }
}
