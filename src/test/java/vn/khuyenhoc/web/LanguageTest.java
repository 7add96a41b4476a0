package vn.khuyenhoc.web;

import jakarta.servlet.http.Cookie;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.servlet.MockMvc;

import vn.khuyenhoc.support.IntegrationTest;
import vn.khuyenhoc.support.TestTree;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.cookie;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static vn.khuyenhoc.support.TestTree.as;

/** Vietnamese by default, English as a switch that is remembered; nothing else. */
@IntegrationTest
class LanguageTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    TestTree tree;

    @Test
    void aPageWithoutLanguageIsVietnameseEvenForAnEnglishBrowser() throws Exception {
        mvc.perform(get("/login")).andExpect(status().isOk())
                .andExpect(content().string(containsString("<html lang=\"vi\">")))
                .andExpect(content().string(containsString("Tên đăng nhập")));
        mvc.perform(get("/login").header(HttpHeaders.ACCEPT_LANGUAGE, "en-US,en;q=0.9"))
                .andExpect(content().string(containsString("Tên đăng nhập")));
    }

    @Test
    void langEnSwitchesToEnglishAndACookieRemembersIt() throws Exception {
        mvc.perform(get("/login").param("lang", "en"))
                .andExpect(content().string(containsString("<html lang=\"en\">")))
                .andExpect(content().string(containsString("Username")))
                .andExpect(content().string(not(containsString("Tên đăng nhập"))))
                .andExpect(cookie().value("lang", "en"));
        mvc.perform(get("/login").cookie(new Cookie("lang", "en")))
                .andExpect(content().string(containsString("Username")));
        mvc.perform(get("/login").param("lang", "vi").cookie(new Cookie("lang", "en")))
                .andExpect(content().string(containsString("Tên đăng nhập")))
                .andExpect(cookie().value("lang", "vi"));
    }

    @Test
    void signedInPagesFollowTheSwitchToo() throws Exception {
        var staff = tree.staffOf(tree.unit("06688"));
        mvc.perform(get("/units/{id}", staff.scope().nodeId()).with(as(staff)))
                .andExpect(content().string(containsString("Đơn vị của tôi")))
                .andExpect(content().string(containsString("Phường Hạ Long")));
        mvc.perform(get("/units/{id}", staff.scope().nodeId()).param("lang", "en").with(as(staff)))
                .andExpect(content().string(containsString("My unit")))
                .andExpect(content().string(containsString("Hạ Long Ward")));
    }

    @Test
    void aLanguageThatIsNotOfferedLeavesThePagesVietnamese() throws Exception {
        for (String lang : new String[] {"fr", "zh-CN", "xx", "en_GB!"}) {
            mvc.perform(get("/login").param("lang", lang))
                    .andExpect(status().isOk())
                    .andExpect(content().string(containsString("Tên đăng nhập")))
                    .andExpect(content().string(containsString("<html lang=\"vi\">")))
                    .andExpect(content().string(not(containsString("??"))));
        }
        mvc.perform(get("/login").cookie(new Cookie("lang", "de")))
                .andExpect(content().string(containsString("Tên đăng nhập")));
        mvc.perform(get("/login").param("lang", "en-GB"))
                .andExpect(content().string(containsString("Username")))
                .andExpect(content().string(not(containsString("??"))));
    }
}
