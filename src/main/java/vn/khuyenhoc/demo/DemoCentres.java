package vn.khuyenhoc.demo;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
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
import vn.khuyenhoc.centre.CentreData;
import vn.khuyenhoc.centre.CentreGrade;
import vn.khuyenhoc.centre.CentreKind;
import vn.khuyenhoc.centre.CentreService;
import vn.khuyenhoc.centre.CentreView;
import vn.khuyenhoc.centre.CentreYearData;
import vn.khuyenhoc.centre.DigitalStaffService;
import vn.khuyenhoc.fund.FundCategory;
import vn.khuyenhoc.fund.FundDirection;
import vn.khuyenhoc.fund.FundEntryCommand;
import vn.khuyenhoc.fund.FundService;
import vn.khuyenhoc.orgunit.OrgUnitService;
import vn.khuyenhoc.orgunit.OrgUnitView;
import vn.khuyenhoc.shared.Role;
import vn.khuyenhoc.shared.Scope;
import vn.khuyenhoc.shared.Staff;
import vn.khuyenhoc.shared.VietnamTime;

/**
 * The demo commune's community learning centres (issue 15): two operating centres and one merged away, set up by
 * the ward's People's Committee in August of last year (communes set their centres up since mid-2025), their
 * activity of last year and this year (one a digital learning hub, one not yet), the association's staff trained in
 * digital skills, and fund disbursements that name the centre they support. Loaded once, after the funds.
 */
@Component
@Profile("demo")
@Order(4)
class DemoCentres implements ApplicationRunner {

    private static final Log log = LogFactory.getLog(DemoCentres.class);
    static final String WARD_CENTRE = "Trung tâm học tập cộng đồng phường Hạ Long";

    private final CentreService centres;
    private final DigitalStaffService digitalStaff;
    private final FundService funds;
    private final OrgUnitService orgUnits;
    private final UserDetailsService accounts;
    private final JdbcClient jdbc;
    private final Clock clock;

