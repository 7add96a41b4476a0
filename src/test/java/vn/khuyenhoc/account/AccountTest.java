package vn.khuyenhoc.account;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import vn.khuyenhoc.orgunit.OrgUnitView;
import vn.khuyenhoc.shared.Staff;
import vn.khuyenhoc.support.IntegrationTest;
import vn.khuyenhoc.support.TestTree;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.logout;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.unauthenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static vn.khuyenhoc.support.TestTree.as;

/** Signing in and out, the accounts managers keep one level below them, and one's own password. */
@IntegrationTest
class AccountTest {

    private static final String PASSWORD = "matkhau-ban-dau";

    @Autowired
    MockMvc mvc;

    @Autowired
    TestTree tree;

    @Autowired
    JdbcClient jdbc;

    // --- signing in and out ---------------------------------------------------------------------------------------

    @Test
    void formLoginWithCsrfLandsOnTheUsersOwnNode() throws Exception {
        OrgUnitView commune = tree.unit("06688");
        String username = newAccount(tree.staffOf(tree.unit("22")), commune);

        MockHttpSession session = logIn(username, PASSWORD);
        mvc.perform(get("/").session(session)).andExpect(redirectedUrl("/units/" + commune.id()));
        mvc.perform(get("/units/{id}", commune.id()).session(session))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Phường Hạ Long")));
        // the scope came with the sign-in: another commune is 404
        mvc.perform(get("/units/{id}", tree.unit("06652").id()).session(session)).andExpect(status().isNotFound());
    }

    @Test
    void theUsernameIsNotCaseSensitiveAtSignIn() throws Exception {
        String username = newAccount(tree.staffOf(tree.unit("22")), tree.unit("06688"));
        mvc.perform(formLogin().user(" " + username.toUpperCase() + " ").password(PASSWORD))
                .andExpect(authenticated().withUsername(username));
    }

    @Test
    void aLoginPostWithoutTheCsrfTokenIsRefused() throws Exception {
        String username = newAccount(tree.staffOf(tree.unit("22")), tree.unit("06688"));
        mvc.perform(post("/login").param("username", username).param("password", PASSWORD))
                .andExpect(status().isForbidden())
                .andExpect(unauthenticated());
        mvc.perform(formLogin().user(username).password(PASSWORD)).andExpect(authenticated());
    }

    @Test
    void aWrongPasswordOrAnUnknownUserIsSentBackWithAMessage() throws Exception {
        String username = newAccount(tree.staffOf(tree.unit("22")), tree.unit("06688"));
        mvc.perform(formLogin().user(username).password(PASSWORD + "x"))
                .andExpect(redirectedUrl("/login?error")).andExpect(unauthenticated());
        mvc.perform(formLogin().user("khong-ai-ca").password(PASSWORD))
                .andExpect(redirectedUrl("/login?error")).andExpect(unauthenticated());
        mvc.perform(get("/login").param("error", ""))
                .andExpect(content().string(containsString("Tên đăng nhập hoặc mật khẩu không đúng")));
    }

    @Test
    void logoutEndsTheSession() throws Exception {
        String username = newAccount(tree.staffOf(tree.unit("22")), tree.unit("06688"));
        MockHttpSession session = logIn(username, PASSWORD);
        mvc.perform(post("/logout").session(session).with(csrf())).andExpect(redirectedUrl("/login?logout"));
        mvc.perform(get("/").session(session)).andExpect(redirectedUrl("/login"));
        mvc.perform(logout()).andExpect(redirectedUrl("/login?logout"));
        mvc.perform(get("/login").param("logout", "")).andExpect(content().string(containsString("Bạn đã đăng xuất.")));
    }

    @Test
    void pagesNeedASignedInUser() throws Exception {
        mvc.perform(get("/units/{id}", tree.central().id())).andExpect(redirectedUrl("/login"));
        mvc.perform(get("/accounts")).andExpect(redirectedUrl("/login"));
        mvc.perform(post("/units/{id}/deactivate", tree.newChapter("06688").id()).with(csrf()))
                .andExpect(redirectedUrl("/login"));
        mvc.perform(get("/login")).andExpect(status().isOk());
    }

