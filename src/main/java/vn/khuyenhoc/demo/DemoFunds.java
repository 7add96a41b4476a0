package vn.khuyenhoc.demo;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import vn.khuyenhoc.account.StaffUser;
import vn.khuyenhoc.fund.FundCategory;
import vn.khuyenhoc.fund.FundEntryCommand;
import vn.khuyenhoc.fund.FundService;
import vn.khuyenhoc.orgunit.OrgUnitService;
import vn.khuyenhoc.orgunit.OrgUnitView;
import vn.khuyenhoc.shared.Role;
import vn.khuyenhoc.shared.Scope;
import vn.khuyenhoc.shared.Staff;

/**
 * The demo's education-promotion funds: a year of receipts and disbursements, up to today, for Phường Hạ Long, its
 * grassroots units and Quảng Ninh, recorded through {@link FundService} like any user's (vouchers, balance checks,
 * audit), by the demo accounts where a node has one. Includes one mistake put right by a reversing entry. Loaded once:
 * it does nothing when Phường Hạ Long's subtree already has fund entries. Names of people and firms are made up.
 */
@Component
@Profile("demo")
@Order(3)
class DemoFunds implements ApplicationRunner {

    private static final Log log = LogFactory.getLog(DemoFunds.class);

    private static final String COMMUNE = "commune";
    private static final String PROVINCE = "province";

