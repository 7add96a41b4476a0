package vn.khuyenhoc.member;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Forgiving readers of dates and phone numbers as secretaries type them, on a phone or in a spreadsheet. */
final class Inputs {

    /** 15/03/2019, 15-3-2019, 15.03.2019 (day first, as in Viet Nam), 15032019, or 2019-03-15 from a date picker. */
    private static final Pattern DAY_FIRST = Pattern.compile("(\\d{1,2})[/.\\-](\\d{1,2})[/.\\-](\\d{4})");
    private static final Pattern DIGITS_DAY_FIRST = Pattern.compile("(\\d{2})(\\d{2})(\\d{4})");
    private static final Pattern ISO = Pattern.compile("(\\d{4})-(\\d{1,2})-(\\d{1,2})");
    private static final Pattern PHONE_SEPARATORS = Pattern.compile("[\\s.\\-()]");
    private static final Pattern WITHOUT_LEADING_ZERO = Pattern.compile("[35789]\\d{8}|2\\d{9}");
    private static final Pattern NATIONAL_NUMBER = Pattern.compile("0[35789]\\d{8}|02\\d{9}");

    private Inputs() {
    }

    /** The date typed, or empty when it is not a real date in one of the accepted forms. */
    static Optional<LocalDate> date(String typed) {
        if (typed == null) {
            return Optional.empty();
        }
        String text = typed.strip();
        Matcher m;
        if ((m = DAY_FIRST.matcher(text)).matches() || (m = DIGITS_DAY_FIRST.matcher(text)).matches()) {
            return date(m.group(3), m.group(2), m.group(1));
        }
        if ((m = ISO.matcher(text)).matches()) {
            return date(m.group(1), m.group(2), m.group(3));
        }
        return Optional.empty();
    }

    private static Optional<LocalDate> date(String year, String month, String day) {
        try {
            return Optional.of(LocalDate.of(Integer.parseInt(year), Integer.parseInt(month), Integer.parseInt(day)));
        }
        catch (DateTimeException ex) {
            return Optional.empty();
        }
    }

    /**
     * A Vietnamese phone number in its national form ({@code 0912345678}), or empty when it is not one: mobile
     * numbers have 10 digits starting 03, 05, 07, 08 or 09, fixed lines 11 digits starting 02. Spaces, dots,
     * dashes and brackets are ignored, +84 / 84 become 0, and a mobile number that lost its leading 0 in a
     * spreadsheet (912345678) gets it back.
     */
    static Optional<String> phone(String typed) {
        String digits = PHONE_SEPARATORS.matcher(typed == null ? "" : typed).replaceAll("");
        if (digits.startsWith("+84")) {
            digits = "0" + digits.substring(3);
        }
        else if (digits.startsWith("84") && (digits.length() == 11 || digits.length() == 12)) {
            digits = "0" + digits.substring(2);
        }
        else if (WITHOUT_LEADING_ZERO.matcher(digits).matches()) {
            digits = "0" + digits;
        }
        return NATIONAL_NUMBER.matcher(digits).matches() ? Optional.of(digits) : Optional.empty();
    }

    /** 0912 345 678; 0203 382 5123. */
    static String displayPhone(String phone) {
        if (phone == null || phone.length() < 10) {
            return phone;
        }
        return phone.substring(0, 4) + " " + phone.substring(4, 7) + " " + phone.substring(7);
    }
}
