package vn.khuyenhoc.shared;

import java.text.Normalizer;

/** Clean-up of what people type: phone keyboards send decomposed diacritics and stray spaces. */
public final class Text {

    private Text() {
    }

    /** Trimmed, inner whitespace collapsed to single spaces, Unicode NFC; null stays null. */
    public static String clean(String typed) {
        if (typed == null) {
            return null;
        }
        return Normalizer.normalize(typed.strip().replaceAll("\\s+", " "), Normalizer.Form.NFC);
    }
}
