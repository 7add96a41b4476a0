/**
 * Learning-title registrations and their year-end evaluation.
 */
@ApplicationModule(allowedDependencies = {"audit", "closing", "orgunit", "shared"})
package vn.khuyenhoc.registration;

import org.springframework.modulith.ApplicationModule;
