package vn.khuyenhoc.system;

import javax.sql.DataSource;

import org.postgresql.Driver;

import org.springframework.core.env.Environment;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;
import org.springframework.util.StringUtils;

/**
 * Connections as the owner of the tables (the role Flyway migrates as, {@code spring.flyway.user}), for the few
 * tools that must alter tables: the data set generator (replica mode, triggers off) and tests that prove a guard
 * holds even for the owner. The application itself never uses them: it connects as a role that may only read and
 * write rows. Without a separate Flyway user, this is the application's own data source.
 */
public final class OwnerDataSource {

    private OwnerDataSource() {
    }

    public static DataSource of(Environment environment, DataSource applicationDataSource) {
        String user = environment.getProperty("spring.flyway.user");
        if (!StringUtils.hasText(user)) {
            return applicationDataSource;
        }
        String url = environment.getProperty("spring.flyway.url", environment.getRequiredProperty(DatabaseEnvironmentPostProcessor.URL));
        return new SimpleDriverDataSource(new Driver(), url, user, environment.getProperty("spring.flyway.password", ""));
    }
}
