package vn.khuyenhoc.shared;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiFunction;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;

import vn.khuyenhoc.orgunit.OrgUnitService;
import vn.khuyenhoc.orgunit.OrgUnitView;
import vn.khuyenhoc.support.IntegrationTest;
import vn.khuyenhoc.support.TestTree;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static vn.khuyenhoc.support.TestTree.as;

/**
 * Every endpoint of the tree, the accounts and the audit log, tried by staff of another province, another commune
 * and another grassroots unit: an id outside their subtree answers 404 and changes nothing; a wrong role answers
 * 403. The victim's province is chosen so that the other province's id is a prefix of its id (2 and 22: paths
 * {@code /1/2/} and {@code /1/22/}), and the victim unit's id extends a sibling unit's id the same way, so a
 * prefix test without the trailing slash would let them in.
 * <p>
 * A new endpoint is one line in {@link #endpoints()} or {@link #laterEndpoints()}.
 */
@IntegrationTest
class ScopeEnforcementTest {

    private static final Set<Role> ANYONE = EnumSet.allOf(Role.class);
    private static final Set<Role> COMMUNE_STAFF = EnumSet.of(Role.COMMUNE);
    private static final Set<Role> MANAGERS = EnumSet.of(Role.NATIONAL, Role.PROVINCE, Role.COMMUNE);
    private static final Set<Role> NATIONAL_STAFF = EnumSet.of(Role.NATIONAL);
    /** Staff of the country, a province or a commune: no grassroots unit sees a province or commune page. */
    private static final Set<Role> NODE_STAFF = EnumSet.of(Role.NATIONAL, Role.PROVINCE, Role.COMMUNE);
    /** Staff of a node that reports (and keeps its own denominators): a province or a commune. */
    private static final Set<Role> REPORTERS = EnumSet.of(Role.PROVINCE, Role.COMMUNE);
    /** Staff of a node whose children report: the country or a province. */
    private static final Set<Role> DECIDERS = EnumSet.of(Role.NATIONAL, Role.PROVINCE);
    private static final Set<Role> PROVINCE_STAFF = EnumSet.of(Role.PROVINCE);

    /** Explicit ids far above the identity sequence, so that one unit's id can be another's id plus a digit. */
    private static final AtomicLong TWIN_IDS = new AtomicLong(100_000_000_000L);

    @Autowired
    MockMvc mvc;

    @Autowired
    TestTree tree;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    OrgUnitService orgUnits;

    @Autowired
    java.time.Clock clock;

