/**
 * Criteria sets by which titles are recognised (versioned, frozen once used), scored evaluations on a phone or from a
 * spreadsheet, with the result computed from the set's rule (issue 14).
 */
@ApplicationModule(allowedDependencies = {"audit", "orgunit", "registration", "shared"})
package vn.khuyenhoc.criteria;

import org.springframework.modulith.ApplicationModule;
