/**
 * The denominators of the shares (households, clans, villages, organisations, their staff, adults) and the targets
 * they are judged by, kept per node and year; the dashboards read them through the roll-ups.
 */
@ApplicationModule(allowedDependencies = {"audit", "orgunit", "rollup", "shared"})
package vn.khuyenhoc.shares;

import org.springframework.modulith.ApplicationModule;
