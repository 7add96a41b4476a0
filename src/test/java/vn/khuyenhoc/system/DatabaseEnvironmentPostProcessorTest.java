package vn.khuyenhoc.system;

import java.util.List;
import java.util.stream.StreamSupport;

import org.junit.jupiter.api.Test;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.logging.DeferredLogFactory;
import org.springframework.core.env.PropertySource;
import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Which PostgreSQL the application uses, decided before anything connects; a production run never guesses. */
class DatabaseEnvironmentPostProcessorTest {

    private final DeferredLogFactory logs = destination -> destination.get();

    private final DatabaseEnvironmentPostProcessor processor = new DatabaseEnvironmentPostProcessor(logs);

    @Test
    void aProductionRunWithoutADatabaseUrlStopsWithAClearMessage() {
        MockEnvironment environment = new MockEnvironment();
        environment.setActiveProfiles("prod");

        assertThatThrownBy(() -> processor.postProcessEnvironment(environment, new SpringApplication()))
                .isInstanceOf(MissingDatabaseException.class)
                .hasMessageContaining("SPRING_DATASOURCE_URL is not set")
                .hasMessageContaining("dev profile");
        assertThat(environment.containsProperty("spring.datasource.url")).isFalse();
    }

    @Test
    void noProfileAtAllIsAProductionRunToo() {
        MockEnvironment blank = new MockEnvironment().withProperty("spring.datasource.url", " ");
        assertThatThrownBy(() -> processor.postProcessEnvironment(blank, new SpringApplication()))
                .isInstanceOf(MissingDatabaseException.class);
    }

    @Test
    void theFailureAnalysisTellsWhatToSet() {
        FailureAnalysis analysis = new MissingDatabaseFailureAnalyzer().analyze(new MissingDatabaseException());
        assertThat(analysis.getDescription()).contains("SPRING_DATASOURCE_URL");
        assertThat(analysis.getAction()).contains("SPRING_DATASOURCE_URL").contains("SPRING_DATASOURCE_USERNAME")
                .contains("SPRING_DATASOURCE_PASSWORD").contains("./mvnw spring-boot:run");
    }

    @Test
    void withADatabaseUrlTheEnvironmentIsLeftAlone() {
        for (String[] profiles : new String[][] {{}, {"prod"}, {"dev"}, {"dev", "demo"}}) {
            MockEnvironment environment = new MockEnvironment()
                    .withProperty("spring.datasource.url", "jdbc:postgresql://db.example:5432/khuyenhoc")
                    .withProperty("spring.datasource.username", "app");
            environment.setActiveProfiles(profiles);
            List<String> sources = names(environment);

            processor.postProcessEnvironment(environment, new SpringApplication());

            assertThat(names(environment)).isEqualTo(sources);
            assertThat(environment.getProperty("spring.datasource.url"))
                    .isEqualTo("jdbc:postgresql://db.example:5432/khuyenhoc");
            assertThat(environment.getProperty("spring.datasource.username")).isEqualTo("app");
        }
    }

    @Test
    void aJdbcUrlIsSplitIntoServerDatabaseAndParameters() {
        var plain = DatabaseEnvironmentPostProcessor.JdbcUrl.parse("jdbc:postgresql://db.example:5432/khuyenhoc");
        assertThat(plain.prefix()).isEqualTo("jdbc:postgresql://db.example:5432/");
        assertThat(plain.database()).isEqualTo("khuyenhoc");
        assertThat(plain.query()).isEmpty();
        assertThat(plain.withDatabase("khuyenhoc_test")).isEqualTo("jdbc:postgresql://db.example:5432/khuyenhoc_test");

        var withParams = DatabaseEnvironmentPostProcessor.JdbcUrl
                .parse("jdbc:postgresql://db.example/khuyenhoc?sslmode=require&currentSchema=public");
        assertThat(withParams.database()).isEqualTo("khuyenhoc");
        assertThat(withParams.query()).isEqualTo("?sslmode=require&currentSchema=public");
        assertThat(withParams.withDatabase("postgres"))
                .isEqualTo("jdbc:postgresql://db.example/postgres?sslmode=require&currentSchema=public");

        var severalHosts = DatabaseEnvironmentPostProcessor.JdbcUrl
                .parse("jdbc:postgresql://a.example:5432,b.example:5433/khuyenhoc?targetServerType=primary");
        assertThat(severalHosts.withDatabase("khuyenhoc_test"))
                .isEqualTo("jdbc:postgresql://a.example:5432,b.example:5433/khuyenhoc_test?targetServerType=primary");
    }

    @Test
    void aUrlThatIsNotAPostgreSqlUrlWithADatabaseIsRefused() {
        for (String url : new String[] {"jdbc:mysql://db/khuyenhoc", "jdbc:postgresql://db.example:5432",
                "jdbc:postgresql:khuyenhoc"}) {
            assertThatThrownBy(() -> DatabaseEnvironmentPostProcessor.JdbcUrl.parse(url))
                    .as(url).isInstanceOf(IllegalStateException.class).hasMessageContaining(url);
        }
    }

    private static List<String> names(MockEnvironment environment) {
        return StreamSupport.stream(environment.getPropertySources().spliterator(), false)
                .map(PropertySource::getName).toList();
    }
}
