package vn.khuyenhoc.member;

import java.time.LocalDate;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import vn.khuyenhoc.shared.RuleViolationException;
import vn.khuyenhoc.shared.Text;

/**
 * The checks of a member's details, the same for the form and for every row of an import: input without problems
 * becomes {@link MemberData}; otherwise every problem, each against its field with a message key (and arguments),
 * is thrown at once as a {@link RuleViolationException}. "Today" is Viet Nam's, asked of the application's clock by
 * the caller.
 *
 * <ul>
 * <li>full name: required, at most 100 characters, letters only (apostrophes and hyphens inside names, as in
 * H'Hen Niê), at least two words; spaces collapsed, NFC, and a name typed all in lower or upper case gets its
 * words capitalised ("nguyễn văn an" is stored as "Nguyễn Văn An");</li>
 * <li>gender: Nam / Nữ (MALE / FEMALE, male / female);</li>
 * <li>birth: a year (1975) or a date (15/03/1975), from 1900, not in the future, and the person at least
 * {@value #MIN_AGE} years old on the day they joined;</li>
 * <li>ethnicity: one of the 54 groups, by code or name; Kinh when left empty;</li>
 * <li>phone: optional, a Vietnamese mobile or fixed-line number;</li>
 * <li>address: required, at most 255 characters;</li>
 * <li>date joined: required, from 01/01/1990, not in the future.</li>
 * </ul>
 */
public final class MemberRules {

    static final int MIN_AGE = 16;
    static final int EARLIEST_BIRTH_YEAR = 1900;
    static final LocalDate EARLIEST_JOINING = LocalDate.of(1990, 1, 1);

    private static final Pattern NAME_WORD = Pattern.compile("\\p{L}\\p{M}*(?:['’.\\-]?\\p{L}\\p{M}*)*");
    private static final Pattern YEAR = Pattern.compile("\\d{4}");
    private static final Pattern INVISIBLE = Pattern.compile("[\\u200B-\\u200D\\uFEFF]");
    private static final Set<String> YES = Set.of("co", "x", "1", "dangvien", "dv", "yes", "y", "true");
    private static final Set<String> NO = Set.of("", "khong", "0", "no", "n", "false");

    private MemberRules() {
    }

    /**
     * {@link Text#clean}, after turning what spreadsheets and copied web pages slip in (no-break spaces, zero-width
     * characters) into what the user sees: a space, or nothing.
     */
    public static String clean(String typed) {
        return typed == null ? null : Text.clean(INVISIBLE.matcher(typed.replace('\u00A0', ' ')).replaceAll(""));
    }

    /** @throws RuleViolationException with every problem of the input */
    public static MemberData check(MemberInput in, LocalDate today) {
        RuleViolationException.Collector counting = new RuleViolationException.Collector();
        String fullName = fullName(in.fullName(), counting);
        Gender gender = gender(in.gender(), counting);
        LocalDate joinedOn = joinedOn(in.joinedOn(), counting, today);
        LocalDate birthDate = null;
        Integer birthYear = null;
        String birth = clean(in.birth());
        if (birth == null || birth.isEmpty()) {
            counting.add("birth", "member.birth.required");
        }
        else if (YEAR.matcher(birth).matches()) {
            birthYear = Integer.valueOf(birth);
        }
        else {
            birthDate = Inputs.date(birth).orElse(null);
            if (birthDate == null) {
                counting.add("birth", "member.birth.format");
            }
            else {
                birthYear = birthDate.getYear();
            }
        }
        if (birthYear != null) {
            if (birthYear < EARLIEST_BIRTH_YEAR || birthYear > today.getYear()
                    || birthDate != null && birthDate.isAfter(today)) {
                counting.add("birth", "member.birth.range", String.valueOf(EARLIEST_BIRTH_YEAR));
            }
            else if (joinedOn != null && (birthDate != null ? birthDate.plusYears(MIN_AGE).isAfter(joinedOn)
                    : joinedOn.getYear() - birthYear < MIN_AGE)) {
                counting.add("birth", "member.birth.tooYoung", String.valueOf(MIN_AGE));
            }
        }
        Integer ethnicity = null;
        String typedEthnicity = clean(in.ethnicity());
        if (typedEthnicity == null || typedEthnicity.isEmpty()) {
            ethnicity = Ethnicity.KINH;
        }
        else {
            ethnicity = Ethnicity.find(typedEthnicity).map(Ethnicity::code).orElse(null);
            if (ethnicity == null) {
                counting.add("ethnicity", "member.ethnicity.unknown", typedEthnicity);
            }
        }
        Boolean party = partyMember(in.partyMember(), counting);
        String phone = null;
        String typedPhone = clean(in.phone());
        if (typedPhone != null && !typedPhone.isEmpty()) {
            phone = Inputs.phone(typedPhone).orElse(null);
            if (phone == null) {
                counting.add("phone", "member.phone.format");
            }
        }
        String address = clean(in.address());
        if (address == null || address.isEmpty()) {
            counting.add("address", "member.address.required");
        }
        else if (address.length() > 255) {
            counting.add("address", "member.address.size");
        }
        counting.throwIfAny();
        return new MemberData(fullName, gender, birthYear, birthDate, ethnicity, party, phone, address, joinedOn);
    }

