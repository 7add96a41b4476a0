package vn.khuyenhoc.shares;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

import vn.khuyenhoc.orgunit.OrgUnitView;
import vn.khuyenhoc.registration.EvaluationCommand;
import vn.khuyenhoc.registration.EvaluationService;
import vn.khuyenhoc.registration.RegistrationCommand;
import vn.khuyenhoc.registration.RegistrationService;
import vn.khuyenhoc.registration.RegistrationStatus;
import vn.khuyenhoc.registration.RegistrationView;
import vn.khuyenhoc.registration.TitleKind;
import vn.khuyenhoc.rollup.ShareKind;
import vn.khuyenhoc.rollup.Shares;
import vn.khuyenhoc.shared.Staff;
import vn.khuyenhoc.shared.VietnamTime;
import vn.khuyenhoc.support.IntegrationTest;
import vn.khuyenhoc.support.TestTree;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static vn.khuyenhoc.support.TestTree.as;

/**
 * Denominators and targets through the pages: kept by each node's own staff and audited, a province's from its
 * communes' complete sum or not at all, the province's spreadsheet all-or-nothing with every bad row listed, targets
 * from the node or its nearest ancestor with their source, field messages for bad input, 404/403, closed years
 * refused by the database, and a dashboard's share beside its target, met or not in words.
 */
