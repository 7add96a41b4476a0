/**
 * The append-only audit log that every change writes in its own transaction.
 */
@ApplicationModule(allowedDependencies = {"shared"})
package vn.khuyenhoc.audit;

import org.springframework.modulith.ApplicationModule;