    static Stream<Endpoint> endpoints() {
        return Stream.of(
                endpoint("GET /units/{province}", ANYONE, Role.PROVINCE,
                        (f, r) -> get("/units/{id}", f.province.id())),
                endpoint("GET /units/{commune}", ANYONE, Role.COMMUNE,
                        (f, r) -> get("/units/{id}", f.commune.id())),
                endpoint("GET /units/{unit}", ANYONE, Role.CHAPTER,
                        (f, r) -> get("/units/{id}", f.unit.id())),
                endpoint("GET /units/{commune}/grassroots/new", COMMUNE_STAFF, Role.COMMUNE,
                        (f, r) -> get("/units/{id}/grassroots/new", f.commune.id())),
                endpoint("POST /units/{commune}/grassroots", COMMUNE_STAFF, Role.COMMUNE,
                        (f, r) -> post("/units/{id}/grassroots", f.commune.id()).param("kind", "BOARD")
                                .param("name", "Ban khuyến học " + UUID.randomUUID())),
                endpoint("GET /units/{unit}/edit", COMMUNE_STAFF, Role.COMMUNE,
                        (f, r) -> get("/units/{id}/edit", f.unit.id())),
                endpoint("POST /units/{unit}", COMMUNE_STAFF, Role.COMMUNE,
                        (f, r) -> post("/units/{id}", f.unit.id()).param("kind", "BOARD")
                                .param("name", "Đổi tên " + UUID.randomUUID())
                                .param("version", String.valueOf(f.unit.version()))),
                endpoint("POST /units/{unit}/deactivate", COMMUNE_STAFF, Role.COMMUNE,
                        (f, r) -> post("/units/{id}/deactivate", f.unit.id())),
                endpoint("POST /units/{unit}/activate", COMMUNE_STAFF, Role.COMMUNE,
                        (f, r) -> post("/units/{id}/activate", f.unit.id())),
                endpoint("GET /accounts/new?unitId={managed unit}", MANAGERS, Role.PROVINCE,
                        (f, r) -> get("/accounts/new").param("unitId", String.valueOf(f.managedUnit(r).id()))),
                endpoint("POST /accounts (unitId={managed unit})", MANAGERS, Role.PROVINCE,
                        (f, r) -> post("/accounts").param("unitId", String.valueOf(f.managedUnit(r).id()))
                                .param("username", "x" + UUID.randomUUID().toString().substring(0, 8))
                                .param("fullName", "Nguyễn Văn Lạ").param("password", "matkhau-dai-123")),
                endpoint("POST /accounts/{account}/disable", MANAGERS, Role.PROVINCE,
                        (f, r) -> post("/accounts/{id}/disable", f.managedAccount(r))),
                endpoint("POST /accounts/{account}/enable", MANAGERS, Role.PROVINCE,
                        (f, r) -> post("/accounts/{id}/enable", f.managedAccount(r))),
                endpoint("GET /accounts/{account}/password", MANAGERS, Role.PROVINCE,
                        (f, r) -> get("/accounts/{id}/password", f.managedAccount(r))),
                endpoint("POST /accounts/{account}/password", MANAGERS, Role.PROVINCE,
                        (f, r) -> post("/accounts/{id}/password", f.managedAccount(r))
                                .param("newPassword", "matkhau-dai-456").param("confirmPassword", "matkhau-dai-456")),
                list("GET /accounts", MANAGERS, Role.PROVINCE, (f, r) -> get("/accounts")),
                list("GET /accounts?page=1", MANAGERS, Role.PROVINCE, (f, r) -> get("/accounts").param("page", "1")),
                list("GET /audit", NATIONAL_STAFF, Role.NATIONAL, (f, r) -> get("/audit")),
                list("GET /audit?type=ACCOUNT&after=1", NATIONAL_STAFF, Role.NATIONAL,
                        (f, r) -> get("/audit").param("type", "ACCOUNT").param("after", "1")));
    }

