/**
 * The append-only fund ledgers of every node.
 */
@ApplicationModule(allowedDependencies = {"audit", "closing", "orgunit", "shared"})
package vn.khuyenhoc.fund;

import org.springframework.modulith.ApplicationModule;
