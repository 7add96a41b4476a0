package vn.khuyenhoc.account;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import vn.khuyenhoc.orgunit.OrgUnitView;
import vn.khuyenhoc.shared.Staff;
import vn.khuyenhoc.support.IntegrationTest;
import vn.khuyenhoc.support.TestTree;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.unauthenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static vn.khuyenhoc.support.TestTree.as;

/**
 * Issue 16, accounts and sessions: guessing is throttled and audited, sessions end when the account is disabled, its
 * password set or its unit deactivated, a password set by someone else must be changed first, the password policy,
 * and national staff managing each other (never themselves).
 */
@IntegrationTest
class AccountHardeningTest {

    private static final String PASSWORD = "mot cau dai de nho cua toi";

    @Autowired
    MockMvc mvc;

    @Autowired
    TestTree tree;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PasswordEncoder encoder;

    @Autowired
    LoginThrottle throttle;

    // --- guessing -------------------------------------------------------------------------------------------------

    @Test
    void wrongPasswordsLockTheAccountEvenAgainstTheRightOneAndEveryAttemptIsAudited() throws Exception {
        String username = account(tree.unit("06688"));
        RequestPostProcessor from = address("10.16.0.1");
        for (int i = 0; i < throttle.maxPerUsername - 1; i++) {
            mvc.perform(login(username, "sai-mat-khau-" + i, from))
                    .andExpect(redirectedUrl("/login?error")).andExpect(unauthenticated());
        }
        MockHttpSession session = (MockHttpSession) mvc.perform(login(username, "sai lan cuoi", from))
                .andExpect(redirectedUrl("/login?locked")).andExpect(unauthenticated())
                .andReturn().getRequest().getSession(false);
        // the right password, now, from another address too: still locked
        mvc.perform(login(username, PASSWORD, address("10.16.0.2")))
                .andExpect(redirectedUrl("/login?locked")).andExpect(unauthenticated());
        // the login page says until when, in the user's language
        mvc.perform(get("/login").param("locked", "").param("lang", "en").session(session))
                .andExpect(content().string(containsString("locked until")));

        List<String> actions = jdbc.sql("""
                SELECT action FROM audit_log WHERE entity_type = 'SIGN_IN' AND actor_username = :u ORDER BY id
                """).param("u", username).query(String.class).list();
        assertThat(actions).filteredOn("SIGN_IN_FAILED"::equals).hasSize(throttle.maxPerUsername);
        assertThat(actions).contains("SIGN_IN_LOCKED").doesNotContain("SIGN_IN");
        assertThat(jdbc.sql("SELECT after_state->>'address' FROM audit_log WHERE actor_username = :u AND action = 'SIGN_IN_FAILED' LIMIT 1")
                .param("u", username).query(String.class).single()).isEqualTo("10.16.0.1");
    }

    @Test
    void oneAddressGuessingManyUsernamesIsLockedToo() throws Exception {
        RequestPostProcessor from = address("10.16.1.1");
        for (int i = 0; i < throttle.maxPerAddress - 1; i++) {
            mvc.perform(login("khong-co-" + i, "doan-bua-" + i, from))
                    .andExpect(redirectedUrl("/login?error"));
        }
        mvc.perform(login("khong-co-cuoi", "doan-bua", from)).andExpect(redirectedUrl("/login?locked"));
        String username = account(tree.unit("06688"));
        mvc.perform(login(username, PASSWORD, from)).andExpect(redirectedUrl("/login?locked"));
        // from elsewhere the account signs in, and that is audited with the sign-out
        MockHttpSession session = logIn(username, "10.16.1.2");
        mvc.perform(post("/logout").session(session).with(csrf())).andExpect(redirectedUrl("/login?logout"));
        assertThat(jdbc.sql("SELECT action FROM audit_log WHERE entity_type = 'SIGN_IN' AND actor_username = :u ORDER BY id")
                .param("u", username).query(String.class).list()).containsExactly("SIGN_IN", "SIGN_OUT");
    }

    @Test
    void theAuditPageShowsSignIns() throws Exception {
        String username = account(tree.unit("06688"));
        logIn(username, "10.16.2.1");
        mvc.perform(get("/audit").param("type", "SIGN_IN").with(as(tree.staffOf(tree.central()))))
                .andExpect(status().isOk()).andExpect(content().string(containsString(username)));
    }

    // --- sessions end -------------------------------------------------------------------------------------------