@IntegrationTest
class SharesPagesTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    TestTree tree;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    DataSource dataSource;

    @Autowired
    DenominatorService denominators;

    @Autowired
    RegistrationService registrations;

    @Autowired
    EvaluationService evaluations;

    @Test
    void communeStaffKeepTheirDenominatorsTypedTheVietnameseWayAndEveryChangeIsAudited() throws Exception {
        OrgUnitView commune = firstCommuneOf("46");
        Staff staff = tree.staffOf(commune);
        mvc.perform(post("/units/" + commune.id() + "/denominators").with(as(staff)).with(csrf())
                        .param("year", "2041").param("households", "12.345").param("clans", "40").param("villages", "18")
                        .param("organisations", "").param("staff", "1 200").param("adults", "30000"))
                .andExpect(redirectedUrl("/units/" + commune.id() + "/denominators?year=2041"));
        DenominatorValues saved = denominators.own(commune.id(), 2041).orElseThrow().values();
        assertThat(saved).isEqualTo(new DenominatorValues(12_345L, 40L, 18L, null, 1_200L, 30_000L));
        long version = denominators.own(commune.id(), 2041).orElseThrow().version();
        mvc.perform(post("/units/" + commune.id() + "/denominators").with(as(staff)).with(csrf())
                        .param("year", "2041").param("households", "12400").param("version", String.valueOf(version)))
                .andExpect(status().is3xxRedirection());
        assertThat(denominators.own(commune.id(), 2041).orElseThrow().values().households()).isEqualTo(12_400L);
        assertThat(jdbc.sql("SELECT count(*) FROM audit_log WHERE entity_type = 'DENOMINATOR' AND entity_id = :id")
                .param("id", commune.id()).query(Long.class).single()).isEqualTo(2);
        mvc.perform(get("/units/" + commune.id() + "/denominators?year=2041").with(as(staff)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("12.400")))
                .andExpect(content().string(containsString("Đơn vị tự nhập")));
    }

    @Test
    void badNumbersGetAMessageBesideTheirFieldAndNothingIsSaved() throws Exception {
        OrgUnitView commune = communeOf("46", 1);
        Staff staff = tree.staffOf(commune);
        for (String bad : List.of("-5", "abc", "99999999999999999999", "1e400", "100000001", "12,5")) {
            mvc.perform(post("/units/" + commune.id() + "/denominators").with(as(staff)).with(csrf())
                            .param("year", "2041").param("households", bad).param("adults", bad))
                    .andExpect(status().isOk())
                    .andExpect(model().attributeHasFieldErrors("form", "households", "adults"));
        }
        mvc.perform(post("/units/" + commune.id() + "/denominators").with(as(staff)).with(csrf())
                        .param("year", "1800").param("households", "10"))
                .andExpect(status().isOk()).andExpect(model().attributeHasFieldErrors("form", "year"))
                .andExpect(content().string(containsString("Năm phải từ 1990 đến 2100")));
        mvc.perform(post("/units/" + commune.id() + "/denominators").with(as(staff)).with(csrf())
                        .param("year", "2041").param("households", "-5"))
                .andExpect(content().string(containsString("Không được là số âm")));
        assertThat(denominators.own(commune.id(), 2041)).isEmpty();
        assertThat(denominators.own(commune.id(), 1800)).isEmpty();
    }

    @Test
    void aProvinceShowsItsOwnEntryElseTheCompleteSumOfItsCommunesElseHowManyHaveOne() throws Exception {
        OrgUnitView province = tree.unit("12"); // Lai Châu, 38 communes
        Staff national = tree.staffOf(tree.central());
        List<Long> communes = activeCommunes(province);
        for (int i = 0; i < communes.size() - 1; i++) {
            denominators.load(communes.get(i), 2042, new DenominatorValues(100L + i, null, null, null, null, null));
        }
        Shares.Denominator incomplete = denominators.effective(national.scope(), province.id(), 2042).get(ShareKind.FAMILY);
        assertThat(incomplete.value()).isNull();
        assertThat(incomplete.source()).isEqualTo(Shares.Source.INCOMPLETE);
        assertThat(incomplete.childrenKnown()).isEqualTo(communes.size() - 1);
        mvc.perform(get("/units/" + province.id() + "/denominators?year=2042").with(as(national)))
                .andExpect(content().string(containsString("Mới " + (communes.size() - 1) + " trong " + communes.size()
                        + " xã, phường có số liệu: chưa tính tỷ lệ")));

        denominators.load(communes.get(communes.size() - 1), 2042, new DenominatorValues(5L, null, null, null, null, null));
        long sum = 5;
        for (int i = 0; i < communes.size() - 1; i++) {
            sum += 100 + i;
        }
        Shares.Denominator complete = denominators.effective(national.scope(), province.id(), 2042).get(ShareKind.FAMILY);
        assertThat(complete.value()).isEqualTo(sum);
        assertThat(complete.source()).isEqualTo(Shares.Source.CHILDREN);
        // clans: nobody entered any, so none is shown, and never a division by zero
        assertThat(denominators.effective(national.scope(), province.id(), 2042).get(ShareKind.CLAN).value()).isNull();

        Staff provinceStaff = tree.staffOf(province);
        mvc.perform(post("/units/" + province.id() + "/denominators").with(as(provinceStaff)).with(csrf())
                .param("year", "2042").param("households", "99999")).andExpect(status().is3xxRedirection());
        Shares.Denominator own = denominators.effective(national.scope(), province.id(), 2042).get(ShareKind.FAMILY);
        assertThat(own.value()).isEqualTo(99_999L);
        assertThat(own.source()).isEqualTo(Shares.Source.OWN);
    }

    @Test
    void aProvinceUploadsItsCommunesAllOrNothingAndEveryBadRowIsListed() throws Exception {
        OrgUnitView province = tree.unit("46"); // Huế
        Staff staff = tree.staffOf(province);
        List<String> codes = jdbc.sql("SELECT code FROM org_unit WHERE parent_id = :p AND active ORDER BY code")
                .param("p", province.id()).query(String.class).list();
        // the template lists every commune with its code and name, in XLSX and CSV
        byte[] csvTemplate = mvc.perform(get("/units/" + province.id() + "/denominators/template.csv?year=2043").with(as(staff)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        String template = new String(csvTemplate, StandardCharsets.UTF_8);
        assertThat(template).contains("Mã,Tên,Số hộ gia đình").contains(codes.get(0)).contains(codes.get(codes.size() - 1));
        assertThat(template.lines().count()).isEqualTo(1 + codes.size());
        byte[] xlsxTemplate = mvc.perform(get("/units/" + province.id() + "/denominators/template.xlsx?year=2043").with(as(staff)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        try (var workbook = new org.dhatim.fastexcel.reader.ReadableWorkbook(new java.io.ByteArrayInputStream(xlsxTemplate))) {
            var rows = workbook.getFirstSheet().read();
            assertThat(rows).hasSize(1 + codes.size());
            assertThat(rows.get(1).getCell(0).asString()).isEqualTo(codes.get(0));
        }

        String bad = "Mã;Tên;Số hộ;Dòng họ\n"
                + codes.get(0) + ";A;1.200;30\n"
                + "99999;Không có;50;1\n"
                + codes.get(1) + ";B;nhiều;-3\n"
                + codes.get(0) + ";A lần nữa;10;1\n";
        mvc.perform(multipart("/units/" + province.id() + "/denominators/upload").file(csv(bad)).param("year", "2043")
                        .with(as(staff)).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"upload-errors\"")))
                .andExpect(content().string(containsString("Không có xã, phường mã 99999 trong tỉnh.")))
                .andExpect(content().string(containsString("Hãy nhập một số nguyên không âm")))
                .andExpect(content().string(containsString("Không được là số âm")))
                .andExpect(content().string(containsString("xuất hiện hai lần")))
                .andExpect(content().string(containsString("<td class=\"num\">3</td>")))
                .andExpect(content().string(containsString("<td class=\"num\">4</td>")))
                .andExpect(content().string(containsString("<td class=\"num\">5</td>")))
                .andExpect(content().string(not(containsString("<td class=\"num\">2</td>"))));
        assertThat(jdbc.sql("""
                SELECT count(*) FROM node_denominator d JOIN org_unit o ON o.id = d.node_id
                WHERE o.parent_id = :p AND d.year = 2043
                """).param("p", province.id()).query(Long.class).single()).isZero();

        StringBuilder good = new StringBuilder("Mã,Tên,Số hộ,Dòng họ\n");
        for (int i = 0; i < codes.size(); i++) {
            // a spreadsheet may drop the leading zero of a code typed as a number
            good.append(i == 0 ? codes.get(i).replaceFirst("^0+", "") : codes.get(i)).append(",x,").append(1000 + i)
                    .append(',').append(i % 2 == 0 ? "" : "7").append('\n');
        }
        mvc.perform(multipart("/units/" + province.id() + "/denominators/upload").file(csv(good.toString()))
                        .param("year", "2043").with(as(staff)).with(csrf()))
                .andExpect(redirectedUrl("/units/" + province.id() + "/denominators?year=2043"));
        long expected = 0;
        for (int i = 0; i < codes.size(); i++) {
            expected += 1000 + i;
        }
        Shares.Denominator households = denominators.effective(staff.scope(), province.id(), 2043).get(ShareKind.FAMILY);
        assertThat(households.value()).isEqualTo(expected);
        assertThat(households.source()).isEqualTo(Shares.Source.CHILDREN);
        assertThat(denominators.effective(staff.scope(), province.id(), 2043).get(ShareKind.CLAN).value()).isNull();
        assertThat(jdbc.sql("""
                SELECT count(*) FROM audit_log a JOIN org_unit o ON o.id = a.entity_id
                WHERE a.entity_type = 'DENOMINATOR' AND o.parent_id = :p AND a.actor_username = :who
                """).param("p", province.id()).param("who", staff.username()).query(Long.class).single())
                .isEqualTo(codes.size());

        // a huge file and a file of too many rows are refused whole
        StringBuilder tooMany = new StringBuilder("Mã,Tên,Số hộ\n");
        for (int i = 0; i < DenominatorService.MAX_ROWS + 5; i++) {
            tooMany.append(codes.get(0)).append(",x,1\n");
        }
        mvc.perform(multipart("/units/" + province.id() + "/denominators/upload").file(csv(tooMany.toString()))
                        .param("year", "2044").with(as(staff)).with(csrf()))
                .andExpect(status().isOk()).andExpect(content().string(containsString("Tệp có quá nhiều dòng")));
        mvc.perform(multipart("/units/" + province.id() + "/denominators/upload")
                        .file(new MockMultipartFile("file", "big.csv", "text/csv", new byte[(int) DenominatorService.MAX_BYTES + 10]))
                        .param("year", "2044").with(as(staff)).with(csrf()))
                .andExpect(status().isOk()).andExpect(content().string(containsString("Tệp quá lớn")));
    }

    @Test
    void anotherNodesDenominatorsAnswer404AndOthersThanItsOwnStaffCannotChangeThem() throws Exception {
        OrgUnitView province = tree.unit("04");
        OrgUnitView commune = firstCommuneOf("04");
        Staff provinceStaff = tree.staffOf(province);
        Staff otherProvince = tree.staffOf(tree.unit("46"));
        Staff communeStaff = tree.staffOf(commune);
        Staff otherCommune = tree.staffOf(communeOf("04", 1));
        Staff chapter = tree.staffOf(tree.newChapter("06688"));
        mvc.perform(get("/units/" + province.id() + "/denominators").with(as(otherProvince))).andExpect(status().isNotFound());
        mvc.perform(get("/units/" + commune.id() + "/denominators").with(as(otherCommune))).andExpect(status().isNotFound());
        // a grassroots unit's staff have no denominators anywhere: a wrong role, refused before any id is looked up
        mvc.perform(get("/units/" + commune.id() + "/denominators").with(as(chapter))).andExpect(status().isForbidden());
        mvc.perform(get("/units/" + chapter.scope().nodeId() + "/denominators").with(as(chapter))).andExpect(status().isForbidden());
        mvc.perform(get("/units/" + province.id() + "/denominators/template.csv").with(as(otherProvince))).andExpect(status().isNotFound());
        mvc.perform(post("/units/" + commune.id() + "/denominators").with(as(otherCommune)).with(csrf())
                .param("year", "2041").param("households", "5")).andExpect(status().isNotFound());
        mvc.perform(post("/units/" + province.id() + "/denominators").with(as(otherProvince)).with(csrf())
                .param("year", "2041").param("households", "5")).andExpect(status().isNotFound());
        mvc.perform(multipart("/units/" + province.id() + "/denominators/upload").file(csv("Mã\n"))
                .param("year", "2041").with(as(otherProvince)).with(csrf())).andExpect(status().isNotFound());
        // in scope, but not their node: province staff read their communes' and do not change them one by one
        mvc.perform(get("/units/" + commune.id() + "/denominators").with(as(provinceStaff))).andExpect(status().isOk())
                .andExpect(model().attribute("canEdit", false));
        mvc.perform(post("/units/" + commune.id() + "/denominators").with(as(provinceStaff)).with(csrf())
                .param("year", "2041").param("households", "5")).andExpect(status().isForbidden());
        mvc.perform(multipart("/units/" + commune.id() + "/denominators/upload").file(csv("Mã\n"))
                .param("year", "2041").with(as(communeStaff)).with(csrf())).andExpect(status().isForbidden());
        assertThat(denominators.own(commune.id(), 2041)).isEmpty();
        assertThat(denominators.own(province.id(), 2041)).isEmpty();
    }

    @Test
    void targetsComeFromTheNodeOrItsNearestAncestorAndOnlyNationalStaffSetTheCountrys() throws Exception {
        OrgUnitView province = tree.unit("96"); // Cà Mau
        OrgUnitView commune = firstCommuneOf("96");
        Staff national = tree.staffOf(tree.central());
        Staff provinceStaff = tree.staffOf(province);
        Staff communeStaff = tree.staffOf(commune);
        long central = tree.central().id();

        // the shipped national targets, cited on the page; 2027 has none of its own and takes 2025's
        mvc.perform(get("/units/" + commune.id() + "/targets?year=2027").with(as(communeStaff)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Quyết định 387/QĐ-TTg ngày 25/3/2022")))
                .andExpect(content().string(containsString("Quyết định 677/QĐ-TTg ngày 3/6/2022")))
                .andExpect(content().string(containsString("Mục tiêu quốc gia năm 2025")))
                .andExpect(content().string(containsString("70 %")));
        assertThat(target(national, commune, 2027, ShareKind.FAMILY).percent()).isEqualByComparingTo("70");
        assertThat(target(national, commune, 2031, ShareKind.CITIZEN_ADULTS).percent()).isEqualByComparingTo("60");
        assertThat(target(national, commune, 2031, ShareKind.CITIZEN_ADULTS).sourceYear()).isEqualTo(2030);

        // province staff cannot set the country's (403), nor a commune's (403); another province's answers 404
        mvc.perform(post("/units/" + central + "/targets").with(as(provinceStaff)).with(csrf())
                .param("year", "2045").param("family", "10")).andExpect(status().isForbidden());
        mvc.perform(post("/units/" + commune.id() + "/targets").with(as(provinceStaff)).with(csrf())
                .param("year", "2045").param("family", "10")).andExpect(status().isForbidden());
        mvc.perform(post("/units/" + tree.unit("04").id() + "/targets").with(as(provinceStaff)).with(csrf())
                .param("year", "2045").param("family", "10")).andExpect(status().isNotFound());
        mvc.perform(get("/units/" + tree.unit("04").id() + "/targets").with(as(provinceStaff))).andExpect(status().isNotFound());
        mvc.perform(get("/units/" + central + "/targets").with(as(provinceStaff))).andExpect(status().isNotFound());

        // bad targets get a message beside their field and change nothing
        for (String bad : List.of("120", "abc", "-1", "1e400", "70,55")) {
            mvc.perform(post("/units/" + province.id() + "/targets").with(as(provinceStaff)).with(csrf())
                            .param("year", "2045").param("family", bad))
                    .andExpect(status().isOk()).andExpect(model().attributeHasFieldErrors("form", "family"));
        }
        mvc.perform(post("/units/" + province.id() + "/targets").with(as(provinceStaff)).with(csrf())
                        .param("year", "2200").param("family", "50"))
                .andExpect(status().isOk()).andExpect(model().attributeHasFieldErrors("form", "year"));
        assertThat(jdbc.sql("SELECT count(*) FROM node_target WHERE node_id = :p").param("p", province.id())
                .query(Long.class).single()).isZero();

        // the province sets its family target: its commune takes it, with its source; the rest stays national
        mvc.perform(post("/units/" + province.id() + "/targets").with(as(provinceStaff)).with(csrf())
                        .param("year", "2045").param("family", "72,5").param("source", "Nghị quyết tỉnh"))
                .andExpect(redirectedUrl("/units/" + province.id() + "/targets?year=2045"));
        assertThat(target(national, commune, 2045, ShareKind.FAMILY).percent()).isEqualByComparingTo("72.5");
        assertThat(target(national, commune, 2045, ShareKind.FAMILY).sourceLevel()).isEqualTo(1);
        assertThat(target(national, commune, 2045, ShareKind.CLAN).percent()).isEqualByComparingTo("75");
        mvc.perform(get("/units/" + commune.id() + "/targets?year=2045").with(as(communeStaff)))
                .andExpect(content().string(containsString("Mục tiêu của tỉnh năm 2045")))
                .andExpect(content().string(containsString("72,5 %")));
        // the commune's own wins over the province's
        mvc.perform(post("/units/" + commune.id() + "/targets").with(as(communeStaff)).with(csrf())
                .param("year", "2045").param("family", "90")).andExpect(status().is3xxRedirection());
        assertThat(target(national, commune, 2045, ShareKind.FAMILY).percent()).isEqualByComparingTo("90");
        assertThat(target(national, commune, 2045, ShareKind.FAMILY).own()).isTrue();
        // national staff set the country's
        mvc.perform(post("/units/" + central + "/targets").with(as(national)).with(csrf())
                .param("year", "2046").param("unit", "95")).andExpect(status().is3xxRedirection());
        assertThat(target(national, tree.unit("04"), 2046, ShareKind.UNIT).percent()).isEqualByComparingTo("95");
        assertThat(target(national, tree.unit("04"), 2046, ShareKind.FAMILY).percent()).isEqualByComparingTo("85");
        assertThat(jdbc.sql("SELECT count(*) FROM audit_log WHERE entity_type = 'TARGET' AND entity_id IN (:a, :b, :c)")
                .param("a", central).param("b", province.id()).param("c", commune.id()).query(Long.class).single())
                .isEqualTo(3);
        jdbc.sql("DELETE FROM node_target WHERE node_id = :c AND year = 2046").param("c", central).update();
    }

    @Test
    void aClosedYearRefusesDenominatorsAndTargetsWhoeverConnects() throws Exception {
        OrgUnitView commune = communeOf("46", 2);
        Staff staff = tree.staffOf(commune);
        jdbc.sql("INSERT INTO closed_year (year, closed_by) VALUES (2047, 'test')").update();
        mvc.perform(post("/units/" + commune.id() + "/denominators").with(as(staff)).with(csrf())
                        .param("year", "2047").param("households", "10"))
                .andExpect(status().isOk()).andExpect(model().attributeHasFieldErrors("form", "year"))
                .andExpect(content().string(containsString("Năm này đã khóa sổ")));
        mvc.perform(post("/units/" + commune.id() + "/targets").with(as(staff)).with(csrf())
                        .param("year", "2047").param("family", "10"))
                .andExpect(status().isOk()).andExpect(model().attributeHasFieldErrors("form", "year"));
        try (Connection c = dataSource.getConnection()) {
            for (String sql : List.of(
                    "INSERT INTO node_denominator (node_id, year, households, updated_by) VALUES (" + commune.id() + ", 2047, 1, 'psql')",
                    "INSERT INTO node_target (node_id, year, family, updated_by) VALUES (" + commune.id() + ", 2047, 1, 'psql')",
                    "UPDATE node_target SET family = 1 WHERE year = 2047")) {
                if (sql.startsWith("UPDATE")) {
                    continue; // nothing of 2047 exists to update; the inserts are the test
                }
                assertThatThrownBy(() -> c.createStatement().execute(sql)).isInstanceOf(SQLException.class)
                        .satisfies(ex -> assertThat(((SQLException) ex).getSQLState()).isEqualTo("KH001"));
            }
        }
        assertThat(denominators.own(commune.id(), 2047)).isEmpty();
    }

    @Test
    void theDashboardShowsEachShareBesideItsTargetMetOrNotInWordsAndSortsChildrenByGap() throws Exception {
        int year = VietnamTime.thisYear(java.time.Clock.system(VietnamTime.ZONE));
        OrgUnitView commune = quietCommuneOf("14"); // Sơn La
        OrgUnitView chapter = newChapter(commune);
        Staff secretary = tree.staffOf(chapter);
        Staff communeStaff = tree.staffOf(commune);
        // the demo's households from populations may be there already: this test's own figures replace them
        jdbc.sql("DELETE FROM node_denominator WHERE node_id = :c AND year = :y").param("c", commune.id())
                .param("y", year).update();
        denominators.load(commune.id(), year, new DenominatorValues(2L, 4L, null, null, null, null));
        for (int i = 0; i < 2; i++) {
            RegistrationView family = registrations.register(secretary, chapter.id(), RegistrationCommand.of(TitleKind.FAMILY,
                    year, "Lò Văn Hộ " + i, "Bản " + UUID.randomUUID(), 4, null, null, null));
            evaluations.evaluate(communeStaff, family.id(), new EvaluationCommand(RegistrationStatus.RECOGNISED,
                    "1" + i + "/QĐ", LocalDate.of(year, 1, 1), family.version()));
        }
        registrations.register(communeStaff, commune.id(), RegistrationCommand.of(TitleKind.CLAN, year,
                "Dòng họ Lò " + UUID.randomUUID(), null, null, "Lò Văn Đại", null, null));

        mvc.perform(get("/units/" + commune.id() + "/dashboard?year=" + year).with(as(communeStaff)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"shares\"")))
                .andExpect(content().string(containsString("(100,0%)")))      // 2 of 2 households recognised
                .andExpect(content().string(containsString("(25,0%)")))       // 1 of 4 clans registered
                .andExpect(content().string(containsString("Đạt mục tiêu")))
                .andExpect(content().string(containsString("Chưa đạt mục tiêu")))
                .andExpect(content().string(containsString("Chưa tính được")))
                .andExpect(content().string(containsString("Mục tiêu quốc gia năm 2025")));

        // the province's table of shares, sorted by the gap to the family target, with the target line's data
        Staff provinceStaff = tree.staffOf(tree.unit("14"));
        String page = mvc.perform(get("/units/" + tree.unit("14").id() + "/dashboard?year=" + year
                        + "&figure=familyShare&sort=familyGap&dir=desc").with(as(provinceStaff)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("data-chart-target=\"0.7\"")))
                .andExpect(content().string(containsString("sort=familyGap")))
                .andExpect(content().string(containsString("1 trong")))
                .andReturn().getResponse().getContentAsString();
        int first = page.indexOf("data-chart-name=");
        assertThat(page.substring(first, page.indexOf('\n', first))).contains(commune.name());
        // in English too
        mvc.perform(get("/units/" + commune.id() + "/dashboard?year=" + year + "&lang=en").with(as(communeStaff)))
                .andExpect(content().string(containsString("Target met")))
                .andExpect(content().string(containsString("National target for 2025")));
    }

    private Shares.Target target(Staff national, OrgUnitView node, int year, ShareKind kind) {
        return denominatorsTargets(national, node, year).get(kind);
    }

    @Autowired
    TargetService targets;

    private java.util.Map<ShareKind, Shares.Target> denominatorsTargets(Staff national, OrgUnitView node, int year) {
        return targets.effective(national.scope(), node.id(), year);
    }

    private static MockMultipartFile csv(String text) {
        return new MockMultipartFile("file", "mau-so.csv", "text/csv", text.getBytes(StandardCharsets.UTF_8));
    }

    private OrgUnitView newChapter(OrgUnitView commune) {
        return tree.newChapter(commune.code());
    }

    private List<Long> activeCommunes(OrgUnitView province) {
        return jdbc.sql("SELECT id FROM org_unit WHERE parent_id = :p AND active ORDER BY code")
                .param("p", province.id()).query(Long.class).list();
    }

    private OrgUnitView firstCommuneOf(String provinceCode) {
        return communeOf(provinceCode, 0);
    }

    /** A new commune of the province, which no other test and no generated data has filled. */
    private OrgUnitView quietCommuneOf(String provinceCode) {
        String code = null;
        while (code == null) {
            String candidate = "Z" + String.format("%04d", new java.util.Random().nextInt(10000));
            code = jdbc.sql("""
                    INSERT INTO org_unit (parent_id, level, kind, admin_type, code, name)
                    VALUES (:p, 2, 'COMMUNE', 'xa', :code, :name) ON CONFLICT (code) DO NOTHING RETURNING code
                    """).param("p", tree.unit(provinceCode).id()).param("code", candidate)
                    .param("name", "Xã thử " + candidate).query(String.class).optional().orElse(null);
        }
        return tree.unit(code);
    }

    private OrgUnitView communeOf(String provinceCode, int index) {
        String code = jdbc.sql("SELECT code FROM org_unit WHERE parent_id = :p AND active ORDER BY code OFFSET :i LIMIT 1")
                .param("p", tree.unit(provinceCode).id()).param("i", index).query(String.class).single();
        return tree.unit(code);
    }
}
