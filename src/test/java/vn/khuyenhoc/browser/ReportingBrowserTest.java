package vn.khuyenhoc.browser;

import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

import vn.khuyenhoc.reporting.ReportingService;
import vn.khuyenhoc.support.Browser;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The yearly cycle on a phone, with the demo accounts: the commune submits its report, the chapter's member form for
 * that year refuses and says why, the province approves in bulk and sees the rate, submits its own report, and the
 * national board accepts it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"test", "demo"})
class ReportingBrowserTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ReportingService reports;

    /** The demo data is shared with the other browser tests: no report stays submitted. */
    @AfterEach
    void reopen() {
        jdbc.sql("DELETE FROM annual_report").update();
        jdbc.sql("DELETE FROM closed_year").update();
    }

    @Test
    void aCommuneSubmitsTheProvinceApprovesInBulkAndSubmitsTheCountryAccepts() {
        int year = reports.currentYear();
        long commune = jdbc.sql("SELECT id FROM org_unit WHERE code = '06688'").query(Long.class).single();
        long province = jdbc.sql("SELECT id FROM org_unit WHERE code = '22'").query(Long.class).single();
        try (Browser browser = Browser.openPhone(port)) {
            // the commune submits from its home page
            browser.logIn("commune", "demo12345");
            browser.click(By.id("report-link"));
            browser.click(By.id("submit-report"));
            assertThat(browser.text(By.cssSelector("[role=status]"))).contains("Đã nộp báo cáo");
            assertThat(browser.text(By.id("state-badge"))).isEqualTo("Đã nộp, chờ duyệt");
            browser.logOut();

            // the chapter's member form for that year refuses, and says why in words
            browser.logIn("chapter", "demo12345");
            assertThat(browser.text(By.id("home-items"))).contains("đã nộp ngày");
            browser.click(By.id("members-link"));
            browser.click(By.id("add-member"));
            browser.type(By.id("fullName"), "Nguyễn Văn Khóa");
            browser.click(By.cssSelector("label[for=gender1]"));
            browser.type(By.id("birth"), "1970");
            browser.type(By.id("address"), "Tổ 1, Khu 1");
            WebElement form = browser.driver().findElement(By.id("member-form"));
            ((JavascriptExecutor) browser.driver()).executeScript("document.documentElement.style.scrollBehavior = 'auto'");
            browser.click(By.cssSelector("#member-form button[type=submit]"));
            new WebDriverWait(browser.driver(), Duration.ofSeconds(10)).until(ExpectedConditions.stalenessOf(form));
            assertThat(browser.text(By.id("member-form")))
                    .contains("Báo cáo năm " + year + " của xã/phường Hạ Long đã được nộp ngày")
                    .contains("Hãy đề nghị xã/phường");
            browser.logOut();

            // the province: what waits on its home page, the list with checkboxes, a confirmation
            browser.logIn("province", "demo12345");
            assertThat(browser.text(By.id("home-items"))).contains("1 xã/phường đang chờ bạn duyệt báo cáo năm " + year);
            browser.click(By.cssSelector("#home-items a"));
            browser.click(By.id("approve-" + commune));
            browser.click(By.id("approve-selected"));
            assertThat(browser.text(By.id("chosen"))).contains("Hạ Long");
            browser.click(By.id("confirm-approve"));
            assertThat(browser.text(By.cssSelector("[role=status]"))).isEqualTo("Đã duyệt 1 báo cáo.");
            // the reporting page shows the rate: 1 of the province's 54 communes approved
            assertThat(browser.text(By.cssSelector("#commune-rates [data-rate=approved]"))).contains("1").contains("1,9%");
            // the other communes of the demo province approved directly in the database, so that the province can submit
            jdbc.sql("""
                    INSERT INTO annual_report (node_id, year, state, submitted_at, submitted_by, figures)
                    SELECT id, :y, 'APPROVED', now(), 'test', '{}' FROM org_unit WHERE parent_id = :p AND level = 2
                    ON CONFLICT (node_id, year) DO UPDATE SET state = 'APPROVED', submitted_at = now(),
                        submitted_by = 'test', figures = '{}'
                    """).param("y", year).param("p", province).update();
            browser.click(By.id("own-report-link"));
            browser.click(By.id("submit-report"));
            assertThat(browser.text(By.id("state-badge"))).isEqualTo("Đã nộp, chờ duyệt");
            browser.logOut();

            // the national board accepts
            browser.logIn("national", "demo12345");
            assertThat(browser.text(By.id("home-items"))).contains("1 tỉnh/thành phố đang chờ Trung ương chấp nhận");
            browser.click(By.cssSelector("#home-items a"));
            browser.click(By.cssSelector("#provinces tr[data-id='" + province + "'] .accept-province"));
            assertThat(browser.text(By.cssSelector("[role=status]"))).contains("Đã duyệt báo cáo của Quảng Ninh");
            assertThat(browser.text(By.id("state-badge"))).isEqualTo("Đã được Trung ương chấp nhận");
        }
        assertThat(jdbc.sql("SELECT state FROM annual_report WHERE node_id = :p AND year = :y").param("p", province)
                .param("y", year).query(String.class).single()).isEqualTo("APPROVED");
    }
}
