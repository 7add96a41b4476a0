package vn.khuyenhoc.member;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import vn.khuyenhoc.shared.Text;

/**
 * What a member list is asked for, straight from the query string: every value is text, read leniently here (an
 * unknown status or a year typed as "abc" is simply no filter), so a hand-edited URL never causes an error page.
 *
 * @param q      a name (with or without diacritics, any words of it) or a card number ("22-00012345", "12345")
 * @param status ACTIVE, LEFT or DECEASED; "ALL" or empty for every status
 * @param party  "yes" or "no"
 * @param gender MALE or FEMALE
 * @param year   the year joined
 * @param sort   name, card or joined (by relevance when searching by name and no sort is chosen)
 * @param dir    asc or desc
 * @param after  the id of the last member of the page before (the "next page" link): the list goes on after that
 *               member in the list's order (keyset paging); not a number, or no member of the list's subtree, is the
 *               first page
 * @param before the id of the first member of the page after (the "previous page" link), likewise
 */
public record MemberFilter(String q, String status, String party, String gender, String year, String sort,
        String dir, String after, String before) {

    private static final Pattern CARD = Pattern.compile("(\\d{2})-?(\\d{1,9})");
    private static final Pattern SERIAL = Pattern.compile("\\d{1,9}");
    private static final Pattern NOT_WORD = Pattern.compile("[^\\p{L}\\p{M}\\p{N}]+");

    public static MemberFilter none() {
        return new MemberFilter(null, null, null, null, null, null, null, null, null);
    }

    String query() {
        return q == null ? "" : Text.clean(q);
    }

    /** The full card number searched for, when the query is one ("22-12345", "2200012345"). */
    String cardNumber() {
        var m = CARD.matcher(query());
        if (!m.matches() || !query().contains("-") && query().length() != 10) {
            return null;
        }
        return CardNumbers.format(m.group(1), Long.parseLong(m.group(2)));
    }

    /** The card's serial searched for, when the query is digits only ("12345" → "00012345"). */
    String cardSerial() {
        return SERIAL.matcher(query()).matches() ? CardNumbers.serial(Long.parseLong(query())) : null;
    }

    /** The words of a name searched for (at most six), when the query is not a card number. */
    List<String> nameWords() {
        if (cardNumber() != null || cardSerial() != null) {
            return List.of();
        }
        return Arrays.stream(NOT_WORD.split(query())).filter(w -> !w.isEmpty()).limit(6).toList();
    }

    MemberStatus statusValue() {
        return parse(MemberStatus.class, status);
    }

    Gender genderValue() {
        return parse(Gender.class, gender);
    }

    /** The same filter without the Party one: staff above the commune may not list people by Party membership. */
    MemberFilter withoutParty() {
        return new MemberFilter(q, status, null, gender, year, sort, dir, after, before);
    }

    Boolean partyValue() {
        return "yes".equals(party) ? Boolean.TRUE : "no".equals(party) ? Boolean.FALSE : null;
    }

    Integer yearValue() {
        if (year == null || !year.strip().matches("\\d{4}")) {
            return null;
        }
        return Integer.valueOf(year.strip());
    }

    String sortValue() {
        if ("card".equals(sort) || "joined".equals(sort) || "name".equals(sort)) {
            return sort;
        }
        return nameWords().isEmpty() ? "name" : "relevance";
    }

    boolean descending() {
        return "desc".equals(dir);
    }

    /** The member the page starts after, when the link says so with a plausible id; otherwise none. */
    Long afterValue() {
        return id(after);
    }

    /** The member the page ends before (a "previous page" link), when no {@link #afterValue()} is given. */
    Long beforeValue() {
        return afterValue() == null ? id(before) : null;
    }

    /** Whether the list was asked for from a member on (a cursor), rather than from its start. */
    boolean hasCursor() {
        return afterValue() != null || beforeValue() != null;
    }

    /** Whether the filter is only the status one (or none): its count is in the roll-ups at every level. */
    boolean onlyStatus() {
        return query().isEmpty() && partyValue() == null && genderValue() == null && yearValue() == null;
    }

    private static Long id(String value) {
        if (value == null || !value.strip().matches("\\d{1,18}")) {
            return null;
        }
        return Long.valueOf(value.strip());
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT));
        }
        catch (IllegalArgumentException ex) {
            return null;
        }
    }
}
