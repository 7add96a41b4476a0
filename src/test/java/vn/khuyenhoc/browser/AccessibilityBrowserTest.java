package vn.khuyenhoc.browser;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

import vn.khuyenhoc.support.Browser;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The main pages at a phone's width (390 CSS pixels) checked by axe-core for WCAG 2 A and AA violations: the axe
 * script (from its webjar) is injected into each page by Selenium and run there. Any violation fails the test with
 * the rule, its impact and the elements concerned.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"test", "demo"})
class AccessibilityBrowserTest {

    private static final String AXE = axeScript();

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Test
    void theMainPagesHaveNoWcagAaViolationsOnAPhone() {
        long commune = id("SELECT id FROM org_unit WHERE code = '06688'");
        long province = id("SELECT id FROM org_unit WHERE code = '22'");
        long chapter = id("SELECT id FROM org_unit WHERE parent_id = " + commune + " AND name = 'Chi hội Khu 1'");
        long member = id("SELECT min(id) FROM member WHERE unit_id = " + chapter);
        long entry = id("SELECT min(id) FROM fund_entry WHERE node_id = " + commune);
        long registration = id("SELECT min(id) FROM title_registration WHERE node_id = " + chapter);
        List<String> problems = new ArrayList<>();
        try (Browser browser = Browser.open(port, 390, 844)) {
            browser.go("/login");
            check(browser, "/login", problems);
            browser.logIn("commune", "demo12345");
            for (String page : List.of("/units/" + commune, "/units/" + commune + "/dashboard",
                    "/units/" + commune + "/members", "/units/" + chapter + "/members/new",
                    "/units/" + commune + "/registrations", "/units/" + commune + "/evaluation",
                    "/registrations/" + registration, "/units/" + commune + "/fund",
                    "/units/" + commune + "/fund/entries/" + entry, "/units/" + commune + "/fund/entries/new",
                    "/units/" + commune + "/population", "/members/" + member, "/accounts")) {
                browser.go(page);
                check(browser, page, problems);
            }
            browser.logOut();
            browser.logIn("national", "demo12345");
            for (String page : List.of("/units/" + province, "/audit", "/years", "/groups")) {
                browser.go(page);
                check(browser, page, problems);
            }
        }
        assertThat(problems).as("WCAG 2 A/AA violations found by axe-core at 390 px").isEmpty();
    }

    private static void check(Browser browser, String page, List<String> problems) {
        browser.waitFor(By.cssSelector("main"));
        JavascriptExecutor js = (JavascriptExecutor) browser.driver();
        String screenshots = System.getProperty("screenshots"); // -Dscreenshots=target/a11y: each page as checked
        if (screenshots != null) {
            try {
                java.nio.file.Path dir = java.nio.file.Files.createDirectories(java.nio.file.Path.of(screenshots));
                byte[] png = ((org.openqa.selenium.TakesScreenshot) browser.driver())
                        .getScreenshotAs(org.openqa.selenium.OutputType.BYTES);
                java.nio.file.Files.write(dir.resolve(page.replaceAll("\\W+", "_") + ".png"), png);
            }
            catch (IOException ex) {
                throw new UncheckedIOException(ex);
            }
        }
        js.executeScript(AXE);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> violations = (List<Map<String, Object>>) js.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa']}})
                   .then(r => done(r.violations.map(v => ({id: v.id, impact: v.impact,
                        nodes: v.nodes.map(n => n.target.join(' ') + ' ' + (n.failureSummary || '').replace(/\\s+/g, ' '))}))))
                   .catch(e => done([{id: 'axe-error', impact: String(e), nodes: []}]));
                """);
        for (Map<String, Object> v : violations) {
            problems.add(page + ": " + v.get("id") + " (" + v.get("impact") + ") " + v.get("nodes"));
        }
    }

    private long id(String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }

    private static String axeScript() {
        try (InputStream in = AccessibilityBrowserTest.class.getResourceAsStream(
                "/META-INF/resources/webjars/axe-core/4.6.3/axe.min.js")) {
            if (in == null) {
                throw new IllegalStateException("axe-core webjar (org.webjars.npm:axe-core) missing from the test classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }
}