    /**
     * The endpoints of the later features (issue 11 after review): yearly reports (issue 12), shares (issue 11),
     * learning centres (issue 13), the accounts of hardening (issue 16: phones, national peers) and the periods of
     * dashboards and exports (issue 15).
     */
    static Stream<Endpoint> laterEndpoints() {
        return Stream.of(
                // yearly reports: communes submit, provinces approve, the country accepts
                endpoint("GET /units/{commune}/report", NODE_STAFF, Role.COMMUNE,
                        (f, r) -> get("/units/{id}/report", f.commune.id())),
                endpoint("GET /units/{province}/report", NODE_STAFF, Role.PROVINCE,
                        (f, r) -> get("/units/{id}/report", f.province.id())),
                endpoint("POST /units/{commune}/report/submit", REPORTERS, Role.COMMUNE,
                        (f, r) -> post("/units/{id}/report/submit", f.commune.id()).param("year", f.year())
                                .param("version", "0")),
                endpoint("POST /units/{commune}/report/approve", DECIDERS, Role.PROVINCE,
                        (f, r) -> post("/units/{id}/report/approve", f.commune.id()).param("year", f.year())
                                .param("version", "0")),
                endpoint("POST /units/{commune}/report/return", DECIDERS, Role.PROVINCE,
                        (f, r) -> post("/units/{id}/report/return", f.commune.id()).param("year", f.year())
                                .param("version", "0").param("reason", "Thiếu số liệu")),
                endpoint("GET /units/{province}/reporting", DECIDERS, Role.PROVINCE,
                        (f, r) -> get("/units/{id}/reporting", f.province.id())),
                endpoint("GET /units/{province}/reporting.csv", DECIDERS, Role.PROVINCE,
                        (f, r) -> get("/units/{id}/reporting.csv", f.province.id())),
                endpoint("POST /units/{province}/reporting/approve (bulk)", PROVINCE_STAFF, Role.PROVINCE,
                        (f, r) -> post("/units/{id}/reporting/approve", f.province.id()).param("year", f.year())
                                .param("ids", String.valueOf(f.commune.id())).param("confirmed", "true")),
                endpoint("POST /units/{province}/reporting/deadline", DECIDERS, Role.PROVINCE,
                        (f, r) -> post("/units/{id}/reporting/deadline", f.province.id()).param("year", f.year())
                                .param("deadline", "15/01/2099").param("version", "0")),
                // shares: denominators and targets
                endpoint("GET /units/{commune}/denominators", NODE_STAFF, Role.COMMUNE,
                        (f, r) -> get("/units/{id}/denominators", f.commune.id())),
                endpoint("GET /units/{province}/denominators", NODE_STAFF, Role.PROVINCE,
                        (f, r) -> get("/units/{id}/denominators", f.province.id())),
                endpoint("POST /units/{commune}/denominators", REPORTERS, Role.COMMUNE,
                        (f, r) -> post("/units/{id}/denominators", f.commune.id()).param("year", f.year())
                                .param("households", "1234")),
                endpoint("POST /units/{province}/denominators/upload", PROVINCE_STAFF, Role.PROVINCE,
                        (f, r) -> multipart("/units/{id}/denominators/upload", f.province.id()).file(f.communesSheet())
                                .param("year", f.year())),
                endpoint("GET /units/{province}/denominators/template.xlsx", DECIDERS, Role.PROVINCE,
                        (f, r) -> get("/units/{id}/denominators/template.xlsx", f.province.id())),
                endpoint("GET /units/{province}/denominators/template.csv", DECIDERS, Role.PROVINCE,
                        (f, r) -> get("/units/{id}/denominators/template.csv", f.province.id())),
                endpoint("GET /units/{commune}/targets", NODE_STAFF, Role.COMMUNE,
                        (f, r) -> get("/units/{id}/targets", f.commune.id())),
                endpoint("POST /units/{commune}/targets", NODE_STAFF, Role.COMMUNE,
                        (f, r) -> post("/units/{id}/targets", f.commune.id()).param("year", f.year())
                                .param("family", "99")),
                endpoint("POST /units/{province}/targets", NODE_STAFF, Role.PROVINCE,
                        (f, r) -> post("/units/{id}/targets", f.province.id()).param("year", f.year())
                                .param("family", "99")),
                // learning centres and the commune's digital staff
                endpoint("GET /units/{commune}/centres", NODE_STAFF, Role.COMMUNE,
                        (f, r) -> get("/units/{id}/centres", f.commune.id())),
                endpoint("GET /units/{commune}/centres/new", COMMUNE_STAFF, Role.COMMUNE,
                        (f, r) -> get("/units/{id}/centres/new", f.commune.id())),
                endpoint("POST /units/{commune}/centres", COMMUNE_STAFF, Role.COMMUNE,
                        (f, r) -> post("/units/{id}/centres", f.commune.id()).param("name", "TTHTCĐ " + UUID.randomUUID())
                                .param("decisionNumber", "12/QĐ-UBND").param("decisionDate", "2015-03-01")
                                .param("operating", "true")),
                endpoint("GET /centres/{centre}", NODE_STAFF, Role.COMMUNE,
                        (f, r) -> get("/centres/{id}", f.centre)),
                endpoint("GET /centres/{centre}/edit", COMMUNE_STAFF, Role.COMMUNE,
                        (f, r) -> get("/centres/{id}/edit", f.centre)),
                endpoint("POST /centres/{centre}", COMMUNE_STAFF, Role.COMMUNE,
                        (f, r) -> post("/centres/{id}", f.centre).param("name", "Đổi tên " + UUID.randomUUID())
                                .param("decisionNumber", "12/QĐ-UBND").param("decisionDate", "2015-03-01")
                                .param("operating", "true").param("version", "0")),
                endpoint("GET /centres/{centre}/year", COMMUNE_STAFF, Role.COMMUNE,
                        (f, r) -> get("/centres/{id}/year", f.centre)),
                endpoint("POST /centres/{centre}/year", COMMUNE_STAFF, Role.COMMUNE,
                        (f, r) -> post("/centres/{id}/year", f.centre).param("year", f.year())
                                .param("classesLiteracy", "3")),
                endpoint("GET /units/{commune}/digital-staff", NODE_STAFF, Role.COMMUNE,
                        (f, r) -> get("/units/{id}/digital-staff", f.commune.id())),
                endpoint("POST /units/{commune}/digital-staff", COMMUNE_STAFF, Role.COMMUNE,
                        (f, r) -> post("/units/{id}/digital-staff", f.commune.id()).param("year", f.year())
                                .param("staff", "20").param("trained", "5")),
                // hardening's accounts: a phone for one-time passwords, national staff managing their peers
                endpoint("POST /accounts (unitId={managed unit}, phone)", MANAGERS, Role.PROVINCE,
                        (f, r) -> post("/accounts").param("unitId", String.valueOf(f.managedUnit(r).id()))
                                .param("username", "x" + UUID.randomUUID().toString().substring(0, 8))
                                .param("fullName", "Nguyễn Văn Lạ").param("phone", "0912345678")
                                .param("password", "matkhau-dai-123")),
                endpoint("GET /accounts/new?unitId={the country} (a national peer)", MANAGERS, Role.NATIONAL,
                        (f, r) -> get("/accounts/new").param("unitId", String.valueOf(f.central.id()))),
                endpoint("POST /accounts/{national peer}/disable", MANAGERS, Role.NATIONAL,
                        (f, r) -> post("/accounts/{id}/disable", f.nationalPeer.userId())),
                endpoint("POST /accounts/{national peer}/password", MANAGERS, Role.NATIONAL,
                        (f, r) -> post("/accounts/{id}/password", f.nationalPeer.userId())
                                .param("newPassword", "matkhau-dai-456").param("confirmPassword", "matkhau-dai-456")),
                // the periods of dashboards and exports (half-years, spans)
                endpoint("GET /units/{unit}/dashboard?period=2021-2025", ANYONE, Role.CHAPTER,
                        (f, r) -> get("/units/{id}/dashboard", f.unit.id()).param("period", "2021-2025")),
                endpoint("GET /units/{commune}/dashboard?period=2025-H1", ANYONE, Role.COMMUNE,
                        (f, r) -> get("/units/{id}/dashboard", f.commune.id()).param("period", "2025-H1")),
                endpoint("GET /units/{province}/dashboard?from=2021&to=2025", ANYONE, Role.PROVINCE,
                        (f, r) -> get("/units/{id}/dashboard", f.province.id()).param("from", "2021").param("to", "2025")),
                // the export is of a province or commune (with the levels below it down to communes)
                endpoint("GET /units/{commune}/export.xlsx?period=2021-2025", NODE_STAFF, Role.COMMUNE,
                        (f, r) -> get("/units/{id}/export.xlsx", f.commune.id()).param("period", "2021-2025")),
                endpoint("GET /units/{province}/export.csv?period=2025-H1", NODE_STAFF, Role.PROVINCE,
                        (f, r) -> get("/units/{id}/export.csv", f.province.id()).param("period", "2025-H1")),
                // the approved figures' export reads its communes without their live figures (another path)
                endpoint("GET /units/{commune}/export.csv?figures=approved", NODE_STAFF, Role.COMMUNE,
                        (f, r) -> get("/units/{id}/export.csv", f.commune.id()).param("figures", "approved")),
                endpoint("GET /units/{province}/export.xlsx?figures=approved", NODE_STAFF, Role.PROVINCE,
                        (f, r) -> get("/units/{id}/export.xlsx", f.province.id()).param("figures", "approved")));
    }

