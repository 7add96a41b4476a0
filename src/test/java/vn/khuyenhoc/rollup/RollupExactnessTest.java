package vn.khuyenhoc.rollup;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import vn.khuyenhoc.fund.FundCategory;
import vn.khuyenhoc.fund.FundDirection;
import vn.khuyenhoc.fund.FundEntryCommand;
import vn.khuyenhoc.fund.FundEntryView;
import vn.khuyenhoc.fund.FundService;
import vn.khuyenhoc.member.Gender;
import vn.khuyenhoc.member.MemberData;
import vn.khuyenhoc.member.MemberService;
import vn.khuyenhoc.member.MemberStatus;
import vn.khuyenhoc.member.MemberView;
import vn.khuyenhoc.orgunit.OrgUnitView;
import vn.khuyenhoc.registration.EvaluationCommand;
import vn.khuyenhoc.registration.EvaluationService;
import vn.khuyenhoc.registration.RegistrationCommand;
import vn.khuyenhoc.registration.RegistrationService;
import vn.khuyenhoc.registration.RegistrationStatus;
import vn.khuyenhoc.registration.RegistrationView;
import vn.khuyenhoc.registration.TitleKind;
import vn.khuyenhoc.shared.RuleViolationException;
import vn.khuyenhoc.shared.Scope;
import vn.khuyenhoc.shared.Staff;
import vn.khuyenhoc.support.IntegrationTest;
import vn.khuyenhoc.support.TestTree;
import vn.khuyenhoc.support.Today;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The dashboards' figures are exact: after a random mix of member, status, registration, evaluation, withdrawal,
 * fund and reversal operations across units of two communes in two provinces, every figure of every level (units,
 * communes, provinces, the country) and of every year touched equals a direct count over the raw records.
 */
@IntegrationTest
class RollupExactnessTest {

    @Autowired
    MemberService members;

    @Autowired
    RegistrationService registrations;

    @Autowired
    EvaluationService evaluations;

    @Autowired
    FundService funds;

    @Autowired
    RollupService rollups;

    @Autowired
    TestTree tree;

    @Autowired
    JdbcClient jdbc;

