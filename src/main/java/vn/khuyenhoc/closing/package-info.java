/**
 * Closing years, and {@code ClosedYears}, which every feature asks before writing a dated record.
 */
@ApplicationModule(allowedDependencies = {"audit", "shared"})
package vn.khuyenhoc.closing;

import org.springframework.modulith.ApplicationModule;