    static Stream<Endpoint> allEndpoints() {
        return Stream.concat(endpoints(), laterEndpoints());
    }

    /** Who tries: never someone whose subtree holds the victim's records. */
    enum Intruder {
        /** Staff of the province whose id is a prefix of the victim province's id (/1/2/ against /1/22/). */
        OTHER_PROVINCE(Role.PROVINCE),
        COMMUNE_OF_OTHER_PROVINCE(Role.COMMUNE),
        OTHER_COMMUNE_SAME_PROVINCE(Role.COMMUNE),
        UNIT_OF_OTHER_COMMUNE(Role.CHAPTER),
        /** A unit of the victim's own commune whose id is a prefix of the victim unit's id. */
        SIBLING_UNIT(Role.CHAPTER);

        final Role role;

        Intruder(Role role) {
            this.role = role;
        }
    }

    static Stream<Arguments> endpointsAndIntruders() {
        return allEndpoints().flatMap(e -> Stream.of(Intruder.values()).map(i -> Arguments.of(e, i)));
    }

    @ParameterizedTest(name = "{0} by {1}")
    @MethodSource("endpointsAndIntruders")
    void outsideTheSubtreeAnswers404AndAWrongRole403AndNothingChanges(Endpoint endpoint, Intruder intruder)
            throws Exception {
        Fixture f = fixture();
        Staff staff = f.intruder(intruder);
        String before = f.snapshot();

        // a list takes no id: with the right role it answers, showing only the subtree (theListsShowOnlyTheSubtree)
        int expected = !endpoint.roles().contains(intruder.role) ? 403 : endpoint.takesId() ? 404 : 200;
        mvc.perform(endpoint.request().apply(f, intruder.role).with(as(staff)).with(csrf()))
                .andExpect(status().is(expected));

        assertThat(f.snapshot()).as("database after %s by %s", endpoint, intruder).isEqualTo(before);
    }