    @Test
    void aDisabledAccountCannotSignInUntilEnabledAgain() throws Exception {
        Staff province = tree.staffOf(tree.unit("22"));
        String username = newAccount(province, tree.unit("06688"));
        long id = accountId(username);

        mvc.perform(post("/accounts/{id}/disable", id).with(as(province)).with(csrf()))
                .andExpect(redirectedUrl("/accounts"));
        assertThat(account(username)).containsEntry("enabled", false);
        mvc.perform(formLogin().user(username).password(PASSWORD))
                .andExpect(redirectedUrl("/login?error")).andExpect(unauthenticated());

        mvc.perform(post("/accounts/{id}/enable", id).with(as(province)).with(csrf()))
                .andExpect(redirectedUrl("/accounts"));
        mvc.perform(formLogin().user(username).password(PASSWORD)).andExpect(authenticated());

        List<Map<String, Object>> entries = audits(id);
        assertThat(entries).extracting(a -> a.get("action")).containsExactly("CREATE", "DISABLE", "ENABLE");
        assertThat(entries.get(1)).containsEntry("actor_username", province.username());
        assertThat((String) entries.get(1).get("before")).contains("\"enabled\": true");
        assertThat((String) entries.get(1).get("after")).contains("\"enabled\": false");
    }

    @Test
    void passwordsAreStoredWithTheDelegatingEncoder() throws Exception {
        String username = newAccount(tree.staffOf(tree.unit("22")), tree.unit("06688"));
        assertThat((String) account(username).get("password_hash")).startsWith("{pbkdf2@SpringSecurity_v5_8}")
                .doesNotContain(PASSWORD);
    }

    // --- who creates which accounts -------------------------------------------------------------------------------

    @Test
    void nationalStaffCreateProvinceAccountsOnly() throws Exception {
        Staff national = tree.staffOf(tree.central());
        String username = username();
        create(national, tree.unit("22").id(), username, PASSWORD).andExpect(redirectedUrl("/accounts"));
        assertThat(account(username)).containsEntry("role", "PROVINCE").containsEntry("org_unit_id", tree.unit("22").id());

        // (national accounts of the centre, too: AccountHardeningTest)
        for (long unitId : new long[] {tree.unit("06688").id(), tree.newChapter("06688").id()}) {
            String refused = username();
            create(national, unitId, refused, PASSWORD).andExpect(status().isOk())
                    .andExpect(model().attributeHasFieldErrorCode("form", "unitId", "account.unit.required"))
                    .andExpect(content().string(containsString("Hãy chọn một đơn vị trực thuộc.")));
            assertThat(exists(refused)).isFalse();
        }
        // the form offers exactly the 34 provinces, and the centre itself (other national accounts)
        mvc.perform(get("/accounts/new").with(as(national))).andExpect(model().attribute("units", hasSize(35)));
    }

    @Test
    void provinceStaffCreateAccountsOnlyForTheirOwnCommunes() throws Exception {
        Staff province = tree.staffOf(tree.unit("22"));
        String username = username();
        create(province, tree.unit("06652").id(), username, PASSWORD).andExpect(redirectedUrl("/accounts"));
        assertThat(account(username)).containsEntry("role", "COMMUNE");

        String refused = username();
        create(province, tree.unit("00004").id(), refused, PASSWORD).andExpect(status().isNotFound()); // in Hà Nội
        create(province, tree.unit("01").id(), refused, PASSWORD).andExpect(status().isNotFound());
        create(province, tree.unit("22").id(), refused, PASSWORD)
                .andExpect(model().attributeHasFieldErrorCode("form", "unitId", "account.unit.required"));
        create(province, tree.newChapter("06688").id(), refused, PASSWORD)
                .andExpect(model().attributeHasFieldErrorCode("form", "unitId", "account.unit.required"));
        assertThat(exists(refused)).isFalse();
    }

    @Test
    void communeStaffCreateAccountsOnlyForTheirOwnActiveGrassrootsUnits() throws Exception {
        OrgUnitView commune = tree.unit("06688");
        Staff staff = tree.staffOf(commune);
        OrgUnitView chapter = tree.newChapter("06688");
        String username = username();
        create(staff, chapter.id(), username, PASSWORD).andExpect(redirectedUrl("/accounts"));
        assertThat(account(username)).containsEntry("role", "CHAPTER").containsEntry("org_unit_id", chapter.id());

        String refused = username();
        create(staff, tree.newChapter("06652").id(), refused, PASSWORD).andExpect(status().isNotFound());
        create(staff, commune.id(), refused, PASSWORD)
                .andExpect(model().attributeHasFieldErrorCode("form", "unitId", "account.unit.required"));
        OrgUnitView closed = tree.newChapter("06688");
        mvc.perform(post("/units/{id}/deactivate", closed.id()).with(as(staff)).with(csrf()))
                .andExpect(status().is3xxRedirection());
        create(staff, closed.id(), refused, PASSWORD)
                .andExpect(model().attributeHasFieldErrorCode("form", "unitId", "account.unit.required"));
        assertThat(exists(refused)).isFalse();
    }

