package vn.khuyenhoc.browser;

import java.io.Reader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import vn.khuyenhoc.support.Browser;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Provincial staff download their communes' spreadsheet, fill in the households, upload it, and see on their
 * dashboard the share of learning families measured against the communes' sum, beside its target, in a real browser.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"test", "demo"})
class SharesBrowserTest {

    @LocalServerPort
    int port;

    @Test
    void provinceStaffUploadTheirCommunesHouseholdsAndSeeTheFamilyShareBesideItsTarget() throws Exception {
        try (Browser browser = Browser.open(port)) {
            browser.logIn("province", "demo12345");
            browser.click(By.id("dashboard-link"));
            assertThat(browser.text(By.cssSelector("main h1"))).contains("Quảng Ninh");
            browser.click(By.id("link-denominators"));
            browser.waitFor(By.id("upload-form"));
            browser.click(By.id("template-csv"));
            Path template = browser.downloaded(".csv");

            // the statistics office's figures: 100 households in each commune, the other columns left as they were
            List<CSVRecord> rows;
            String text = Files.readString(template, StandardCharsets.UTF_8).replace("\uFEFF", "");
            try (Reader reader = new java.io.StringReader(text)) {
                rows = CSVFormat.RFC4180.parse(reader).getRecords();
            }
            assertThat(rows).hasSize(1 + 54);
            StringWriter filled = new StringWriter();
            try (CSVPrinter csv = new CSVPrinter(filled, CSVFormat.RFC4180)) {
                csv.printRecord(rows.get(0).toList());
                for (CSVRecord row : rows.subList(1, rows.size())) {
                    List<String> cells = new ArrayList<>(row.toList());
                    cells.set(2, "100");
                    csv.printRecord(cells);
                }
            }
            Path upload = Files.createTempFile("ho-gia-dinh-", ".csv");
            Files.writeString(upload, filled.toString(), StandardCharsets.UTF_8);
            WebElement file = browser.driver().findElement(By.id("file"));
            file.sendKeys(upload.toAbsolutePath().toString());
            browser.click(By.id("upload-submit"));
            assertThat(browser.text(By.cssSelector("main .alert-success"))).contains("54 xã, phường");
            Files.deleteIfExists(upload);

            browser.click(By.id("link-dashboard"));
            WebElement family = browser.waitFor(By.cssSelector("#shares tr[data-kind='family']"));
            String line = family.getText();
            assertThat(line).contains("5.400").contains("Tổng của 54 xã, phường").contains("70,0%")
                    .contains("Mục tiêu quốc gia năm 2025");
            WebElement badge = family.findElement(By.cssSelector(".badge"));
            assertThat(badge.getText()).isIn("Đạt mục tiêu", "Chưa đạt mục tiêu");
            assertThat(badge.getAttribute("class")).containsAnyOf("text-bg-success", "text-bg-danger");
            // the chart of the communes' family shares carries each one's target line
            assertThat(browser.driver().findElements(By.cssSelector("#children tr[data-chart-target]"))).hasSize(54);
        }
    }
}
