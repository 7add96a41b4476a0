package vn.khuyenhoc.system;

/** A production run was started without saying which PostgreSQL to use. */
public class MissingDatabaseException extends IllegalStateException {

    public MissingDatabaseException() {
        super("No database configured: SPRING_DATASOURCE_URL is not set and the dev profile is not active.");
    }
}
