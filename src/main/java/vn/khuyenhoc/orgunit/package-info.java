/**
 * The tree of nodes and grassroots units; the scope check every feature resolves node ids through; the unit page
 * and the sections features add to it.
 */
@ApplicationModule(allowedDependencies = {"audit", "shared"})
package vn.khuyenhoc.orgunit;

import org.springframework.modulith.ApplicationModule;
