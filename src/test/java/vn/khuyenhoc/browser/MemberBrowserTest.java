package vn.khuyenhoc.browser;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import vn.khuyenhoc.support.Browser;

import static org.assertj.core.api.Assertions.assertThat;

/** A chapter secretary on a phone adds a member, is told what is wrong first, then finds them by a plain search. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"test", "demo"})
class MemberBrowserTest {

    @LocalServerPort
    int port;

    @Test
    void aSecretaryAddsAMemberOnAPhoneAndFindsItWithoutDiacritics() {
        // a given name no demo member has, so that the search below finds exactly this one
        StringBuilder given = new StringBuilder("Thử");
        java.util.Random random = new java.util.Random();
        for (int i = 0; i < 5; i++) {
            given.append((char) ('a' + random.nextInt(26)));
        }
        try (Browser browser = Browser.openPhone(port)) {
            browser.logIn("chapter", "demo12345");
            browser.click(By.id("members-link"));
            browser.waitFor(By.id("members"));
            browser.click(By.id("add-member"));

            browser.type(By.id("fullName"), "hoàng thị " + given.toString().toLowerCase());
            browser.click(By.cssSelector("label[for=gender2]"));
            browser.type(By.id("birth"), "1968");
            browser.type(By.id("phone"), "0912 34");
            browser.type(By.id("address"), "Tổ 4, Khu 1");
            submit(browser);
            assertThat(browser.text(By.id("phone-error"))).contains("Số điện thoại không đúng");

            browser.type(By.id("phone"), "0912 345 678");
            submit(browser);
            assertThat(browser.text(By.cssSelector("[role=status]"))).contains("Hoàng Thị " + given.toString()).contains("(22-");
            assertThat(browser.text(By.id("member-details"))).contains("Nữ").contains("1968").contains("0912 345 678");

            browser.go("/");
            browser.click(By.id("members-link"));
            browser.type(By.id("q"), "hoang thi " + given.toString().toLowerCase().replace("ử", "u"));
            browser.click(By.cssSelector("#member-filter button[type=submit]"));
            assertThat(browser.text(By.id("members"))).contains("Hoàng Thị " + given.toString());
            assertThat(browser.text(By.id("member-count"))).isEqualTo("Có 1 hội viên phù hợp.");
        }
    }

    /** Taps Save and waits for the next page. */
    private static void submit(Browser browser) {
        WebElement form = browser.driver().findElement(By.id("member-form"));
        // Bootstrap scrolls smoothly: jump instead, so that the button is where the tap lands
        ((JavascriptExecutor) browser.driver()).executeScript("document.documentElement.style.scrollBehavior = 'auto'");
        browser.click(By.cssSelector("#member-form button[type=submit]"));
        new WebDriverWait(browser.driver(), Duration.ofSeconds(10)).until(ExpectedConditions.stalenessOf(form));
    }
}
