package vn.khuyenhoc.support;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.junit.jupiter.SpringExtension;

/**
 * Tests share one database: a year a test closes must not stay closed for the next test (nor for the demo data of
 * the browser tests), so every integration test ends with no closed year; likewise no yearly report stays submitted
 * (a submitted report locks its commune's records of the year) and no reporting deadline stays set.
 */
public class ReopenClosedYears implements AfterEachCallback {

    @Override
    public void afterEach(ExtensionContext context) {
        JdbcClient jdbc = SpringExtension.getApplicationContext(context).getBean(JdbcClient.class);
        jdbc.sql("DELETE FROM closed_year").update();
        jdbc.sql("DELETE FROM annual_report").update();
        jdbc.sql("DELETE FROM report_deadline").update();
    }
}