    private static String fullName(String typed, RuleViolationException.Collector problems) {
        String name = clean(typed);
        if (name == null || name.isEmpty()) {
            problems.add("fullName", "member.fullName.required");
            return null;
        }
        if (name.length() > 100) {
            problems.add("fullName", "member.fullName.size");
            return null;
        }
        String[] words = name.split(" ");
        for (String word : words) {
            if (!NAME_WORD.matcher(word).matches()) {
                problems.add("fullName", "member.fullName.letters");
                return null;
            }
        }
        if (words.length < 2) {
            problems.add("fullName", "member.fullName.words");
            return null;
        }
        boolean allLower = name.equals(name.toLowerCase(Locale.ROOT));
        boolean allUpper = name.equals(name.toUpperCase(Locale.ROOT));
        if (!allLower && !allUpper) {
            return name;
        }
        StringBuilder capitalised = new StringBuilder(name.length());
        for (String word : words) {
            if (!capitalised.isEmpty()) {
                capitalised.append(' ');
            }
            int first = word.offsetByCodePoints(0, 1);
            capitalised.append(word.substring(0, first).toUpperCase(Locale.ROOT))
                    .append(word.substring(first).toLowerCase(Locale.ROOT));
        }
        return capitalised.toString();
    }

    private static Gender gender(String typed, RuleViolationException.Collector problems) {
        switch (Folding.fold(typed)) {
            case "male", "nam", "m", "trai" -> {
                return Gender.MALE;
            }
            case "female", "nu", "f", "gai" -> {
                return Gender.FEMALE;
            }
            default -> {
                problems.add("gender", "member.gender.required");
                return null;
            }
        }
    }

    private static LocalDate joinedOn(String typed, RuleViolationException.Collector problems, LocalDate today) {
        String text = clean(typed);
        if (text == null || text.isEmpty()) {
            problems.add("joinedOn", "member.joinedOn.required");
            return null;
        }
        LocalDate date = Inputs.date(text).orElse(null);
        if (date == null) {
            problems.add("joinedOn", "member.date.format");
        }
        else if (date.isAfter(today)) {
            problems.add("joinedOn", "member.date.future");
            return null;
        }
        else if (date.isBefore(EARLIEST_JOINING)) {
            problems.add("joinedOn", "member.joinedOn.tooEarly");
            return null;
        }
        return date;
    }

    private static Boolean partyMember(String typed, RuleViolationException.Collector problems) {
        String key = Folding.fold(typed);
        if (YES.contains(key) || key.equals("on")) {
            return true;
        }
        if (NO.contains(key) || key.equals("off")) {
            return false;
        }
        problems.add("partyMember", "member.partyMember.format");
        return null;
    }

    /**
     * A date of a status change: required, a real date, not in the future, not before the member joined.
     *
     * @throws RuleViolationException on {@code date} otherwise
     */
    static LocalDate statusDate(String typed, LocalDate joinedOn, LocalDate today) {
        String text = clean(typed);
        if (text == null || text.isEmpty()) {
            throw RuleViolationException.of("date", "member.statusDate.required");
        }
        LocalDate date = Inputs.date(text).orElse(null);
        if (date == null) {
            throw RuleViolationException.of("date", "member.date.format");
        }
        if (date.isAfter(today)) {
            throw RuleViolationException.of("date", "member.date.future");
        }
        if (date.isBefore(joinedOn)) {
            throw RuleViolationException.of("date", "member.statusDate.beforeJoined",
                    joinedOn.format(java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy")));
        }
        return date;
    }
}
