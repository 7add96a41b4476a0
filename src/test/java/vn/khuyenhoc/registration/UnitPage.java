package vn.khuyenhoc.registration;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads the learning-title counts box of a unit's page. */
final class UnitPage {

    private UnitPage() {
    }

    /** "registered/recognised" of one kind, as printed (Vietnamese thousands separators removed). */
    static String counts(String html, String kind) {
        Matcher row = Pattern.compile("id=\"count-" + kind + "\">(.*?)</tr>", Pattern.DOTALL).matcher(html);
        if (!row.find()) {
            throw new AssertionError("no count-" + kind + " row on the page");
        }
        String cells = row.group(1);
        return cell(cells, "registered") + "/" + cell(cells, "recognised");
    }

    private static String cell(String cells, String name) {
        Matcher cell = Pattern.compile("class=\"num " + name + "\">([^<]*)<").matcher(cells);
        if (!cell.find()) {
            throw new AssertionError("no " + name + " cell");
        }
        return cell.group(1).replace(".", "").strip();
    }
}