    /** The control: the same request by the staff who own the subtree succeeds, so the 404s above are scope. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("allEndpoints")
    void theOwnerOfTheSubtreeGetsThrough(Endpoint endpoint) throws Exception {
        Fixture f = fixture();
        mvc.perform(endpoint.request().apply(f, endpoint.owner()).with(as(f.owner(endpoint.owner()))).with(csrf()))
                .andExpect(status().is(org.hamcrest.Matchers.lessThan(400)));
    }

    @Test
    void theListsShowOnlyTheSubtree() throws Exception {
        Fixture f = fixture();
        // the other province's manager sees the commune accounts of their own province, none of the victim's
        // province (whose id merely starts with the same digit)
        assertThat(listedAccounts(f.intruder(Intruder.OTHER_PROVINCE)))
                .isEqualTo(accountsAt("n.province_id = :id AND n.level = 2", f.otherProvince.id()));
        assertThat(listedAccounts(f.intruder(Intruder.OTHER_COMMUNE_SAME_PROVINCE)))
                .isEqualTo(accountsAt("n.parent_id = :id", f.otherCommune.id()));
        assertThat(listedAccounts(f.owner(Role.COMMUNE))).isEqualTo(accountsAt("n.parent_id = :id", f.commune.id()))
                .isPositive();
        mvc.perform(get("/units/{id}", f.commune.id()).with(as(f.owner(Role.COMMUNE))))
                .andExpect(content().string(containsString(f.unit.name())));
        mvc.perform(get("/units/{id}", f.otherCommune.id()).with(as(f.staffOf(f.otherCommune))))
                .andExpect(status().isOk())
                .andExpect(content().string(not(containsString(f.unit.name()))));
    }

    private long listedAccounts(Staff manager) throws Exception {
        var model = mvc.perform(get("/accounts").with(as(manager))).andExpect(status().isOk()).andReturn()
                .getModelAndView().getModel();
        return ((org.springframework.data.domain.Page<?>) model.get("accounts")).getTotalElements();
    }

    /** Counted by ids, not paths: independent of the scope's own path test. */
    private long accountsAt(String where, long id) {
        return jdbc.sql("SELECT count(*) FROM app_user u JOIN org_unit n ON n.id = u.org_unit_id WHERE " + where)
                .param("id", id).query(Long.class).single();
    }

