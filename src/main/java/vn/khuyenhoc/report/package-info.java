/**
 * The annual statistics export.
 */
@ApplicationModule(allowedDependencies = {"closing", "orgunit", "rollup", "shared"})
package vn.khuyenhoc.report;

import org.springframework.modulith.ApplicationModule;
