/**
 * Choosing the database at start (the embedded PostgreSQL of the dev profile, or a URL), before the application
 * context exists; and, with a streaming replica configured, sending read-only transactions to it
 * ({@code ReplicaRoutingConfiguration}, offering {@code shared.CurrentReads} to the dashboards' cache).
 */
@ApplicationModule(allowedDependencies = {"shared"})
package vn.khuyenhoc.system;

import org.springframework.modulith.ApplicationModule;