    @Test
    void managersReachOnlyTheAccountsExactlyOneLevelBelowThem() throws Exception {
        Fixture f = fixture();
        Staff national = f.owner(Role.NATIONAL);
        Staff province = f.owner(Role.PROVINCE);
        Staff commune = f.owner(Role.COMMUNE);
        String before = f.snapshot();
        // the province's own staff cannot touch a chapter account (two levels down) ...
        mvc.perform(post("/accounts/{id}/disable", f.unitAccount.userId()).with(as(province))
                .with(csrf())).andExpect(status().isNotFound());
        // ... commune staff cannot touch a colleague's account of their own level ...
        mvc.perform(post("/accounts/{id}/password", f.communeAccount.userId()).with(as(commune))
                .param("newPassword", "matkhau-dai-456").param("confirmPassword", "matkhau-dai-456")
                .with(csrf())).andExpect(status().isNotFound());
        // ... and national staff manage province accounts, not commune accounts
        mvc.perform(post("/accounts/{id}/disable", f.communeAccount.userId()).with(as(national))
                .with(csrf())).andExpect(status().isNotFound());
        mvc.perform(get("/accounts/new").param("unitId", String.valueOf(f.commune.id()))
                .with(as(national))).andExpect(status().isNotFound());
        assertThat(f.snapshot()).isEqualTo(before);
    }

    @Test
    void anIdThatDoesNotExistAnswersTheSame404() throws Exception {
        Fixture f = fixture();
        Staff national = f.owner(Role.NATIONAL);
        long missing = Long.MAX_VALUE - 7;
        mvc.perform(get("/units/{id}", missing).with(as(national))).andExpect(status().isNotFound());
        mvc.perform(post("/accounts/{id}/disable", missing).with(as(national)).with(csrf()))
                .andExpect(status().isNotFound());
        mvc.perform(get("/units/{id}/edit", missing).with(as(f.owner(Role.COMMUNE)))).andExpect(status().isNotFound());
    }

    @Test
    void theVictimProvinceIsTheTwinOfTheOtherProvince() {
        Fixture f = fixture();
        assertThat(String.valueOf(f.province.id())).startsWith(String.valueOf(f.otherProvince.id()))
                .isNotEqualTo(String.valueOf(f.otherProvince.id()));
        assertThat(f.unit.path()).startsWith(f.siblingUnit.path().substring(0, f.siblingUnit.path().length() - 1));
    }

    // --- the victim's subtree and the people around it -------------------------------------------------------

    private Fixture fixture() {
        // two provinces where one id is a prefix of the other: with ids given in file order, Hà Nội (2) and Lạng Sơn (20)
        List<Long> pair = jdbc.sql("""
                SELECT a.id, b.id FROM org_unit a JOIN org_unit b
                  ON a.level = 1 AND b.level = 1 AND a.id <> b.id AND b.id::text LIKE a.id::text || '%'
                ORDER BY b.id LIMIT 1
                """).query((rs, i) -> List.of(rs.getLong(1), rs.getLong(2))).optional()
                .orElseThrow(() -> new IllegalStateException("no two provinces whose ids share a prefix"));
        return new Fixture(pair.get(0), pair.get(1));
    }

    final class Fixture {

        final OrgUnitView province;
        final OrgUnitView commune;
        final OrgUnitView unit;
        final OrgUnitView siblingUnit;
        final OrgUnitView otherProvince;
        final OrgUnitView otherCommune;
        final Staff communeAccount;
        final Staff unitAccount;
        final OrgUnitView central;
        /** Another national account, which national staff manage and nobody else reaches. */
        final Staff nationalPeer;
        /** A learning centre of the victim commune. */
        final long centre;

