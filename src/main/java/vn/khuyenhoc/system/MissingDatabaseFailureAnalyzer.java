package vn.khuyenhoc.system;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Turns a missing database URL into the short explanation Spring Boot prints instead of a stack trace. */
class MissingDatabaseFailureAnalyzer extends AbstractFailureAnalyzer<MissingDatabaseException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, MissingDatabaseException cause) {
        return new FailureAnalysis(cause.getMessage(),
                "Set SPRING_DATASOURCE_URL, SPRING_DATASOURCE_USERNAME and SPRING_DATASOURCE_PASSWORD to your "
                        + "PostgreSQL server (docker compose up gives one), or run ./mvnw spring-boot:run, which "
                        + "starts an embedded PostgreSQL with its data under ./data/.",
                cause);
    }
}
