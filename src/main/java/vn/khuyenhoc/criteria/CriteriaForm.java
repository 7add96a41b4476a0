package vn.khuyenhoc.criteria;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import vn.khuyenhoc.registration.TitleKind;
import vn.khuyenhoc.shared.RuleViolationException;
import vn.khuyenhoc.shared.Text;

/**
 * The page that writes a new version of a criteria set: the set's fields as typed, and its criteria and grades
 * as parallel lists, one entry per row of the page (rows left wholly blank are skipped). Every number comes as
 * text, so that "abc", "1e400" or twenty digits get a message instead of a failed binding.
 */
public record CriteriaForm(String kind, String fromYear, String toYear, String name, String source, String minTotal,
        List<String> group, List<String> criterion, List<String> criterionEn, List<String> max, List<String> min,
        List<String> gradeName, List<String> gradeNameEn, List<String> gradeMin) {

    /** Blank rows the page offers beyond those the set has. */
    static final int SPARE_CRITERIA = 4;
    static final int SPARE_GRADES = 2;
    static final int MAX_CRITERIA = 100;
    static final int MAX_GRADES = 20;

    /** A form for a new set of a kind, from a year, with the blank rows of the page. */
    static CriteriaForm blank(TitleKind kind, int fromYear) {
        return new CriteriaForm(kind == null ? "" : kind.name(), String.valueOf(fromYear), "", "", "", "",
                blanks(SPARE_CRITERIA * 2), blanks(SPARE_CRITERIA * 2), blanks(SPARE_CRITERIA * 2),
                blanks(SPARE_CRITERIA * 2), blanks(SPARE_CRITERIA * 2), blanks(SPARE_GRADES * 2),
                blanks(SPARE_GRADES * 2), blanks(SPARE_GRADES * 2));
    }

    /** A form holding a version, to be changed into the next one (with spare blank rows). */
    static CriteriaForm of(CriteriaSetView set) {
        List<String> group = new ArrayList<>();
        List<String> criterion = new ArrayList<>();
        List<String> criterionEn = new ArrayList<>();
        List<String> max = new ArrayList<>();
        List<String> min = new ArrayList<>();
        for (CriteriaSetView.Criterion c : set.criteria()) {
            group.add(orBlank(c.group()));
            criterion.add(c.name());
            criterionEn.add(orBlank(c.nameEn()));
            max.add(c.maxPoints() == null ? "" : c.maxPoints().toString());
            min.add(c.minPoints() == null ? "" : c.minPoints().toString());
        }
        List<String> gradeName = new ArrayList<>();
        List<String> gradeNameEn = new ArrayList<>();
        List<String> gradeMin = new ArrayList<>();
        for (CriteriaSetView.Grade g : set.grades()) {
            gradeName.add(g.name());
            gradeNameEn.add(orBlank(g.nameEn()));
            gradeMin.add(String.valueOf(g.minTotal()));
        }
        for (int i = 0; i < SPARE_CRITERIA; i++) {
            group.add("");
            criterion.add("");
            criterionEn.add("");
            max.add("");
            min.add("");
        }
        for (int i = 0; i < SPARE_GRADES; i++) {
            gradeName.add("");
            gradeNameEn.add("");
            gradeMin.add("");
        }
        return new CriteriaForm(set.kind(), String.valueOf(set.fromYear()),
                set.toYear() == null ? "" : set.toYear().toString(), set.name(), set.source(),
                set.minTotal() == null ? "" : set.minTotal().toString(), group, criterion, criterionEn, max, min,
                gradeName, gradeNameEn, gradeMin);
    }

    /** A criteria row as the page shows it. */
    public record Row(int number, String group, String criterion, String criterionEn, String max, String min) {
    }

    /** A grade row as the page shows it. */
    public record GradeRow(int number, String name, String nameEn, String min) {
    }

    /** The criteria rows of the page: those typed, and at least one blank one (a spare for each missing row). */
    public List<Row> rows() {
        List<Row> rows = new ArrayList<>();
        int n = Math.min(MAX_CRITERIA + SPARE_CRITERIA, Math.max(criteriaRows(), SPARE_CRITERIA));
        for (int i = 0; i < n; i++) {
            rows.add(new Row(i + 1, orBlank(at(group, i)), orBlank(at(criterion, i)), orBlank(at(criterionEn, i)),
                    orBlank(at(max, i)), orBlank(at(min, i))));
        }
        return rows;
    }

    public List<GradeRow> gradeRowList() {
        List<GradeRow> rows = new ArrayList<>();
        int n = Math.min(MAX_GRADES + SPARE_GRADES, Math.max(gradeRows(), SPARE_GRADES));
        for (int i = 0; i < n; i++) {
            rows.add(new GradeRow(i + 1, orBlank(at(gradeName, i)), orBlank(at(gradeNameEn, i)), orBlank(at(gradeMin, i))));
        }
        return rows;
    }

    /** How many criteria rows the page shows. */
    int criteriaRows() {
        return Math.max(size(criterion), Math.max(size(max), size(group)));
    }

    int gradeRows() {
        return Math.max(size(gradeName), size(gradeMin));
    }

    /**
     * The command, or every broken rule at once: fields by name, rows by number ("criteria row 3: …").
     *
     * @throws RuleViolationException when anything is wrong
     */
    CriteriaCommand toCommand() {
        RuleViolationException.Collector errors = new RuleViolationException.Collector();
        TitleKind titleKind = null;
        try {
            titleKind = TitleKind.valueOf(kind == null ? "" : kind.strip());
        }
        catch (IllegalArgumentException ex) {
            errors.add("kind", "criteria.kind.required");
        }
        Integer from = number(errors, "fromYear", fromYear, 1990, 2100, true);
        Integer to = number(errors, "toYear", toYear, 1990, 2100, false);
        if (from != null && to != null && to < from) {
            errors.add("toYear", "criteria.toYear.beforeFrom");
        }
        String cleanName = Text.clean(name);
        if (cleanName == null || cleanName.isEmpty()) {
            errors.add("name", "criteria.name.required");
        }
        else if (cleanName.length() > 200) {
            errors.add("name", "criteria.name.size");
        }
        String cleanSource = Text.clean(source);
        if (cleanSource == null || cleanSource.isEmpty()) {
            errors.add("source", "criteria.source.required");
        }
        else if (cleanSource.length() > 1000) {
            errors.add("source", "criteria.source.size");
        }
        Integer minimum = number(errors, "minTotal", minTotal, 0, 10000, false);

        List<CriteriaCommand.Line> lines = new ArrayList<>();
        int rows = criteriaRows();
        for (int i = 0; i < rows; i++) {
            String g = Text.clean(at(group, i));
            String n = Text.clean(at(criterion, i));
            String en = Text.clean(at(criterionEn, i));
            String typedMax = at(max, i);
            String typedMin = at(min, i);
            if (blank(g) && blank(n) && blank(en) && blank(typedMax) && blank(typedMin)) {
                continue;
            }
            int row = i + 1;
            if (blank(n)) {
                errors.add(null, "criteria.row.name", row);
            }
            else if (n.length() > 300 || (en != null && en.length() > 300) || (g != null && g.length() > 200)) {
                errors.add(null, "criteria.row.size", row);
            }
            Integer mx = rowNumber(errors, row, typedMax, 1, 1000);
            Integer mn = rowNumber(errors, row, typedMin, 0, 1000);
            if (mx != null && mn != null && mn > mx) {
                errors.add(null, "criteria.row.minOverMax", row);
            }
            lines.add(new CriteriaCommand.Line(blank(g) ? null : g, n, blank(en) ? null : en, mx, mn));
        }
        if (lines.isEmpty()) {
            errors.add(null, "criteria.rows.required");
        }
        if (lines.size() > MAX_CRITERIA) {
            errors.add(null, "criteria.rows.tooMany", MAX_CRITERIA);
        }
        List<CriteriaCommand.GradeLine> grades = new ArrayList<>();
        for (int i = 0; i < gradeRows(); i++) {
            String n = Text.clean(at(gradeName, i));
            String en = Text.clean(at(gradeNameEn, i));
            String typedMin = at(gradeMin, i);
            if (blank(n) && blank(en) && blank(typedMin)) {
                continue;
            }
            int row = i + 1;
            if (blank(n) || n.length() > 100 || (en != null && en.length() > 100)) {
                errors.add(null, "criteria.grade.name", row);
            }
            Integer mn = gradeNumber(errors, row, typedMin);
            if (mn != null && grades.stream().anyMatch(gr -> gr.minTotal() == mn)) {
                errors.add(null, "criteria.grade.duplicate", row);
            }
            if (mn != null && minimum != null && mn < minimum) {
                errors.add(null, "criteria.grade.underPass", row);
            }
            grades.add(new CriteriaCommand.GradeLine(n, blank(en) ? null : en, mn == null ? 0 : mn));
        }
        if (grades.size() > MAX_GRADES) {
            errors.add(null, "criteria.grades.tooMany", MAX_GRADES);
        }
        int maxTotal = lines.stream().mapToInt(l -> l.maxPoints() == null ? 0 : l.maxPoints()).sum();
        boolean allKnown = lines.stream().allMatch(l -> l.maxPoints() != null);
        if (minimum != null && allKnown && !lines.isEmpty() && minimum > maxTotal) {
            errors.add("minTotal", "criteria.minTotal.overMax", maxTotal);
        }
        errors.throwIfAny();
        return new CriteriaCommand(titleKind.name(), from, to, cleanName, cleanSource, minimum, lines, grades);
    }

    private static Integer number(RuleViolationException.Collector errors, String field, String typed, int lo, int hi,
            boolean required) {
        if (blank(typed)) {
            if (required) {
                errors.add(field, "criteria." + field + ".required");
            }
            return null;
        }
        Integer value = parse(typed);
        if (value == null || value < lo || value > hi) {
            errors.add(field, "criteria.number.range", String.valueOf(lo), String.valueOf(hi));
            return null;
        }
        return value;
    }

    private static Integer rowNumber(RuleViolationException.Collector errors, int row, String typed, int lo, int hi) {
        if (blank(typed)) {
            return null;
        }
        Integer value = parse(typed);
        if (value == null || value < lo || value > hi) {
            errors.add(null, "criteria.row.points", row, String.valueOf(lo), String.valueOf(hi));
            return null;
        }
        return value;
    }

    private static Integer gradeNumber(RuleViolationException.Collector errors, int row, String typed) {
        Integer value = blank(typed) ? null : parse(typed);
        if (value == null || value < 0 || value > 10000) {
            errors.add(null, "criteria.grade.min", row);
            return null;
        }
        return value;
    }

    /** A whole number as typed (digits only, at most 9 of them), or null. */
    static Integer parse(String typed) {
        String t = typed == null ? "" : typed.strip();
        return t.matches("\\d{1,9}") ? Integer.valueOf(t) : null;
    }

    static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static String at(List<String> list, int i) {
        return list == null || i >= list.size() ? null : list.get(i);
    }

    private static int size(List<String> list) {
        return list == null ? 0 : list.size();
    }

    private static String orBlank(String s) {
        return s == null ? "" : s;
    }

    private static List<String> blanks(int n) {
        return new ArrayList<>(IntStream.range(0, n).mapToObj(i -> "").toList());
    }
}
