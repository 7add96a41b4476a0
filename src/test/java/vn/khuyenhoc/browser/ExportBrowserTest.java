package vn.khuyenhoc.browser;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import vn.khuyenhoc.support.Browser;

import static org.assertj.core.api.Assertions.assertThat;

/** The national board downloads the annual statistics from the dashboard in a real browser. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"test", "demo"})
class ExportBrowserTest {

    @LocalServerPort
    int port;

    @Test
    void theNationalBoardDownloadsTheCountrysStatisticsAsXlsx() throws Exception {
        try (Browser browser = Browser.open(port)) {
            browser.logIn("national", "demo12345");
            browser.click(By.id("dashboard-link"));
            assertThat(browser.text(By.cssSelector("main h1"))).contains("Hội Khuyến học Việt Nam");
            browser.click(By.id("export-xlsx"));
            Path file = browser.downloaded(".xlsx");
            try (InputStream in = Files.newInputStream(file); ReadableWorkbook workbook = new ReadableWorkbook(in)) {
                // a sheet per level, and the demo's six regions as groups of provinces
                assertThat(workbook.getSheets().count()).isEqualTo(4);
                assertThat(workbook.getSheets().toList().get(2).read()).hasSize(3 + 3321);
                assertThat(workbook.getSheets().toList().get(3).read()).hasSize(3 + 6);
            }
        }
    }
}
