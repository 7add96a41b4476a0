/**
 * The demo data set of the {@code demo} profile, loaded before the application reports itself ready.
 */
@ApplicationModule(allowedDependencies = {"account", "fund", "generator", "member", "orgunit", "registration", "rollup", "shared"})
package vn.khuyenhoc.demo;

import org.springframework.modulith.ApplicationModule;