    DemoCentres(CentreService centres, DigitalStaffService digitalStaff, FundService funds, OrgUnitService orgUnits,
            UserDetailsService accounts, JdbcClient jdbc, Clock clock) {
        this.centres = centres;
        this.digitalStaff = digitalStaff;
        this.funds = funds;
        this.orgUnits = orgUnits;
        this.accounts = accounts;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        OrgUnitView commune = orgUnits.byOfficialCode(DemoData.COMMUNE_CODE).orElseThrow();
        if (jdbc.sql("SELECT EXISTS (SELECT 1 FROM learning_centre WHERE commune_id = :c AND name = :name)")
                .param("c", commune.id()).param("name", WARD_CENTRE).query(Boolean.class).single()) {
            return;
        }
        Staff staff = commune(commune);
        LocalDate today = VietnamTime.today(clock);
        int thisYear = today.getYear();
        int lastYear = thisYear - 1;
        LocalDate setUp = LocalDate.of(lastYear, 8, 12);
        List<CentreView> made = new ArrayList<>();
        made.add(centres.create(staff, commune.id(), new CentreData(WARD_CENTRE,
                "Số 2 đường Lê Thánh Tông, khu 5", "1256/QĐ-UBND", setUp, "Nguyễn Thị Thu Hà", true, null)));
        made.add(centres.create(staff, commune.id(), new CentreData("Trung tâm học tập cộng đồng khu Bạch Đằng",
                "Nhà văn hóa khu 2, phố Bạch Đằng", "1257/QĐ-UBND", setUp, "Trần Văn Bình", true, null)));
        made.add(centres.create(staff, commune.id(), new CentreData("Trung tâm học tập cộng đồng khu Cột 3 (cũ)",
                "Nhà văn hóa khu 1", "1258/QĐ-UBND", setUp, null, false, LocalDate.of(lastYear, 12, 31))));

        // last year (from August) and this year: the ward centre a digital hub, the Bạch Đằng centre not yet
        centres.saveYear(staff, made.get(0).id(), year(lastYear, new int[] {2, 6, 4, 3, 2, 3, 1},
                new int[] {45, 310, 520, 96, 60, 240, 40}, true, true, 6, true, CentreGrade.GOOD), null);
        centres.saveYear(staff, made.get(0).id(), year(thisYear, new int[] {3, 9, 6, 8, 4, 5, 2},
                new int[] {62, 455, 780, 240, 118, 390, 55}, true, true, 10, true, CentreGrade.GOOD), null);
        centres.saveYear(staff, made.get(1).id(), year(lastYear, new int[] {1, 4, 2, 0, 0, 2, 1},
                new int[] {18, 160, 210, 0, 0, 130, 25}, true, false, 0, false, CentreGrade.FAIR), null);
        centres.saveYear(staff, made.get(1).id(), year(thisYear, new int[] {1, 5, 3, 1, 0, 2, 1},
                new int[] {20, 190, 260, 24, 0, 150, 30}, false, true, 0, true, CentreGrade.FAIR), null);
        centres.saveYear(staff, made.get(2).id(), year(lastYear, new int[] {0, 2, 1, 0, 0, 1, 0},
                new int[] {0, 70, 85, 0, 0, 40, 0}, false, false, 0, false, CentreGrade.AVERAGE), null);

        digitalStaff.set(staff, commune.id(), lastYear, 18, 5, null);
        digitalStaff.set(staff, commune.id(), thisYear, 18, 8, null);

        // a donation for the centres first, so that the fund can pay both out whatever it held before (on every later
        // day its balance is then higher than it was)
        funds.record(staff, new FundEntryCommand(FundDirection.RECEIPT, FundCategory.BUSINESS_DONATION, 20_000_000L,
                today.minusDays(41), "Công ty CP Than Hà Tu – TKV", null, "Ủng hộ trung tâm học tập cộng đồng"));
        funds.record(staff, new FundEntryCommand(FundDirection.DISBURSEMENT, FundCategory.COMMUNITY_LEARNING_CENTRE,
                12_000_000L, today.minusDays(40), "Trung tâm học tập cộng đồng phường Hạ Long", 120,
                "Mua 4 máy tính cho phòng học kỹ năng số", made.get(0).id()));
        funds.record(staff, new FundEntryCommand(FundDirection.DISBURSEMENT, FundCategory.COMMUNITY_LEARNING_CENTRE,
                3_000_000L, today.minusDays(25), "Trung tâm học tập cộng đồng khu Bạch Đằng", null,
                "Lắp đặt đường truyền internet", made.get(1).id()));
        log.info("Demo learning centres loaded: 3 centres of Phường Hạ Long, their years, staff trained, fund support.");
    }

    private static CentreYearData year(int year, int[] classes, int[] turns, boolean chair, boolean internet,
            int computers, boolean openMaterials, CentreGrade grade) {
        Map<CentreKind, Integer> c = new EnumMap<>(CentreKind.class);
        Map<CentreKind, Integer> t = new EnumMap<>(CentreKind.class);
        for (CentreKind kind : CentreKind.values()) {
            c.put(kind, classes[kind.ordinal()]);
            t.put(kind, turns[kind.ordinal()]);
        }
        return new CentreYearData(year, c, t, chair, internet, computers, openMaterials, grade);
    }

    /** The demo commune account, or the application acting as the commune's staff where it has none. */
    private Staff commune(OrgUnitView node) {
        try {
            Staff account = ((StaffUser) accounts.loadUserByUsername("commune")).getStaff();
            if (account.scope().nodeId() == node.id()) {
                return account;
            }
        }
        catch (UsernameNotFoundException ex) {
            // the demo accounts were renamed or never made
        }
        return new Staff(0, "system", Role.COMMUNE, new Scope(node.id(), node.path(), node.level()));
    }
}