    @Test
    void disablingAnAccountEndsItsOpenSessions() throws Exception {
        OrgUnitView chapter = tree.newChapter("06688");
        String username = account(chapter);
        MockHttpSession session = logIn(username, "10.16.3.1");
        mvc.perform(get("/units/{id}/members", chapter.id()).session(session)).andExpect(status().isOk());

        Staff commune = tree.staffOf(tree.unit("06688"));
        mvc.perform(post("/accounts/{id}/disable", id(username)).with(as(commune)).with(csrf()))
                .andExpect(redirectedUrl("/accounts"));

        mvc.perform(get("/units/{id}/members", chapter.id()).session(session)).andExpect(redirectedUrl("/login?expired"));
        // the session is gone: what it sends next is a stranger's
        mvc.perform(post("/units/{id}/members", chapter.id()).session(session).with(csrf()).param("fullName", "Lê Văn Tám"))
                .andExpect(redirectedUrl("/login"));
        assertThat(jdbc.sql("SELECT count(*) FROM member WHERE unit_id = :u").param("u", chapter.id())
                .query(Long.class).single()).isZero();
    }

    @Test
    void settingThePasswordEndsTheOpenSessionsAndTheNewOneIsOneTime() throws Exception {
        OrgUnitView chapter = tree.newChapter("06688");
        String username = account(chapter);
        MockHttpSession session = logIn(username, "10.16.4.1");

        Staff commune = tree.staffOf(tree.unit("06688"));
        String oneTime = "mat khau tam thoi cua xa";
        mvc.perform(post("/accounts/{id}/password", id(username)).with(as(commune)).with(csrf())
                .param("newPassword", oneTime).param("confirmPassword", oneTime)).andExpect(redirectedUrl("/accounts"));
        mvc.perform(get("/units/{id}", chapter.id()).session(session)).andExpect(redirectedUrl("/login?expired"));

        // the manager who knows the one-time password can do nothing with it but change it
        MockHttpSession manager = logIn(username, oneTime, "10.16.4.2");
        mvc.perform(get("/units/{id}/fund", chapter.id()).session(manager)).andExpect(redirectedUrl("/password"));
        mvc.perform(post("/units/{id}/fund/entries", chapter.id()).session(manager).with(csrf()).param("amount", "100000"))
                .andExpect(redirectedUrl("/password"));
        mvc.perform(get("/password").session(manager)).andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"newPassword\"")));

        // once changed by its holder, the account works, in the session that changed it
        String own = "cau cua rieng toi thoi nhe";
        mvc.perform(post("/password").session(manager).with(csrf()).param("currentPassword", oneTime)
                .param("newPassword", own).param("confirmPassword", own))
                .andExpect(redirectedUrl("/units/" + chapter.id()));
        mvc.perform(get("/units/{id}", chapter.id()).session(manager)).andExpect(status().isOk());
        assertThat(jdbc.sql("SELECT must_change_password FROM app_user WHERE username = :u").param("u", username)
                .query(Boolean.class).single()).isFalse();
    }

    @Test
    void deactivatingTheUnitEndsItsSessions() throws Exception {
        OrgUnitView chapter = tree.newChapter("06688");
        String username = account(chapter);
        MockHttpSession session = logIn(username, "10.16.5.1");
        mvc.perform(get("/units/{id}", chapter.id()).session(session)).andExpect(status().isOk());
        jdbc.sql("UPDATE org_unit SET active = false WHERE id = :id").param("id", chapter.id()).update();
        mvc.perform(get("/units/{id}", chapter.id()).session(session)).andExpect(redirectedUrl("/login?expired"));
        mvc.perform(login(username, PASSWORD, address("10.16.5.2"))).andExpect(unauthenticated());
    }

    // --- the password policy ------------------------------------------------------------------------------------

    @Test
    void passwordsAreLongNotTheUsernameNotCommonAndALongVietnamesePassphraseWorks() throws Exception {
        OrgUnitView chapter = tree.newChapter("06688");
        String username = account(chapter);
        Staff commune = tree.staffOf(tree.unit("06688"));
        for (String[] refused : new String[][] {{"ngan-qua-1", "12"}, {"x" + username + "-2026", username},
                {"qwertyuiopasdfghjkl", "common"}, {"123456789012", "common"}}) {
            mvc.perform(post("/accounts/{id}/password", id(username)).with(as(commune)).with(csrf())
                    .param("newPassword", refused[0]).param("confirmPassword", refused[0]))
                    .andExpect(status().isOk())
                    .andExpect(content().string(containsString("is-invalid")));
        }
        // a Vietnamese passphrase of 140 bytes (bcrypt reads 72 at most): set, then signed in with
        String passphrase = "Học, học nữa, học mãi — khuyến học khuyến tài xây dựng xã hội học tập cho mọi người";
        assertThat(passphrase.getBytes(java.nio.charset.StandardCharsets.UTF_8).length).isGreaterThan(72);
        mvc.perform(post("/accounts/{id}/password", id(username)).with(as(commune)).with(csrf())
                .param("newPassword", passphrase).param("confirmPassword", passphrase))
                .andExpect(redirectedUrl("/accounts"));
        assertThat(jdbc.sql("SELECT password_hash FROM app_user WHERE username = :u").param("u", username)
                .query(String.class).single()).startsWith("{pbkdf2@SpringSecurity_v5_8}");
        mvc.perform(login(username, passphrase, address("10.16.6.1")))
                .andExpect(authenticated());
        // the same with one letter changed is another password
        mvc.perform(login(username, passphrase.replace("mọi", "moi"), address("10.16.6.1")))
                .andExpect(unauthenticated());
    }

    @Test
    void anOldBcryptHashStillSignsInAndIsRehashed() throws Exception {
        String username = account(tree.unit("06688"));
        jdbc.sql("UPDATE app_user SET password_hash = :h WHERE username = :u")
                .param("h", "{bcrypt}" + new org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder().encode(PASSWORD))
                .param("u", username).update();
        logIn(username, "10.16.7.1");
        assertThat(jdbc.sql("SELECT password_hash FROM app_user WHERE username = :u").param("u", username)
                .query(String.class).single()).startsWith("{pbkdf2@SpringSecurity_v5_8}");
    }

    // --- national accounts ---------------------------------------------------------------------------------------

    @Test
    void nationalStaffManageOtherNationalAccountsButNeverTheirOwn() throws Exception {
        OrgUnitView central = tree.central();
        Staff national = tree.staffOf(central);
        String username = "qt." + UUID.randomUUID().toString().substring(0, 8);
        mvc.perform(post("/accounts").with(as(national)).with(csrf()).param("unitId", String.valueOf(central.id()))
                .param("username", username).param("fullName", "Quản trị thứ hai").param("password", "mat khau ban dau cua qt"))
                .andExpect(redirectedUrl("/accounts"));
        long id = id(username);
        assertThat(jdbc.sql("SELECT role || must_change_password FROM app_user WHERE id = :id").param("id", id)
                .query(String.class).single()).isEqualTo("NATIONALtrue");
        mvc.perform(get("/accounts").with(as(national))).andExpect(content().string(containsString(username)))
                .andExpect(content().string(not(containsString(">" + national.username() + "<"))));
        mvc.perform(post("/accounts/{id}/disable", id).with(as(national)).with(csrf())).andExpect(redirectedUrl("/accounts"));
        // never one's own: not disable, not reset
        mvc.perform(post("/accounts/{id}/disable", national.userId()).with(as(national)).with(csrf()))
                .andExpect(status().isNotFound());
        mvc.perform(post("/accounts/{id}/password", national.userId()).with(as(national)).with(csrf())
                .param("newPassword", "mot mat khau moi dai").param("confirmPassword", "mot mat khau moi dai"))
                .andExpect(status().isNotFound());
        // provincial staff still manage only communes
        mvc.perform(post("/accounts/{id}/enable", id).with(as(tree.staffOf(tree.unit("22")))).with(csrf()))
                .andExpect(status().isNotFound());
    }

    // --- helpers -------------------------------------------------------------------------------------------------

    private String account(OrgUnitView node) {
        String username = "h" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        jdbc.sql("""
                INSERT INTO app_user (username, password_hash, full_name, role, org_unit_id)
                VALUES (:u, :h, 'Người thử', :role, :unit)
                """).param("u", username).param("h", encoder.encode(PASSWORD))
                .param("role", vn.khuyenhoc.shared.Role.forLevel(node.level()).name()).param("unit", node.id()).update();
        return username;
    }

    private long id(String username) {
        return jdbc.sql("SELECT id FROM app_user WHERE username = :u").param("u", username).query(Long.class).single();
    }

    private MockHttpSession logIn(String username, String address) throws Exception {
        return logIn(username, PASSWORD, address);
    }

    private MockHttpSession logIn(String username, String password, String address) throws Exception {
        return (MockHttpSession) mvc.perform(login(username, password, address(address)))
                .andExpect(authenticated()).andReturn().getRequest().getSession(false);
    }

    /** A sign-in through the login form, with its CSRF token, from this client address. */
    private static MockHttpServletRequestBuilder login(String username, String password, RequestPostProcessor from) {
        return post("/login").param("username", username).param("password", password).with(csrf()).with(from);
    }

    static RequestPostProcessor address(String address) {
        return request -> {
            request.setRemoteAddr(address);
            return request;
        };
    }
}
