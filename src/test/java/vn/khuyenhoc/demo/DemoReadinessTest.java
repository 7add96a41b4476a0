package vn.khuyenhoc.demo;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.LinkedHashMap;
import java.util.Map;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.availability.ApplicationAvailability;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.Ordered;
import org.springframework.jdbc.core.simple.JdbcClient;

import vn.khuyenhoc.KhuyenhocApplication;
import vn.khuyenhoc.support.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Starting up with the demo profile, as {@code ./mvnw spring-boot:run} does, on a fresh database of its own (on the
 * tests' PostgreSQL server): while the demo data is loading, the server answers every page with 503 and reports
 * itself not ready; once it is loaded, readiness is UP and the demo accounts sign in. The demo also generates a
 * small data set across every province, leaving the demo commune's own records as the demo enters them.
 */
@IntegrationTest
class DemoReadinessTest {

    @Autowired
    DataSource testDatabase;

    @Test
    void theServerAcceptsRequestsOnlyOnceTheDemoIsLoaded() throws Exception {
        String url = freshDatabase("khuyenhoc_readiness");
        Map<String, Object> whileLoading = new LinkedHashMap<>();
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(KhuyenhocApplication.class)
                .profiles("demo")
                .initializers(context -> ((org.springframework.context.support.GenericApplicationContext) context)
                        .registerBean(EarlyProbe.class, () -> new EarlyProbe(context, whileLoading)))
                .run("--spring.datasource.url=" + url, "--spring.datasource.username=postgres",
                        "--spring.datasource.password=postgres", "--server.port=0",
                        "--spring.main.banner-mode=off")) {
            // before the demo loaders ran: not ready, and pages refused
            assertThat(whileLoading.get("readiness")).hasToString("REFUSING_TRAFFIC");
            assertThat(whileLoading.get("nationalAccounts")).isEqualTo(0L);
            assertThat(whileLoading.get("/login")).isEqualTo(503);
            assertThat(whileLoading.get("/actuator/health/readiness")).isEqualTo(503);

            int port = ((WebServerApplicationContext) app).getWebServer().getPort();
            assertThat(app.getBean(ApplicationAvailability.class).getReadinessState()).hasToString("ACCEPTING_TRAFFIC");
            HttpResponse<String> readiness = get(port, "/actuator/health/readiness");
            assertThat(readiness.statusCode()).isEqualTo(200);
            assertThat(readiness.body()).contains("\"status\":\"UP\"");
            assertThat(get(port, "/login").statusCode()).isEqualTo(200);

            JdbcClient jdbc = app.getBean(JdbcClient.class);
            assertThat(jdbc.sql("SELECT count(*) FROM app_user WHERE username IN ('national', 'province', 'commune', 'chapter')")
                    .query(Long.class).single()).isEqualTo(4);
            // the country around the demo commune: members in every province
            assertThat(jdbc.sql("SELECT count(DISTINCT province_id) FROM member").query(Long.class).single()).isEqualTo(34);
            // the demo commune as the demo makes it: its five units, nothing generated in it
            long commune = jdbc.sql("SELECT id FROM org_unit WHERE code = :c").param("c", DemoData.COMMUNE_CODE)
                    .query(Long.class).single();
            assertThat(jdbc.sql("SELECT count(*) FROM org_unit WHERE parent_id = :c").param("c", commune)
                    .query(Long.class).single()).isEqualTo(DemoData.GRASSROOTS.length);
            assertThat(jdbc.sql("""
                    SELECT (SELECT count(*) FROM fund_entry WHERE commune_id = :c AND recorded_by = 'generator')
                         + (SELECT count(*) FROM title_registration WHERE commune_id = :c AND created_by = 'generator')
                    """).param("c", commune).query(Long.class).single()).isZero();
            assertThat(jdbc.sql("SELECT count(*) FROM title_registration WHERE commune_id = :c").param("c", commune)
                    .query(Long.class).single()).isPositive();
        }
    }

    /** Runs before every other runner (the demo loaders among them) and notes what a visitor would see then. */
    static final class EarlyProbe implements ApplicationRunner, Ordered {

        private final org.springframework.context.ApplicationContext context;
        private final Map<String, Object> seen;

        EarlyProbe(org.springframework.context.ApplicationContext context, Map<String, Object> seen) {
            this.context = context;
            this.seen = seen;
        }

        @Override
        public int getOrder() {
            return Ordered.HIGHEST_PRECEDENCE;
        }

        @Override
        public void run(ApplicationArguments args) throws Exception {
            seen.put("readiness", context.getBean(ApplicationAvailability.class).getReadinessState());
            seen.put("nationalAccounts", context.getBean(JdbcClient.class)
                    .sql("SELECT count(*) FROM app_user WHERE username = 'national'").query(Long.class).single());
            int port = ((WebServerApplicationContext) context).getWebServer().getPort();
            seen.put("/login", get(port, "/login").statusCode());
            seen.put("/actuator/health/readiness", get(port, "/actuator/health/readiness").statusCode());
        }
    }

    private static HttpResponse<String> get(int port, String path) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** A new, empty database on the tests' server, for an application that migrates it from nothing. */
    private String freshDatabase(String name) throws Exception {
        String testUrl;
        try (Connection c = testDatabase.getConnection()) {
            testUrl = c.getMetaData().getURL();
        }
        int slash = testUrl.indexOf('/', "jdbc:postgresql://".length());
        int question = testUrl.indexOf('?', slash);
        String prefix = testUrl.substring(0, slash + 1);
        String query = question < 0 ? "" : testUrl.substring(question);
        try (Connection admin = DriverManager.getConnection(prefix + "postgres" + query, "postgres", "postgres")) {
            admin.createStatement().execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
            admin.createStatement().execute("CREATE DATABASE " + name + " ENCODING 'UTF8'");
        }
        return prefix + name + query;
    }
}
