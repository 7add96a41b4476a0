/**
 * Choosing the database at start (the embedded PostgreSQL of the dev profile, or a URL), before the application
 * context exists.
 */
@ApplicationModule(allowedDependencies = {})
package vn.khuyenhoc.system;

import org.springframework.modulith.ApplicationModule;