    @Test
    void everyFigureOfEveryLevelEqualsADirectCountAfterARandomMixOfOperations() {
        Random random = new Random(20261123);
        LocalDate today = Today.inVietnam();
        int thisYear = today.getYear();
        List<OrgUnitView> communes = List.of(tree.unit("06688"), tree.unit("00004")); // Quảng Ninh, Hà Nội
        List<OrgUnitView> chapters = List.of(tree.newChapter("06688"), tree.newChapter("06688"), tree.newChapter("00004"));
        List<Staff> chapterStaff = chapters.stream().map(tree::staffOf).toList();
        List<Staff> communeStaff = communes.stream().map(tree::staffOf).toList();
        List<Long> memberIds = new ArrayList<>();
        List<Long> registrationIds = new ArrayList<>();
        List<FundEntryView> entries = new ArrayList<>();
        int refused = 0;

        for (int i = 0; i < 240; i++) {
            int c = random.nextInt(chapters.size());
            Staff secretary = chapterStaff.get(c);
            int communeIndex = chapters.get(c).parentId().equals(communes.get(0).id()) ? 0 : 1;
            try {
                switch (random.nextInt(9)) {
                    case 0, 1 -> memberIds.add(members.add(secretary, chapters.get(c).id(), new MemberData(
                            "Nguyễn Văn Thử " + i, random.nextBoolean() ? Gender.MALE : Gender.FEMALE,
                            1960 + random.nextInt(30), null, 1, random.nextInt(3) == 0, null, "Tổ " + i,
                            randomDate(random, LocalDate.of(thisYear - 2, 1, 1), today))).id());
                    case 2 -> {
                        if (!memberIds.isEmpty()) {
                            MemberView member = members.get(centralScope(),
                                    memberIds.get(random.nextInt(memberIds.size())));
                            if (member.status() == MemberStatus.ACTIVE) {
                                Staff owner = staffFor(chapters, chapterStaff, member.unitId());
                                members.changeStatus(owner, member.id(),
                                        random.nextBoolean() ? MemberStatus.LEFT : MemberStatus.DECEASED,
                                        randomDate(random, member.joinedOn(), today), member.version());
                            }
                        }
                    }
                    case 3 -> registrationIds.add(registrations.register(secretary, chapters.get(c).id(),
                            RegistrationCommand.of(TitleKind.FAMILY, thisYear - random.nextInt(2), "Trần Văn Hộ " + i,
                                    "Số nhà " + i + ", " + UUID.randomUUID(), 4, null, null, null)).id());
                    case 4 -> registrationIds.add(registrations.register(communeStaff.get(communeIndex),
                            communes.get(communeIndex).id(), RegistrationCommand.of(TitleKind.CLAN,
                                    thisYear - random.nextInt(2), "Dòng họ Thử " + UUID.randomUUID(), null, null,
                                    "Lê Văn Đại Diện", null, null)).id());
                    case 5 -> {
                        if (!registrationIds.isEmpty()) {
                            RegistrationView registration = registrations.get(centralScope(),
                                    registrationIds.get(random.nextInt(registrationIds.size())));
                            Staff evaluator = communeStaff.get(registration.communeId() == communes.get(0).id() ? 0 : 1);
                            if (registration.status() == RegistrationStatus.REGISTERED && random.nextInt(4) == 0) {
                                registrations.withdraw(ownerOf(registration, chapters, chapterStaff, communeStaff,
                                        communes), registration.id(), registration.version());
                            }
                            else if (registration.status() != RegistrationStatus.WITHDRAWN) {
                                boolean recognised = random.nextBoolean();
                                evaluations.evaluate(evaluator, registration.id(), new EvaluationCommand(
                                        recognised ? RegistrationStatus.RECOGNISED : RegistrationStatus.NOT_RECOGNISED,
                                        recognised ? "12" + i + "/QĐ-KH" : null,
                                        recognised ? randomDate(random, LocalDate.of(registration.year(), 1, 1), today) : null,
                                        registration.version()));
                            }
                        }
                    }
                    case 6 -> entries.add(funds.record(random.nextBoolean() ? secretary : communeStaff.get(communeIndex),
                            new FundEntryCommand(FundDirection.RECEIPT, FundCategory.BUSINESS_DONATION,
                                    (1 + random.nextInt(50)) * 100_000L, randomDate(random, LocalDate.of(thisYear - 2, 1, 1), today),
                                    "Công ty Thử " + i, null, null)));
                    case 7 -> entries.add(funds.record(random.nextBoolean() ? secretary : communeStaff.get(communeIndex),
                            new FundEntryCommand(FundDirection.DISBURSEMENT, FundCategory.SCHOLARSHIP_UNDERPRIVILEGED,
                                    (1 + random.nextInt(10)) * 100_000L, today, "Học sinh Thử " + i, 1 + random.nextInt(5), null)));
                    default -> {
                        if (!entries.isEmpty()) {
                            FundEntryView entry = entries.get(random.nextInt(entries.size()));
                            Staff owner = entry.nodeId() == communes.get(0).id() ? communeStaff.get(0)
                                    : entry.nodeId() == communes.get(1).id() ? communeStaff.get(1)
                                    : staffFor(chapters, chapterStaff, entry.nodeId());
                            entries.add(funds.reverse(owner, entry.id(), today, "Ghi nhầm số tiền"));
                        }
                    }
                }
            }
            catch (RuleViolationException ex) {
                refused++; // a rule said no (overdraft, second reversal, ...): nothing was written, which is checked below too
            }
        }
        assertThat(memberIds.size()).isGreaterThan(20);
        assertThat(registrationIds.size()).isGreaterThan(20);
        assertThat(entries.size()).isGreaterThan(20);

        List<OrgUnitView> nodes = new ArrayList<>();
        nodes.add(tree.central());
        nodes.add(tree.unit("22"));
        nodes.add(tree.unit("01"));
        nodes.addAll(communes);
        nodes.addAll(chapters);
        DirectCounts direct = new DirectCounts(jdbc);
        int compared = 0;
        for (OrgUnitView node : nodes) {
            for (int year = thisYear - 2; year <= thisYear; year++) {
                Figures figures = rollups.figures(centralScope(), node.id(), year);
                for (Map.Entry<String, Long> expected : direct.of(node, year).entrySet()) {
                    Number actual = Figure.byKey(expected.getKey()).of(figures);
                    assertThat(actual.longValue()).as("%s of %s in %d", expected.getKey(), node.name(), year)
                            .isEqualTo(expected.getValue());
                    compared++;
                }
            }
        }
        // and the dashboard's rows of a commune's units are those same figures
        for (var row : rollups.dashboard(centralScope(), communes.get(0).id(), thisYear, 8, false).rows()) {
            Map<String, Long> expected = direct.of(row.node(), thisYear);
            expected.forEach((key, value) -> assertThat(Figure.byKey(key).of(row.figures()).longValue())
                    .as("%s of %s", key, row.node().name()).isEqualTo(value));
        }
        System.out.printf("RollupExactnessTest: %d figures compared, %d operations refused by a rule%n", compared, refused);
    }

    private Scope centralScope() {
        OrgUnitView central = tree.central();
        return new Scope(central.id(), central.path(), 0);
    }

    private static Staff staffFor(List<OrgUnitView> units, List<Staff> staff, long unitId) {
        for (int i = 0; i < units.size(); i++) {
            if (units.get(i).id() == unitId) {
                return staff.get(i);
            }
        }
        throw new IllegalStateException("no staff for unit " + unitId);
    }

    private static Staff ownerOf(RegistrationView registration, List<OrgUnitView> chapters, List<Staff> chapterStaff,
            List<Staff> communeStaff, List<OrgUnitView> communes) {
        if (registration.nodeId() == communes.get(0).id()) {
            return communeStaff.get(0);
        }
        if (registration.nodeId() == communes.get(1).id()) {
            return communeStaff.get(1);
        }
        return staffFor(chapters, chapterStaff, registration.nodeId());
    }

    private static LocalDate randomDate(Random random, LocalDate from, LocalDate to) {
        long days = to.toEpochDay() - from.toEpochDay();
        return days <= 0 ? to : from.plusDays(random.nextLong(days + 1));
    }
}