        Fixture(long otherProvinceId, long provinceId) {
            this.otherProvince = byId(otherProvinceId);
            this.province = byId(provinceId);
            List<Long> communes = jdbc.sql("SELECT id FROM org_unit WHERE parent_id = :p ORDER BY code LIMIT 2")
                    .param("p", provinceId).query(Long.class).list();
            this.commune = byId(communes.get(0));
            this.otherCommune = byId(communes.get(1));
            long siblingId = TWIN_IDS.incrementAndGet();
            this.siblingUnit = insertChapter(siblingId, commune.id());
            this.unit = insertChapter(siblingId * 10 + 1, commune.id());
            this.communeAccount = tree.staffOf(commune);
            this.unitAccount = tree.staffOf(unit);
            this.central = tree.central();
            this.nationalPeer = tree.staffOf(central);
            this.centre = jdbc.sql("""
                    INSERT INTO learning_centre (commune_id, province_id, name, decision_number, decision_date, updated_by)
                    VALUES (:commune, :province, :name, '7/QĐ-UBND', DATE '2012-05-10', 'test') RETURNING id
                    """).param("commune", commune.id()).param("province", province.id())
                    .param("name", "Trung tâm học tập cộng đồng " + UUID.randomUUID()).query(Long.class).single();
        }

        /** The year the forms are sent for: last year, which is open. */
        String year() {
            return String.valueOf(VietnamTime.thisYear(clock) - 1);
        }

