package vn.khuyenhoc.browser;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import vn.khuyenhoc.support.Browser;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * On a phone, a province opens its dashboard, takes the congress term in one click, sees its money by kind, and
 * downloads the term's CSV; the page never scrolls sideways (wide tables scroll inside their box).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"test", "demo"})
class PeriodBrowserTest {

    @LocalServerPort
    int port;

    @Test
    void aProvinceTakesTheTermInOneClickOnAPhone() throws Exception {
        try (Browser browser = Browser.openPhone(port)) {
            browser.logIn("province", "demo12345");
            browser.click(By.id("dashboard-link"));
            browser.waitFor(By.id("money"));
            assertThat(fitsTheScreen(browser)).isTrue();
            List<String> presets = browser.driver().findElements(By.cssSelector("#periods a"))
                    .stream().map(e -> e.getAttribute("id")).toList();
            String term = presets.stream().filter(id -> id.matches("preset-\\d{4}-\\d{4}")).findFirst().orElseThrow();
            browser.click(By.id(term));
            String years = term.substring("preset-".length()).replace("-", "–");
            assertThat(browser.text(By.cssSelector("main h1"))).contains(years);
            assertThat(browser.text(By.id("money"))).contains("Chi khen thưởng (cộng)").contains("Thu: doanh nghiệp, tổ chức");
            assertThat(fitsTheScreen(browser)).isTrue();

            browser.go(browser.driver().getCurrentUrl().replaceAll("\\?.*", "").replaceFirst("^https?://[^/]+", "") + "?period=2025-H1");
            assertThat(browser.text(By.cssSelector("main h1"))).contains("6 tháng đầu năm 2025");
            assertThat(fitsTheScreen(browser)).isTrue();

            browser.go(browser.driver().getCurrentUrl().replaceAll("\\?.*", "").replaceFirst("^https?://[^/]+", "")
                    + "?period=" + term.substring("preset-".length()));
            browser.click(By.id("export-csv"));
            Path file = browser.downloaded(".csv");
            assertThat(file.getFileName().toString()).contains(term.substring("preset-".length()));
            String firstLine = Files.readAllLines(file, StandardCharsets.UTF_8).get(0);
            assertThat(firstLine).startsWith("\uFEFFCấp,Kỳ,Tình trạng,Mã,Tên đơn vị,");
        }
    }

    private static boolean fitsTheScreen(Browser browser) {
        Object fits = ((JavascriptExecutor) browser.driver()).executeScript(
                "return document.documentElement.scrollWidth <= window.innerWidth;");
        return Boolean.TRUE.equals(fits);
    }
}
