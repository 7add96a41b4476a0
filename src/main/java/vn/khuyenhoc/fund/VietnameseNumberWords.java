package vn.khuyenhoc.fund;

/**
 * Writes a whole number in Vietnamese words as receipts and vouchers do ("số tiền bằng chữ"):
 * 1.500.000 → "Một triệu năm trăm nghìn đồng". The conventions of accounting documents: groups of three digits
 * named nghìn, triệu, tỷ (then nghìn tỷ, triệu tỷ, tỷ tỷ); a group after the first is read in full, with
 * "không trăm" and "linh" (1.005 → "một nghìn không trăm linh năm"); groups of only zeros are skipped; tens are
 * "mười" / "… mươi", with "mốt" for a one and "lăm" for a five after a ten.
 *
 * <p>ICU4J (Maven Central) has Vietnamese spell-out rules, but they are not the vouchers' form: checked with 76.1,
 * 1.050.000 gives "một triệu năm mươi nghìn" and 1.000.005 "một triệu lẻ năm" (no "không trăm" after a million),
 * and the library weighs 14 MB for one sentence per receipt.
 */
public final class VietnameseNumberWords {

    private static final String[] DIGITS = {"không", "một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín"};
    private static final long BILLION = 1_000_000_000L;

    private VietnameseNumberWords() {
    }

    /** The amount in words, capitalised, with "đồng": the line under the figures on a receipt. */
    public static String amountInWords(long amount) {
        String words = toWords(amount) + " đồng";
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }

    /** A non-negative number in lower-case words: 0 → "không", 21 → "hai mươi mốt", 105 → "một trăm linh năm". */
    public static String toWords(long n) {
        if (n < 0) {
            throw new IllegalArgumentException("Only non-negative numbers are written in words here: " + n);
        }
        if (n == 0) {
            return DIGITS[0];
        }
        StringBuilder out = new StringBuilder();
        read(n, true, out);
        return out.toString();
    }

    /** Reads n > 0; {@code leading} when nothing has been read before it (no "không trăm", no "linh" then). */
    private static void read(long n, boolean leading, StringBuilder out) {
        if (n >= BILLION) {
            read(n / BILLION, leading, out);
            append(out, "tỷ");
            long rest = n % BILLION;
            if (rest > 0) {
                read(rest, false, out);
            }
            return;
        }
        int[] groups = {(int) (n / 1_000_000), (int) (n / 1_000 % 1_000), (int) (n % 1_000)};
        String[] names = {"triệu", "nghìn", null};
        boolean first = leading;
        for (int i = 0; i < groups.length; i++) {
            if (groups[i] == 0) {
                continue;
            }
            readGroup(groups[i], first, out);
            if (names[i] != null) {
                append(out, names[i]);
            }
            first = false;
        }
    }

    /** One group of three digits, 1..999. */
    private static void readGroup(int group, boolean leading, StringBuilder out) {
        int hundreds = group / 100;
        int tens = group / 10 % 10;
        int units = group % 10;
        if (hundreds > 0 || !leading) {
            append(out, DIGITS[hundreds]);
            append(out, "trăm");
        }
        if (tens == 0) {
            if (units > 0 && (hundreds > 0 || !leading)) {
                append(out, "linh");
            }
        }
        else if (tens == 1) {
            append(out, "mười");
        }
        else {
            append(out, DIGITS[tens]);
            append(out, "mươi");
        }
        if (units == 0) {
            return;
        }
        if (units == 1 && tens >= 2) {
            append(out, "mốt");
        }
        else if (units == 5 && tens >= 1) {
            append(out, "lăm");
        }
        else {
            append(out, DIGITS[units]);
        }
    }

    private static void append(StringBuilder out, String word) {
        if (!out.isEmpty()) {
            out.append(' ');
        }
        out.append(word);
    }
}
