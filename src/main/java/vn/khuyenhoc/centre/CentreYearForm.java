package vn.khuyenhoc.centre;

import java.util.EnumMap;
import java.util.Map;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/**
 * A centre's year as commune staff type it: classes and learner-turns by kind, whether the association's chair or
 * vice-chair takes part in running the centre, and its digital-hub state. Numbers bind as numbers: {@code abc},
 * {@code 99999999999999999999}, {@code 1e400},
 * {@code 2,5} or {@code 1.200} (whole numbers typed without separators) get the field's {@code typeMismatch} message, a negative or absurd
 * number its range message (at most 100,000 classes and 10 million learner-turns of a kind, 10,000 computers).
 */
public record CentreYearForm(
        @NotNull(message = "{centre.year.required}") @Min(value = 1990, message = "{centre.year.range}")
        @Max(value = 2100, message = "{centre.year.range}") Integer year,
        @Min(value = 0, message = "{centre.classes.range}") @Max(value = 100_000, message = "{centre.classes.range}") Integer classesLiteracy,
        @Min(value = 0, message = "{centre.classes.range}") @Max(value = 100_000, message = "{centre.classes.range}") Integer classesVocational,
        @Min(value = 0, message = "{centre.classes.range}") @Max(value = 100_000, message = "{centre.classes.range}") Integer classesLaw,
        @Min(value = 0, message = "{centre.classes.range}") @Max(value = 100_000, message = "{centre.classes.range}") Integer classesDigital,
        @Min(value = 0, message = "{centre.classes.range}") @Max(value = 100_000, message = "{centre.classes.range}") Integer classesLanguages,
        @Min(value = 0, message = "{centre.classes.range}") @Max(value = 100_000, message = "{centre.classes.range}") Integer classesHealth,
        @Min(value = 0, message = "{centre.classes.range}") @Max(value = 100_000, message = "{centre.classes.range}") Integer classesOther,
        @Min(value = 0, message = "{centre.turns.range}") @Max(value = 10_000_000, message = "{centre.turns.range}") Integer turnsLiteracy,
        @Min(value = 0, message = "{centre.turns.range}") @Max(value = 10_000_000, message = "{centre.turns.range}") Integer turnsVocational,
        @Min(value = 0, message = "{centre.turns.range}") @Max(value = 10_000_000, message = "{centre.turns.range}") Integer turnsLaw,
        @Min(value = 0, message = "{centre.turns.range}") @Max(value = 10_000_000, message = "{centre.turns.range}") Integer turnsDigital,
        @Min(value = 0, message = "{centre.turns.range}") @Max(value = 10_000_000, message = "{centre.turns.range}") Integer turnsLanguages,
        @Min(value = 0, message = "{centre.turns.range}") @Max(value = 10_000_000, message = "{centre.turns.range}") Integer turnsHealth,
        @Min(value = 0, message = "{centre.turns.range}") @Max(value = 10_000_000, message = "{centre.turns.range}") Integer turnsOther,
        boolean chairTakesPart,
        boolean internet,
        @Min(value = 0, message = "{centre.computers.range}") @Max(value = 10_000, message = "{centre.computers.range}")
        Integer learnerComputers,
        boolean openMaterials,
        CentreGrade grade,
        Long version) {

    static CentreYearForm empty(int year) {
        return new CentreYearForm(year, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, false, false, 0, false, null, null);
    }

    static CentreYearForm of(CentreYear y) {
        return new CentreYearForm(y.year(),
                y.classes(CentreKind.LITERACY),
                y.classes(CentreKind.VOCATIONAL),
                y.classes(CentreKind.LAW),
                y.classes(CentreKind.DIGITAL),
                y.classes(CentreKind.LANGUAGES),
                y.classes(CentreKind.HEALTH),
                y.classes(CentreKind.OTHER),
                y.turns(CentreKind.LITERACY),
                y.turns(CentreKind.VOCATIONAL),
                y.turns(CentreKind.LAW),
                y.turns(CentreKind.DIGITAL),
                y.turns(CentreKind.LANGUAGES),
                y.turns(CentreKind.HEALTH),
                y.turns(CentreKind.OTHER),
                y.chairTakesPart(), y.internet(), y.learnerComputers(), y.openMaterials(), y.grade(), y.version());
    }

    /** The command; only called once the form is valid (empty numbers count as zero). */
    CentreYearData toData() {
        Map<CentreKind, Integer> classes = new EnumMap<>(CentreKind.class);
        Map<CentreKind, Integer> turns = new EnumMap<>(CentreKind.class);
        classes.put(CentreKind.LITERACY, zeroIfNull(classesLiteracy));
        turns.put(CentreKind.LITERACY, zeroIfNull(turnsLiteracy));
        classes.put(CentreKind.VOCATIONAL, zeroIfNull(classesVocational));
        turns.put(CentreKind.VOCATIONAL, zeroIfNull(turnsVocational));
        classes.put(CentreKind.LAW, zeroIfNull(classesLaw));
        turns.put(CentreKind.LAW, zeroIfNull(turnsLaw));
        classes.put(CentreKind.DIGITAL, zeroIfNull(classesDigital));
        turns.put(CentreKind.DIGITAL, zeroIfNull(turnsDigital));
        classes.put(CentreKind.LANGUAGES, zeroIfNull(classesLanguages));
        turns.put(CentreKind.LANGUAGES, zeroIfNull(turnsLanguages));
        classes.put(CentreKind.HEALTH, zeroIfNull(classesHealth));
        turns.put(CentreKind.HEALTH, zeroIfNull(turnsHealth));
        classes.put(CentreKind.OTHER, zeroIfNull(classesOther));
        turns.put(CentreKind.OTHER, zeroIfNull(turnsOther));
        return new CentreYearData(year, classes, turns, chairTakesPart, internet, zeroIfNull(learnerComputers),
                openMaterials, grade);
    }

    private static int zeroIfNull(Integer n) {
        return n == null ? 0 : n;
    }
}
