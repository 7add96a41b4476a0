package vn.khuyenhoc.member;

/**
 * Member card numbers: {@code <2-digit province code>-<serial>}, the serial an 8-digit zero-padded number from the
 * national sequence {@code member_card_seq} (22-00012345), so that it is unique in the whole country and says
 * where the card was issued. The serial alone is unique as well.
 */
public final class CardNumbers {

    private CardNumbers() {
    }

    public static String format(String provinceCode, long serial) {
        return provinceCode + "-" + serial(serial);
    }

    static String serial(long serial) {
        return String.format("%08d", serial);
    }
}
