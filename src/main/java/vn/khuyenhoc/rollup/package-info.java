/**
 * Roll-ups and dashboards, populations and groups of provinces; money by kind names the fund's categories.
 */
@ApplicationModule(allowedDependencies = {"audit", "centre", "fund", "orgunit", "registration", "shared", "web"})
package vn.khuyenhoc.rollup;

import org.springframework.modulith.ApplicationModule;
