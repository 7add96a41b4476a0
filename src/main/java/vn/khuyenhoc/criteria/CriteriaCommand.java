package vn.khuyenhoc.criteria;

import java.util.List;

/** A new version of a criteria set, checked and typed (see {@link CriteriaForm#toCommand}). */
record CriteriaCommand(String kind, int fromYear, Integer toYear, String name, String source, Integer minTotal,
        List<Line> criteria, List<GradeLine> grades) {

    record Line(String group, String name, String nameEn, Integer maxPoints, Integer minPoints) {
    }

    record GradeLine(String name, String nameEn, int minTotal) {
    }
}