    /** Days before today, fund (a demo account or a grassroots unit's name), category, amount, counterparty, people, note. */
    private static final Object[][] ENTRIES = {
            {350, COMMUNE, "BUSINESS_DONATION", 50_000_000, "Công ty CP Than Hà Lầm – Vinacomin", null, "Ủng hộ quỹ khuyến học năm học mới"},
            {345, "Chi hội Khu 1", "MEMBER_CONTRIBUTION", 3_600_000, "Hội viên đóng góp", null, "72 hội viên, mỗi người 50.000 ₫"},
            {342, PROVINCE, "BUSINESS_DONATION", 500_000_000, "Tập đoàn Công nghiệp Than – Khoáng sản Việt Nam (TKV)", null, null},
            {340, COMMUNE, "BUSINESS_DONATION", 30_000_000, "Ngân hàng TMCP Ngoại thương Việt Nam – Chi nhánh Quảng Ninh", null, null},
            {338, "Ban khuyến học Công ty Than Hòn Gai", "BUSINESS_DONATION", 40_000_000, "Công ty Than Hòn Gai – TKV", null, "Trích quỹ phúc lợi cho khuyến học"},
            {335, "Chi hội Khu 2", "MEMBER_CONTRIBUTION", 2_800_000, "Hội viên đóng góp", null, null},
            {333, "Chi hội Khu 5", "MEMBER_CONTRIBUTION", 3_000_000, "Hội viên đóng góp", null, null},
            {330, COMMUNE, "INDIVIDUAL_DONATION", 2_000_000, "Ông Nguyễn Văn Thắng (tổ 3, khu 5)", null, null},
            {328, "Ban khuyến học Trường THCS Hạ Long", "OTHER_RECEIPT", 4_000_000, "Ban đại diện cha mẹ học sinh Trường THCS Hạ Long", null, null},
            {325, COMMUNE, "INDIVIDUAL_DONATION", 15_000_000, "Bà Trần Thị Lan (tổ 7, khu 2)", null, null},
            {324, COMMUNE, "REVERSE", 0, "Bà Trần Thị Lan (tổ 7, khu 2)", null, "Ghi nhầm số tiền: 15.000.000 ₫ thay vì 1.500.000 ₫"},
            {324, COMMUNE, "INDIVIDUAL_DONATION", 1_500_000, "Bà Trần Thị Lan (tổ 7, khu 2)", null, null},
            {320, COMMUNE, "MEMBER_CONTRIBUTION", 12_600_000, "Hội viên đóng góp", null, "Các chi hội, ban khuyến học nộp đợt 1"},
            {310, "Chi hội Khu 5", "INDIVIDUAL_DONATION", 2_000_000, "Gia đình ông Đặng Văn Lộc", null, null},
            {300, COMMUNE, "OVERSEAS_VIETNAMESE", 10_000_000, "Anh Phạm Minh Tuấn (Việt kiều Úc)", null, null},
            {300, "Chi hội Khu 1", "INDIVIDUAL_DONATION", 1_000_000, "Ông Bùi Văn Hải", null, null},
            {295, "Chi hội Khu 2", "INDIVIDUAL_DONATION", 500_000, null, null, null},
            {290, COMMUNE, "INDIVIDUAL_DONATION", 500_000, null, null, null},
            {282, PROVINCE, "SCHOLARSHIP_GIFTED_DISADVANTAGED", 200_000_000, "Học sinh giỏi có hoàn cảnh khó khăn toàn tỉnh (danh sách kèm theo)", 200, "Trao học bổng “Tiếp sức đến trường”"},
            {280, COMMUNE, "SCHOLARSHIP_UNDERPRIVILEGED", 20_000_000, "20 học sinh nghèo vượt khó các trường trên địa bàn phường (danh sách kèm theo)", 20, "Trao học bổng đợt 1"},
            {279, COMMUNE, "SCHOLARSHIP_DISABLED", 3_000_000, "Em Vũ Thị Hà (lớp 7A, Trường THCS Hạ Long)", 1, null},
            {279, COMMUNE, "SCHOLARSHIP_DISABLED", 3_000_000, "Em Đỗ Minh Khang (lớp 4B, Trường Tiểu học Hạ Long)", 1, null},
            {270, "Chi hội Khu 1", "BUSINESS_DONATION", 5_000_000, "Cửa hàng vật liệu xây dựng Minh Phát", null, null},
            {265, "Chi hội Khu 1", "SCHOLARSHIP_UNDERPRIVILEGED", 1_000_000, "Em Nguyễn Thị Mai (lớp 8A, Trường THCS Hạ Long)", 1, null},
            {265, "Chi hội Khu 1", "SCHOLARSHIP_UNDERPRIVILEGED", 1_000_000, "Em Trần Văn Hùng (lớp 5C, Trường Tiểu học Hạ Long)", 1, null},
            {265, "Chi hội Khu 1", "SCHOLARSHIP_UNDERPRIVILEGED", 1_000_000, "Em Phạm Gia Bảo (lớp 9B, Trường THCS Hạ Long)", 1, null},
            {262, "Chi hội Khu 2", "SCHOLARSHIP_UNDERPRIVILEGED", 800_000, "Em Lương Thị Thảo (lớp 6A, Trường THCS Hạ Long)", 1, null},
            {262, "Chi hội Khu 2", "SCHOLARSHIP_UNDERPRIVILEGED", 800_000, "Em Hà Văn Quý (lớp 3B, Trường Tiểu học Hạ Long)", 1, null},
            {260, "Chi hội Khu 5", "SCHOLARSHIP_DISABLED", 1_500_000, "Em Đặng Thu Trang (lớp 3A, Trường Tiểu học Hạ Long)", 1, null},
            {258, "Ban khuyến học Công ty Than Hòn Gai", "SCHOLARSHIP_UNDERPRIVILEGED", 6_000_000, "10 con công nhân có hoàn cảnh khó khăn (danh sách kèm theo)", 10, null},
            {250, COMMUNE, "SUPPORT_TEACHERS_IN_DIFFICULTY", 5_000_000, "Cô Hoàng Thị Thu (Trường Tiểu học Hạ Long)", 1, "Hỗ trợ chữa bệnh"},
            {200, COMMUNE, "AWARD_TEACHERS", 6_000_000, "6 giáo viên dạy giỏi cấp tỉnh (danh sách kèm theo)", 6, "Khen thưởng giáo viên dạy giỏi"},
            {198, PROVINCE, "AWARD_TEACHERS", 50_000_000, "100 nhà giáo tiêu biểu toàn tỉnh (danh sách kèm theo)", 100, null},
            {195, "Ban khuyến học Trường THCS Hạ Long", "SUPPORT_TEACHERS_IN_DIFFICULTY", 2_000_000, "Thầy Ngô Văn Bình (tổ Toán)", 1, null},
            {180, COMMUNE, "INTERNATIONAL_PARTNER", 25_000_000, "Quỹ Hỗ trợ giáo dục Sao Mai (Nhật Bản)", null, "Tài trợ tủ sách cho trung tâm học tập cộng đồng"},
            {160, "Ban khuyến học Trường THCS Hạ Long", "INDIVIDUAL_DONATION", 3_000_000, "Cô Phạm Thị Nga (giáo viên nghỉ hưu)", null, null},
            {150, COMMUNE, "COMMUNITY_LEARNING_CENTRE", 8_000_000, "Trung tâm học tập cộng đồng phường Hạ Long", null, "Mua sách, tủ sách cho phòng đọc"},
            {120, COMMUNE, "SCHOLARSHIP_GIFTED_DISADVANTAGED", 10_000_000, "Em Lê Thị Ngọc Ánh (lớp 12A1, Trường THPT chuyên Hạ Long) và 4 em khác", 5, null},
            {100, "Chi hội Khu 1", "AWARD_STUDENTS", 2_400_000, "24 học sinh giỏi, tiên tiến của khu 1", 24, null},
            {95, "Chi hội Khu 1", "MEMBER_CONTRIBUTION", 3_600_000, "Hội viên đóng góp", null, "Đợt 2"},
            {90, COMMUNE, "MEMBER_CONTRIBUTION", 11_400_000, "Hội viên đóng góp", null, "Các chi hội, ban khuyến học nộp đợt 2"},
            {75, "Ban khuyến học Trường THCS Hạ Long", "AWARD_STUDENTS", 3_000_000, "15 học sinh đạt giải học sinh giỏi cấp thành phố", 15, null},
            {60, COMMUNE, "AWARD_STUDENTS", 15_000_000, "30 học sinh giỏi cấp tỉnh, cấp quốc gia (danh sách kèm theo)", 30, "Lễ tuyên dương học sinh giỏi"},
            {58, "Ban khuyến học Công ty Than Hòn Gai", "AWARD_STUDENTS", 12_000_000, "60 con công nhân đạt thành tích học tập xuất sắc", 60, null},
            {30, COMMUNE, "OPERATIONS", 1_200_000, "Cửa hàng văn phòng phẩm Hồng Hà", null, "In giấy khen, khung giấy khen"},
            {20, "Chi hội Khu 1", "OPERATIONS", 300_000, "Hội nghị tổng kết chi hội", null, "Nước uống, in tài liệu"},
            {10, COMMUNE, "BUSINESS_DONATION", 20_000_000, "Công ty CP Cảng Quảng Ninh", null, null},
    };

