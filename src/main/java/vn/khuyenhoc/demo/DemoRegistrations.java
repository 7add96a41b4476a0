package vn.khuyenhoc.demo;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import vn.khuyenhoc.orgunit.OrgUnitService;
import vn.khuyenhoc.orgunit.OrgUnitView;
import vn.khuyenhoc.criteria.CriteriaService;
import vn.khuyenhoc.criteria.ScoringService;
import vn.khuyenhoc.registration.EvaluationCommand;
import vn.khuyenhoc.registration.EvaluationService;
import vn.khuyenhoc.registration.RegistrationCommand;
import vn.khuyenhoc.registration.RegistrationService;
import vn.khuyenhoc.registration.RegistrationStatus;
import vn.khuyenhoc.registration.RegistrationView;
import vn.khuyenhoc.registration.TitleKind;
import vn.khuyenhoc.registration.UnitType;
import vn.khuyenhoc.shared.Role;
import vn.khuyenhoc.shared.Scope;
import vn.khuyenhoc.shared.Staff;
import vn.khuyenhoc.shared.VietnamTime;

/**
 * The demo's learning-title registrations in Phường Hạ Long ({@link DemoData}'s units), for last year and this
 * year, entered through the application's own services as each unit's secretary and the commune's staff would:
 * last year's evaluated at year end (most recognised by decision 125/QĐ-KH, a few not), this year's still
 * registered. Loaded once: when the commune has any registration, it does nothing.
 */
@Component
@Profile("demo")
@Order(3)
class DemoRegistrations implements ApplicationRunner {

    private static final Log log = LogFactory.getLog(DemoRegistrations.class);

    /** Per grassroots unit: families (head, address, people), communities, citizens (name, birth year). */
    private static final Map<String, Unit> UNITS = Map.of(
            "Chi hội Khu 1", new Unit(
                    List.of(new Family("Nguyễn Văn Hải", "Tổ 1, Khu 1", 4), new Family("Trần Thị Lan", "Tổ 2, Khu 1", 5),
                            new Family("Phạm Minh Tuấn", "Tổ 3, Khu 1", 3), new Family("Lê Thị Thanh Hương", "Tổ 4, Khu 1", 6),
                            new Family("Đặng Quốc Việt", "Tổ 4, Khu 1", 4)),
                    List.of("Khu 1"),
                    List.of(new Citizen("Vũ Thị Thu Hà", 1988), new Citizen("Đỗ Văn Long", 1975),
                            new Citizen("Nguyễn Thị Ngọc Ánh", 2001))),
            "Chi hội Khu 2", new Unit(
                    List.of(new Family("Lê Văn Thắng", "Tổ 1, Khu 2", 5), new Family("Hoàng Thị Nga", "Tổ 2, Khu 2", 4),
                            new Family("Bùi Đức Thành", "Tổ 3, Khu 2", 3)),
                    List.of("Khu 2"),
                    List.of(new Citizen("Trịnh Văn Khoa", 1969))),
            "Chi hội Khu 5", new Unit(
                    List.of(new Family("Hoàng Thị Mai", "Tổ 3, Khu 5", 4), new Family("Phan Văn Đông", "Tổ 3, Khu 5", 5),
                            new Family("Ngô Thị Bích Thủy", "Tổ 1, Khu 5", 2), new Family("Đinh Công Minh", "Tổ 6, Khu 5", 7)),
                    List.of("Khu 5"),
                    List.of(new Citizen("Lương Thị Hạnh", 1992))),
            "Ban khuyến học Trường THCS Hạ Long", new Unit(List.of(), List.of(),
                    List.of(new Citizen("Ngô Thị Phương", 1982), new Citizen("Tạ Minh Quân", 1990))),
            "Ban khuyến học Công ty Than Hòn Gai", new Unit(List.of(), List.of(),
                    List.of(new Citizen("Bùi Văn Nam", 1979), new Citizen("Cao Thị Huyền", 1986))));

    private static final List<String[]> CLANS = List.of(
            new String[] {"Dòng họ Nguyễn Văn", "Nguyễn Văn Bình"},
            new String[] {"Dòng họ Trần Đức", "Trần Đức Thịnh"},
            new String[] {"Dòng họ Phạm", "Phạm Văn Lộc"});

    private static final List<Object[]> LEARNING_UNITS = List.of(
            new Object[] {"Trường Tiểu học Hạ Long", UnitType.SCHOOL},
            new Object[] {"Trường THCS Hạ Long", UnitType.SCHOOL},
            new Object[] {"UBND phường Hạ Long", UnitType.AGENCY},
            new Object[] {"Công ty CP Than Hòn Gai", UnitType.ENTERPRISE},
            new Object[] {"Trạm Y tế phường Hạ Long", UnitType.OTHER});

    private final OrgUnitService orgUnits;
    private final RegistrationService registrations;
    private final EvaluationService evaluation;
    private final CriteriaService criteria;
    private final ScoringService scoring;
    private final Clock clock;
    private final JdbcClient jdbc;

