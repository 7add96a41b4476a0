/**
 * Commendations of the emulation movement (Decision 1315/QĐ-TTg): recorded per node, listed with the subtree,
 * counted by their roll-up (issue 14).
 */
@ApplicationModule(allowedDependencies = {"audit", "closing", "orgunit", "shared"})
package vn.khuyenhoc.commendation;

import org.springframework.modulith.ApplicationModule;
