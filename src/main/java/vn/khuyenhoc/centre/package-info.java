/**
 * Community learning centres (issue 15): the register of each commune's centres, each centre's year (activity by
 * kind, the chair's part, the digital-hub state) and the commune staff trained in digital skills. Funds name a
 * centre through {@code CentreService}; the roll-ups read {@code rollup_centres} and {@code CentreKind}.
 */
@ApplicationModule(allowedDependencies = {"audit", "closing", "orgunit", "shared"})
package vn.khuyenhoc.centre;

import org.springframework.modulith.ApplicationModule;
