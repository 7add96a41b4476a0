package vn.khuyenhoc.shared;

import org.jspecify.annotations.Nullable;

/**
 * The username of the signed-in user whose request the current thread serves, for the rare code that must know it
 * outside a controller's {@code @CurrentStaff} (the dashboards' cache notes who committed a change, in a
 * transaction listener). Implemented by the account feature, which alone reads the security context.
 */
@FunctionalInterface
public interface CurrentUsername {

    /** None outside a signed-in user's request. */
    @Nullable String get();
}
