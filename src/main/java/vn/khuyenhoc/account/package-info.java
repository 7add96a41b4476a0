/**
 * Accounts, sign-in and passwords.
 */
@ApplicationModule(allowedDependencies = {"audit", "orgunit", "shared"})
package vn.khuyenhoc.account;

import org.springframework.modulith.ApplicationModule;
