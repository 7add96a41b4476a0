package vn.khuyenhoc.member;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The 54 ethnic groups of Viet Nam with the codes of the General Statistics Office's list (Decision
 * 121-TCTK/PPCĐ, 1979), as stored in {@code member.ethnicity}. Names are proper nouns, the same in both languages.
 * {@link #find(String)} accepts a code or a name written any usual way ("Khơ-me", "Khmer", "H'Mông", "Mèo").
 */
public record Ethnicity(int code, String name) {

    public static final int KINH = 1;

    private static final List<Ethnicity> ALL = List.of(
            new Ethnicity(1, "Kinh"), new Ethnicity(2, "Tày"), new Ethnicity(3, "Thái"), new Ethnicity(4, "Hoa"),
            new Ethnicity(5, "Khơ-me"), new Ethnicity(6, "Mường"), new Ethnicity(7, "Nùng"), new Ethnicity(8, "Mông"),
            new Ethnicity(9, "Dao"), new Ethnicity(10, "Gia-rai"), new Ethnicity(11, "Ngái"), new Ethnicity(12, "Ê-đê"),
            new Ethnicity(13, "Ba-na"), new Ethnicity(14, "Xơ-đăng"), new Ethnicity(15, "Sán Chay"),
            new Ethnicity(16, "Cơ-ho"), new Ethnicity(17, "Chăm"), new Ethnicity(18, "Sán Dìu"), new Ethnicity(19, "Hrê"),
            new Ethnicity(20, "Mnông"), new Ethnicity(21, "Ra-glai"), new Ethnicity(22, "Xtiêng"),
            new Ethnicity(23, "Bru-Vân Kiều"), new Ethnicity(24, "Thổ"), new Ethnicity(25, "Giáy"),
            new Ethnicity(26, "Cơ-tu"), new Ethnicity(27, "Gié-Triêng"), new Ethnicity(28, "Mạ"),
            new Ethnicity(29, "Khơ-mú"), new Ethnicity(30, "Co"), new Ethnicity(31, "Tà-ôi"), new Ethnicity(32, "Chơ-ro"),
            new Ethnicity(33, "Kháng"), new Ethnicity(34, "Xinh-mun"), new Ethnicity(35, "Hà Nhì"),
            new Ethnicity(36, "Chu-ru"), new Ethnicity(37, "Lào"), new Ethnicity(38, "La Chí"), new Ethnicity(39, "La Ha"),
            new Ethnicity(40, "Phù Lá"), new Ethnicity(41, "La Hủ"), new Ethnicity(42, "Lự"), new Ethnicity(43, "Lô Lô"),
            new Ethnicity(44, "Chứt"), new Ethnicity(45, "Mảng"), new Ethnicity(46, "Pà Thẻn"),
            new Ethnicity(47, "Cờ Lao"), new Ethnicity(48, "Cống"), new Ethnicity(49, "Bố Y"), new Ethnicity(50, "Si La"),
            new Ethnicity(51, "Pu Péo"), new Ethnicity(52, "Brâu"), new Ethnicity(53, "Ơ Đu"), new Ethnicity(54, "Rơ-măm"));

    /** Other names in common use, by folded spelling. */
    private static final Map<String, Integer> ALIASES = Map.ofEntries(
            Map.entry("viet", 1), Map.entry("han", 4), Map.entry("khmer", 5), Map.entry("hmong", 8),
            Map.entry("meo", 8), Map.entry("jrai", 10), Map.entry("rhade", 12), Map.entry("bahnar", 13),
            Map.entry("sedang", 14), Map.entry("koho", 16), Map.entry("mnong", 20), Map.entry("stieng", 22),
            Map.entry("bru", 23), Map.entry("vankieu", 23), Map.entry("katu", 26), Map.entry("khmu", 29),
            Map.entry("colao", 47));

    private static final Map<String, Ethnicity> BY_KEY = new HashMap<>();
    private static final java.util.regex.Pattern CODE = java.util.regex.Pattern.compile("\\d{1,2}");

    static {
        ALL.forEach(e -> BY_KEY.put(Folding.fold(e.name()), e));
        ALIASES.forEach((alias, code) -> BY_KEY.putIfAbsent(alias, of(code)));
    }

    public static List<Ethnicity> all() {
        return ALL;
    }

    public static Ethnicity of(int code) {
        if (code < 1 || code > ALL.size()) {
            throw new IllegalArgumentException("No ethnic group " + code);
        }
        return ALL.get(code - 1);
    }

    /** The group a person typed: its code ("1", "01") or its name in any usual spelling; empty if unknown. */
    public static Optional<Ethnicity> find(String typed) {
        String key = Folding.fold(typed);
        if (CODE.matcher(key).matches()) {
            int code = Integer.parseInt(key);
            return code >= 1 && code <= ALL.size() ? Optional.of(of(code)) : Optional.empty();
        }
        return Optional.ofNullable(BY_KEY.get(key));
    }
}
