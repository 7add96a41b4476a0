/**
 * Printable certificates (PDF, A5 landscape, an embedded font) of a recognition decision or of one registration
 * (issue 14).
 */
@ApplicationModule(allowedDependencies = {"criteria", "orgunit", "registration", "shared"})
package vn.khuyenhoc.certificate;

import org.springframework.modulith.ApplicationModule;
