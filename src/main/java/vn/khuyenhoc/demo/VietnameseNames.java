package vn.khuyenhoc.demo;

import java.util.List;
import java.util.Random;

/**
 * Realistic Vietnamese personal names for demo and generated data: a family name drawn with its real weight
 * (about four in ten Vietnamese are Nguyễn), a middle name that suits the gender (Văn, Hữu, Đức … / Thị, Ngọc,
 * Thu …), sometimes a second one (Nguyễn Thị Hồng Nhung), and a given name. Reproducible: the same seed gives the
 * same people. The lists are public, so that a set-based generator can draw from them inside SQL.
 */
public final class VietnameseNames {

    /** Family names with their approximate share of the population, in per mille. */
    public static final List<Weighted> FAMILY_NAMES = List.of(
            new Weighted("Nguyễn", 380), new Weighted("Trần", 110), new Weighted("Lê", 95), new Weighted("Phạm", 70),
            new Weighted("Hoàng", 30), new Weighted("Huỳnh", 25), new Weighted("Phan", 45), new Weighted("Vũ", 22),
            new Weighted("Võ", 17), new Weighted("Đặng", 21), new Weighted("Bùi", 20), new Weighted("Đỗ", 14),
            new Weighted("Hồ", 13), new Weighted("Ngô", 13), new Weighted("Dương", 10), new Weighted("Lý", 5),
            new Weighted("Đinh", 8), new Weighted("Trương", 8), new Weighted("Đoàn", 6), new Weighted("Lương", 5),
            new Weighted("Mai", 5), new Weighted("Trịnh", 5), new Weighted("Cao", 4), new Weighted("Lâm", 4),
            new Weighted("Tạ", 3), new Weighted("Chu", 3), new Weighted("Hà", 3), new Weighted("La", 2));

    public static final List<String> MALE_MIDDLE_NAMES = List.of("Văn", "Văn", "Văn", "Hữu", "Đức", "Minh", "Quang",
            "Công", "Thanh", "Xuân", "Ngọc", "Đình", "Quốc", "Trọng", "Mạnh", "Tiến", "Duy", "Bá");

    public static final List<String> FEMALE_MIDDLE_NAMES = List.of("Thị", "Thị", "Thị", "Thị", "Ngọc", "Thu", "Thanh",
            "Minh", "Hồng", "Kim", "Thùy", "Phương", "Bích", "Diệu", "Mỹ", "Hoài");

    public static final List<String> MALE_GIVEN_NAMES = List.of("An", "Anh", "Bảo", "Bình", "Cường", "Chiến", "Dũng",
            "Đạt", "Đức", "Dương", "Giang", "Hải", "Hào", "Hiếu", "Hòa", "Hoàng", "Hùng", "Huy", "Khánh", "Khoa",
            "Kiên", "Lâm", "Long", "Lợi", "Mạnh", "Minh", "Nam", "Nghĩa", "Nhân", "Phong", "Phúc", "Quân", "Quang",
            "Sơn", "Tài", "Thắng", "Thành", "Thịnh", "Toàn", "Trung", "Tuấn", "Tùng", "Việt", "Vinh", "Vũ", "Hưng",
            "Lộc", "Tâm", "Thái", "Trí");

    public static final List<String> FEMALE_GIVEN_NAMES = List.of("An", "Anh", "Ánh", "Bích", "Chi", "Diệp", "Dung",
            "Giang", "Hà", "Hằng", "Hạnh", "Hiền", "Hoa", "Hồng", "Huệ", "Hương", "Lan", "Liên", "Linh", "Loan", "Mai",
            "My", "Ngọc", "Nhung", "Oanh", "Phương", "Quyên", "Quỳnh", "Tâm", "Thảo", "Thu", "Thủy", "Trang", "Trinh",
            "Tuyết", "Uyên", "Vân", "Yến", "Nga", "Hậu");

    /** Second middle names, given to about one person in four: Nguyễn Thị Hồng Nhung, Trần Văn Minh Tuấn. */
    public static final List<String> SECOND_MIDDLE_NAMES = List.of("Hồng", "Minh", "Thanh", "Ngọc", "Thu", "Anh",
            "Kim", "Bảo", "Quốc", "Hoài", "Phương", "Xuân");

    private static final int FAMILY_TOTAL = FAMILY_NAMES.stream().mapToInt(Weighted::perMille).sum();

    private final Random random;

    public VietnameseNames(Random random) {
        this.random = random;
    }

    public VietnameseNames(long seed) {
        this(new Random(seed));
    }

    /** A person, female or male with even odds. */
    public Person next() {
        return next(random.nextBoolean());
    }

    public Person next(boolean female) {
        String family = familyName();
        String middle = pick(female ? FEMALE_MIDDLE_NAMES : MALE_MIDDLE_NAMES);
        if (random.nextInt(4) == 0) {
            String second = pick(SECOND_MIDDLE_NAMES);
            if (!second.equals(middle)) {
                middle = middle + " " + second;
            }
        }
        String given = pick(female ? FEMALE_GIVEN_NAMES : MALE_GIVEN_NAMES);
        if (middle.endsWith(given)) {
            given = pick(female ? FEMALE_GIVEN_NAMES : MALE_GIVEN_NAMES);
        }
        return new Person(family, middle, given, female);
    }

    private String familyName() {
        int draw = random.nextInt(FAMILY_TOTAL);
        for (Weighted name : FAMILY_NAMES) {
            draw -= name.perMille();
            if (draw < 0) {
                return name.name();
            }
        }
        return FAMILY_NAMES.get(0).name();
    }

    private String pick(List<String> names) {
        return names.get(random.nextInt(names.size()));
    }

    public record Weighted(String name, int perMille) {
    }

    public record Person(String familyName, String middleName, String givenName, boolean female) {

        public String fullName() {
            return familyName + " " + middleName + " " + givenName;
        }
    }
}