        /** A sheet of the victim province's first commune, as its staff would upload it. */
        org.springframework.mock.web.MockMultipartFile communesSheet() {
            String csv = "Mã,Tên,Số hộ\n" + commune.code() + ",x,4321\n";
            return new org.springframework.mock.web.MockMultipartFile("file", "mau-so.csv", "text/csv",
                    csv.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }

        Staff intruder(Intruder intruder) {
            return switch (intruder) {
                case OTHER_PROVINCE -> staffOf(otherProvince);
                case COMMUNE_OF_OTHER_PROVINCE -> staffOf(byId(jdbc.sql(
                        "SELECT id FROM org_unit WHERE parent_id = :p ORDER BY code LIMIT 1")
                        .param("p", otherProvince.id()).query(Long.class).single()));
                case OTHER_COMMUNE_SAME_PROVINCE -> staffOf(otherCommune);
                case UNIT_OF_OTHER_COMMUNE -> staffOf(insertChapter(TWIN_IDS.incrementAndGet(), otherCommune.id()));
                case SIBLING_UNIT -> staffOf(siblingUnit);
            };
        }

        /** Staff whose subtree holds the victim's records, with this role. */
        Staff owner(Role role) {
            return switch (role) {
                case NATIONAL -> staffOf(tree.central());
                case PROVINCE -> staffOf(province);
                case COMMUNE -> staffOf(commune);
                case CHAPTER -> staffOf(unit);
            };
        }

        /** The victim node that staff of this role would manage accounts for: one level below them. */
        OrgUnitView managedUnit(Role role) {
            return switch (role) {
                case NATIONAL -> province;
                case PROVINCE -> commune;
                default -> unit;
            };
        }

        /** The victim account that staff of this role would manage: bound one level below them. */
        long managedAccount(Role role) {
            return switch (role) {
                case NATIONAL -> staffOf(province).userId();
                case PROVINCE -> communeAccount.userId();
                default -> unitAccount.userId();
            };
        }

        Staff staffOf(OrgUnitView node) {
            return tree.staffOf(node);
        }

        /**
         * Everything an endpoint could change in the victim's province: its units, its accounts, its audit, its
         * denominators, targets, reports, deadlines, centres and their years, digital staff; and the national peer.
         */
        String snapshot() {
            String pattern = province.path() + "%";
            return jdbc.sql("""
                    SELECT 'units ' || (SELECT md5(string_agg(concat_ws(':', id, kind, name, active, version), ','
                                                              ORDER BY id)) FROM org_unit WHERE path LIKE :p)
                        || ', accounts ' || (SELECT md5(string_agg(concat_ws(':', u.id, u.username, u.enabled,
                                                                           u.password_hash, u.version), ',' ORDER BY u.id))
                              FROM app_user u JOIN org_unit n ON n.id = u.org_unit_id WHERE n.path LIKE :p)
                        || ', audit entries ' || (SELECT count(*) FROM audit_log WHERE org_unit_path LIKE :p)
                        || ', denominators ' || (SELECT md5(coalesce(string_agg(t::text, ',' ORDER BY t::text), ''))
                              FROM node_denominator t JOIN org_unit n ON n.id = t.node_id WHERE n.path LIKE :p)
                        || ', targets ' || (SELECT md5(coalesce(string_agg(t::text, ',' ORDER BY t::text), ''))
                              FROM node_target t JOIN org_unit n ON n.id = t.node_id WHERE n.path LIKE :p)
                        || ', reports ' || (SELECT md5(coalesce(string_agg(t::text, ',' ORDER BY t::text), ''))
                              FROM annual_report t JOIN org_unit n ON n.id = t.node_id WHERE n.path LIKE :p)
                        || ', deadlines ' || (SELECT md5(coalesce(string_agg(t::text, ',' ORDER BY t::text), ''))
                              FROM report_deadline t JOIN org_unit n ON n.id = t.node_id WHERE n.path LIKE :p)
                        || ', centres ' || (SELECT md5(coalesce(string_agg(t::text, ',' ORDER BY t::text), ''))
                              FROM learning_centre t JOIN org_unit n ON n.id = t.commune_id WHERE n.path LIKE :p)
                        || ', centre years ' || (SELECT md5(coalesce(string_agg(t::text, ',' ORDER BY t::text), ''))
                              FROM centre_year t JOIN org_unit n ON n.id = t.commune_id WHERE n.path LIKE :p)
                        || ', digital staff ' || (SELECT md5(coalesce(string_agg(t::text, ',' ORDER BY t::text), ''))
                              FROM commune_digital_staff t JOIN org_unit n ON n.id = t.commune_id WHERE n.path LIKE :p)
                        || ', national peer ' || (SELECT concat_ws(':', u.enabled, u.password_hash, u.version)
                              FROM app_user u WHERE u.id = :peer)
                    """).param("p", pattern).param("peer", nationalPeer.userId()).query(String.class).single();
        }

        private OrgUnitView byId(long id) {
            return orgUnits.get(orgUnits.centralScope(), id);
        }

        private OrgUnitView insertChapter(long id, long communeId) {
            jdbc.sql("INSERT INTO org_unit (id, parent_id, level, kind, name) VALUES (:id, :parent, 3, 'CHAPTER', :name)")
                    .param("id", id).param("parent", communeId).param("name", "Chi hội " + id).update();
            return byId(id);
        }
    }

    /**
     * @param roles   the roles allowed to call it at all (anyone else: 403)
     * @param owner   the role of the victim-side staff for whom it succeeds
     * @param takesId whether it names a node or an account (a list does not: it filters to the subtree)
     */
    record Endpoint(String name, Set<Role> roles, Role owner, boolean takesId,
            BiFunction<Fixture, Role, AbstractMockHttpServletRequestBuilder<?>> request) {

        @Override
        public String toString() {
            return name;
        }
    }

    private static Endpoint endpoint(String name, Set<Role> roles, Role owner,
            BiFunction<Fixture, Role, AbstractMockHttpServletRequestBuilder<?>> request) {
        return new Endpoint(name, roles, owner, true, request);
    }

    private static Endpoint list(String name, Set<Role> roles, Role owner,
            BiFunction<Fixture, Role, AbstractMockHttpServletRequestBuilder<?>> request) {
        return new Endpoint(name, roles, owner, false, request);
    }
}