    DemoRegistrations(OrgUnitService orgUnits, RegistrationService registrations, EvaluationService evaluation,
            CriteriaService criteria, ScoringService scoring, JdbcClient jdbc, Clock clock) {
        this.clock = clock;
        this.orgUnits = orgUnits;
        this.registrations = registrations;
        this.evaluation = evaluation;
        this.criteria = criteria;
        this.scoring = scoring;
        this.jdbc = jdbc;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        OrgUnitView commune = orgUnits.byOfficialCode(DemoData.COMMUNE_CODE).orElseThrow();
        if (jdbc.sql("SELECT count(*) FROM title_registration WHERE commune_id = :c").param("c", commune.id())
                .query(Long.class).single() > 0) {
            return;
        }
        Scope central = orgUnits.centralScope();
        Staff communeStaff = actingAs(Role.COMMUNE, commune);
        int thisYear = VietnamTime.thisYear(clock);
        for (int year : new int[] {thisYear - 1, thisYear}) {
            boolean lastYear = year < thisYear;
            List<RegistrationView> made = new ArrayList<>();
            for (var child : orgUnits.children(central, commune.id())) {
                Unit unit = UNITS.get(child.name());
                if (unit == null || !child.active()) {
                    continue;
                }
                OrgUnitView node = orgUnits.get(central, child.id());
                Staff secretary = actingAs(Role.CHAPTER, node);
                // this year: the same households again, but the last one has not registered yet
                List<Family> families = lastYear ? unit.families() : unit.families().subList(0, Math.max(0, unit.families().size() - 1));
                for (Family f : families) {
                    made.add(register(secretary, node, RegistrationCommand.of(TitleKind.FAMILY, year, f.head(), f.address(),
                            f.people(), null, null, null)));
                }
                for (String community : unit.communities()) {
                    made.add(register(secretary, node, RegistrationCommand.of(TitleKind.COMMUNITY, year, community, null,
                            null, null, null, null)));
                }
                for (Citizen c : unit.citizens()) {
                    made.add(register(secretary, node, RegistrationCommand.of(TitleKind.CITIZEN, year, c.name(), null, null,
                            null, null, c.birthYear())));
                }
            }
            for (String[] clan : CLANS) {
                made.add(register(communeStaff, commune, RegistrationCommand.of(TitleKind.CLAN, year, clan[0], null, null,
                        clan[1], null, null)));
            }
            for (Object[] learningUnit : LEARNING_UNITS) {
                made.add(register(communeStaff, commune, RegistrationCommand.of(TitleKind.UNIT, year, (String) learningUnit[0],
                        null, null, null, (UnitType) learningUnit[1], null)));
            }
            if (lastYear) {
                evaluateLastYear(communeStaff, commune, year, made);
            }
            else {
                // a household that moved away: withdrawn, so it no longer counts
                RegistrationView moved = made.stream().filter(r -> r.kind() == TitleKind.FAMILY).findFirst().orElseThrow();
                registrations.withdraw(actingAs(Role.CHAPTER, orgUnits.get(central, moved.nodeId())), moved.id(),
                        moved.version());
            }
        }
        log.info("Demo learning-title registrations loaded for Phường Hạ Long, " + (thisYear - 1) + " and " + thisYear + ".");
    }

    /**
     * Every fifth one not recognised, the rest recognised by decision 125/QĐ-KH of 15 December; those of a title
     * with a complete criteria set are scored (points that pass, or not), the others decided in two selections.
     */
    private void evaluateLastYear(Staff communeStaff, OrgUnitView commune, int year, List<RegistrationView> made) {
        List<String> recognised = new ArrayList<>();
        List<String> notRecognised = new ArrayList<>();
        for (int i = 0; i < made.size(); i++) {
            RegistrationView r = made.get(i);
            boolean pass = i % 5 != 4;
            var set = criteria.scoring(r.kind(), r.year());
            if (set.isPresent()) {
                // full marks less a little; a failing one scores half of each maximum
                List<Integer> points = set.get().criteria().stream()
                        .map(c -> pass ? c.maxPoints() - (c.maxPoints() >= 10 ? 1 : 0) : c.maxPoints() / 2 - 1).toList();
                scoring.scoreChecked(communeStaff, r, set.get(), points, "125/QĐ-KH", LocalDate.of(year, 12, 15));
                continue;
            }
            (pass ? recognised : notRecognised).add(r.selectionValue());
        }
        evaluation.evaluateAll(communeStaff, commune.id(), recognised, EvaluationCommand.of(RegistrationStatus.RECOGNISED,
                "125/QĐ-KH", LocalDate.of(year, 12, 15)));
        evaluation.evaluateAll(communeStaff, commune.id(), notRecognised,
                EvaluationCommand.of(RegistrationStatus.NOT_RECOGNISED, null, null));
    }

    private RegistrationView register(Staff staff, OrgUnitView node, RegistrationCommand form) {
        return registrations.register(staff, node.id(), form);
    }

    /** The application entering data as the staff of a node would (audited as "system"). */
    private static Staff actingAs(Role role, OrgUnitView node) {
        return new Staff(0, "system", role, new Scope(node.id(), node.path(), node.level()));
    }

    private record Unit(List<Family> families, List<String> communities, List<Citizen> citizens) {
    }

    private record Family(String head, String address, int people) {
    }

    private record Citizen(String name, int birthYear) {
    }
}
