package vn.khuyenhoc.demo;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Random;

import org.springframework.stereotype.Component;

import vn.khuyenhoc.member.Gender;
import vn.khuyenhoc.member.MemberData;
import vn.khuyenhoc.member.MemberService;
import vn.khuyenhoc.member.MemberStatus;
import vn.khuyenhoc.member.MemberView;
import vn.khuyenhoc.orgunit.OrgUnitView;
import vn.khuyenhoc.shared.Role;
import vn.khuyenhoc.shared.Scope;
import vn.khuyenhoc.shared.Staff;
import vn.khuyenhoc.shared.VietnamTime;

/**
 * The demo's members: a few dozen in each grassroots unit of the demo commune, with realistic names, joined over
 * the last dozen years, some Party members, some who have left or died; entered through the member service (card
 * numbers, roll-ups and audit entries as for real ones) by the commune staff. Always the same people (fixed seed).
 */
@Component
class DemoMembers {

    /** Ethnic groups of Quảng Ninh besides the Kinh majority: Tày, Dao, Sán Dìu, Sán Chay, Hoa. */
    private static final int[] MINORITIES = {2, 9, 18, 15, 4};

    private final MemberService members;
    private final Clock clock;

    DemoMembers(MemberService members, Clock clock) {
        this.clock = clock;
        this.members = members;
    }

    void load(OrgUnitView commune, List<OrgUnitView> units) {
        Staff staff = new Staff(0, "system", Role.COMMUNE, new Scope(commune.id(), commune.path(), commune.level()));
        Random random = new Random(1996);
        VietnameseNames names = new VietnameseNames(random);
        LocalDate today = VietnamTime.today(clock);
        for (OrgUnitView unit : units) {
            int count = 25 + random.nextInt(21);
            for (int i = 0; i < count; i++) {
                VietnameseNames.Person person = names.next(random.nextInt(100) < 55);
                LocalDate joined = LocalDate.of(2013, 1, 1).plusDays(random.nextInt((int) (today.toEpochDay()
                        - LocalDate.of(2013, 1, 1).toEpochDay() - 30)));
                int birthYear = joined.getYear() - 18 - random.nextInt(55);
                LocalDate birthDate = random.nextInt(3) == 0 ? null
                        : LocalDate.of(birthYear, 1 + random.nextInt(12), 1 + random.nextInt(28));
                int ethnicity = random.nextInt(10) == 0 ? MINORITIES[random.nextInt(MINORITIES.length)] : 1;
                String phone = random.nextInt(10) < 7 ? mobile(random) : null;
                String address = unit.kind().name().equals("CHAPTER")
                        ? "Tổ " + (1 + random.nextInt(12)) + ", " + unit.name().replace("Chi hội ", "")
                        : "Tổ " + (1 + random.nextInt(40)) + ", Phường Hạ Long";
                MemberView member = members.add(staff, unit.id(), new MemberData(person.fullName(),
                        person.female() ? Gender.FEMALE : Gender.MALE, birthYear, birthDate, ethnicity,
                        random.nextInt(100) < 15, phone, address, joined));
                int fate = random.nextInt(100);
                if (fate < 12) {
                    LocalDate on = joined.plusDays(30 + random.nextInt((int) (today.toEpochDay() - joined.toEpochDay())));
                    members.changeStatus(staff, member.id(), fate < 4 ? MemberStatus.DECEASED : MemberStatus.LEFT,
                            on.isAfter(today) ? today : on, member.version());
                }
            }
        }
    }

    private static String mobile(Random random) {
        String[] prefixes = {"090", "091", "094", "096", "097", "098", "086", "033", "035", "038", "070", "077", "083", "085"};
        return prefixes[random.nextInt(prefixes.length)] + String.format("%07d", random.nextInt(10_000_000));
    }
}
