/**
 * The yearly reporting cycle (issue 12): reports of communes and provinces, their lock, deadlines and reporting rates.
 */
@ApplicationModule(allowedDependencies = {"account", "audit", "closing", "orgunit", "rollup", "shared"})
package vn.khuyenhoc.reporting;

import org.springframework.modulith.ApplicationModule;
