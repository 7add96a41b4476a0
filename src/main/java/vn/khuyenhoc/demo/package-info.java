/**
 * The demo data set of the {@code demo} profile, loaded before the application reports itself ready.
 */
@ApplicationModule(allowedDependencies = {"account", "centre", "criteria", "fund", "generator", "member", "orgunit", "registration", "rollup", "shared", "shares"})
package vn.khuyenhoc.demo;

import org.springframework.modulith.ApplicationModule;
