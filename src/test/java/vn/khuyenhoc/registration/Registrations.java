package vn.khuyenhoc.registration;

import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import vn.khuyenhoc.shared.Staff;
import vn.khuyenhoc.support.Requests;

import static vn.khuyenhoc.support.TestTree.as;

/** Test helpers: registrations made through the forms, and what the database holds about them. */
class Registrations {

    static final int YEAR = vn.khuyenhoc.support.Today.inVietnam().getYear();

    private final MockMvc mvc;
    private final JdbcClient jdbc;

    Registrations(MockMvc mvc, JdbcClient jdbc) {
        this.mvc = mvc;
        this.jdbc = jdbc;
    }

    /** A name no other test (nor the demo data) uses. */
    static String unique(String name) {
        return name + " " + UUID.randomUUID().toString().substring(0, 8);
    }

    ResultActions post(Staff staff, String url, String... params) throws Exception {
        return Requests.post(mvc, staff, url, params);
    }

    ResultActions family(Staff staff, long nodeId, int year, String head, String address, String people) throws Exception {
        return post(staff, "/units/" + nodeId + "/registrations", "kind", "FAMILY", "year", String.valueOf(year),
                "subjectName", head, "address", address, "householdSize", people);
    }

    ResultActions community(Staff staff, long nodeId, int year, String name) throws Exception {
        return post(staff, "/units/" + nodeId + "/registrations", "kind", "COMMUNITY", "year", String.valueOf(year),
                "subjectName", name);
    }

    ResultActions citizen(Staff staff, long nodeId, int year, String name, String birthYear) throws Exception {
        return post(staff, "/units/" + nodeId + "/registrations", "kind", "CITIZEN", "year", String.valueOf(year),
                "subjectName", name, "birthYear", birthYear);
    }

    ResultActions clan(Staff staff, long communeId, int year, String name, String representative) throws Exception {
        return post(staff, "/units/" + communeId + "/registrations", "kind", "CLAN", "year", String.valueOf(year),
                "subjectName", name, "representative", representative);
    }

    ResultActions learningUnit(Staff staff, long communeId, int year, String name, String type) throws Exception {
        return post(staff, "/units/" + communeId + "/registrations", "kind", "UNIT", "year", String.valueOf(year),
                "subjectName", name, "unitType", type);
    }

    /** The id of the one live registration with this subject name (names in tests are unique). */
    long idOf(String subjectName) {
        return jdbc.sql("SELECT id FROM title_registration WHERE subject_name = :n AND status <> 'WITHDRAWN'")
                .param("n", subjectName).query(Long.class).single();
    }

    long countNamed(String subjectName) {
        return jdbc.sql("SELECT count(*) FROM title_registration WHERE subject_name = :n").param("n", subjectName)
                .query(Long.class).single();
    }

    long countAt(long nodeId) {
        return jdbc.sql("SELECT count(*) FROM title_registration WHERE node_id = :n").param("n", nodeId)
                .query(Long.class).single();
    }

    String status(long id) {
        return jdbc.sql("SELECT status FROM title_registration WHERE id = :id").param("id", id).query(String.class).single();
    }

    long version(long id) {
        return jdbc.sql("SELECT version FROM title_registration WHERE id = :id").param("id", id).query(Long.class).single();
    }

    long auditEntries(long id, String action) {
        return jdbc.sql("""
                SELECT count(*) FROM audit_log WHERE entity_type = 'REGISTRATION' AND entity_id = :id AND action = :action
                """).param("id", id).param("action", action).query(Long.class).single();
    }
}
