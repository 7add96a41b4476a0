package vn.khuyenhoc.centre;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.UUID;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import vn.khuyenhoc.orgunit.OrgUnitView;
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
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static vn.khuyenhoc.support.TestTree.as;

/**
 * The register of learning centres and their years through the pages, against the real database: who may read and
 * write what, bad input answered beside its field with nothing saved, and closed years refused by the page and by
 * the database itself (plain JDBC).
 */
@IntegrationTest
class CentrePagesTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    TestTree tree;

    @Autowired
    CentreFixture fixture;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    DataSource dataSource;

    /** The register's form as a browser sends it; {@code param} on the result replaces a field's value. */
    private Form centreForm(Staff staff, String url) {
        return new Form(post(url).with(as(staff)).with(csrf())).param("name", "Trung tâm HTCĐ " + UUID.randomUUID())
                .param("address", "Tổ 3, khu 2").param("decisionNumber", "45/QĐ-UBND").param("decisionDate", "15/08/2025")
                .param("director", "Trần Thị Lan").param("operating", "true").param("closedOn", "").param("version", "");
    }

    private Form yearForm(Staff staff, long centreId, int year) {
        Form form = new Form(post("/centres/" + centreId + "/year").with(as(staff)).with(csrf()))
                .param("year", String.valueOf(year)).param("learnerComputers", "4").param("grade", "GOOD")
                .param("internet", "true").param("openMaterials", "true").param("chairTakesPart", "true");
        for (String kind : new String[] {"Literacy", "Vocational", "Law", "Digital", "Languages", "Health", "Other"}) {
            form.param("classes" + kind, "3").param("turns" + kind, "1200");
        }
        return form;
    }

    /** A POST whose fields can be set again (MockMvc's own param() adds a second value instead). */
    private static final class Form implements org.springframework.test.web.servlet.SmartRequestBuilder {

        private final MockHttpServletRequestBuilder request;
        private final java.util.Map<String, String[]> fields = new java.util.LinkedHashMap<>();

        Form(MockHttpServletRequestBuilder request) {
            this.request = request;
        }

        Form param(String name, String... values) {
            fields.put(name, values);
            return this;
        }

        Form without(String name) {
            fields.remove(name);
            return this;
        }

        @Override
        public org.springframework.mock.web.MockHttpServletRequest buildRequest(jakarta.servlet.ServletContext context) {
            fields.forEach(request::param);
            return request.buildRequest(context);
        }

        @Override
        public org.springframework.mock.web.MockHttpServletRequest postProcessRequest(
                org.springframework.mock.web.MockHttpServletRequest built) {
            return request.postProcessRequest(built);
        }
    }

    @Test
    void communeStaffRegisterACentreAndRecordItsYearAndTheyReadBack() throws Exception {
        OrgUnitView commune = tree.unit("06688");
        Staff staff = tree.staffOf(commune);
        String location = mvc.perform(centreForm(staff, "/units/" + commune.id() + "/centres").param("name", "Trung tâm HTCĐ Khu 7 thử " + UUID.randomUUID()))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrlPattern("/centres/*"))
                .andReturn().getResponse().getRedirectedUrl();
        long id = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
        assertThat(jdbc.sql("SELECT count(*) FROM audit_log WHERE entity_type = 'LEARNING_CENTRE' AND entity_id = :id")
                .param("id", id).query(Long.class).single()).isEqualTo(1);
        int thisYear = VietnamTime.thisYear(java.time.Clock.systemUTC());
        mvc.perform(yearForm(staff, id, thisYear)).andExpect(status().is3xxRedirection());
        var row = jdbc.sql("SELECT classes_digital, turns_law, learner_computers, chair_takes_part FROM centre_year WHERE centre_id = :id")
                .param("id", id).query((rs, n) -> new Object[] {rs.getInt(1), rs.getInt(2), rs.getInt(3), rs.getBoolean(4)}).single();
        assertThat(row).containsExactly(3, 1200, 4, true);
        assertThat(jdbc.sql("SELECT chair_takes_part FROM centre_year WHERE centre_id = :id").param("id", id)
                .query(Boolean.class).single()).isTrue();
        // unticked boxes arrive as false (the checkbox's hidden marker)
        mvc.perform(yearForm(staff, id, thisYear).param("version", "0").param("_chairTakesPart", "on")
                .without("chairTakesPart"))
                .andExpect(status().is3xxRedirection());
        assertThat(jdbc.sql("SELECT chair_takes_part FROM centre_year WHERE centre_id = :id").param("id", id)
                .query(Boolean.class).single()).isFalse();
        mvc.perform(get("/centres/" + id).with(as(staff))).andExpect(status().isOk())
                .andExpect(content().string(containsString("Khu 7 thử")))
                .andExpect(content().string(containsString("Đạt")));
        mvc.perform(get("/centres/" + id).with(as(staff)).param("lang", "en")).andExpect(status().isOk())
                .andExpect(content().string(containsString("Digital learning hub")));
        mvc.perform(get("/units/" + commune.id() + "/centres").with(as(staff))).andExpect(status().isOk())
                .andExpect(content().string(containsString("Khu 7 thử")));
    }

    @Test
    void anotherCommunesCentreAnswers404AndAboveReadOnly403() throws Exception {
        OrgUnitView commune = tree.unit("06688");
        Staff owner = tree.staffOf(commune);
        CentreView centre = fixture.centre(owner, commune, LocalDate.of(2025, 8, 15));
        Staff otherCommune = tree.staffOf(tree.unit("00004"));
        Staff chapter = tree.staffOf(tree.newChapter("06688"));
        Staff otherProvince = tree.staffOf(tree.unit("01"));
        Staff province = tree.staffOf(tree.unit("22"));
        Staff national = tree.staffOf(tree.central());
        int thisYear = LocalDate.now(VietnamTime.ZONE).getYear();
        for (Staff outsider : new Staff[] {otherCommune, chapter, otherProvince}) {
            // another commune's staff: 404 everywhere; a role that never keeps a register (a grassroots unit, a
            // province) is refused every change with 403 before any id is looked up, and a grassroots unit reads none
            var write = outsider.role() == vn.khuyenhoc.shared.Role.COMMUNE ? status().isNotFound() : status().isForbidden();
            var read = outsider.role() == vn.khuyenhoc.shared.Role.CHAPTER ? status().isForbidden() : status().isNotFound();
            mvc.perform(get("/centres/" + centre.id()).with(as(outsider))).andExpect(read);
            mvc.perform(get("/centres/" + centre.id() + "/edit").with(as(outsider))).andExpect(write);
            mvc.perform(get("/centres/" + centre.id() + "/year").with(as(outsider))).andExpect(write);
            mvc.perform(centreForm(outsider, "/centres/" + centre.id())).andExpect(write);
            mvc.perform(yearForm(outsider, centre.id(), thisYear)).andExpect(write);
            mvc.perform(centreForm(outsider, "/units/" + commune.id() + "/centres")).andExpect(write);
            mvc.perform(post("/units/" + commune.id() + "/digital-staff").with(as(outsider)).with(csrf())
                    .param("year", String.valueOf(thisYear)).param("staff", "10").param("trained", "4"))
                    .andExpect(write);
        }
        mvc.perform(get("/units/" + commune.id() + "/centres").with(as(otherCommune))).andExpect(status().isNotFound());
        for (Staff above : new Staff[] {province, national}) {
            mvc.perform(get("/centres/" + centre.id()).with(as(above))).andExpect(status().isOk())
                    .andExpect(content().string(containsString(centre.name())))
                    .andExpect(content().string(not(containsString("id=\"edit-centre\""))));
            mvc.perform(get("/units/" + commune.id() + "/centres").with(as(above))).andExpect(status().isOk())
                    .andExpect(content().string(not(containsString("id=\"new-centre\""))));
            mvc.perform(get("/units/" + above.scope().nodeId() + "/centres").with(as(above))).andExpect(status().isOk());
            mvc.perform(get("/centres/" + centre.id() + "/edit").with(as(above))).andExpect(status().isForbidden());
            mvc.perform(get("/units/" + commune.id() + "/centres/new").with(as(above))).andExpect(status().isForbidden());
            mvc.perform(centreForm(above, "/centres/" + centre.id())).andExpect(status().isForbidden());
            mvc.perform(yearForm(above, centre.id(), thisYear)).andExpect(status().isForbidden());
            mvc.perform(centreForm(above, "/units/" + commune.id() + "/centres")).andExpect(status().isForbidden());
            mvc.perform(post("/units/" + commune.id() + "/digital-staff").with(as(above)).with(csrf())
                    .param("year", String.valueOf(thisYear)).param("staff", "10").param("trained", "4"))
                    .andExpect(status().isForbidden());
        }
        assertThat(fixture.yearsOf(centre.id())).isZero();
        assertThat(jdbc.sql("SELECT name FROM learning_centre WHERE id = :id").param("id", centre.id())
                .query(String.class).single()).isEqualTo(centre.name());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "name           | ''           | Hãy nhập tên trung tâm.",
            "name           | LONG201      | Tên trung tâm dài tối đa 200 ký tự.",
            "address        | LONG301      | Địa chỉ dài tối đa 300 ký tự.",
            "decisionNumber | ''           | Hãy nhập số quyết định thành lập.",
            "decisionDate   | ''           | Hãy nhập ngày quyết định thành lập",
            "decisionDate   | hôm qua      | Ngày không hợp lệ",
            "decisionDate   | 31/02/2025   | Ngày không hợp lệ",
            "decisionDate   | 01/01/2999   | Ngày không được ở tương lai.",
            "decisionDate   | 31/12/1989   | Ngày phải từ 01/01/1990 trở đi.",
            "closedOn       | 01/01/2025   | Trung tâm đang hoạt động thì không có ngày ngừng",
            "director       | LONG121      | Tên giám đốc dài tối đa 120 ký tự.",
            "operating      | có lẽ        | Hãy chọn tình trạng hoạt động.",
    })
    void badRegisterInputIsRefusedBesideItsFieldAndNothingIsSaved(String field, String value, String message) throws Exception {
        OrgUnitView commune = tree.unit("06688");
        Staff staff = tree.staffOf(commune);
        long before = fixture.centresOf(commune);
        String typed = value.startsWith("LONG") ? "x".repeat(Integer.parseInt(value.substring(4))) : value;
        mvc.perform(centreForm(staff, "/units/" + commune.id() + "/centres").param(field, typed))
                .andExpect(status().isOk())
                .andExpect(model().attributeHasFieldErrors("form", field))
                .andExpect(content().string(containsString(message)));
        assertThat(fixture.centresOf(commune)).isEqualTo(before);
    }

    @Test
    void aClosedCentreNeedsItsDateNotBeforeItsSetUp() throws Exception {
        OrgUnitView commune = tree.unit("06688");
        Staff staff = tree.staffOf(commune);
        long before = fixture.centresOf(commune);
        mvc.perform(centreForm(staff, "/units/" + commune.id() + "/centres").param("operating", "false"))
                .andExpect(status().isOk()).andExpect(model().attributeHasFieldErrors("form", "closedOn"))
                .andExpect(content().string(containsString("hãy nhập ngày ngừng")));
        mvc.perform(centreForm(staff, "/units/" + commune.id() + "/centres").param("operating", "false")
                        .param("closedOn", "01/01/2025"))
                .andExpect(status().isOk()).andExpect(model().attributeHasFieldErrors("form", "closedOn"))
                .andExpect(content().string(containsString("không được trước ngày quyết định")));
        assertThat(fixture.centresOf(commune)).isEqualTo(before);
        CentreView taken = fixture.centre(staff, commune, LocalDate.of(2025, 9, 1));
        mvc.perform(centreForm(staff, "/units/" + commune.id() + "/centres").param("name", taken.name().toUpperCase()))
                .andExpect(status().isOk()).andExpect(model().attributeHasFieldErrors("form", "name"));
        assertThat(fixture.centresOf(commune)).isEqualTo(before + 1);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "classesLiteracy  | -1                   | Số lớp là số nguyên từ 0 đến 100.000.",
            "classesLiteracy  | abc                  | Số lớp là số nguyên từ 0 đến 100.000.",
            "classesDigital   | 99999999999999999999 | Số lớp là số nguyên từ 0 đến 100.000.",
            "classesOther     | 1e400                | Số lớp là số nguyên từ 0 đến 100.000.",
            "classesLaw       | 100001               | Số lớp là số nguyên từ 0 đến 100.000.",
            "turnsHealth      | 10000001             | Số lượt người là số nguyên từ 0 đến 10.000.000",
            "turnsHealth      | 1.200                | Số lượt người là số nguyên từ 0 đến 10.000.000",
            "turnsVocational  | 2,5                  | Số lượt người là số nguyên từ 0 đến 10.000.000",
            "learnerComputers | nhiều                | Số máy tính là số nguyên từ 0 đến 10.000.",
            "learnerComputers | 10001                | Số máy tính là số nguyên từ 0 đến 10.000.",
            "grade            | EXCELLENT            | Hãy chọn xếp loại trong danh sách.",
            "year             | abc                  | Năm phải là số nguyên",
            "year             | 1989                 | Năm phải từ 1990 đến 2100.",
            "year             | 2100                 | Chưa thể nhập số liệu của năm sau.",
            "year             | 2024                 | Trung tâm chỉ hoạt động từ năm 2025",
    })
    void badYearInputIsRefusedBesideItsFieldAndNothingIsSaved(String field, String value, String message) throws Exception {
        OrgUnitView commune = tree.unit("06688");
        Staff staff = tree.staffOf(commune);
        CentreView centre = fixture.centre(staff, commune, LocalDate.of(2025, 8, 15));
        mvc.perform(yearForm(staff, centre.id(), 2025).param(field, value))
                .andExpect(status().isOk())
                .andExpect(model().attributeHasFieldErrors("form", field))
                .andExpect(content().string(containsString(message)));
        assertThat(fixture.yearsOf(centre.id())).isZero();
    }

    @Test
    void aClosedYearRefusesChangesThroughThePagesAndWhoeverConnects() throws Exception {
        OrgUnitView commune = tree.unit("06688");
        Staff staff = tree.staffOf(commune);
        CentreView centre = fixture.centre(staff, commune, LocalDate.of(2024, 3, 1));
        fixture.centres.saveYear(staff, centre.id(), CentreFixture.year(2024, 2, 100, true, true), null);
        fixture.close(2024);

        // the pages: the year's figures, a new centre set up in it, a centre closing in it, the staff trained
        mvc.perform(yearForm(staff, centre.id(), 2024).param("version", "0"))
                .andExpect(status().isOk()).andExpect(model().attributeHasFieldErrors("form", "year"))
                .andExpect(content().string(containsString("Năm này đã khóa sổ")));
        long before = fixture.centresOf(commune);
        mvc.perform(centreForm(staff, "/units/" + commune.id() + "/centres").param("decisionDate", "10/10/2024"))
                .andExpect(status().isOk()).andExpect(model().attributeHasFieldErrors("form", "decisionDate"))
                .andExpect(content().string(containsString("Năm này đã khóa sổ")));
        assertThat(fixture.centresOf(commune)).isEqualTo(before);
        mvc.perform(centreForm(staff, "/centres/" + centre.id()).param("name", centre.name()).param("decisionDate", "01/03/2024")
                        .param("operating", "false").param("closedOn", "30/12/2024").param("version", "0"))
                .andExpect(status().isOk()).andExpect(model().attributeHasFieldErrors("form", "closedOn"));
        mvc.perform(post("/units/" + commune.id() + "/digital-staff").with(as(staff)).with(csrf())
                        .param("year", "2024").param("staff", "10").param("trained", "4"))
                .andExpect(status().isOk()).andExpect(model().attributeHasFieldErrors("form", "year"));
        assertThat(jdbc.sql("SELECT classes_literacy FROM centre_year WHERE centre_id = :c AND year = 2024")
                .param("c", centre.id()).query(Integer.class).single()).isEqualTo(2);

        // whoever connects: plain JDBC, no application in between
        try (Connection connection = dataSource.getConnection(); Statement sql = connection.createStatement()) {
            connection.setAutoCommit(true);
            assertRefused(sql, "UPDATE centre_year SET classes_literacy = 99 WHERE centre_id = " + centre.id() + " AND year = 2024");
            assertRefused(sql, "DELETE FROM centre_year WHERE centre_id = " + centre.id() + " AND year = 2024");
            assertRefused(sql, "UPDATE learning_centre SET closed_on = DATE '2024-12-30' WHERE id = " + centre.id());
            assertRefused(sql, "UPDATE learning_centre SET decision_date = DATE '2025-01-02' WHERE id = " + centre.id());
            assertRefused(sql, "INSERT INTO learning_centre (commune_id, province_id, name, decision_number, decision_date, updated_by) "
                    + "VALUES (" + commune.id() + ", " + commune.id() + ", 'Trung tâm JDBC " + UUID.randomUUID() + "', '1/QĐ', DATE '2024-05-05', 'psql')");
            assertRefused(sql, "INSERT INTO commune_digital_staff (commune_id, year, province_id, staff, trained, updated_by) "
                    + "VALUES (" + commune.id() + ", 2024, " + commune.id() + ", 10, 5, 'psql')");
            // what does not change a closed year's figures is still allowed: the director's name
            assertThat(sql.executeUpdate("UPDATE learning_centre SET director = 'Lê Văn Mới' WHERE id = " + centre.id())).isEqualTo(1);
        }
        assertThat(jdbc.sql("SELECT classes_literacy FROM centre_year WHERE centre_id = :c AND year = 2024")
                .param("c", centre.id()).query(Integer.class).single()).isEqualTo(2);
    }

    @Test
    void theDatabaseKeepsACentresYearsInsideItsLifeWhoeverConnects() throws Exception {
        OrgUnitView commune = tree.unit("06688");
        Staff staff = tree.staffOf(commune);
        CentreView centre = fixture.centre(staff, commune, LocalDate.of(2025, 3, 1));
        try (Connection connection = dataSource.getConnection(); Statement sql = connection.createStatement()) {
            assertThatThrownBy(() -> sql.executeUpdate("INSERT INTO centre_year (centre_id, year, commune_id, province_id, updated_by) "
                    + "VALUES (" + centre.id() + ", 2023, " + commune.id() + ", " + commune.id() + ", 'psql')"))
                    .isInstanceOfSatisfying(SQLException.class, ex -> assertThat(ex.getSQLState()).isEqualTo("KH452"));
            assertThatThrownBy(() -> sql.executeUpdate("UPDATE learning_centre SET commune_id = " + tree.unit("00004").id()
                    + " WHERE id = " + centre.id()))
                    .isInstanceOfSatisfying(SQLException.class, ex -> assertThat(ex.getSQLState()).isEqualTo("KH451"));
        }
    }

    @Test
    void staffTrainedInDigitalSkillsAreKeptByTheCommuneWithTheirShare() throws Exception {
        OrgUnitView commune = tree.unit("00008"); // Ngọc Hà: no other test records its staff
        Staff staff = tree.staffOf(commune);
        int thisYear = LocalDate.now(VietnamTime.ZONE).getYear();
        jdbc.sql("DELETE FROM commune_digital_staff WHERE commune_id = :c AND year = :y").param("c", commune.id())
                .param("y", thisYear).update(); // a rerun on a kept database
        for (String[] bad : new String[][] {{"staff", "abc"}, {"staff", "-3"}, {"trained", "99999999999999999999"},
                {"trained", "1e400"}, {"staff", "100001"}}) {
            mvc.perform(new Form(post("/units/" + commune.id() + "/digital-staff").with(as(staff)).with(csrf()))
                            .param("year", String.valueOf(thisYear)).param("staff", "10").param("trained", "4")
                            .param(bad[0], bad[1]))
                    .andExpect(status().isOk()).andExpect(model().attributeHasFieldErrors("form", bad[0]));
        }
        mvc.perform(post("/units/" + commune.id() + "/digital-staff").with(as(staff)).with(csrf())
                        .param("year", String.valueOf(thisYear)).param("staff", "10").param("trained", "11"))
                .andExpect(status().isOk()).andExpect(model().attributeHasFieldErrors("form", "trained"))
                .andExpect(content().string(containsString("không được lớn hơn số cán bộ")));
        assertThat(jdbc.sql("SELECT count(*) FROM commune_digital_staff WHERE commune_id = :c AND year = :y")
                .param("c", commune.id()).param("y", thisYear).query(Long.class).single()).isZero();
        mvc.perform(post("/units/" + commune.id() + "/digital-staff").with(as(staff)).with(csrf())
                        .param("year", String.valueOf(thisYear)).param("staff", "25").param("trained", "12"))
                .andExpect(status().is3xxRedirection());
        mvc.perform(get("/units/" + commune.id() + "/digital-staff").with(as(staff)))
                .andExpect(status().isOk()).andExpect(content().string(containsString("48,0%")))
                .andExpect(content().string(containsString("Đạt chỉ tiêu")));
    }

    private static void assertRefused(Statement sql, String statement) {
        assertThatThrownBy(() -> sql.executeUpdate(statement)).as(statement)
                .isInstanceOfSatisfying(SQLException.class, ex -> assertThat(ex.getSQLState()).isEqualTo("KH001"));
    }
}
