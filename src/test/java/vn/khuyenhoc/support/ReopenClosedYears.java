package vn.khuyenhoc.support;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.junit.jupiter.SpringExtension;

/**
 * Tests share one database: a year a test closes must not stay closed for the next test (nor for the demo data of
 * the browser tests), so every integration test ends with no closed year.
 */
public class ReopenClosedYears implements AfterEachCallback {

    @Override
    public void afterEach(ExtensionContext context) {
        SpringExtension.getApplicationContext(context).getBean(JdbcClient.class)
                .sql("DELETE FROM closed_year").update();
    }
}