    private final FundService funds;
    private final OrgUnitService orgUnits;
    private final UserDetailsService accounts;
    private final JdbcClient jdbc;

    DemoFunds(FundService funds, OrgUnitService orgUnits, UserDetailsService accounts, JdbcClient jdbc) {
        this.funds = funds;
        this.orgUnits = orgUnits;
        this.accounts = accounts;
        this.jdbc = jdbc;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        OrgUnitView commune = orgUnits.byOfficialCode(DemoData.COMMUNE_CODE).orElseThrow();
        if (jdbc.sql("SELECT EXISTS (SELECT 1 FROM fund_entry WHERE commune_id = :c)").param("c", commune.id())
                .query(Boolean.class).single()) {
            return;
        }
        // each fund's entries are recorded by the demo account of its node, or by the application where it has none
        Map<String, Staff> staff = new HashMap<>();
        staff.put(COMMUNE, recorder(commune, COMMUNE));
        staff.put(PROVINCE, recorder(orgUnits.byOfficialCode(DemoData.PROVINCE_CODE).orElseThrow(), PROVINCE));
        Scope central = orgUnits.centralScope();
        for (var child : orgUnits.children(central, commune.id())) {
            OrgUnitView unit = orgUnits.get(central, child.id());
            staff.put(unit.name(), recorder(unit, "chapter"));
        }

        LocalDate today = funds.today();
        Map<String, Long> lastByCounterparty = new HashMap<>();
        int written = 0;
        for (Object[] e : sortedByDate()) {
            Staff by = staff.get((String) e[1]);
            if (by == null) {
                continue; // a demo unit renamed or missing: leave its fund empty
            }
            LocalDate date = today.minusDays((Integer) e[0]);
            String counterparty = (String) e[4];
            if (e[2].equals("REVERSE")) {
                funds.reverse(by, lastByCounterparty.get(counterparty), date, (String) e[6]);
            }
            else {
                long id = funds.record(by, new FundEntryCommand(FundCategory.valueOf((String) e[2]).direction(),
                        FundCategory.valueOf((String) e[2]), ((Integer) e[3]).longValue(), date, counterparty,
                        (Integer) e[5], (String) e[6])).id();
                lastByCounterparty.put(counterparty, id);
            }
            written++;
        }
        log.info("Demo funds loaded: " + written + " entries for Phường Hạ Long, its units and Quảng Ninh.");
    }

    /** The demo account {@code username} when it is bound to this node, else the application acting for the node. */
    private Staff recorder(OrgUnitView node, String username) {
        try {
            Staff account = ((StaffUser) accounts.loadUserByUsername(username)).getStaff();
            if (account.scope().nodeId() == node.id()) {
                return account;
            }
        }
        catch (UsernameNotFoundException ex) {
            // a database whose demo accounts were renamed or never made: the application records
        }
        return new Staff(0, "system", Role.forLevel(node.level()), new Scope(node.id(), node.path(), node.level()));
    }

    private static List<Object[]> sortedByDate() {
        // oldest first (a stable sort keeps same-day entries in the order written above)
        return Arrays.stream(ENTRIES).sorted(Comparator.comparing((Object[] e) -> -(Integer) e[0])).toList();
    }
}
