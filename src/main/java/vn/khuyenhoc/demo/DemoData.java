package vn.khuyenhoc.demo;

import java.util.ArrayList;
import java.util.List;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import vn.khuyenhoc.account.AccountService;
import vn.khuyenhoc.orgunit.GrassrootsUnitForm;
import vn.khuyenhoc.orgunit.OrgUnitKind;
import vn.khuyenhoc.orgunit.OrgUnitService;
import vn.khuyenhoc.orgunit.OrgUnitView;
import vn.khuyenhoc.shared.Scope;
import vn.khuyenhoc.shared.Staff;

/**
 * The demo data set of the {@code demo} profile ({@code ./mvnw spring-boot:run}): one account per role in
 * Quảng Ninh and Phường Hạ Long, a few grassroots units there and their members ({@link DemoMembers}). Loaded
 * only into a database that has no account at all (a fresh one), and only under the {@code demo} profile: a
 * database with any account, a production one above all, never receives the demo accounts and their known
 * password; and what users entered survives restarts.
 */
@Component
@Profile("demo")
@Order(1)
class DemoData implements ApplicationRunner {

    static final String PASSWORD = "demo12345";
    static final String PROVINCE_CODE = "22"; // Quảng Ninh
    static final String COMMUNE_CODE = "06688"; // Phường Hạ Long
    static final String[][] GRASSROOTS = {
            {"CHAPTER", "Chi hội Khu 1"},
            {"CHAPTER", "Chi hội Khu 2"},
            {"CHAPTER", "Chi hội Khu 5"},
            {"BOARD", "Ban khuyến học Trường THCS Hạ Long"},
            {"BOARD", "Ban khuyến học Công ty Than Hòn Gai"},
    };

    private static final Log log = LogFactory.getLog(DemoData.class);

    private final OrgUnitService orgUnits;
    private final AccountService accounts;
    private final DemoMembers members;

    /** Off only in the tests, whose one shared database has the accounts of other tests when the browser tests start. */
    private final boolean onlyIntoEmptyDatabase;

    DemoData(OrgUnitService orgUnits, AccountService accounts, DemoMembers members,
            @Value("${khuyenhoc.demo.only-into-empty-database:true}") boolean onlyIntoEmptyDatabase) {
        this.onlyIntoEmptyDatabase = onlyIntoEmptyDatabase;
        this.orgUnits = orgUnits;
        this.accounts = accounts;
        this.members = members;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        Scope central = orgUnits.centralScope();
        OrgUnitView country = orgUnits.get(central, central.nodeId());
        if (onlyIntoEmptyDatabase && accounts.anyAccount()) {
            log.info("Demo data not loaded: the database has accounts already (demo data goes only into a fresh one).");
            return;
        }
        if (!accounts.createIfAbsent("national", PASSWORD, "Nguyễn Thị Minh Anh", country)) {
            return;
        }
        OrgUnitView province = orgUnits.byOfficialCode(PROVINCE_CODE).orElseThrow();
        OrgUnitView commune = orgUnits.byOfficialCode(COMMUNE_CODE).orElseThrow();
        accounts.createIfAbsent("province", PASSWORD, "Trần Văn Hùng", province);
        accounts.createIfAbsent("commune", PASSWORD, "Lê Thị Hồng Nhung", commune);
        Staff system = Staff.system(central);
        List<OrgUnitView> units = new ArrayList<>();
        for (int i = 0; i < GRASSROOTS.length; i++) {
            String[] unit = GRASSROOTS[i];
            // the demo's units stood long before its records: founded in 2008 to 2016, a couple of years apart
            units.add(orgUnits.createGrassroots(system, commune.id(), new GrassrootsUnitForm(
                    OrgUnitKind.valueOf(unit[0]), unit[1], (2008 + 2 * i) + "-01-15", null, null)));
        }
        accounts.createIfAbsent("chapter", PASSWORD, "Phạm Văn Đức", units.get(0));
        members.load(commune, units);
        log.info("Demo data loaded: accounts national, province, commune, chapter (password " + PASSWORD + ").");
    }
}