    @Test
    void chapterSecretariesManageNoAccounts() throws Exception {
        Staff chapter = tree.staffOf(tree.newChapter("06688"));
        mvc.perform(get("/accounts").with(as(chapter))).andExpect(status().isForbidden());
        mvc.perform(get("/accounts/new").with(as(chapter))).andExpect(status().isForbidden());
        String refused = username();
        create(chapter, tree.newChapter("06688").id(), refused, PASSWORD).andExpect(status().isForbidden());
        assertThat(exists(refused)).isFalse();
    }

    @Test
    void aTakenUsernameIsAFieldErrorWhateverItsCase() throws Exception {
        Staff province = tree.staffOf(tree.unit("22"));
        String username = newAccount(province, tree.unit("06688"));
        long before = accounts();
        for (String same : new String[] {username, username.toUpperCase(), "  " + username + " "}) {
            create(province, tree.unit("06652").id(), same, PASSWORD).andExpect(status().isOk())
                    .andExpect(model().attributeHasFieldErrorCode("form", "username", "account.username.taken"))
                    .andExpect(content().string(containsString("Tên đăng nhập này đã có người dùng.")));
        }
        assertThat(accounts()).isEqualTo(before);
    }

    @Test
    void badInputGetsAFieldErrorAndCreatesNothing() throws Exception {
        Staff province = tree.staffOf(tree.unit("22"));
        long unitId = tree.unit("06652").id();
        long before = accounts();
        for (String bad : new String[] {"ab", "tên-có-dấu", "hai tu", "a@b.vn", "x".repeat(51)}) {
            create(province, unitId, bad, PASSWORD)
                    .andExpect(model().attributeHasFieldErrors("form", "username"))
                    .andExpect(content().string(containsString("Tên đăng nhập gồm 3–50 chữ cái không dấu")));
        }
        create(province, unitId, "", PASSWORD).andExpect(content().string(containsString("Hãy nhập tên đăng nhập.")));
        create(province, unitId, username(), "1234567")
                .andExpect(model().attributeHasFieldErrors("form", "password"))
                .andExpect(content().string(containsString("Mật khẩu dài từ 12 đến 128 ký tự")));
        mvc.perform(post("/accounts").with(as(province)).with(csrf()).param("username", username())
                        .param("fullName", " ").param("password", PASSWORD))
                .andExpect(model().attributeHasFieldErrors("form", "fullName", "unitId"))
                .andExpect(content().string(containsString("Hãy nhập họ và tên.")))
                .andExpect(content().string(containsString("Hãy chọn một đơn vị trực thuộc.")));
        assertThat(accounts()).isEqualTo(before);
    }

    // --- passwords ------------------------------------------------------------------------------------------------

    @Test
    void aManagerResetsThePasswordOfAnAccountTheyManage() throws Exception {
        Staff province = tree.staffOf(tree.unit("22"));
        String username = newAccount(province, tree.unit("06688"));
        long id = accountId(username);
        String hash = (String) account(username).get("password_hash");

        mvc.perform(get("/accounts/{id}/password", id).with(as(province)))
                .andExpect(status().isOk()).andExpect(content().string(containsString(username)));
        mvc.perform(post("/accounts/{id}/password", id).with(as(province)).with(csrf())
                        .param("newPassword", "mat-khau-moi").param("confirmPassword", "mat-khau-khac"))
                .andExpect(status().isOk())
                .andExpect(model().attributeHasFieldErrorCode("form", "confirmPassword", "password.confirm.mismatch"))
                .andExpect(content().string(containsString("Hai lần nhập mật khẩu mới không khớp.")));
        mvc.perform(post("/accounts/{id}/password", id).with(as(province)).with(csrf())
                        .param("newPassword", "ngan").param("confirmPassword", "ngan"))
                .andExpect(model().attributeHasFieldErrors("form", "newPassword"));
        assertThat(account(username)).containsEntry("password_hash", hash);

        mvc.perform(post("/accounts/{id}/password", id).with(as(province)).with(csrf())
                        .param("newPassword", "mat-khau-moi").param("confirmPassword", "mat-khau-moi"))
                .andExpect(redirectedUrl("/accounts"));
        mvc.perform(formLogin().user(username).password(PASSWORD)).andExpect(unauthenticated());
        mvc.perform(formLogin().user(username).password("mat-khau-moi")).andExpect(authenticated());
        assertThat(audits(id)).last().satisfies(a -> assertThat(a).containsEntry("action", "RESET_PASSWORD")
                .containsEntry("actor_username", province.username()));
    }

