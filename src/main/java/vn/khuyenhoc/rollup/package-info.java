/**
 * Roll-ups and dashboards, populations and groups of provinces.
 */
@ApplicationModule(allowedDependencies = {"audit", "orgunit", "registration", "shared"})
package vn.khuyenhoc.rollup;

import org.springframework.modulith.ApplicationModule;
