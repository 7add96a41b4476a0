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

/**
 * Commune staff on a phone find the demo commune's learning centres, read a centre's years and the fund support it
 * received, and record its year, told first what is wrong; no page is wider than the phone.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"test", "demo"})
class CentreBrowserTest {

    @LocalServerPort
    int port;

    @org.springframework.beans.factory.annotation.Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    @Test
    void communeStaffKeepTheirCentresOnAPhone() {
        try (Browser browser = Browser.openPhone(port)) {
            browser.logIn("commune", "demo12345");
            browser.click(By.id("centres-link"));
            assertThat(browser.text(By.id("centres"))).contains("Trung tâm");
            assertFitsThePhone(browser);

            // other tests of the run may have registered many centres in the demo commune: open the demo's own
            browser.go("/centres/" + jdbc.sql("SELECT id FROM learning_centre WHERE name = :name")
                    .param("name", "Trung tâm học tập cộng đồng phường Hạ Long").query(Long.class).single());
            assertThat(browser.text(By.id("centre-years"))).contains("Đạt");
            assertThat(browser.text(By.id("support-total"))).isEqualTo("12.000.000 ₫");
            assertFitsThePhone(browser);

            browser.click(By.id("record-year"));
            browser.waitFor(By.id("year-form"));
            assertFitsThePhone(browser);
            browser.type(By.id("classesDigital"), "-2");
            submit(browser, "year-form");
            assertThat(browser.text(By.id("year-form"))).contains("Số lớp là số nguyên từ 0 đến 100.000.");
            browser.type(By.id("classesDigital"), "12");
            submit(browser, "year-form");
            assertThat(browser.text(By.cssSelector("[role=status]"))).contains("Đã lưu số liệu năm");

            browser.go("/units/" + currentCommuneId(browser) + "/dashboard");
            assertThat(browser.text(By.id("centre-kinds"))).contains("Kỹ năng số");
            assertFitsThePhone(browser);
        }
    }

    private static String currentCommuneId(Browser browser) {
        String href = browser.driver().findElement(By.cssSelector("dl a[href*='/units/']")).getAttribute("href");
        return href.replaceAll(".*/units/(\\d+)/.*", "$1");
    }

    /** The page does not scroll sideways: tables scroll inside their own box, lists stack. */
    private static void assertFitsThePhone(Browser browser) {
        Number overflow = (Number) ((JavascriptExecutor) browser.driver()).executeScript(
                "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
        assertThat(overflow.intValue()).as("sideways overflow in px").isLessThanOrEqualTo(0);
    }

    private static void submit(Browser browser, String formId) {
        WebElement form = browser.driver().findElement(By.id(formId));
        ((JavascriptExecutor) browser.driver()).executeScript("document.documentElement.style.scrollBehavior = 'auto'");
        browser.click(By.cssSelector("#" + formId + " button[type=submit]"));
        new WebDriverWait(browser.driver(), Duration.ofSeconds(10)).until(ExpectedConditions.stalenessOf(form));
    }
}
