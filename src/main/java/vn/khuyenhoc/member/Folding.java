package vn.khuyenhoc.member;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * What people type, folded for comparison: lower case, without diacritics (đ → d), without anything but letters
 * and digits. "Khơ-me", "khome" and "KHƠ ME" all fold to "khome"; "Số điện thoại" to "sodienthoai".
 */
public final class Folding {

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern NOT_ALNUM = Pattern.compile("[^a-z0-9]+");

    private Folding() {
    }

    public static String fold(String text) {
        if (text == null) {
            return "";
        }
        return NOT_ALNUM.matcher(withoutAccents(text).toLowerCase(Locale.ROOT)).replaceAll("");
    }

    /** Diacritics removed (đ/Đ to d/D), case and punctuation kept. */
    static String withoutAccents(String text) {
        String decomposed = Normalizer.normalize(text, Normalizer.Form.NFD);
        return MARKS.matcher(decomposed).replaceAll("").replace('đ', 'd').replace('Đ', 'D');
    }
}
