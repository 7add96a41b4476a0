package vn.khuyenhoc.web;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import vn.khuyenhoc.orgunit.OrgUnitView;
import vn.khuyenhoc.support.TestTree;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 16, behind a TLS-terminating proxy, against the real Tomcat: what the proxy says (X-Forwarded-Proto https)
 * keeps redirects on https, marks the session cookie Secure and brings HSTS; a plain request gets none of these.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class BehindProxyTest {

    @LocalServerPort
    int port;

    @Autowired
    TestTree tree;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PasswordEncoder encoder;

    private final HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @Test
    void aRequestForwardedAsHttpsStaysHttpsWithASecureCookieAndHsts() throws Exception {
        HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/"))
                .header("X-Forwarded-Proto", "https").header("X-Forwarded-For", "203.0.113.7")
                .header("X-Forwarded-Host", "khuyenhoc.example.vn").build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(302);
        assertThat(response.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).startsWith("https://"));
        assertThat(response.headers().firstValue("Strict-Transport-Security")).isPresent();
        List<String> cookies = response.headers().allValues("Set-Cookie");
        assertThat(cookies).anySatisfy(c -> assertThat(c).startsWith("JSESSIONID=").contains("Secure").contains("HttpOnly"));
    }

    @Test
    void anUploadOverTheLimitComesBackToTheImportPageWithTheAppsOwnMessage() throws Exception {
        OrgUnitView chapter = tree.newChapter("06688");
        String username = "up" + java.util.UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        jdbc.sql("""
                INSERT INTO app_user (username, password_hash, full_name, role, org_unit_id)
                VALUES (:u, :h, 'Thư ký thử', 'CHAPTER', :unit)
                """).param("u", username).param("h", encoder.encode("mot cau mat khau dai")).param("unit", chapter.id()).update();
        String base = "http://localhost:" + port;
        java.net.CookieManager cookies = new java.net.CookieManager();
        HttpClient session = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NEVER).build();
        String token = csrf(session.send(HttpRequest.newBuilder(URI.create(base + "/login?lang=en")).build(),
                HttpResponse.BodyHandlers.ofString()).body());
        session.send(HttpRequest.newBuilder(URI.create(base + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=" + username + "&password=mot+cau+mat+khau+dai&_csrf=" + token))
                .build(), HttpResponse.BodyHandlers.ofString());
        String importPage = base + "/units/" + chapter.id() + "/members/import";
        HttpResponse<String> form = session.send(HttpRequest.newBuilder(URI.create(importPage)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(form.statusCode()).isEqualTo(200);
        String formToken = csrf(form.body());

        byte[] head = ("--B\r\nContent-Disposition: form-data; name=\"file\"; filename=\"lon.csv\"\r\n"
                + "Content-Type: text/csv\r\n\r\n").getBytes(java.nio.charset.StandardCharsets.UTF_8);
        byte[] tail = "\r\n--B--\r\n".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        byte[] body = new byte[head.length + 21 * 1024 * 1024 + tail.length];
        java.util.Arrays.fill(body, (byte) 'a');
        System.arraycopy(head, 0, body, 0, head.length);
        System.arraycopy(tail, 0, body, body.length - tail.length, tail.length);
        HttpResponse<String> upload = session.send(HttpRequest.newBuilder(URI.create(importPage + "?_csrf=" + formToken))
                .header("Content-Type", "multipart/form-data; boundary=B")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(upload.statusCode()).isEqualTo(302);
        assertThat(upload.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("?tooLarge"));
        HttpResponse<String> back = session.send(HttpRequest.newBuilder(URI.create(importPage + "?tooLarge&lang=en")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(back.body()).contains("larger than 20 MB").contains("id=\"file-feedback\"");
    }

    @Test
    void onTheRealServerAYearThatIsNoNumberGetsAFieldMessage() throws Exception {
        String username = "nat" + java.util.UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        jdbc.sql("""
                INSERT INTO app_user (username, password_hash, full_name, role, org_unit_id)
                VALUES (:u, :h, 'Quản trị thử', 'NATIONAL', (SELECT id FROM org_unit WHERE level = 0))
                """).param("u", username).param("h", encoder.encode("mot cau mat khau dai")).update();
        String base = "http://localhost:" + port;
        HttpClient session = HttpClient.newBuilder().cookieHandler(new java.net.CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build();
        String token = csrf(session.send(HttpRequest.newBuilder(URI.create(base + "/login")).build(),
                HttpResponse.BodyHandlers.ofString()).body());
        session.send(HttpRequest.newBuilder(URI.create(base + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=" + username + "&password=mot+cau+mat+khau+dai&_csrf=" + token))
                .build(), HttpResponse.BodyHandlers.ofString());
        String pageToken = csrf(session.send(HttpRequest.newBuilder(URI.create(base + "/years")).build(),
                HttpResponse.BodyHandlers.ofString()).body());
        for (String year : new String[] {"abc", "99999999999999999999", "1e400"}) {
            for (String reason : new String[] {"", "Sửa+số+liệu"}) {
                HttpResponse<String> answer = session.send(HttpRequest.newBuilder(URI.create(base + "/years/reopen"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString("year=" + year + "&reason=" + reason + "&_csrf=" + pageToken))
                        .build(), HttpResponse.BodyHandlers.ofString());
                assertThat(answer.statusCode()).as(year + " / " + reason).isEqualTo(200);
                assertThat(answer.body()).contains("is-invalid");
            }
        }
    }

    private static String csrf(String html) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(html);
        assertThat(m.find()).as("a CSRF token in the page").isTrue();
        return m.group(1);
    }

    @Test
    void aPlainRequestGetsNoneOfThat() throws Exception {
        HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(302);
        assertThat(response.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).startsWith("http://"));
        assertThat(response.headers().firstValue("Strict-Transport-Security")).isEmpty();
        assertThat(response.headers().allValues("Set-Cookie")).noneSatisfy(c -> assertThat(c).contains("Secure"));
    }
}