    @Test
    void usersChangeTheirOwnPassword() throws Exception {
        String username = newAccount(tree.staffOf(tree.unit("22")), tree.unit("06688"));
        String hash = (String) account(username).get("password_hash");
        MockHttpSession session = logIn(username, PASSWORD);

        mvc.perform(get("/password").session(session)).andExpect(status().isOk());
        changePassword(session, "sai-mat-khau", "mat-khau-moi-1", "mat-khau-moi-1")
                .andExpect(status().isOk())
                .andExpect(model().attributeHasFieldErrorCode("form", "currentPassword", "password.current.wrong"))
                .andExpect(content().string(containsString("Mật khẩu hiện tại không đúng.")));
        changePassword(session, PASSWORD, "mat-khau-moi-1", "mat-khau-moi-2")
                .andExpect(model().attributeHasFieldErrorCode("form", "confirmPassword", "password.confirm.mismatch"))
                .andExpect(content().string(containsString("Hai lần nhập mật khẩu mới không khớp.")));
        changePassword(session, PASSWORD, "ngan", "ngan")
                .andExpect(model().attributeHasFieldErrors("form", "newPassword"));
        assertThat(account(username)).containsEntry("password_hash", hash);

        changePassword(session, PASSWORD, "mat-khau-moi-1", "mat-khau-moi-1").andExpect(status().is3xxRedirection());
        assertThat((String) account(username).get("password_hash")).startsWith("{pbkdf2@SpringSecurity_v5_8}").isNotEqualTo(hash);
        mvc.perform(formLogin().user(username).password(PASSWORD)).andExpect(unauthenticated());
        mvc.perform(formLogin().user(username).password("mat-khau-moi-1")).andExpect(authenticated());
        assertThat(audits(accountId(username))).last().satisfies(a -> assertThat(a)
                .containsEntry("action", "CHANGE_PASSWORD").containsEntry("actor_username", username));
    }

    @Test
    void theUserSeesThatTheirPasswordChanged() throws Exception {
        OrgUnitView commune = tree.unit("06688");
        String username = newAccount(tree.staffOf(tree.unit("22")), commune);
        MockHttpSession session = logIn(username, PASSWORD);

        // follow the redirects as a browser does, with the session that carries the flash message
        MockHttpServletResponse page = changePassword(session, PASSWORD, "mat-khau-moi-1", "mat-khau-moi-1")
                .andExpect(status().is3xxRedirection()).andReturn().getResponse();
        while (page.getRedirectedUrl() != null) {
            page = mvc.perform(get(page.getRedirectedUrl()).session(session)).andReturn().getResponse();
        }
        assertThat(page.getStatus()).isEqualTo(200);
        assertThat(page.getContentAsString(StandardCharsets.UTF_8)).contains("Phường Hạ Long").contains("Đã đổi mật khẩu.");
    }

    // --- the database's own rules, and the audit ------------------------------------------------------------------

    @Test
    void theDatabaseRefusesAnAccountWhoseRoleDoesNotMatchItsNodesLevel() throws Exception {
        long commune = tree.unit("06688").id();
        assertThatThrownBy(() -> jdbc.sql("""
                INSERT INTO app_user (username, password_hash, full_name, role, org_unit_id)
                VALUES (:u, '{noop}x', 'Sai vai trò', 'CHAPTER', :unit)
                """).param("u", username()).param("unit", commune).update())
                .hasMessageContaining("does not match level");
        String username = newAccount(tree.staffOf(tree.unit("22")), tree.unit("06688"));
        assertThatThrownBy(() -> jdbc.sql("UPDATE app_user SET org_unit_id = :p WHERE username = :u")
                .param("p", tree.unit("22").id()).param("u", username).update())
                .hasMessageContaining("does not match level");
        assertThatThrownBy(() -> jdbc.sql("UPDATE app_user SET role = 'NATIONAL' WHERE username = :u")
                .param("u", username).update())
                .hasMessageContaining("does not match level");
        assertThat(account(username)).containsEntry("role", "COMMUNE");
    }

