/**
 * Locale, error pages, the templates' {@code #times}, and readiness at the web edge.
 */
@ApplicationModule(allowedDependencies = {"shared"})
package vn.khuyenhoc.web;

import org.springframework.modulith.ApplicationModule;
