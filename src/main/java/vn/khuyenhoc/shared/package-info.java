/**
 * What every feature uses: the signed-in user ({@code Staff}, {@code Scope}, {@code Role}), the Vietnam clock,
 * rule violations and their adapter, notices. An open module: every feature may use any of its types, and it
 * depends on none.
 */
@ApplicationModule(displayName = "shared", type = ApplicationModule.Type.OPEN)
package vn.khuyenhoc.shared;

import org.springframework.modulith.ApplicationModule;