    @Test
    void everyAccountChangeIsAuditedAndNoneCarriesAPasswordHash() throws Exception {
        Staff province = tree.staffOf(tree.unit("22"));
        String username = newAccount(province, tree.unit("06688"));
        long id = accountId(username);
        mvc.perform(post("/accounts/{id}/password", id).with(as(province)).with(csrf())
                .param("newPassword", "mat-khau-moi").param("confirmPassword", "mat-khau-moi"));
        mvc.perform(post("/accounts/{id}/disable", id).with(as(province)).with(csrf()));

        List<Map<String, Object>> entries = audits(id);
        assertThat(entries).extracting(a -> a.get("action")).containsExactly("CREATE", "RESET_PASSWORD", "DISABLE");
        assertThat(entries).allSatisfy(a -> assertThat(a).containsEntry("actor_username", province.username())
                .containsEntry("actor_id", province.userId()));
        assertThat((String) entries.get(0).get("after")).contains(username).contains("COMMUNE");
        // no entry about any account, written by any test, holds a hash or a password
        assertThat(jdbc.sql("""
                SELECT count(*) FROM audit_log WHERE entity_type = 'ACCOUNT'
                  AND concat(before_state::text, after_state::text) ~* '(password|bcrypt|noop|\\$2[aby]\\$|matkhau|mat-khau)'
                """).query(Long.class).single()).isZero();
    }

    // --- helpers --------------------------------------------------------------------------------------------------

    /**
     * Creates an account through the manager's form, as a manager would, and returns its username. The manager's
     * password is a one-time password (AccountHardeningTest); here its holder is taken to have chosen it already.
     */
    private String newAccount(Staff manager, OrgUnitView unit) throws Exception {
        String username = username();
        create(manager, unit.id(), username, PASSWORD).andExpect(redirectedUrl("/accounts"));
        jdbc.sql("UPDATE app_user SET must_change_password = false WHERE username = :u").param("u", username).update();
        return username;
    }

    private ResultActions create(Staff manager, long unitId, String username, String password) throws Exception {
        return mvc.perform(post("/accounts").with(as(manager)).with(csrf()).param("unitId", String.valueOf(unitId))
                .param("username", username).param("fullName", "Trần Thị Thư Ký").param("password", password));
    }

    private MockHttpSession logIn(String username, String password) throws Exception {
        return (MockHttpSession) mvc.perform(formLogin().user(username).password(password))
                .andExpect(authenticated().withUsername(username))
                .andExpect(redirectedUrl("/"))
                .andReturn().getRequest().getSession(false);
    }

    private ResultActions changePassword(MockHttpSession session, String current, String next, String confirm)
            throws Exception {
        return mvc.perform(post("/password").session(session).with(csrf()).param("currentPassword", current)
                .param("newPassword", next).param("confirmPassword", confirm));
    }

    private static String username() {
        return "tk." + UUID.randomUUID().toString().substring(0, 12);
    }

    private Map<String, Object> account(String username) {
        return jdbc.sql("SELECT id, role, org_unit_id, enabled, password_hash FROM app_user WHERE username = :u")
                .param("u", username).query().singleRow();
    }

    private long accountId(String username) {
        return ((Number) account(username).get("id")).longValue();
    }

    private boolean exists(String username) {
        return jdbc.sql("SELECT count(*) FROM app_user WHERE username = lower(trim(:u))").param("u", username)
                .query(Long.class).single() > 0;
    }

    private long accounts() {
        return jdbc.sql("SELECT count(*) FROM app_user").query(Long.class).single();
    }

    private List<Map<String, Object>> audits(long accountId) {
        return jdbc.sql("""
                SELECT action, actor_id, actor_username, before_state::text AS before, after_state::text AS after
                FROM audit_log WHERE entity_type = 'ACCOUNT' AND entity_id = :id ORDER BY id
                """).param("id", accountId).query().listOfRows();
    }
}
