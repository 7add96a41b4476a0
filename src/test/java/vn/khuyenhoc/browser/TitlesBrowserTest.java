package vn.khuyenhoc.browser;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

import vn.khuyenhoc.support.Browser;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * On a phone-sized screen: the demo chapter secretary registers a learning family, and the demo commune staff
 * recognise it at year end from the evaluation list.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"test", "demo"})
class TitlesBrowserTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aSecretaryRegistersAFamilyOnAPhoneAndTheCommuneRecognisesIt() {
        String head = "Nguyễn Văn Thành " + UUID.randomUUID().toString().substring(0, 6);
        try (Browser browser = Browser.openPhone(port)) {
            browser.logIn("chapter", "demo12345");
            assertThat(browser.text(By.id("title-counts"))).contains("Gia đình học tập");
            browser.click(By.id("open-registrations"));
            browser.click(By.id("new-registration"));
            assertThat(browser.text(By.id("kind-title"))).isEqualTo("Gia đình học tập");
            browser.type(By.id("subjectName"), head);
            browser.type(By.id("address"), "Tổ 3, Khu 1");
            browser.type(By.id("householdSize"), "4");
            browser.click(By.cssSelector("main form button[type=submit]"));
            assertThat(browser.text(By.cssSelector("[role=status]"))).contains(head);
            assertThat(browser.text(By.id("registrations"))).contains(head).contains("Đã đăng ký");
            browser.logOut();

            browser.logIn("commune", "demo12345");
            browser.click(By.id("open-evaluation"));
            // the commune's list runs by kind and name over all its chapters: the staff pick the chapter whose
            // registrations they are deciding
            long chapter = jdbc.sql("SELECT node_id FROM title_registration WHERE subject_name = :n").param("n", head)
                    .query(Long.class).single();
            new org.openqa.selenium.support.ui.Select(browser.driver().findElement(By.id("unit")))
                    .selectByValue(String.valueOf(chapter));
            browser.click(By.cssSelector("form[method=get][action*='/evaluation'] button[type=submit]"));
            WebElement box = browser.driver().findElement(
                    By.xpath("//tr[.//span[text()='" + head + "']]//input[@name='selected']"));
            browser.click(By.cssSelector("label[for='" + box.getAttribute("id") + "']"));
            assertThat(box.isSelected()).isTrue();
            browser.type(By.id("decisionNumber"), "125/QĐ-KH");
            // the phone's date picker cannot be typed into portably: set the value it would give
            ((JavascriptExecutor) browser.driver()).executeScript("document.getElementById('decisionDate').value = arguments[0];",
                    vn.khuyenhoc.support.Today.inVietnam().toString());
            browser.click(By.id("submit-evaluation"));
            assertThat(browser.text(By.cssSelector("[role=status]"))).isEqualTo("Đã công nhận 1 đăng ký.");
        }
        assertThat(jdbc.sql("SELECT status || ' ' || decision_number FROM title_registration WHERE subject_name = :n")
                .param("n", head).query(String.class).single()).isEqualTo("RECOGNISED 125/QĐ-KH");
    }
}
