/**
 * Members: lists, search, the member form and status; the roster import in {@code member.roster} (internal).
 */
@ApplicationModule(allowedDependencies = {"audit", "closing", "orgunit", "shared"})
package vn.khuyenhoc.member;

import org.springframework.modulith.ApplicationModule;
