package vn.khuyenhoc.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import vn.khuyenhoc.orgunit.OrgUnitView;
import vn.khuyenhoc.shared.Staff;
import vn.khuyenhoc.support.IntegrationTest;
import vn.khuyenhoc.support.TestTree;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static vn.khuyenhoc.support.TestTree.as;

/**
 * Issue 16: every numeric field of every form answers a word, a number too big for any type, and a number too big
 * for a double with the form again and a message beside that field; never an error page, and nothing saved.
 */
@IntegrationTest
class NumericFieldsTest {

    private static final String[] ABSURD = {"abc", "99999999999999999999", "1e400"};

    @Autowired
    MockMvc mvc;

    @Autowired
    TestTree tree;

    @Autowired
    JdbcClient jdbc;

    /** One numeric field of one form: where it is posted, by whom, with the other fields filled in validly. */
    private record Field(String name, String url, Staff staff, Map<String, String> others) {
    }

    @Test
    void everyNumericFieldAnswersAbsurdValuesWithAFieldMessage() throws Exception {
        OrgUnitView commune = tree.unit("06688");
        OrgUnitView chapter = tree.newChapter("06688");
        Staff national = tree.staffOf(tree.central());
        Staff communeStaff = tree.staffOf(commune);
        Staff secretary = tree.staffOf(chapter);
        String year = String.valueOf(vn.khuyenhoc.support.Today.inVietnam().getYear());

        List<Field> fields = new ArrayList<>();
        fields.add(new Field("year", "/years/close", national, Map.of()));
        fields.add(new Field("year", "/years/reopen", national, Map.of("reason", "Sửa số liệu")));
        fields.add(new Field("year", "/units/" + commune.id() + "/population", communeStaff, Map.of("population", "12000")));
        fields.add(new Field("population", "/units/" + commune.id() + "/population", communeStaff, Map.of("year", year)));
        // households are kept with the other denominators of the shares (issue 11)
        fields.add(new Field("households", "/units/" + commune.id() + "/denominators", communeStaff, Map.of("year", year)));
        fields.add(new Field("peopleReached", "/units/" + chapter.id() + "/fund/entries", secretary,
                Map.of("direction", "DISBURSEMENT", "category", "SCHOLARSHIP_UNDERPRIVILEGED", "amount", "100000", "entryDate", year + "-01-15")));
        fields.add(new Field("amount", "/units/" + chapter.id() + "/fund/entries", secretary,
                Map.of("direction", "RECEIPT", "category", "INDIVIDUAL_DONATION", "entryDate", year + "-01-15")));
        fields.add(new Field("year", "/units/" + chapter.id() + "/registrations", secretary,
                Map.of("kind", "FAMILY", "subjectName", "Nguyễn Văn An", "address", "Khu 1", "householdSize", "4")));
        fields.add(new Field("householdSize", "/units/" + chapter.id() + "/registrations", secretary,
                Map.of("kind", "FAMILY", "year", year, "subjectName", "Nguyễn Văn An", "address", "Khu 1")));
        fields.add(new Field("birthYear", "/units/" + chapter.id() + "/registrations", secretary,
                Map.of("kind", "CITIZEN", "year", year, "subjectName", "Nguyễn Văn An")));
        fields.add(new Field("birth", "/units/" + chapter.id() + "/members", secretary,
                Map.of("fullName", "Nguyễn Văn An", "gender", "MALE", "ethnicity", "1", "address", "Khu 1",
                        "joinedOn", year + "-01-15")));
        fields.add(new Field("unitId", "/accounts", communeStaff,
                Map.of("username", "so.sai", "fullName", "Người thử", "password", "mot mat khau dai du")));

        List<String> failures = new ArrayList<>();
        long before = rows();
        for (Field field : fields) {
            for (String value : ABSURD) {
                MockHttpServletRequestBuilder request = post(field.url()).with(as(field.staff())).with(csrf())
                        .param(field.name(), value);
                field.others().forEach(request::param);
                MockHttpServletResponse response = mvc.perform(request).andReturn().getResponse();
                String body = response.getContentAsString();
                if (response.getStatus() != 200 || !fieldIsInvalid(body, field.url(), field.name())) {
                    failures.add(field.url() + " " + field.name() + "=" + value + " → HTTP " + response.getStatus());
                }
            }
        }
        assertThat(failures).isEmpty();
        assertThat(rows()).isEqualTo(before);
    }

    @Test
    void hiddenVersionsAndSelectedIdsNeverAnswerAServerError() throws Exception {
        OrgUnitView chapter = tree.newChapter("06688");
        Staff communeStaff = tree.staffOf(tree.unit("06688"));
        for (String value : ABSURD) {
            int status = mvc.perform(post("/units/{id}", chapter.id()).with(as(communeStaff)).with(csrf())
                    .param("kind", "CHAPTER").param("name", "Chi hội đổi tên").param("version", value))
                    .andReturn().getResponse().getStatus();
            assertThat(status).as("version=" + value).isLessThan(500);
        }
    }

    /** The input of this field, in the form posted to this address, carries Bootstrap's invalid marker. */
    private static boolean fieldIsInvalid(String body, String url, String name) {
        int form = body.indexOf("action=\"" + url);
        // the field's id is its name, or ends with it where a page has two forms ("close-year-year")
        java.util.regex.Matcher id = java.util.regex.Pattern
                .compile("<(?:input|select|textarea)[^>]*\\sid=\"(?:[a-z]+-)*" + name + "\"").matcher(body);
        int at = id.find(Math.max(form, 0)) ? id.end() - 1 : -1;
        if (at < 0) {
            return false;
        }
        int start = body.lastIndexOf('<', at);
        int end = body.indexOf('>', at);
        return start >= 0 && end > at && body.substring(start, end).contains("is-invalid");
    }

    private long rows() {
        return jdbc.sql("""
                SELECT (SELECT count(*) FROM closed_year) + (SELECT count(*) FROM node_population)
                     + (SELECT count(*) FROM node_denominator)
                     + (SELECT count(*) FROM fund_entry) + (SELECT count(*) FROM title_registration)
                     + (SELECT count(*) FROM member) + (SELECT count(*) FROM app_user)
                """).query(Long.class).single();
    }
}
