package vn.khuyenhoc.browser;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import vn.khuyenhoc.support.Browser;
import vn.khuyenhoc.support.TestTree;

import static org.assertj.core.api.Assertions.assertThat;

/** The demo accounts in a real browser: commune staff add a chapter; a chapter secretary cannot see elsewhere. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"test", "demo"})
class FoundationBrowserTest {

    @LocalServerPort
    int port;

    @Autowired
    TestTree tree;

    @Test
    void communeStaffCreateAChapterAndAChapterSecretaryGets404ForAnotherCommune() {
        String name = "Chi hội Khu 9 " + UUID.randomUUID().toString().substring(0, 6);
        try (Browser browser = Browser.open(port)) {
            browser.logIn("commune", "demo12345");
            assertThat(browser.text(By.cssSelector("main h1"))).isEqualTo("Phường Hạ Long");

            browser.click(By.id("new-grassroots"));
            browser.type(By.id("name"), name);
            browser.click(By.cssSelector("main form button[type=submit]"));

            assertThat(browser.text(By.cssSelector("[role=status]"))).contains(name);
            assertThat(browser.text(By.id("children"))).contains(name);
            browser.logOut();

            browser.logIn("chapter", "demo12345");
            assertThat(browser.text(By.cssSelector("main h1"))).isEqualTo("Chi hội Khu 1");
            String otherCommune = "/units/" + tree.unit("06652").id(); // Phường Hà Tu, also in Quảng Ninh
            assertThat(browser.statusOf(otherCommune)).isEqualTo(404);
            browser.go(otherCommune);
            assertThat(browser.text(By.cssSelector("main h1"))).isEqualTo("Không tìm thấy");
        }
    }
}
